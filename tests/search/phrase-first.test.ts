import { describe, expect, it } from 'vitest';
import { searchPhraseFirst, type PagefindLike } from '../../src/search/phrase-first';

/** A stand-in for Pagefind: the phrase search unranked, the ordinary search ranked. */
function fakePagefind(phrase: string[], ranked: string[]): PagefindLike<{ id: string }> & { terms: string[] } {
  const terms: string[] = [];
  return {
    terms,
    async search(term) {
      terms.push(term);
      const ids = term.startsWith('"') ? phrase : ranked;
      return { results: ids.map((id) => ({ id })), totalFilters: { type: { 新闻: ids.length } }, unfilteredResultCount: ids.length };
    },
  };
}

describe('searchPhraseFirst', () => {
  it('keeps the ranked results that hold the phrase, in rank order, with the phrase’s counts', async () => {
    const pagefind = fakePagefind(['c', 'a'], ['a', 'b', 'c']);
    const found = await searchPhraseFirst(pagefind, '惠工影院');
    expect(found.results.map((r) => r.id)).toEqual(['a', 'c']);
    expect(found.totalFilters).toEqual({ type: { 新闻: 2 } });
    expect(found.fellBack).toBe(false);
    expect(pagefind.terms.sort()).toEqual(['"惠工 工影 影院"', '惠工 工影 影院']);
  });

  it('falls back to the ranked results when the phrase is nowhere', async () => {
    const found = await searchPhraseFirst(fakePagefind([], ['a', 'b']), '工会 驿站');
    expect(found.results.map((r) => r.id)).toEqual(['a', 'b']);
    expect(found.fellBack).toBe(true);
  });
});
