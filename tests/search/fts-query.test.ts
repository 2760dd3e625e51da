import { describe, expect, it } from 'vitest';
import { MAX_FALLBACK_TERMS, ftsQueries } from '../../src/search/fts-query';

describe('ftsQueries', () => {
  it('makes a Chinese query one phrase of its character pairs, then its pairs anywhere', () => {
    expect(ftsQueries('惠工影院')).toEqual({ phrase: '"惠工 工影 影院"', fallback: ['"惠工"', '"工影"', '"影院"'] });
    expect(ftsQueries('影院')).toEqual({ phrase: '"影院"' });
  });

  it('joins pieces typed with spaces into the phrase, and keeps each piece whole in the fallback', () => {
    expect(ftsQueries('工会 驿站')).toEqual({ phrase: '"工会 会驿 驿站"', fallback: ['"工会"', '"驿站"'] });
  });

  it('ends a Han run with its last character alone where the query goes on, so the page’s run must end there too', () => {
    expect(ftsQueries('劳模，体检')?.phrase).toBe('"劳模 模 体检"');
    expect(ftsQueries('2024年劳模ABC')?.phrase).toBe('"2024 年劳 劳模 模 abc"*');
  });

  it('makes the last token a prefix where it may go on in the page: one character, a number, a word', () => {
    expect(ftsQueries('劳')).toEqual({ phrase: '"劳"*' });
    expect(ftsQueries('2024年')?.phrase).toBe('"2024 年"*');
    expect(ftsQueries('COVID-19')?.phrase).toBe('"covid 19"*');
  });

  it('keeps the fallback to a few distinct terms, however long the query', () => {
    expect(ftsQueries('劳模 劳模 劳模')?.fallback).toBeUndefined();
    const many = ftsQueries('甲 乙 丙 丁 戊 己 庚 辛 壬 癸 子 丑')!;
    expect(many.fallback!).toHaveLength(MAX_FALLBACK_TERMS);
  });

  it('lets no FTS5 syntax through: only letters and digits reach the query', () => {
    expect(ftsQueries('"劳模" OR NEAR(体检)*')).toEqual({ phrase: '"劳模 模 or near 体检"', fallback: ['"劳模"', '"or"*', '"near"', '"体检"'] });
    expect(ftsQueries('，。！"*()')).toBeUndefined();
  });
});
