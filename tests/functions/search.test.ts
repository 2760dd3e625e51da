import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app';
import type { SearchAnswer } from '../../src/search/search-request';
import { indexPages, story, unindexPage } from './helpers/search';

const app = createApp();

async function search(query: string): Promise<{ status: number; body: SearchAnswer & { error?: { code: string; message: string } }; headers: Headers }> {
  const response = await app.request(`/api/search?${query}`, {}, env);
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}
const q = (text: string, more = '') => search(`q=${encodeURIComponent(text)}${more}`);
const urls = (answer: SearchAnswer) => answer.results.map((result) => result.url);

describe('GET /api/search', () => {
  it('finds a page by a phrase of its text, inside longer words too, and marks it in the excerpt', async () => {
    await indexPages([
      story('/news/cinema/', { title: '惠工影院开业', body: '驻青外经贸职工惠工影院位于青岛。每周放映两场。' }),
      story('/news/film/', { title: '电影下乡', body: '村里的电影院坐满了人。' }),
      story('/news/other/', { title: '工会驿站', body: '户外劳动者的休息点。' }),
    ]);
    const { status, body, headers } = await q('影院');
    expect(status).toBe(200);
    expect(urls(body).sort()).toEqual(['/news/cinema/', '/news/film/']);
    expect(headers.get('Cache-Control')).toBe('public, max-age=300');
    const cinema = (await q('惠工影院')).body;
    expect(urls(cinema)).toEqual(['/news/cinema/']);
    expect(cinema.results[0]).toMatchObject({ type: 'news', title: '惠工影院开业', date: '2024-01-01' });
    expect(cinema.results[0]!.excerpt).toBe('驻青外经贸职工<mark>惠工影院</mark>位于青岛。每周放映两场。');
    expect(cinema.fellBack).toBe(false);
  });

  it('does not find characters that are only apart (影…院), and finds names no dictionary knows', async () => {
    await indexPages([story('/news/a/', { body: '电影放映前，院子里站长姚婕致辞。' })]);
    expect((await q('影院')).body.total).toBe(0);
    expect(urls((await q('姚婕')).body)).toEqual(['/news/a/']);
    expect(urls((await q('劳')).body)).toEqual([]);
    expect(urls((await q('站')).body)).toEqual(['/news/a/']);
  });

  it('ranks a page with the query in its title above one that mentions it in passing', async () => {
    await indexPages([
      story('/news/passing/', { title: '社区新闻', body: `${'社区活动丰富多彩。'.repeat(5)}还有体检。` }),
      story('/news/title/', { title: '职工免费体检', body: '活动安排如下。' }),
    ]);
    expect(urls((await q('体检')).body)).toEqual(['/news/title/', '/news/passing/']);
  });

  it('ranks the story titled exactly as the query above longer titles that begin with it, however long its body', async () => {
    const body = '全省职工技能竞赛决赛在成都举行，来自各地的选手同台竞技。'.repeat(60);
    await indexPages([
      story('/news/exact/', { title: '职工技能竞赛', body }),
      ...Array.from({ length: 25 }, (_, i) => story(`/news/longer-${i}/`, { title: `职工技能竞赛第${i + 1}站`, body: '短讯。' })),
    ]);
    const { body: answer } = await q('职工技能竞赛');
    expect(answer.results[0]!.url).toBe('/news/exact/');
    // Found by its title, it still shows its body's text.
    expect(answer.results[0]!.excerpt).toContain('<mark>职工技能竞赛</mark>');
  });

  it('counts results per type, and narrows to one type without changing the counts', async () => {
    await indexPages([
      story('/news/a/', { body: '劳模工匠进校园。' }),
      story('/news/b/', { body: '劳模座谈会。' }),
      { url: '/honors/x/', type: 'honors', title: '全国劳模名单', headings: '', body: '姚婕' },
    ]);
    const all = (await q('劳模')).body;
    expect(all.counts).toEqual({ news: 2, honors: 1, programs: 0, cinema: 0 });
    expect(all.total).toBe(3);
    expect(urls(all)[0]).toBe('/honors/x/');
    const honors = (await q('劳模', '&type=honors')).body;
    expect(urls(honors)).toEqual(['/honors/x/']);
    expect(honors).toMatchObject({ type: 'honors', total: 1, counts: all.counts });
  });

  it('lists stories newest first by date, leaving out undated pages', async () => {
    await indexPages([
      story('/news/old/', { date: '2023-05-01', title: '职工体检通知', body: '体检' }),
      story('/news/new/', { date: '2024-09-08', body: '体检安排。' }),
      story('/news/mid/', { date: '2024-01-02', body: '免费体检。' }),
      { url: '/programs/check/', type: 'programs', title: '免费体检', headings: '', body: '每年一次体检。' },
    ]);
    const byDate = (await q('体检', '&sort=date')).body;
    expect(urls(byDate)).toEqual(['/news/new/', '/news/mid/', '/news/old/']);
    expect(byDate.total).toBe(3);
    expect(byDate.counts.programs).toBe(1);
  });

  it('falls back to every piece anywhere only when the phrase is nowhere', async () => {
    await indexPages([story('/news/a/', { body: '工会为户外劳动者建起了驿站。' }), story('/news/b/', { body: '工会驿站开放。' })]);
    const exact = (await q('工会驿站')).body;
    expect(exact).toMatchObject({ fellBack: false, total: 1 });
    await unindexPage('/news/b/');
    const apart = (await q('工会 驿站')).body;
    expect(apart).toMatchObject({ fellBack: true, total: 1 });
    expect(apart.results[0]!.excerpt).toContain('<mark>工会</mark>');
  });

  it('pages through results twenty at a time', async () => {
    await indexPages(Array.from({ length: 25 }, (_, i) => story(`/news/${String(i).padStart(2, '0')}/`, { date: `2024-01-${String(i + 1).padStart(2, '0')}`, body: '惠工驿站' })));
    const first = (await q('驿站', '&sort=date')).body;
    const second = (await q('驿站', '&sort=date&page=2')).body;
    expect(first.results).toHaveLength(20);
    expect(second.results).toHaveLength(5);
    expect(second.total).toBe(25);
    expect(new Set([...urls(first), ...urls(second)]).size).toBe(25);
    expect(urls(first)[0]).toBe('/news/24/');
  });

  it('finds a phrase deep in a long page once, with the excerpt from the passage that holds it', async () => {
    const filler = '这是一段很长的报道正文，讲述基层工会的日常工作。'.repeat(400);
    await indexPages([story('/news/long/', { body: `${filler}文末提到欧阳婕雯的事迹。${filler}欧阳婕雯再次出现。` })]);
    const { body } = await q('欧阳婕雯');
    expect(body.total).toBe(1);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]!.excerpt).toContain('<mark>欧阳婕雯</mark>');
  });

  it('replaces a page indexed again under its URL, and forgets a page taken out', async () => {
    await indexPages([story('/news/a/', { title: '旧标题', body: '旧的正文' })]);
    await indexPages([story('/news/a/', { title: '新标题', body: '新的正文' })]);
    expect((await q('正文')).body.results.map((result) => result.title)).toEqual(['新标题']);
    expect((await q('旧的')).body.total).toBe(0);
    await unindexPage('/news/a/');
    expect((await q('正文')).body.total).toBe(0);
  });

  it('shows a page’s own summary rather than a window of its body', async () => {
    await indexPages([{ url: '/programs/p/', type: 'programs', title: '法律援助', headings: '', summary: '免费为职工提供法律咨询 & 援助。', body: '正文里也有法律援助。' }]);
    expect((await q('法律')).body.results[0]!.excerpt).toBe('免费为职工提供<mark>法律</mark>咨询 &#38; 援助。');
  });

  it('escapes page text in excerpts', async () => {
    await indexPages([story('/news/x/', { body: '<script>alert(1)</script>驿站' })]);
    expect((await q('驿站')).body.results[0]!.excerpt).toBe('&#60;script&#62;alert(1)&#60;/script&#62;<mark>驿站</mark>');
  });

  it('treats FTS5 syntax in a query as text', async () => {
    await indexPages([story('/news/a/', { body: 'NEAR 劳模 AND 体检' })]);
    for (const text of ['"劳模', '劳模*', 'NEAR(劳模 体检)', '劳模 OR', '-劳模', '^体检', '劳模:体检', "'; DROP TABLE search_documents; --"]) {
      const { status } = await q(text);
      expect(status, text).toBe(200);
    }
    expect((await q('劳模 AND 体检')).body.total).toBe(1);
  });

  it('answers a query of no letters or digits with no results', async () => {
    await indexPages([story('/news/a/', { body: '，。！' })]);
    const { status, body } = await q('，。！');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 0, results: [], counts: { news: 0, honors: 0, programs: 0, cinema: 0 } });
  });

  it.each([
    ['', 'search_query_missing'],
    ['q=%20%20', 'search_query_missing'],
    [`q=${'字'.repeat(101)}`, 'search_query_too_long'],
    ['q=a&type=toString', 'search_bad_parameter'],
    ['q=a&sort=newest', 'search_bad_parameter'],
    ['q=a&page=0', 'search_bad_parameter'],
    ['q=a&page=abc', 'search_bad_parameter'],
    ['q=a&page=51', 'search_bad_parameter'],
  ])('refuses %s with %s', async (query, code) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe(code);
    expect(body.error?.message).toMatch(/\p{Script=Han}/u);
  });

  it('keeps a link’s other parameters harmless (WeChat adds its own)', async () => {
    await indexPages([story('/news/a/', { body: '驿站' })]);
    expect((await q('驿站', '&from=singlemessage&isappinstalled=0')).body.total).toBe(1);
  });

  it('limits searches per client address, not for its neighbours', async () => {
    const from = (address: string) => app.request(`/api/search?q=${encodeURIComponent('驿站')}`, { headers: { 'CF-Connecting-IP': address } }, env);
    // 300 a minute: however the burst falls across the limiter's windows, at most two of them fit 600.
    let blocked: Response | undefined;
    for (let i = 0; i < 601 && !blocked; i++) {
      const response = await from('198.51.100.7');
      if (response.status === 429) blocked = response;
      else expect(response.status).toBe(200);
    }
    expect(blocked, 'no search was refused').toBeDefined();
    expect(((await blocked!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(Number(blocked!.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await from('198.51.100.8')).status).toBe(200);
  });

  it('says search is unavailable when its tables are missing, without the error', async () => {
    await env.SEARCH.exec('DROP TABLE search_terms');
    const { status, body } = await q('驿站');
    expect(status).toBe(503);
    expect(body.error?.code).toBe('search_unavailable');
    expect(JSON.stringify(body)).not.toContain('search_terms');
  });
});
