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
 * Each cold query is also broken down: bytes and requests per kind of file (pagefind.js, the search
 * worker, WebAssembly, each shard's entry, metadata, filters, index chunks, the results' fragments),
 * bytes per shard, and when each phase ended (script, open: worker + WebAssembly + every shard's
 * metadata, filters, search, fragments); medians are printed and all of it is in the results file.
 *
 * Options: --stories 3000 --modes before,after --shard-size N (default the indexer's) --cold-titles 10 --titles N (search
 * only every k-th story's title, N in all; default every title) --keep (leave the work folder, printed
 * at the start, for --reuse).
 *
 * Only the queries, against an index already built (a few minutes, no rebuild; e.g. on a quiet machine):
 *
 *     npm run bench:search -- --stories 3000 --modes after --titles 100 --keep   # once: prints tmp/bench-search-XXXX
 *     npm run bench:search -- --reuse tmp/bench-search-XXXX                     # as often as wanted
 *
 * --reuse DIR searches the index the kept run built last (its mode, stories and titles come from
 * DIR/bench.json) and writes bench/results/search-reuse.json; the load average is recorded beside the
 * times in every run.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/browser.ts';
import { generateArchive, writeArchive } from './search/archive.ts';
import { FILE_KINDS, measureCold, measureQuality, serveStatic, summarise, writeHarness, type ColdRun, type QueryScore } from './search/quality.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { measure } from './lib/process-tree.ts';
import { markdownTable, median, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '3000' },
    modes: { type: 'string', default: 'before,after' },
    'shard-size': { type: 'string' },
    'cold-titles': { type: 'string', default: '10' },
    titles: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
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

/** What a kept work folder holds, for --reuse. */
interface Kept {
  stories: number;
  titles?: string;
  mode: 'before' | 'after';
  shardSize: string;
}

mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
// --reuse takes the kept folder or the site folder the kept run printed.
const reuseDir = values.reuse && (existsSync(path.join(values.reuse, 'bench.json')) ? path.resolve(values.reuse) : path.resolve(values.reuse, '..'));
const reused: Kept | undefined = reuseDir ? JSON.parse(readFileSync(path.join(reuseDir, 'bench.json'), 'utf8')) : undefined;
const work = reuseDir ?? mkdtempSync(path.join(ROOT, 'tmp', 'bench-search-'));
const site = path.join(work, 'site');
const modes = reused ? [reused.mode] : (values.modes.split(',') as ('before' | 'after')[]);
const archive = generateArchive(reused?.stories ?? Number(values.stories));
const titlesWanted = reused ? reused.titles : values.titles;
if (titlesWanted) {
  const titles = archive.queries.filter((q) => q.kind === 'title');
  const every = Math.max(1, Math.floor(titles.length / Number(titlesWanted)));
  const kept = new Set(titles.filter((_, i) => i % every === 0));
  archive.queries = archive.queries.filter((q) => q.kind !== 'title' || kept.has(q));
}
if (!reused) writeArchive(site, archive);
await writeHarness(site);
console.log(`bench:search — ${archive.stories.length} stories, ${archive.queries.length} queries, in ${site}${reused ? ` (reusing its ${reused.mode} index, shards of ${reused.shardSize})` : ''}`);

/** Medians over the cold queries: per kind of file, per shard, and each phase's length. */
function coldBreakdown(cold: readonly ColdRun[]) {
  const kib = (bytes: number) => round(bytes / 1024, 1);
  const kinds = FILE_KINDS.filter((kind) => cold.some((c) => c.byKind[kind]));
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const of = cold.map((c) => c.byKind[kind] ?? { requests: 0, bytes: 0, lastMs: 0 });
      return [kind, { requests: median(of.map((k) => k.requests)), medianKiB: kib(median(of.map((k) => k.bytes))), maxKiB: kib(Math.max(...of.map((k) => k.bytes))), lastSentMs: median(of.map((k) => k.lastMs)) }];
    }),
  );
  const shards = [...new Set(cold.flatMap((c) => Object.keys(c.byShard)))];
  const byShard = Object.fromEntries(shards.map((shard) => [shard, { medianKiB: kib(median(cold.map((c) => c.byShard[shard] ?? 0))), maxKiB: kib(Math.max(...cold.map((c) => c.byShard[shard] ?? 0))) }]));
  const names = Object.keys(cold[0]?.phases ?? {});
  const phases = Object.fromEntries(
    names.map((name, i) => {
      const lengths = cold.map((c) => c.phases[name]! - (i === 0 ? 0 : c.phases[names[i - 1]!]!));
      return [name, { medianMs: median(lengths), maxMs: Math.max(...lengths) }];
    }),
  );
  return { byKind, byShard, phases };
}

const results: Record<string, unknown>[] = [];
const browser = await launchChromium();
try {
  for (const mode of modes) {
    const quiet = await waitForQuiet({ maxWaitMs: 60_000 });
    const loadBefore = round(loadavg()[0]!, 2);
    if (!reused) rmSync(path.join(site, 'pagefind'), { recursive: true, force: true });
    const step = reused
      ? undefined
      : mode === 'before'
        ? await measure(path.join(BIN, 'pagefind'), ['--site', site], { cwd: ROOT, env: childEnv(), timeoutMs: 20 * 60_000 })
        : await measure(path.join(BIN, 'node'), ['scripts/search-index.ts', '--site', site, '--cache', path.join(work, 'cache'), ...(values['shard-size'] ? ['--shard-size', values['shard-size']] : [])], {
            cwd: ROOT,
            env: childEnv(),
            timeoutMs: 20 * 60_000,
          });
    if (step && step.status !== 0) throw new Error(`${mode} index failed:\n${step.output.slice(-3000)}`);
    const files = folderStats(path.join(site, 'pagefind'));
    if (step) {
      console.log(`\n${mode}: index ${round(step.wallMs / 1000, 1)} s, peak ${round(step.peakTreeKiB / 1024, 0)} MiB (largest process ${round(step.peakProcessKiB / 1024, 0)} MiB), ${files.files} files, ${files.mib} MiB`);
      writeFileSync(path.join(work, 'bench.json'), JSON.stringify({ stories: archive.stories.length, titles: values.titles, mode, shardSize: values['shard-size'] ?? 'default' } satisfies Kept));
    }

    const server = await serveStatic(site);
    const started = Date.now();
    const scores = await measureQuality(browser, server.url, mode, archive.queries);
    const qualityS = round((Date.now() - started) / 1000, 0);
    const coldQueries = [...archive.queries.filter((q) => q.kind !== 'title').map((q) => q.query), ...archive.queries.filter((q) => q.kind === 'title').slice(0, Number(values['cold-titles'])).map((q) => q.query)];
    const loadBeforeCold = round(loadavg()[0]!, 2);
    const cold = await measureCold(browser, server, mode, coldQueries);
    const loadAfterCold = round(loadavg()[0]!, 2);
    await server.close();
    const breakdown = coldBreakdown(cold);

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
      shardSize: reused?.shardSize ?? values['shard-size'] ?? 'default',
      shards: existsSync(path.join(site, 'pagefind', 'shards.json')) ? JSON.parse(readFileSync(path.join(site, 'pagefind', 'shards.json'), 'utf8')).shards.length : 0,
      index: step ? { wallS: round(step.wallMs / 1000, 1), peakTreeMiB: round(step.peakTreeKiB / 1024, 0), peakProcessMiB: round(step.peakProcessKiB / 1024, 0), ...files } : { reused: work, ...files },
      overall,
      byKind,
      titlesFoundInTop10: `${titlesInTop10}/${titleScores.length}`,
      cold: {
        queries: cold.length,
        load: { before: loadBeforeCold, after: loadAfterCold },
        medianMs: median(ms),
        maxMs: Math.max(...ms),
        slowest: (({ query, ms: slowestMs, bytes: slowestBytes, phases }) => ({ query, ms: slowestMs, bytes: slowestBytes, phases }))(cold.reduce((a, b) => (b.ms > a.ms ? b : a))),
        medianKiB: round(median(bytes) / 1024, 0),
        maxKiB: round(Math.max(...bytes) / 1024, 0),
        ...breakdown,
        runs: cold,
      },
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
    console.log(`titles found in the top 10: ${record.titlesFoundInTop10}; cold (load ${loadBeforeCold} → ${loadAfterCold}): median ${record.cold.medianMs} ms, max ${record.cold.maxMs} ms (${record.cold.slowest.query}), bytes median ${record.cold.medianKiB} KiB, max ${record.cold.maxKiB} KiB`);
    console.log(`\ncold query, per kind of file (medians over ${cold.length} queries):`);
    console.log(markdownTable(['file', 'requests', 'KiB median', 'KiB max', 'last sent at (ms)'], Object.entries(breakdown.byKind).map(([kind, k]) => [kind, k.requests, k.medianKiB, k.maxKiB, k.lastSentMs])));
    console.log('\nper shard:');
    console.log(markdownTable(['shard', 'KiB median', 'KiB max'], Object.entries(breakdown.byShard).map(([shard, k]) => [shard, k.medianKiB, k.maxKiB])));
    console.log('\nphases (each one\'s length):');
    console.log(markdownTable(['phase', 'ms median', 'ms max'], Object.entries(breakdown.phases).map(([phase, p]) => [phase, p.medianMs, p.maxMs])));
    for (const w of record.worst.slice(0, 15)) console.log(`  ${w.kind} ${w.query}: relevant ${w.relevant}, results ${w.found}, p@10 ${w.p10}, recall ${w.recall}`);
  }
} finally {
  await browser.close();
  if (!values.keep && !reused) rmSync(work, { recursive: true, force: true });
}
writeFileSync(path.join(ROOT, 'bench', 'results', reused ? 'search-reuse.json' : modes.length === 1 ? `search-${modes[0]}.json` : 'search.json'), `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), results }, null, 2)}\n`);
