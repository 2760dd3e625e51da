/**
 * npm run bench:search — search quality, speed and the index step's cost on a generated archive.
 *
 * Writes an archive of --stories stories (default 3,000; bench/search/archive.ts) and indexes it
 * twice: `before`, the Pagefind CLI as the build ran it before issue 16 (one index, Pagefind's own
 * Chinese segmentation), and `after`, scripts/search-index.ts (character pairs, shards). For each it
 * reports the index step's wall time, peak memory (process tree and largest process) and files, then,
 * in headless Chromium against the built index, precision@10 and recall over every query (names,
 * places, two-character words, words inside longer words, phrases, and every story's title) and,
 * for the non-title queries and the first --cold-titles titles, each query's cold time and bytes
 * fetched. Results in bench/results/search.json.
 *
 * Options: --stories 3000 --modes before,after --shard-size 1000 --cold-titles 10 --titles N (search
 * only every k-th story's title, N in all; default every title) --keep
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/browser.ts';
import { generateArchive, writeArchive } from './search/archive.ts';
import { measureCold, measureQuality, serveStatic, summarise, writeHarness, type QueryScore } from './search/quality.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { measure } from './lib/process-tree.ts';
import { markdownTable, median, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '3000' },
    modes: { type: 'string', default: 'before,after' },
    'shard-size': { type: 'string', default: '1000' },
    'cold-titles': { type: 'string', default: '10' },
    titles: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const modes = values.modes.split(',') as ('before' | 'after')[];
const BIN = path.join(ROOT, 'node_modules', '.bin');

function folderStats(dir: string): { files: number; mib: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, mib: round(bytes / 2 ** 20, 1) };
}

mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, 'tmp', 'bench-search-'));
const site = path.join(work, 'site');
const archive = generateArchive(Number(values.stories));
if (values.titles) {
  const titles = archive.queries.filter((q) => q.kind === 'title');
  const every = Math.max(1, Math.floor(titles.length / Number(values.titles)));
  const kept = new Set(titles.filter((_, i) => i % every === 0));
  archive.queries = archive.queries.filter((q) => q.kind !== 'title' || kept.has(q));
}
writeArchive(site, archive);
await writeHarness(site);
console.log(`bench:search — ${archive.stories.length} stories, ${archive.queries.length} queries, in ${site}`);

const results: Record<string, unknown>[] = [];
const browser = await launchChromium();
try {
  for (const mode of modes) {
    rmSync(path.join(site, 'pagefind'), { recursive: true, force: true });
    const quiet = await waitForQuiet({ maxWaitMs: 60_000 });
    const loadBefore = round(loadavg()[0]!, 2);
    const step =
      mode === 'before'
        ? await measure(path.join(BIN, 'pagefind'), ['--site', site], { cwd: ROOT, env: childEnv(), timeoutMs: 20 * 60_000 })
        : await measure(path.join(BIN, 'node'), ['scripts/search-index.ts', '--site', site, '--cache', path.join(work, 'cache'), '--shard-size', values['shard-size']], {
            cwd: ROOT,
            env: childEnv(),
            timeoutMs: 20 * 60_000,
          });
    if (step.status !== 0) throw new Error(`${mode} index failed:\n${step.output.slice(-3000)}`);
    const files = folderStats(path.join(site, 'pagefind'));
    console.log(`\n${mode}: index ${round(step.wallMs / 1000, 1)} s, peak ${round(step.peakTreeKiB / 1024, 0)} MiB (largest process ${round(step.peakProcessKiB / 1024, 0)} MiB), ${files.files} files, ${files.mib} MiB`);

    const server = await serveStatic(site);
    const started = Date.now();
    const scores = await measureQuality(browser, server.url, mode, archive.queries);
    const qualityS = round((Date.now() - started) / 1000, 0);
    const coldQueries = [...archive.queries.filter((q) => q.kind !== 'title').map((q) => q.query), ...archive.queries.filter((q) => q.kind === 'title').slice(0, Number(values['cold-titles'])).map((q) => q.query)];
    const cold = await measureCold(browser, server, mode, coldQueries);
    await server.close();

    const kinds = [...new Set(scores.map((s) => s.kind))];
    const byKind = Object.fromEntries(kinds.map((kind) => [kind, summarise(scores.filter((s) => s.kind === kind))]));
    const overall = summarise(scores);
    const titleScores = scores.filter((s) => s.kind === 'title');
    const titlesInTop10 = titleScores.filter((s) => s.precisionAt10 > 0).length;
    const ms = cold.map((c) => c.ms);
    const bytes = cold.map((c) => c.bytes);
    const record = {
      mode,
      stories: archive.stories.length,
      loadBefore,
      cpuBusyBefore: quiet.busy,
      index: { wallS: round(step.wallMs / 1000, 1), peakTreeMiB: round(step.peakTreeKiB / 1024, 0), peakProcessMiB: round(step.peakProcessKiB / 1024, 0), ...files },
      overall,
      byKind,
      titlesFoundInTop10: `${titlesInTop10}/${titleScores.length}`,
      cold: { queries: cold.length, medianMs: median(ms), maxMs: Math.max(...ms), slowest: cold.reduce((a, b) => (b.ms > a.ms ? b : a)), medianKiB: round(median(bytes) / 1024, 0), maxKiB: round(Math.max(...bytes) / 1024, 0) },
      worst: scores
        .filter((s) => s.kind !== 'title' && (s.precisionAt10 < 1 || s.recall < 1))
        .map((s: QueryScore) => ({ query: s.query, kind: s.kind, relevant: s.relevant, found: s.found, p10: round(s.precisionAt10, 2), recall: round(s.recall, 2) })),
      qualityS,
    };
    results.push(record);
    console.log(
      markdownTable(
        ['queries', 'kind', 'precision@10', 'recall'],
        [...kinds.map((kind) => [byKind[kind]!.queries, kind, byKind[kind]!.precisionAt10, byKind[kind]!.recall]), [overall.queries, 'all', overall.precisionAt10, overall.recall]],
      ),
    );
    console.log(`titles found in the top 10: ${record.titlesFoundInTop10}; cold: median ${record.cold.medianMs} ms, max ${record.cold.maxMs} ms (${record.cold.slowest.query}), bytes median ${record.cold.medianKiB} KiB, max ${record.cold.maxKiB} KiB`);
    for (const w of record.worst.slice(0, 15)) console.log(`  ${w.kind} ${w.query}: relevant ${w.relevant}, results ${w.found}, p@10 ${w.p10}, recall ${w.recall}`);
  }
} finally {
  await browser.close();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
writeFileSync(path.join(ROOT, 'bench', 'results', modes.length === 1 ? `search-${modes[0]}.json` : 'search.json'), `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), results }, null, 2)}\n`);
