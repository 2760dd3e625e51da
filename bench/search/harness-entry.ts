/**
 * The search harness's page script (bundled by bench/search/quality.ts): opens the index as the
 * search page does and runs queries. `before` is the search page as it was before issue 16 (one
 * Pagefind index, segmented by Pagefind, the query searched as typed); `after` is today's
 * (src/search/open-index.ts and phrase-first.ts, the same modules the search page runs).
 */
import { openIndex, RANKING, type PagefindModule } from '../../src/search/open-index.ts';
import { searchPhraseFirst, type PagefindLike } from '../../src/search/phrase-first.ts';

const PAGEFIND_URL = '/pagefind/pagefind.js';

interface Result {
  id: string;
  data(): Promise<{ url: string }>;
}
type Pagefind = Omit<PagefindModule, 'search'> & PagefindLike<Result>;

let pagefind: Pagefind;
let mode: 'before' | 'after';

async function indexOf(which: 'before' | 'after'): Promise<Pagefind> {
  if (which === 'after') return openIndex<Pagefind>();
  const module = (await import(/* @vite-ignore */ PAGEFIND_URL as string)) as Pagefind;
  await module.options({ ranking: RANKING });
  return module;
}

async function open(which: 'before' | 'after'): Promise<void> {
  mode = which;
  pagefind = await indexOf(which);
  await pagefind.filters();
}

async function searchResults(query: string): Promise<Result[]> {
  return mode === 'before' ? (await pagefind.search(query, { filters: {} })).results : (await searchPhraseFirst(pagefind, query, { filters: {} })).results;
}

async function run(query: string, all: boolean): Promise<{ count: number; urls: string[] }> {
  const results = await searchResults(query);
  const shown = all ? results : results.slice(0, 10);
  const data = await Promise.all(shown.map((result) => result.data()));
  return { count: results.length, urls: data.map((d) => d.url) };
}

/** A cold query's phases, in milliseconds from its start, each where the phase ended. */
export interface ColdPhases {
  /** pagefind.js fetched and run. */
  script: number;
  /** The search worker started, its WebAssembly and the site shard's metadata loaded, and (after) every story shard merged. */
  open: number;
  /** Every shard's filter index (the search page loads them for its counts per type). */
  filters: number;
  /** Both searches (phrase and ranked), with the index chunks they need from every shard. */
  search: number;
  /** The first ten results' fragments. */
  fragments: number;
}

/**
 * Opens the index and runs one query as a reader's first search: the time to the first ten results, and
 * when each phase ended. `startedAt` (Date.now()) lets the bench place the server's requests in the phases.
 */
async function cold(which: 'before' | 'after', query: string): Promise<{ ms: number; startedAt: number; phases: ColdPhases; urls: string[] }> {
  const startedAt = Date.now();
  const started = performance.now();
  const at = () => Math.round(performance.now() - started);
  // Imported here first so that the script's own time is its own; open() then finds it in the module map.
  await import(/* @vite-ignore */ PAGEFIND_URL as string);
  const script = at();
  mode = which;
  pagefind = await indexOf(which);
  const open = at();
  await pagefind.filters();
  const filters = at();
  const results = await searchResults(query);
  const search = at();
  const data = await Promise.all(results.slice(0, 10).map((result) => result.data()));
  const fragments = at();
  return { ms: performance.now() - started, startedAt, phases: { script, open, filters, search, fragments }, urls: data.map((d) => d.url) };
}

(window as unknown as { harness: unknown }).harness = { open, run, cold };
