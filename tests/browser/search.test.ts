import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';

// Search over the real build's Pagefind index, served by `wrangler dev` (see wrangler-dev.setup.ts).
const baseURL = inject('baseURL');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
});

interface Result {
  path: string;
  type: string;
  snippet: string;
}

async function search(query: string, on: Page = page): Promise<Result[]> {
  await on.goto(`${baseURL}/search/?q=${encodeURIComponent(query)}`);
  await on.getByRole('status').filter({ hasText: /找到|没有找到/ }).waitFor();
  return on.locator('#search-results li').evaluateAll((items) =>
    items.map((li) => ({
      path: new URL(li.querySelector('a')!.href).pathname,
      type: li.querySelector('.type')?.textContent ?? '',
      snippet: li.querySelector('p')?.textContent ?? '',
    })),
  );
}

/** The text of a page's body as a reader sees it, without spaces. */
async function bodyText(path: string): Promise<string> {
  const other = await browser.newPage();
  await other.goto(`${baseURL}${path}`);
  const text = await other.locator('.prose, .lead, blockquote p').allInnerTexts();
  await other.close();
  return text.join('').replace(/\s+/g, '');
}

describe('search', () => {
  it('finds the honorees for 劳模, typed 光荣榜', async () => {
    const results = await search('劳模');
    const honorees = results.filter((result) => /^\/honors\/[^/]+\/$/.test(result.path));
    expect(honorees.map((result) => result.path)).toContain('/honors/yao-jie/');
    expect(honorees.every((result) => result.type === '光荣榜')).toBe(true);
    expect(results.find((result) => result.path === '/news/hubei-laomo-gongjiang-jin-xiaoyuan/')?.type).toBe('新闻');
  });

  it('finds the 暖蜂驿站 program for 驿站, typed 服务项目', async () => {
    const results = await search('驿站');
    expect(results.find((result) => result.path === '/programs/nuanfeng-yizhan/')?.type).toBe('服务项目');
  });

  it('finds the cinema for 看电影, typed 影院', async () => {
    const results = await search('看电影');
    expect(results.find((result) => result.path === '/cinema/')?.type).toBe('影院');
  });

  it.each([
    ['姚婕', '/honors/yao-jie/'],
    ['境外工会驿站', '/programs/jingwai-gonghui-yizhan/'],
  ])('puts the page about %s before the stories that mention it', async (query, path) => {
    expect((await search(query))[0]?.path).toBe(path);
  });

  // Known ranking gap (issue 16): since names inside a story's links are indexed, the Shenzhen story titled
  // 推进暖蜂驿站建设 outranks the program page for 暖蜂; the program must stay in the first two.
  it('puts the 暖蜂驿站 program among the first two results for 暖蜂', async () => {
    expect((await search('暖蜂')).slice(0, 2).map((result) => result.path)).toContain('/programs/nuanfeng-yizhan/');
  });

  it('takes each snippet from the body: no heading, date or column in front, no leading 。', async () => {
    const results = await search('驿站');
    expect(results.length).toBeGreaterThan(3);
    for (const result of results) {
      const snippet = result.snippet.replace(/\s+/g, '').replace(/^…/, '');
      expect(snippet, result.path).not.toMatch(/^[。，、；：.]/);
      // The snippet's opening words, up to the first punctuation (blocks are joined with 。).
      const opening = snippet.match(/^[^。，、；：！？.]{1,8}/)![0];
      expect(await bodyText(result.path), result.path).toContain(opening);
    }
  });

  it('shows titles and snippets as written: no marks or spaces from the index’s character pairs', async () => {
    const results = await search('驿站');
    const titles = await page.locator('#search-results li a').allTextContents();
    for (const text of [...titles, ...results.map((result) => result.snippet)]) {
      expect(text).not.toMatch(/[`^]/);
      expect(text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    }
    expect(titles).toContain('暖蜂驿站');
  });

  it('finds two characters inside a longer word (影院 in 惠工影院)', async () => {
    expect((await search('影院')).map((result) => result.path)).toContain('/cinema/');
  });

  it('lists the stories newest first with 按时间, and keeps the query', async () => {
    await search('驿站');
    await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: /时间/ }).click();
    await page.waitForURL(/sort=date/);
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();
    const results = await page.locator('#search-results li').evaluateAll((items) =>
      items.map((li) => ({ path: new URL(li.querySelector('a')!.href).pathname, type: li.querySelector('.type')?.textContent })),
    );
    expect(results.length).toBeGreaterThan(1);
    expect(new Set(results.map((result) => result.type))).toEqual(new Set(['新闻']));
    const dates: string[] = [];
    for (const result of results) {
      const other = await browser.newPage();
      await other.goto(`${baseURL}${result.path}`);
      dates.push((await other.locator('.story-head time').getAttribute('datetime'))!);
      await other.close();
    }
    expect(dates).toEqual([...dates].sort().reverse());
    await expect(page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: /时间/ }).getAttribute('aria-current')).resolves.toBe('true');
  });

  it('narrows to one type with its chip, which says how many', async () => {
    await search('驿站');
    const chip = page.getByRole('navigation', { name: '按类型' }).getByRole('link', { name: /^光荣榜（\d+）$/ });
    const count = Number((await chip.textContent())!.match(/\d+/)![0]);
    await chip.click();
    await page.waitForURL(/type=honors/);
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor();
    const types = await page.locator('#search-results .type').allTextContents();
    expect(types.length).toBe(count);
    expect(new Set(types)).toEqual(new Set(['光荣榜']));
  });

  it('takes a type it does not know (also one named like an object property) for all types', async () => {
    const all = await search('驿站');
    for (const type of ['toString', 'constructor', '__proto__', 'nonsense']) {
      await page.goto(`${baseURL}/search/?q=${encodeURIComponent('驿站')}&type=${type}`);
      const status = page.getByRole('status').filter({ hasText: /找到|没有找到/ });
      await status.waitFor();
      expect(await status.textContent(), type).toBe(`找到 ${all.length} 条与“驿站”相关的内容。`);
    }
  });

  it('says when the chosen type has nothing but others do, and keeps the way back to all types', async () => {
    const all = await search('驿站');
    expect(all.some((result) => result.type === '影院')).toBe(false);
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('驿站')}&type=cinema`);
    const status = page.getByRole('status').filter({ hasText: /找到|没有/ });
    await status.waitFor();
    expect(await status.textContent()).toBe(`影院里没有与“驿站”相关的结果；全部类型里有 ${all.length} 条。`);
    const chips = page.getByRole('navigation', { name: '按类型' });
    await expect(chips.getByRole('link', { name: `全部（${all.length}）` }).isVisible()).resolves.toBe(true);
    await expect(chips.getByRole('link', { name: '影院（0）' }).getAttribute('aria-current')).resolves.toBe('page');
  });

  it('offers the ways to browse when nothing matches', async () => {
    expect(await search('恐龙')).toEqual([]);
    const browse = page.getByRole('navigation', { name: '浏览' });
    await expect(browse.isVisible()).resolves.toBe(true);
    const links = await browse.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]));
    expect(links).toEqual([
      ['新闻', '/news/'],
      ['光荣榜', '/honors/'],
      ['服务项目', '/programs/'],
      ['影院', '/cinema/'],
    ]);
  });

  it('hides the ways to browse while there are results', async () => {
    await search('驿站');
    await expect(page.getByRole('navigation', { name: '浏览' }).isVisible()).resolves.toBe(false);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(['驿站', '恐龙'])(`has no serious accessibility violations for %s (${scheme})`, async (query) => {
      const themed = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme: scheme });
      await search(query, themed);
      expect(await seriousViolations(themed)).toEqual([]);
      await themed.close();
    });
  }
});
