/**
 * One search over the pair-encoded index (han-bigrams.ts). Pagefind's exact phrase search finds
 * exactly the pages that hold the query, but does not rank them (every page scores 1: no title
 * weight, no term frequency); its ordinary search ranks but matches the query's pairs anywhere. So
 * both run: the ranked results, kept to the pages that hold the phrase. Only if the phrase is nowhere
 * (in any type) are the ranked results shown as they are, as a reader who typed 工会 驿站 may mean.
 */
import { encodeQuery } from './han-bigrams.ts';

export interface SearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
export interface PagefindSearchLike<R extends { id: string }> {
  results: R[];
  /** Results of each filter value for the query, whatever filter is applied. */
  totalFilters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
export interface PagefindLike<R extends { id: string }> {
  search(term: string, options?: SearchOptions): Promise<PagefindSearchLike<R>>;
}

export interface PhraseFirstResult<R> {
  /** Best first (or newest first, with a date sort). */
  results: R[];
  totalFilters: Record<string, Record<string, number>>;
  /** Whether the phrase was nowhere and the pairs anywhere were taken instead. */
  fellBack: boolean;
}

export async function searchPhraseFirst<R extends { id: string }>(
  pagefind: PagefindLike<R>,
  query: string,
  options: SearchOptions = {},
): Promise<PhraseFirstResult<R>> {
  const { phrase, plain } = encodeQuery(query);
  const [exact, ranked] = await Promise.all([phrase ? pagefind.search(phrase, { filters: options.filters }) : undefined, pagefind.search(plain, options)]);
  if (!exact || exact.unfilteredResultCount === 0) return { results: ranked.results, totalFilters: ranked.totalFilters, fellBack: Boolean(phrase) };
  const holding = new Set(exact.results.map((result) => result.id));
  return { results: ranked.results.filter((result) => holding.has(result.id)), totalFilters: exact.totalFilters, fellBack: false };
}
