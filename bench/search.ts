/**
 * npm run bench:search — search quality and speed on a generated archive, searched by the Worker
 * from D1 (GET /api/search), and the index step's cost.
 *
 * Generates an archive of --stories stories (default 3,000; bench/search/archive.ts: right answers
 * known by construction), writes its pages, puts them into a local D1 with the deploy's own reindex
 * (`npm run search:reindex -- --local --persist-to`: search documents from the pages' data-search-*
 * markup, SQL files run by `wrangler d1 execute`), starts `wrangler dev --persist-to` on it and measures:
 * - quality: precision@10 and recall per kind of query (names, places, two-character words, words
 *   inside longer words, phrases, titles: every story's title, or --titles N of them) and the titles
 *   whose story is in their first ten results, over HTTP (recall reads every page of results, at most
 *   --max-pages);
 * - cold queries in headless Chromium, a fresh browser context each (nothing cached): `api`, the
 *   /api/search fetch alone from a page of the site; `page`, the search page from navigation of
 *   /search/?q=… to the first result shown (--result-selector), when the served site has one.
 *   Milliseconds and bytes fetched (Resource Timing transferSize) per query.
 * - the index step: the reindex's wall time and peak memory, the D1 database's size on disk, and a
 *   second reindex after one new story (only it is written).
 * Results in bench/results/search.json (or --out).
 *
 * Options: --stories 3000 --titles N --cold-titles 10 --modes api,page --site DIR (a built site to
 * serve under the archive, for its search page; default dist/ if built) --max-pages 50 (the API's last page) --keep
 * (leave the work folder) --reuse DIR (a kept folder: no generating or loading, only the queries)
 * --cold-only (no quality run: only the cold queries).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/browser.ts';
import { corpusSentences } from './build/stories.ts';
import { generateArchive, pageHtml } from './search/archive.ts';
import { d1Size } from './search/d1-size.ts';
import { reindexArchive, type LoadStep } from './search/load-d1.ts';
import { BLANK_PAGE, coldApi, coldPage, measureQuality, summarise, type ColdRun, type QueryScore } from './search/quality.ts';
import { writeArchive } from './search/write-archive.ts';
import { MAX_PAGE } from '../src/search/search-request.ts';
import { startDevServer } from './lib/dev-server.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { markdownTable, median, percentile, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '3000' },
    titles: { type: 'string' },
    'cold-titles': { type: 'string', default: '10' },
    modes: { type: 'string' },
    site: { type: 'string' },
    'result-selector': { type: 'string', default: '#search-results li' },
    'max-pages': { type: 'string', default: String(MAX_PAGE) },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    'cold-only': { type: 'boolean', default: false },
  },
});

interface Kept {
  stories: number;
  load: LoadStep;
  oneMore: LoadStep;
}

mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const work = values.reuse ? path.resolve(values.reuse) : mkdtempSync(path.join(ROOT, 'tmp', 'bench-search-'));
/** The archive's pages alone: what is indexed. */
const pages = path.join(work, 'pages');
/** What wrangler dev serves: a built site (for its search page), the archive's pages and a blank page. */
const site = path.join(work, 'site');
const state = path.join(work, 'state');
const kept: Kept | undefined = values.reuse ? JSON.parse(readFileSync(path.join(work, 'bench.json'), 'utf8')) : undefined;
const stories = kept?.stories ?? Number(values.stories);

const generating = performance.now();
const archive = generateArchive(stories, corpusSentences());
console.log(`bench:search — ${stories} stories generated in ${round((performance.now() - generating) / 1000, 1)} s, ${archive.queries.length} queries; work folder ${work}`);
if (values.titles) {
  const titles = archive.queries.filter((q) => q.kind === 'title');
  const every = Math.max(1, Math.floor(titles.length / Number(values.titles)));
  const chosen = new Set(titles.filter((_, i) => i % every === 0));
  archive.queries = archive.queries.filter((q) => q.kind !== 'title' || chosen.has(q));
}

const builtSite = values.site ? path.resolve(values.site) : path.join(ROOT, 'dist');
const hasSearchPage = existsSync(path.join(builtSite, 'search', 'index.html'));
// Made anew each run (with --reuse too), so a site built since is served.
rmSync(site, { recursive: true, force: true });
if (existsSync(builtSite)) cpSync(builtSite, site, { recursive: true });
writeArchive(site, archive);
if (!kept) writeArchive(pages, { ...archive, stories: archive.stories.slice(0, -1) });
mkdirSync(path.join(site, BLANK_PAGE), { recursive: true });
writeFileSync(path.join(site, BLANK_PAGE, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');
const modes = (values.modes ?? (hasSearchPage ? 'api,page' : 'api')).split(',') as ('api' | 'page')[];

let load = kept?.load;
let oneMore = kept?.oneMore;
if (!load || !oneMore) {
  const quiet = await waitForQuiet({ maxWaitMs: 60_000 });
  console.log(`search:reindex of ${archive.stories.length - 1 + archive.programs.length} pages into a local D1 (cpu busy ${quiet.busy}, load ${round(loadavg()[0]!, 2)})`);
  load = await reindexArchive(pages, state);
  console.log(`  ${load.summary}`);
  // The last story published after the others: the next reindex writes it alone.
  const last = archive.stories.at(-1)!;
  mkdirSync(path.join(pages, last.url), { recursive: true });
  writeFileSync(path.join(pages, last.url, 'index.html'), pageHtml(last));
  oneMore = await reindexArchive(pages, state);
  console.log(`  after one new story: ${oneMore.summary}`);
  writeFileSync(path.join(work, 'bench.json'), JSON.stringify({ stories, load, oneMore } satisfies Kept));
}
const MiB = (kib: number) => round(kib / 1024, 0);
const loadSummary = {
  reindexS: round(load.wallMs / 1000, 1),
  peakTreeMiB: MiB(load.peakTreeKiB),
  peakProcessMiB: MiB(load.peakProcessKiB),
  summary: load.summary,
  oneMoreS: round(oneMore.wallMs / 1000, 1),
  oneMoreSummary: oneMore.summary,
  d1: d1Size(state),
};
console.log(`index step: reindex ${loadSummary.reindexS} s (peak ${loadSummary.peakTreeMiB} MiB, largest process ${loadSummary.peakProcessMiB} MiB), after one new story ${loadSummary.oneMoreS} s; D1 database ${loadSummary.d1.mib} MiB (${Object.entries(loadSummary.d1.tables).map(([table, mib]) => `${table} ${mib}`).join(', ')})`);

/** Precision@10 and recall per kind, titles found, printed and returned. */
function qualityOf(scores: readonly QueryScore[]) {
  const kinds = [...new Set(scores.map((s) => s.kind))];
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, summarise(scores.filter((s) => s.kind === kind))]));
  const overall = summarise(scores);
  const titleScores = scores.filter((s) => s.kind === 'title');
  const titlesFound = `${titleScores.filter((s) => s.titleFound).length}/${titleScores.length}`;
  console.log(markdownTable(['queries', 'kind', 'precision@10', 'recall'], [...kinds.map((kind) => [byKind[kind]!.queries, kind, byKind[kind]!.precisionAt10, byKind[kind]!.recall]), [overall.queries, 'all', overall.precisionAt10, overall.recall]]));
  console.log(`titles whose story is in their first ten results: ${titlesFound}`);
  const capped = scores.filter((s) => s.capped && s.kind !== 'title').map((s) => ({ query: s.query, relevant: s.relevant, total: s.found }));
  if (capped.length) console.log(`recall read over the first ${Number(values['max-pages']) * 20} results only (right answers / the API's total): ${capped.map((c) => `${c.query} ${c.relevant}/${c.total}`).join(', ')}`);
  return { overall, byKind, titlesFound, capped };
}

// .dev.vars, which wrangler dev's copied config needs.
const setup = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/dev-setup.ts', '--persist-to', state, '--members', '0'], { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
if (setup.status !== 0) throw new Error(`dev-setup failed:\n${setup.stderr}`);
// Without the rate limits: the quality run sends thousands of queries from one address.
const server = await startDevServer({ state, assets: site, withoutRateLimits: true });
const browser = await launchChromium();
let record: Record<string, unknown>;
try {
  const scores = values['cold-only'] ? [] : await measureQuality((pathAndQuery) => fetch(new URL(pathAndQuery, server.base)), archive.queries, { maxPages: Number(values['max-pages']) });
  const quality = values['cold-only'] ? undefined : qualityOf(scores);

  const coldQueries = [...archive.queries.filter((q) => q.kind !== 'title').map((q) => q.query), ...archive.queries.filter((q) => q.kind === 'title').slice(0, Number(values['cold-titles'])).map((q) => q.query)];
  const cold: Record<string, unknown> = {};
  for (const mode of modes) {
    const quiet = await waitForQuiet({ maxWaitMs: 60_000 });
    const loadBefore = round(loadavg()[0]!, 2);
    const cold1 = (query: string) => (mode === 'api' ? coldApi(browser, server.base, query) : coldPage(browser, server.base, query, values['result-selector']));
    // Not counted: the browser's first context pays Chromium's own first-use costs.
    await cold1('工会');
    const runs: ColdRun[] = [];
    for (const query of coldQueries) runs.push(await cold1(query));
    const loadAfter = round(loadavg()[0]!, 2);
    const ms = runs.map((r) => r.ms);
    const apiMs = runs.map((r) => r.apiMs);
    const kib = runs.map((r) => r.bytes / 1024);
    const slowest = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
    cold[mode] = {
      queries: runs.length,
      cpuBusyBefore: quiet.busy,
      load: { before: loadBefore, after: loadAfter },
      medianMs: median(ms),
      p90Ms: percentile(ms, 90),
      maxMs: Math.max(...ms),
      slowest: { query: slowest.query, ms: slowest.ms, apiMs: slowest.apiMs },
      apiMedianMs: median(apiMs),
      apiStartMedianMs: median(runs.map((r) => r.apiStartMs)),
      apiMaxMs: Math.max(...apiMs),
      medianKiB: round(median(kib), 1),
      maxKiB: round(Math.max(...kib), 1),
      apiMedianKiB: round(median(runs.map((r) => r.apiBytes / 1024)), 1),
      over300ms: runs.filter((r) => r.ms > 300).map((r) => `${r.query} ${r.ms} ms`),
      runs,
    };
    console.log(
      `cold ${mode} (${runs.length} queries, load ${loadBefore} → ${loadAfter}): median ${median(ms)} ms, max ${Math.max(...ms)} ms (${slowest.query}); ` +
        `the /api/search request median ${median(apiMs)} ms (starting at ${median(runs.map((r) => r.apiStartMs))} ms), max ${Math.max(...apiMs)} ms; bytes median ${round(median(kib), 1)} KiB, max ${round(Math.max(...kib), 1)} KiB`,
    );
  }

  record = {
    stories,
    pages: archive.stories.length + archive.programs.length,
    indexStep: loadSummary,
    quality,
    cold,
    worst: scores
      .filter((s) => (s.kind === 'title' ? !s.titleFound : s.precisionAt10 < 1 || s.recall < 1))
      .map((s: QueryScore) => ({ query: s.query, kind: s.kind, relevant: s.relevant, results: s.found, p10: round(s.precisionAt10, 2), recall: round(s.recall, 2) })),
  };
  for (const w of (record.worst as { query: string; kind: string; relevant: number; results: number; p10: number; recall: number }[]).slice(0, 15)) {
    console.log(`  ${w.kind} ${w.query}: relevant ${w.relevant}, results ${w.results}, p@10 ${w.p10}, recall ${w.recall}`);
  }
} finally {
  await browser.close();
  await server.stop();
  if (!values.keep && !values.reuse) rmSync(work, { recursive: true, force: true });
}
const out = values.out ? path.resolve(values.out) : path.join(ROOT, 'bench', 'results', 'search.json');
writeFileSync(out, `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), ...record }, null, 2)}\n`);
console.log(`written ${path.relative(ROOT, out)}`);
