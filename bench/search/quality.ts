/**
 * Search quality and speed over a generated archive (bench/search/archive.ts) served by the Worker
 * (GET /api/search, from D1).
 *
 * - precision@10: of the first ten results, the share that are right, out of min(10, right answers)
 *   (so a query with 3 right answers scores 1 when they are the first three results and nothing
 *   else is in the ten; a wrong page in the ten or a right one missing costs the same);
 * - recall: of the right answers, the share found among all results (every page of them, up to
 *   `maxPages`, at most the API's MAX_PAGE = 50, i.e. 1,000 results: past that, of the right answers
 *   the pages read could hold, and `capped` says so; the API's total is kept beside it);
 * - a title is found when its own story is in the first ten results;
 * - per query, cold (a fresh browser context, nothing cached): the /api/search fetch from a page of
 *   the site, or the search page itself from navigation to results shown, with the bytes fetched.
 */
import type { Browser } from 'playwright-core';
import { MAX_PAGE } from '../../src/search/search-request.ts';
import type { ArchiveQuery } from './archive.ts';

/** GET /api/search's answer (docs/api.md), the parts the bench reads. */
interface SearchAnswer {
  total: number;
  pageSize: number;
  results: { url: string }[];
}

export interface QueryScore {
  query: string;
  kind: ArchiveQuery['kind'];
  relevant: number;
  /** Results in all (the API's total). */
  found: number;
  precisionAt10: number;
  recall: number;
  /** For a title: its story is in the first ten. */
  titleFound?: boolean;
  /** Recall was read over the first `maxPages` pages only. */
  capped?: boolean;
}

export function score(query: ArchiveQuery, total: number, top10: readonly string[], read: readonly string[], capped: boolean): QueryScore {
  const right = new Set(query.relevant);
  const inTop = top10.filter((url) => right.has(url)).length;
  const found = read.filter((url) => right.has(url)).length;
  const couldHold = capped ? Math.min(right.size, read.length) : right.size;
  return {
    query: query.query,
    kind: query.kind,
    relevant: right.size,
    found: total,
    precisionAt10: right.size === 0 ? (top10.length === 0 ? 1 : 0) : inTop / Math.min(10, right.size),
    recall: right.size === 0 ? 1 : found / couldHold,
    ...(query.story ? { titleFound: top10.includes(query.story) } : {}),
    ...(capped ? { capped } : {}),
  };
}

/** Sends a GET for a path with its query string (to a server, or to the Worker's app in its tests). */
export type Get = (pathAndQuery: string) => Response | Promise<Response>;

/** Every page of a query's results (at most `maxPages`), in order. */
export async function allResults(get: Get, query: string, maxPages: number): Promise<{ total: number; urls: string[]; capped: boolean }> {
  const urls: string[] = [];
  for (let page = 1; ; page++) {
    const url = `/api/search?${new URLSearchParams({ q: query, page: String(page) })}`;
    const response = await get(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
    const answer = (await response.json()) as SearchAnswer;
    urls.push(...answer.results.map((result) => result.url));
    if (answer.results.length < answer.pageSize || urls.length >= answer.total) return { total: answer.total, urls, capped: false };
    if (page === maxPages) return { total: answer.total, urls, capped: true };
  }
}

/** Every query's precision@10 and recall, `concurrency` at a time. */
export async function measureQuality(get: Get, queries: readonly ArchiveQuery[], { maxPages = MAX_PAGE, concurrency = 2, progress = true } = {}): Promise<QueryScore[]> {
  const scores: QueryScore[] = new Array(queries.length);
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const i = next++;
      if (progress && i % 250 === 0) console.log(`  quality: query ${i + 1} of ${queries.length}`);
      const query = queries[i]!;
      // A title needs only its first page (its recall is then of that page); recall needs every page.
      const { total, urls, capped } = await allResults(get, query.query, query.kind === 'title' ? 1 : maxPages);
      scores[i] = score(query, total, urls.slice(0, 10), urls, capped);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return scores;
}

export interface ColdRun {
  query: string;
  /** Page: navigation of /search/?q=… to the results shown; api: the /api/search fetch alone. */
  ms: number;
  /** The /api/search request within it, from its start to its response's end. */
  apiMs: number;
  /** When that request started (page: ms from navigation, i.e. the page's own loading before it; api: 0). */
  apiStartMs: number;
  /** Bytes over the wire (Resource Timing transferSize: headers and body as sent): everything the query fetched. */
  bytes: number;
  /** Of those, the /api/search answer's. */
  apiBytes: number;
  requests: number;
  results: number;
}

/** A page the site serves with nothing on it (bench/search.ts writes it): where the API-only runs start. */
export const BLANK_PAGE = '/__bench/';

/** The /api/search fetch alone, from a page of the site in a fresh browser context (nothing cached). */
export async function coldApi(browser: Browser, base: URL, query: string): Promise<ColdRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL(BLANK_PAGE, base).href);
    return await page.evaluate(async (q) => {
      const url = new URL(`/api/search?q=${encodeURIComponent(q)}`, location.href).href;
      const started = performance.now();
      const response = await fetch(url);
      const answer = (await response.json()) as { results: unknown[] };
      const ms = performance.now() - started;
      const entry = performance.getEntriesByName(url)[0] as PerformanceResourceTiming;
      return { query: q, ms: Math.round(ms), apiMs: Math.round(entry.responseEnd - entry.startTime), apiStartMs: 0, bytes: entry.transferSize, apiBytes: entry.transferSize, requests: 1, results: answer.results.length };
    }, query);
  } finally {
    await context.close();
  }
}

/**
 * The search page in a fresh browser context: from navigating to /search/?q=… to the first frame
 * showing a result (`resultSelector`), and every byte the page fetched by then.
 */
export async function coldPage(browser: Browser, base: URL, query: string, resultSelector: string): Promise<ColdRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const url = new URL('/search/', base);
    url.searchParams.set('q', query);
    await page.goto(url.href, { waitUntil: 'commit' });
    const shown = await page.waitForFunction((selector) => (document.querySelector(selector) ? performance.now() : false), resultSelector, { polling: 'raf', timeout: 30_000 });
    const ms = (await shown.jsonValue()) as number;
    return await page.evaluate(
      ([q, elapsed, selector]) => {
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
        const api = entries.find((entry) => new URL(entry.name).pathname === '/api/search');
        return {
          query: q,
          ms: Math.round(elapsed),
          apiMs: api ? Math.round(api.responseEnd - api.startTime) : -1,
          apiStartMs: api ? Math.round(api.startTime) : -1,
          bytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
          apiBytes: api?.transferSize ?? 0,
          requests: entries.length,
          results: document.querySelectorAll(selector).length,
        };
      },
      [query, ms, resultSelector] as const,
    );
  } finally {
    await context.close();
  }
}

export function summarise(scores: readonly QueryScore[]): { queries: number; precisionAt10: number; recall: number } {
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1);
  return {
    queries: scores.length,
    precisionAt10: Math.round(mean(scores.map((s) => s.precisionAt10)) * 1000) / 1000,
    recall: Math.round(mean(scores.map((s) => s.recall)) * 1000) / 1000,
  };
}
