/**
 * The search harness's page script (bundled by bench/search/quality.ts): opens the index as the
 * search page does and runs queries. `before` is the search page as it was before issue 16 (one
 * Pagefind index, segmented by Pagefind, the query searched as typed); `after` is today's
 * (src/search/open-index.ts and phrase-first.ts, the same modules the search page runs).
 */
import { openIndex, RANKING, type PagefindModule } from '../../src/search/open-index.ts';
import { searchPhraseFirst, type PagefindLike } from '../../src/search/phrase-first.ts';

interface Result {
  id: string;
  data(): Promise<{ url: string }>;
}
type Pagefind = Omit<PagefindModule, 'search'> & PagefindLike<Result>;

let pagefind: Pagefind;
let mode: 'before' | 'after';

async function open(which: 'before' | 'after'): Promise<void> {
  mode = which;
  if (which === 'before') {
    pagefind = (await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string)) as Pagefind;
    await pagefind.options({ ranking: RANKING });
  } else {
    pagefind = await openIndex<Pagefind>();
  }
  await pagefind.filters();
}

async function run(query: string, all: boolean): Promise<{ count: number; urls: string[] }> {
  const results = mode === 'before' ? (await pagefind.search(query, { filters: {} })).results : (await searchPhraseFirst(pagefind, query, { filters: {} })).results;
  const shown = all ? results : results.slice(0, 10);
  const data = await Promise.all(shown.map((result) => result.data()));
  return { count: results.length, urls: data.map((d) => d.url) };
}

/** Opens the index and runs one query as a reader's first search: the time to the first ten results. */
async function cold(which: 'before' | 'after', query: string): Promise<{ ms: number; urls: string[] }> {
  const started = performance.now();
  await open(which);
  const { urls } = await run(query, false);
  return { ms: performance.now() - started, urls };
}

(window as unknown as { harness: unknown }).harness = { open, run, cold };
