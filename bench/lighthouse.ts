/**
 * npm run bench:lighthouse — Lighthouse 12.2.3 (mobile preset: emulated phone, simulated slow 4G and
 * 4× CPU slowdown) with Debian's Chromium against `wrangler dev` serving a production build of the site.
 *
 * The site is built into a temporary folder with SITE_URL set to the local server's origin, so canonical
 * links point at the page Lighthouse loads, as they do in production (a build for
 * https://huigong.example.org served from 127.0.0.1 fails the SEO canonical audit for that reason
 * alone). The cinema catalogue includes the local demo screening, as `npm start` has it.
 *
 * Each page is audited --runs times (default 3); the report gives the median score of each category
 * and every audit that scored below 1 in any run, with Lighthouse's reason.
 * Options: --runs 3 --pages /,/news/sichuan-gonghui-345/,/honors/,/programs/,/cinema/ --keep
 * Bounded: each Lighthouse run is killed after 3 minutes; the server is stopped at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, snapshotCode, startDevServer } from './lib/dev-server.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { markdownTable, median } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string', default: '/,/news/sichuan-gonghui-345/,/honors/,/programs/,/cinema/' },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const PAGES = values.pages.split(',');
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const BIN = path.join(ROOT, 'node_modules', '.bin');

if (!existsSync(CHROME)) throw new Error(`no Chromium at ${CHROME} (apt-get install chromium, or set CHROMIUM_PATH)`);

function run(command: string, args: string[], env: Record<string, string> = {}, timeout = 600_000) {
  const result = spawnSync(command, args, { cwd: ROOT, env: childEnv(env), encoding: 'utf8', timeout, maxBuffer: 64 * 2 ** 20 });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed:\n${result.stdout?.slice(-3000)}\n${result.stderr?.slice(-3000)}`);
  return result.stdout;
}

const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-lighthouse-'));
const site = path.join(work, 'site');
const catalogue = path.join(work, 'catalogue.json');
const state = path.join(work, 'state');
mkdirSync(state);
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;

/** The page's HTTP status (retried: wrangler dev may close an idle keep-alive connection under us). */
async function statusOf(url: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { headers: { 'Cache-Control': 'no-cache' } });
      await response.arrayBuffer();
      return response.status;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

interface Audit {
  id: string;
  title: string;
  category: string;
  weight: number;
  score: number;
  displayValue?: string;
  explanation?: string;
  items?: string[];
}

const results: {
  page: string;
  status: number;
  runs: { scores: Record<string, number>; failing: Audit[]; cpuBusyBefore: number; totalBlockingTimeMs: number }[];
  median?: Record<string, number>;
}[] = [];

let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
let code: string | undefined;
try {
  console.log(`bench:lighthouse — building the site for ${origin} into ${site}`);
  run(path.join(BIN, 'node'), ['scripts/build-catalogue.ts', '--demo'], { HUIGONG_CATALOGUE: catalogue });
  run(path.join(BIN, 'astro'), ['build'], { SITE_URL: origin, HUIGONG_OUT_DIR: site, HUIGONG_CATALOGUE: catalogue });
  run(path.join(BIN, 'node'), ['scripts/dev-setup.ts', '--persist-to', state, '--members', '0']);
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  code = snapshotCode(mkdtempSync(path.join(ROOT, 'tmp', 'bench-lighthouse-code-')));
  server = await startDevServer({ state, catalogue, assets: site, port, code });
  const version = run(path.join(BIN, 'lighthouse'), ['--version']).trim();
  const chromium = spawnSync(CHROME, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`lighthouse ${version}, ${chromium}; ${RUNS} runs per page\n`);

  for (const page of PAGES) {
    const url = new URL(page, origin).href;
    const status = await statusOf(url);
    const entry: (typeof results)[number] = { page, status, runs: [] };
    results.push(entry);
    if (status !== 200) {
      console.log(`${page}: HTTP ${status}, not audited`);
      continue;
    }
    for (let i = 1; i <= RUNS; i++) {
      const output = path.join(work, `${page.replace(/\W+/g, '_')}-${i}.json`);
      // Lighthouse multiplies the main thread's observed work by four: others' work on a shared
      // 2-core machine shows up as Total Blocking Time. Start each run on a quiet machine.
      const quiet = await waitForQuiet();
      run(
        path.join(BIN, 'lighthouse'),
        [url, '--output=json', `--output-path=${output}`, '--quiet', `--chrome-flags=${CHROME_FLAGS}`, '--max-wait-for-load=45000'],
        { CHROME_PATH: CHROME },
        180_000,
      );
      const lhr = JSON.parse(readFileSync(output, 'utf8'));
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const failing: Audit[] = [];
      for (const category of CATEGORIES) {
        for (const ref of lhr.categories[category].auditRefs as { id: string; weight: number }[]) {
          const audit = lhr.audits[ref.id];
          if (!audit || audit.score === null || audit.score >= 1) continue;
          if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
          const items = (audit.details?.items ?? [])
            .slice(0, 5)
            .map((item: any) => item.node?.snippet ?? item.url ?? item.source?.url ?? item.description ?? JSON.stringify(item).slice(0, 160));
          failing.push({
            id: ref.id,
            title: audit.title,
            category,
            weight: ref.weight,
            score: audit.score,
            ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
            ...(audit.explanation ? { explanation: audit.explanation } : {}),
            ...(items.length ? { items } : {}),
          });
        }
      }
      const totalBlockingTimeMs = Math.round(lhr.audits['total-blocking-time'].numericValue);
      entry.runs.push({ scores, failing, cpuBusyBefore: quiet.busy, totalBlockingTimeMs });
      console.log(
        `${page} run ${i} (CPU busy before ${Math.round(quiet.busy * 100)} %): ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}, TBT ${totalBlockingTimeMs} ms` +
          `${failing.length ? `; below 1: ${failing.map((a) => a.id).join(', ')}` : ''}`,
      );
    }
    entry.median = Object.fromEntries(CATEGORIES.map((c) => [c, median(entry.runs.map((r) => r.scores[c]!))]));
  }

  const report = { machine: machine(), lighthouse: version, chromium, runs: RUNS, origin, results };
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  const file = path.join(ROOT, 'bench', 'results', 'lighthouse.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\nMedian scores of ${RUNS} runs (mobile preset)\n`);
  console.log(
    markdownTable(
      ['page', 'HTTP', ...CATEGORIES],
      results.map((r) => [r.page, r.status, ...CATEGORIES.map((c) => (r.median ? r.median[c]! : '–'))]),
    ),
  );
  const failing = results.flatMap((r) =>
    Object.values(
      Object.groupBy(
        r.runs.flatMap((run) => run.failing),
        (a) => a.id,
      ),
    ).map((list) => ({ page: r.page, runs: list!.length, audit: list![0]! })),
  );
  console.log(failing.length ? '\nAudits below 1 (page, audit, runs, reason):' : '\nNo audit scored below 1 on any page.');
  for (const { page, runs, audit } of failing) {
    console.log(
      `- ${page} ${audit.category}/${audit.id} (weight ${audit.weight}) in ${runs}/${RUNS} runs: ${audit.title}` +
        `${audit.displayValue ? ` — ${audit.displayValue}` : ''}${audit.explanation ? ` — ${audit.explanation}` : ''}` +
        `${audit.items ? `\n    ${audit.items.join('\n    ')}` : ''}`,
    );
  }
  console.log(`\nwritten ${path.relative(ROOT, file)}`);
} finally {
  await server?.stop();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  if (code) rmSync(code, { recursive: true, force: true });
}
