/**
 * Search quality and speed over a generated archive (bench/search/archive.ts), in headless Chromium
 * against the built index, served from a local static server that counts the bytes it sends.
 *
 * - precision@10: of the first ten results, the share that are right, out of min(10, right answers)
 *   (so a query with 3 right answers scores 1 when they are the first three results and nothing
 *   else is in the ten; a wrong page in the ten or a right one missing costs the same);
 * - recall: of the right answers, the share found among all results;
 * - per query, cold (a fresh browser context: Pagefind's script and worker, WebAssembly, every shard's
 *   entry, metadata and filters, the index chunks and the first ten results' fragments): milliseconds,
 *   each phase's end, and bytes fetched per kind of file and per shard.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import type { ArchiveQuery } from './archive.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** One file sent from /pagefind/: its path, size and when it was sent (Date.now()). */
export interface Sent {
  path: string;
  bytes: number;
  at: number;
}

export interface StaticServer {
  url: string;
  /** Every /pagefind/ file sent so far, in order. */
  sent(): readonly Sent[];
  close(): Promise<void>;
}

/** What a file of the index is, as a cold query fetches it. */
export const FILE_KINDS = ['pagefind.js', 'worker', 'wasm', 'entry', 'shards.json', 'meta', 'filters', 'chunks', 'fragments', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** A /pagefind/ path's kind and shard (`site` for the primary index). */
export function fileOf(pathname: string): { kind: FileKind; shard: string } {
  const shard = /^\/pagefind\/shards\/([^/]+)\//.exec(pathname)?.[1] ?? 'site';
  const name = pathname.split('/').at(-1)!;
  const kind: FileKind =
    name === 'pagefind.js'
      ? 'pagefind.js'
      : name === 'pagefind-worker.js'
        ? 'worker'
        : name.startsWith('wasm.')
          ? 'wasm'
          : name === 'pagefind-entry.json'
            ? 'entry'
            : name === 'shards.json'
              ? 'shards.json'
              : name.endsWith('.pf_meta')
                ? 'meta'
                : name.endsWith('.pf_filter')
                  ? 'filters'
                  : name.endsWith('.pf_index')
                    ? 'chunks'
                    : name.endsWith('.pf_fragment')
                      ? 'fragments'
                      : 'other';
  return { kind, shard };
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const dir = path.resolve(root);
  const sent: Sent[] = [];
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, pathname);
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    if (pathname.startsWith('/pagefind/')) sent.push({ path: pathname, bytes: body.length, at: Date.now() });
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, sent: () => sent, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Writes the harness page into the site folder: dir/__harness/index.html with its bundled script. */
export async function writeHarness(dir: string): Promise<void> {
  const folder = path.join(dir, '__harness');
  mkdirSync(folder, { recursive: true });
  await build({ entryPoints: [path.join(import.meta.dirname, 'harness-entry.ts')], bundle: true, format: 'esm', outfile: path.join(folder, 'harness.js'), external: ['/pagefind/*'], logLevel: 'error' });
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script type="module" src="harness.js"></script></head><body></body></html>');
}

export interface QueryScore {
  query: string;
  kind: ArchiveQuery['kind'];
  relevant: number;
  found: number;
  precisionAt10: number;
  recall: number;
}

export function score(query: ArchiveQuery, top10: string[], all: string[]): QueryScore {
  const right = new Set(query.relevant);
  const inTop = top10.filter((url) => right.has(url)).length;
  const found = all.filter((url) => right.has(url)).length;
  return {
    query: query.query,
    kind: query.kind,
    relevant: right.size,
    found: all.length,
    precisionAt10: right.size === 0 ? (top10.length === 0 ? 1 : 0) : inTop / Math.min(10, right.size),
    recall: right.size === 0 ? 1 : found / right.size,
  };
}

/** Every query in one page (the index opened once): precision@10 and recall of each. */
export async function measureQuality(browser: Browser, base: string, mode: 'before' | 'after', queries: readonly ArchiveQuery[]): Promise<QueryScore[]> {
  const page = await browser.newPage();
  await page.goto(`${base}/__harness/`);
  await page.waitForFunction(() => 'harness' in window);
  await page.evaluate((which) => (window as any).harness.open(which), mode);
  const scores: QueryScore[] = [];
  for (const [i, query] of queries.entries()) {
    if (i % 100 === 0) console.log(`  ${mode}: query ${i + 1} of ${queries.length}`);
    // All results' URLs only where recall needs more than the first ten.
    const all = await page.evaluate(([q, wantAll]) => (window as any).harness.run(q, wantAll), [query.query, query.relevant.length > 10] as const);
    scores.push(score(query, all.urls.slice(0, 10), all.urls));
  }
  await page.close();
  return scores;
}

export interface ColdRun {
  query: string;
  ms: number;
  bytes: number;
  /** When each phase ended, in ms from the query's start (bench/search/harness-entry.ts). */
  phases: Record<string, number>;
  /** Per kind of file: requests, bytes, and when the last was sent (ms from the query's start). */
  byKind: Partial<Record<FileKind, { requests: number; bytes: number; lastMs: number }>>;
  /** Bytes per shard (`site` is the primary index, with Pagefind's script, worker and WebAssembly). */
  byShard: Record<string, number>;
}

/** Each query as a reader's first search in a fresh browser context (nothing cached). */
export async function measureCold(browser: Browser, server: StaticServer, mode: 'before' | 'after', queries: readonly string[]): Promise<ColdRun[]> {
  const runs: ColdRun[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/__harness/`);
    await page.waitForFunction(() => 'harness' in window);
    const from = server.sent().length;
    const { ms, startedAt, phases } = await page.evaluate(([which, q]) => (window as any).harness.cold(which, q), [mode, query] as const);
    const sent = server.sent().slice(from);
    const byKind: ColdRun['byKind'] = {};
    const byShard: Record<string, number> = {};
    for (const file of sent) {
      const { kind, shard } = fileOf(file.path);
      const entry = (byKind[kind] ??= { requests: 0, bytes: 0, lastMs: 0 });
      entry.requests++;
      entry.bytes += file.bytes;
      entry.lastMs = Math.max(entry.lastMs, file.at - startedAt);
      byShard[shard] = (byShard[shard] ?? 0) + file.bytes;
    }
    runs.push({ query, ms: Math.round(ms), bytes: sent.reduce((sum, file) => sum + file.bytes, 0), phases, byKind, byShard });
    await context.close();
  }
  return runs;
}

export function summarise(scores: readonly QueryScore[]): { queries: number; precisionAt10: number; recall: number } {
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1);
  return {
    queries: scores.length,
    precisionAt10: Math.round(mean(scores.map((s) => s.precisionAt10)) * 1000) / 1000,
    recall: Math.round(mean(scores.map((s) => s.recall)) * 1000) / 1000,
  };
}
