/**
 * Opens the site's sharded search index in the browser: the primary index (the site shard, with
 * Pagefind's script) and every story shard listed in /pagefind/shards.json, merged.
 */

// A runtime URL: the index is written after the site is bundled, so the bundler must not resolve it.
const PAGEFIND_URL = '/pagefind/pagefind.js';
const SHARDS_URL = '/pagefind/shards.json';

/** Stories are long and repeat their subject: how often a page names the query counts more than its length. */
export const RANKING = { pageLength: 0.2, termSaturation: 1.8 };

export interface PagefindModule {
  init(): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string, options?: Record<string, unknown>): Promise<unknown>;
}

export async function openIndex<P extends PagefindModule>(): Promise<P> {
  const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as P;
  await pagefind.options({ ranking: RANKING });
  // Pagefind takes the index's language from <html lang> when it starts, and for zh it cuts the query
  // into words with the browser's segmenter, which would cut the query's character pairs apart. The
  // index is built as English (han-bigrams.ts), so it starts under lang="en"; the page's own lang is
  // put back in the same task, before anything renders.
  const html = document.documentElement;
  const lang = html.lang;
  html.lang = 'en';
  const started = pagefind.init();
  html.lang = lang;
  await started;
  const response = await fetch(SHARDS_URL);
  const { shards } = (await response.json()) as { shards: string[] };
  await Promise.all(shards.map((key) => pagefind.mergeIndex(`/pagefind/shards/${key}/`, { language: 'en', ranking: RANKING })));
  return pagefind;
}
