/**
 * The site's search index (`npm run build:site` runs it after `astro build`; it replaces
 * `pagefind --site dist`). Reads every built page, keeps its searchable parts with the Chinese text in
 * character pairs (src/search/index-document.ts), cuts the pages into shards (src/search/shard-plan.ts)
 * and indexes each shard that changed in its own process through Pagefind's Node API, reusing the
 * others from the cache. Writes dist/pagefind/ (the site shard, the primary index, with pagefind.js),
 * dist/pagefind/shards/KEY/ (the stories, merged by the search page) and dist/pagefind/shards.json.
 *
 * Options: --site DIR (default $HUIGONG_OUT_DIR or dist) --shard-size N (default 2000 pages: Pagefind's
 * process for a shard of 2,000 generated stories peaks near 1.3 GiB, a third under the build's 2.5 GiB bound
 * per process; fewer shards are fewer bytes per search, BENCHMARKS.md §9)
 * --jobs N (processes at once, default 2) --cache DIR (default node_modules/.cache/huigong-search)
 * --json (print a summary as JSON on the last line, for bench:build).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { indexDocument, type IndexDocument } from '../src/search/index-document.ts';
import { planShards, SITE_SHARD, type Shard } from '../src/search/shard-plan.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    site: { type: 'string', default: process.env.HUIGONG_OUT_DIR ?? 'dist' },
    'shard-size': { type: 'string', default: '2000' },
    jobs: { type: 'string', default: '2' },
    cache: { type: 'string', default: path.join(ROOT, 'node_modules', '.cache', 'huigong-search') },
    json: { type: 'boolean', default: false },
  },
});
const site = path.resolve(values.site);
const cache = path.resolve(values.cache);
const started = Date.now();

/** The indexer's own code and Pagefind's version: a change to either rebuilds every shard. */
function indexerVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['src/search/han-bigrams.ts', 'src/search/index-document.ts', 'scripts/search-index/shard.ts', 'node_modules/pagefind/package.json']) {
    hash.update(readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

function builtPages(dir: string): IndexDocument[] {
  const documents: IndexDocument[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file).split(path.sep).join('/');
    if (relative.startsWith('pagefind/')) continue;
    const url = `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
    const document = indexDocument(url, readFileSync(file, 'utf8'));
    if (document) documents.push(document);
  }
  return documents.sort((a, b) => a.url.localeCompare(b.url));
}

/** Shards waiting for a process. */
const queue: Shard[] = [];
/** Shard processes still running, each the leader of its own process group (with Pagefind's binary in it). */
const running = new Set<ChildProcess>();
/** Set when the indexer is stopped by a signal: settles by exiting once the shard processes are gone. */
let stopped: Promise<never> | undefined;

function runShard(shard: Shard, folder: string): Promise<void> {
  const job = `${folder}.job.json`;
  writeFileSync(job, JSON.stringify({ outputPath: folder, pages: shard.pages }));
  const args = [path.join(ROOT, 'scripts/search-index/shard.ts'), job, ...(shard.key === SITE_SHARD ? [] : ['--merged'])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
    running.add(child);
    child.on('error', reject);
    child.on('exit', (code) => {
      running.delete(child);
      rmSync(job, { force: true });
      if (code === 0 || stopped) resolve();
      else reject(new Error(`search index: shard ${shard.key} failed (exit ${code})`));
    });
  });
}

// Stopped (Ctrl-C, a CI job cancelled, bench:build's time limit): the shards are in process groups of
// their own, so they would run on, each holding its shard's memory. Pass the signal on, wait for them, go.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopped) return;
    queue.length = 0;
    const children = [...running];
    for (const child of children) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    }
    const gone = children.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve))));
    stopped = Promise.all(gone).then(() => process.exit(128 + constants.signals[signal]));
  });
}

const documents = builtPages(site);
const shards = planShards(documents, Number(values['shard-size']), indexerVersion());
mkdirSync(cache, { recursive: true });
const folderOf = (shard: Shard) => path.join(cache, `${shard.key}-${shard.fingerprint}`);
const stale = shards.filter((shard) => !existsSync(path.join(folderOf(shard), '.complete')));
for (const shard of stale) rmSync(folderOf(shard), { recursive: true, force: true });

// A few shard processes at once: each holds its own shard's words until it writes them.
queue.push(...stale);
await Promise.all(
  Array.from({ length: Math.max(1, Number(values.jobs)) }, async () => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) await runShard(shard, folderOf(shard));
  }),
);
// Stopped: exit once the shards are gone, writing nothing from a half-built index.
if (stopped) await stopped;

const out = path.join(site, 'pagefind');
rmSync(out, { recursive: true, force: true });
for (const shard of shards) {
  cpSync(folderOf(shard), shard.key === SITE_SHARD ? out : path.join(out, 'shards', shard.key), { recursive: true, filter: (src) => !src.endsWith('.complete') });
}
const merged = shards.filter((shard) => shard.key !== SITE_SHARD).map((shard) => shard.key);
writeFileSync(path.join(out, 'shards.json'), JSON.stringify({ shards: merged }));

// The cache keeps only this build's shards.
const current = new Set(shards.map((shard) => path.basename(folderOf(shard))));
for (const name of readdirSync(cache)) if (!current.has(name)) rmSync(path.join(cache, name), { recursive: true, force: true });

const summary = { pages: documents.length, shards: shards.length, rebuilt: stale.map((s) => s.key), reused: shards.length - stale.length, ms: Date.now() - started };
console.log(`search index: ${summary.pages} pages in ${summary.shards} shards, ${stale.length} rebuilt (${summary.rebuilt.join(', ') || 'none'}), ${summary.reused} reused, ${(summary.ms / 1000).toFixed(1)} s`);
if (values.json) console.log(JSON.stringify(summary));
