import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFromIndex, encodeForIndex, encodeQuery } from '../../src/search/han-bigrams';

describe('encodeForIndex', () => {
  it('writes each Han run as its overlapping pairs and its last character', () => {
    expect(encodeForIndex('惠工影院')).toBe('惠工`^ 工影`^ 影院`^ 院');
  });

  it('sets a run apart from the digits and letters it touches', () => {
    expect(encodeForIndex('2024年劳模')).toBe('2024^` 年劳`^ 劳模`^ 模');
    expect(encodeForIndex('9月8日')).toBe('9^` 月^` 8^` 日');
  });

  it('leaves text without Han characters as it is', () => {
    expect(encodeForIndex('Hello world 2024')).toBe('Hello world 2024');
  });
});

describe('decodeFromIndex', () => {
  it('gives back any text as written', () => {
    fc.assert(
      // Text that already holds one of the encoding's own marks (`^ or ^`) is left out: a trailing ^` is
      // taken for the encoding's and dropped (fast-check found "^`"). News text does not hold them.
      fc.property(fc.string({ unit: fc.constantFrom(...'惠工影院劳模 ，。（）9aA-.`^'.split('')) }).filter((text) => !text.includes('^`') && !text.includes('`^')), (text) => {
        expect(decodeFromIndex(encodeForIndex(text))).toBe(text);
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads Pagefind’s content, which joins blocks with ". "', () => {
    expect(decodeFromIndex(`${encodeForIndex('惠工影院')}. ${encodeForIndex('位于青岛。')}`)).toBe('惠工影院. 位于青岛。');
  });
});

describe('encodeQuery', () => {
  it('asks for the query’s pairs in a row, then anywhere', () => {
    expect(encodeQuery('惠工影院')).toEqual({ phrase: '"惠工 工影 影院"', plain: '惠工 工影 影院' });
    expect(encodeQuery('影院')).toEqual({ phrase: '"影院"', plain: '影院' });
  });

  it('takes a query’s pieces as one phrase, and each piece’s pairs as the fallback', () => {
    expect(encodeQuery('工会 驿站')).toEqual({ phrase: '"工会 会驿 驿站"', plain: '工会 驿站' });
  });

  it('keeps a run’s last character where more of the query follows it, as the index does', () => {
    expect(encodeQuery('2024年劳模ABC').phrase).toBe('"2024 年劳 劳模 模 ABC"');
  });

  it('searches one character as a prefix only (it begins a pair wherever it stands)', () => {
    expect(encodeQuery('票')).toEqual({ plain: '票' });
  });
});
