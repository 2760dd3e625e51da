/**
 * npx node bench/build-memory.ts — one build of a generated archive, for what holds its memory.
 *
 * Writes `--stories` generated stories (bench/build/stories.ts) into a copy of content/ under tmp/,
 * runs the production build on it (scripts/astro-build.ts: whole, or in parts past 2,500 stories) under
 * `nice -n 10` with a cold content cache, and reports the peak RSS (the build's process tree, and its
 * largest process, polled every 100 ms), the wall time and the machine's 1-minute load before and after
 * (memory does not depend on the load; time does). One whole build at a time per checkout: Astro writes
 * `.astro/content-modules.mjs` into the project whatever the content folder (BENCHMARKS §2).
 *
 * Options: --stories 2000 --format mdx|md --component-share 1 (the share of .mdx stories that use
 * components; the rest are prose alone) --label text --keep-out dir (leave the built site there, e.g. to
 * diff pages) --timeout-min 60 --heap-mib 12288 --parts N (HUIGONG_BUILD_PARTS: story parts; 1 builds whole). Environment variables pass through to the build (e.g.
 * NODE_OPTIONS additions). Each result is appended to bench/results/build-memory.json.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeStories } from './build/stories.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { measure } from './lib/process-tree.ts';
import { round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '2000' },
    format: { type: 'string', default: 'mdx' },
    'component-share': { type: 'string', default: '1' },
    label: { type: 'string', default: '' },
    'keep-out': { type: 'string' },
    'timeout-min': { type: 'string', default: '60' },
    'heap-mib': { type: 'string', default: '12288' },
    parts: { type: 'string' },
  },
});
const stories = Number(values.stories);
const componentShare = Number(values['component-share']);
const plainMarkdown = values.format === 'md';
const BIN = path.join(ROOT, 'node_modules', '.bin');

mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, 'tmp', 'build-memory-'));
try {
  const catalogue = path.join(work, 'catalogue.json');
  const catalogueRun = await measure(path.join(BIN, 'node'), ['scripts/build-catalogue.ts'], { cwd: ROOT, env: childEnv({ HUIGONG_CATALOGUE: catalogue }), timeoutMs: 60_000 });
  if (catalogueRun.status !== 0) throw new Error(`build-catalogue failed:\n${catalogueRun.output}`);
  const contentDir = path.join(work, 'content');
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
  writeStories(path.join(contentDir, 'news'), stories, { plainMarkdown, componentShare });
  const out = values['keep-out'] ? path.resolve(values['keep-out']) : path.join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const cache = path.join(ROOT, 'node_modules', `.astro-${path.basename(contentDir)}`);
  const partCaches = path.join(ROOT, 'node_modules', '.astro-parts');
  rmSync(cache, { recursive: true, force: true });
  rmSync(partCaches, { recursive: true, force: true });

  const loadBefore = round(loadavg()[0]!, 2);
  const build = await measure('nice', ['-n', '10', path.join(BIN, 'node'), 'scripts/astro-build.ts'], {
    cwd: ROOT,
    env: childEnv({
      HUIGONG_CONTENT_DIR: contentDir,
      HUIGONG_OUT_DIR: out,
      HUIGONG_CATALOGUE: catalogue,
      ...(values.parts ? { HUIGONG_BUILD_PARTS: values.parts } : {}),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${Number(values['heap-mib'])}`.trim(),
    }),
    timeoutMs: Number(values['timeout-min']) * 60_000,
  });
  const loadAfter = round(loadavg()[0]!, 2);
  rmSync(cache, { recursive: true, force: true });
  rmSync(partCaches, { recursive: true, force: true });
  if (build.status !== 0) {
    console.error(build.output.slice(-4000));
    throw new Error(`astro build failed (exit ${build.status})`);
  }
  const storyPages = readdirSync(path.join(out, 'news')).filter((name) => name.startsWith('bench-')).length;
  if (storyPages !== stories) throw new Error(`${storyPages} story pages, expected ${stories}`);
  const result = {
    label: values.label,
    stories,
    format: values.format,
    componentShare,
    parts: values.parts ?? 'auto',
    peakTreeMiB: round(build.peakTreeKiB / 1024, 0),
    peakProcessMiB: round(build.peakProcessKiB / 1024, 0),
    wallS: round(build.wallMs / 1000, 1),
    loadBefore,
    loadAfter,
    date: new Date().toISOString(),
  };
  console.log(JSON.stringify(result));
  const file = path.join(ROOT, 'bench', 'results', 'build-memory.json');
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : [];
  writeFileSync(file, `${JSON.stringify([...before, result], null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
