import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app';
import type { SearchAnswer } from '../../src/search/search-request';
import { indexPages, story } from './helpers/search';

const app = createApp();

async function q(text: string, more = ''): Promise<{ status: number; body: SearchAnswer & { error?: { code: string } } }> {
  const response = await app.request(`/api/search?q=${encodeURIComponent(text)}${more}`, {}, env);
  return { status: response.status, body: (await response.json()) as never };
}

describe('GET /api/search at its edges', () => {
  it('answers queries of characters the regex calls Han or letters but the index drops, as no results', async () => {
    await indexPages([story('/news/a/', { body: '惠工驿站，一心一意。' })]);
    // Kangxi and CJK radicals are Han script but symbols (So) to unicode61; combining marks, emoji, NUL.
    for (const text of ['⼀⼀', '⺀', '惠⺀', '⼀ ⼁', 'e\u0301\u0301', '😀😀', '\u0000', '工\u0000会']) {
      const { status, body } = await q(text);
      expect(status, JSON.stringify(text)).toBe(200);
      expect(body.results, JSON.stringify(text)).toEqual([]);
    }
  });

  it('gives by date the total of the dated pages it lists', async () => {
    await indexPages([
      story('/news/dated/', { date: '2024-09-08', body: '体检安排。' }),
      story('/news/undated/', { date: undefined, body: '体检通知。' }),
      { url: '/cinema/x/', type: 'cinema', title: '影院体检', headings: '', body: '体检' },
    ]);
    const news = (await q('体检', '&sort=date')).body;
    expect(news.results.map((result) => result.url)).toEqual(['/news/dated/']);
    expect(news.total).toBe(news.results.length);
    const cinema = (await q('体检', '&sort=date&type=cinema')).body;
    expect(cinema.total).toBe(cinema.results.length);
  });

  it('takes the first of a parameter given twice', async () => {
    await indexPages([story('/news/a/', { body: '惠工驿站' })]);
    const { status, body } = await q('驿站', '&q=nothing&type=news&type=bogus&page=1&page=2');
    expect(status).toBe(200);
    expect(body).toMatchObject({ query: '驿站', type: 'news', page: 1, total: 1 });
  });
});

describe('GET /api/search and full-width letters and digits', () => {
  it('finds half-width text by a full-width query and the other way round, as a Chinese keyboard types either', async () => {
    await indexPages([story('/news/half/', { body: '2024年第28场APP使用说明。' }), story('/news/full/', { body: 'ＷＩＦＩ覆盖１２个驿站。' })]);
    expect((await q('２０２４年')).body.total).toBe(1);
    expect((await q('ａｐｐ')).body.total).toBe(1);
    expect((await q('wifi')).body.total).toBe(1);
    expect((await q('12个')).body.total).toBe(1);
  });
});

describe('GET /api/search falling back', () => {
  it('finds a page holding the pieces in different places of it (title and body, two passages)', async () => {
    const filler = '这是一段很长的报道正文，讲述基层工作。'.repeat(300);
    await indexPages([
      story('/news/title-body/', { title: '工会新闻', body: '驿站开放。' }),
      story('/news/two-passages/', { title: '标题', body: `职工之家。${filler}户外劳动者休息点。` }),
    ]);
    const apart = (await q('工会 驿站')).body;
    expect(apart).toMatchObject({ fellBack: true, total: 1 });
    const passages = (await q('职工之家 劳动者')).body;
    expect(passages).toMatchObject({ fellBack: true, total: 1 });
  });
});

describe('GET /api/search and broken requests', () => {
  it('answers broken percent-encoding and lone surrogates without failing, and refusals are not cached', async () => {
    await indexPages([story('/news/a/', { body: '惠工驿站' })]);
    for (const query of ['q=%E4%B8', 'q=%ED%A0%80', 'q=%', 'q=%00%00驿站', `q=${'%20'.repeat(300)}a`]) {
      const response = await app.request(`/api/search?${query}`, {}, env);
      expect(response.status, query).toBeLessThan(500);
    }
    const refused = await app.request('/api/search?q=a&page=99', {}, env);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('Cache-Control')).toBe('no-store');
  });
});
