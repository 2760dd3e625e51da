import { describe, expect, it } from 'vitest';
import { readSearchParams, searchApiUrl, searchPageHref } from '../../src/search/search-page-params';

const read = (query: string) => readSearchParams(new URLSearchParams(query));

describe('readSearchParams', () => {
  it('reads the query, type, order and page', () => {
    expect(read('q=%20惠工影院%20&type=news&sort=date&page=3')).toEqual({ query: '惠工影院', type: 'news', byDate: true, page: 3 });
  });

  it('takes an unknown type (also one named like an object property) for all types', () => {
    for (const type of ['toString', 'constructor', '__proto__', 'nonsense', '']) expect(read(`q=a&type=${type}`).type, type).toBeUndefined();
  });

  it('takes a page that is not a positive whole number for the first', () => {
    for (const page of ['0', '-1', '1.5', 'x', '', '01', '9999999']) expect(read(`q=a&page=${page}`).page, page).toBe(1);
  });

  it('takes a page past the last one the API serves for that last one', () => {
    expect(read('q=a&page=50').page).toBe(50);
    expect(read('q=a&page=51').page).toBe(50);
  });

  it('orders by relevance unless sort=date', () => {
    expect(read('q=a&sort=relevance').byDate).toBe(false);
    expect(read('q=a&sort=DATE').byDate).toBe(false);
  });
});

describe('searchPageHref', () => {
  it('keeps the query, type and order, and leaves page 1 out', () => {
    expect(searchPageHref({ query: '驿站', type: 'honors', byDate: true, page: 1 })).toBe('?q=%E9%A9%BF%E7%AB%99&type=honors&sort=date');
    expect(searchPageHref({ query: 'a b&c', byDate: false, page: 2 })).toBe('?q=a+b%26c&page=2');
  });

  it('is read back as the same parameters', () => {
    const params = { query: '姚婕 劳模', type: 'cinema' as const, byDate: false, page: 4 };
    expect(readSearchParams(new URLSearchParams(searchPageHref(params).slice(1)))).toEqual(params);
  });
});

describe('searchApiUrl', () => {
  it('asks GET /api/search with the same parameters', () => {
    expect(searchApiUrl({ query: '影院', type: 'news', byDate: true, page: 2 })).toBe('/api/search?q=%E5%BD%B1%E9%99%A2&type=news&sort=date&page=2');
  });
});
