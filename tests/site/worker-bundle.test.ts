import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run';

// The Worker's cost of starting grows with its bundle: workerd parses and evaluates all of it on a cold
// start. The bundle is what `wrangler deploy` would upload, built by its --dry-run. Sizes as in
// page-weight.test.ts: gzip level 9, each module on its own, 1 KB = 1,000 bytes. December 2026: ~514 KB
// raw, ~99 KB gzip (zod, the catalogue, csv-stringify, Hono and our code); then ~619 KB / ~122 KB with
// the staff accounts, the roster upload, the offline door and the noon queue (our own code, no new
// dependency: functions/ grew to ~238 KB raw); then ~677 KB / ~136 KB with the lottery, member standing and
// their checks at the draw and on the waitlist (our code again: zod, Hono and csv-stringify unchanged). The budget
// leaves ~10 % headroom. It was ~1,083 KB / ~175 KB while the Worker imported zod as `import { z } from 'zod'`, which
// bundled all of zod, its 40-odd locales and JSON Schema converters included: `import * as z` lets the
// bundler keep only what is used (BENCHMARKS.md › 6), and going back fails here.
const WORKER_GZIP_BUDGET = 150_000;

const outdir = mkdtempSync(path.join(tmpdir(), 'huigong-worker-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the Worker bundle', () => {
  it(`stays within ${WORKER_GZIP_BUDGET / 1000} KB gzip`, () => {
    const { status, output } = run('wrangler', ['deploy', '--dry-run', '--outdir', outdir]);
    expect(status, output).toBe(0);
    const modules = readdirSync(outdir).filter((file) => /\.(m?js|wasm)$/.test(file));
    expect(modules).toContain('index.js');
    // The browser editor lives only under `astro dev`: none of it reaches the Worker.
    const editorCode = modules.filter((file) => /@keystatic|react-dom/.test(readFileSync(path.join(outdir, file), 'utf8')));
    expect(editorCode, 'Keystatic or React in the Worker bundle').toEqual([]);
    const raw = modules.reduce((sum, file) => sum + readFileSync(path.join(outdir, file)).length, 0);
    const gzip = modules.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(outdir, file)), { level: 9 }).length, 0);
    const sizes = `${Math.round(raw / 1000)} KB raw, ${Math.round(gzip / 1000)} KB gzip`;
    expect(gzip, `Worker bundle ${sizes}: over budget; a dependency bundled but unused? (wrangler deploy --dry-run --outdir … --metafile)`).toBeLessThanOrEqual(
      WORKER_GZIP_BUDGET,
    );
  });
});
