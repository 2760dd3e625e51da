import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';

// The search page against the real Worker's GET /api/search, on the local D1 that `wrangler dev` is seeded
// with from the build (wrangler-dev.setup.ts, tests/helpers/wrangler-dev.ts).
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
  title: string;
  date: string | null;
  excerpt: string;
}

const status = (on: Page) => on.locator('#search-status');

/** Waits until the page has said what came of its search (anything but 正在搜索…). */
async function settled(on: Page): Promise<string> {
  await on.waitForFunction(() => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text !== '' && text !== '正在搜索…';
  });
  return (await status(on).textContent())!;
}

async function listed(on: Page): Promise<Result[]> {
  return on.locator('#search-results li').evaluateAll((items) =>
    items.map((li) => ({
      path: new URL(li.querySelector('a')!.href).pathname,
      type: li.querySelector('.type')?.textContent ?? '',
      title: li.querySelector('a')!.textContent ?? '',
      date: li.querySelector('time')?.getAttribute('datetime') ?? null,
      excerpt: li.querySelector('p')?.textContent ?? '',
    })),
  );
}

async function search(query: string, extra = '', on: Page = page): Promise<Result[]> {
  await on.goto(`${baseURL}/search/?q=${encodeURIComponent(query)}${extra}`);
  await settled(on);
  return listed(on);
}

/** The number in 找到 N 条…. */
async function foundCount(on: Page = page): Promise<number> {
  return Number((await status(on).textContent())!.match(/找到 (\d+) 条/)![1]);
}

describe('finding pages', () => {
  it('finds the cinema, its program page and its story for 惠工影院, each typed', async () => {
    const results = await search('惠工影院');
    expect(results.find((result) => result.path === '/cinema/')?.type).toBe('影院');
    expect(results.find((result) => result.path === '/programs/huigong-yingyuan/')?.type).toBe('服务项目');
    expect(results.find((result) => result.path === '/news/shandong-huigong-yingyuan/')?.type).toBe('新闻');
  });

  it.each([
    ['姚婕', '/honors/yao-jie/'],
    ['境外工会驿站', '/programs/jingwai-gonghui-yizhan/'],
  ])('puts the page about %s before the stories that mention it', async (query, path) => {
    expect((await search(query))[0]?.path).toBe(path);
  });

  it('finds the honorees for the two-character word 劳模, typed 光荣榜', async () => {
    const results = await search('劳模');
    const honorees = results.filter((result) => /^\/honors\/[^/]+\/$/.test(result.path));
    expect(honorees.map((result) => result.path)).toContain('/honors/yao-jie/');
    expect(honorees.every((result) => result.type === '光荣榜')).toBe(true);
    expect(results.find((result) => result.path === '/news/hubei-laomo-gongjiang-jin-xiaoyuan/')?.type).toBe('新闻');
  });

  it('finds two characters inside a longer word (影院 in 惠工影院)', async () => {
    expect((await search('影院')).map((result) => result.path)).toContain('/cinema/');
  });

  it('finds the 暖蜂驿站 program for 驿站, typed 服务项目', async () => {
    const results = await search('驿站');
    expect(results.find((result) => result.path === '/programs/nuanfeng-yizhan/')?.type).toBe('服务项目');
  });

  it('shows titles and excerpts as written, the query marked in the excerpt', async () => {
    const results = await search('驿站');
    expect(results.length).toBeGreaterThan(3);
    for (const text of results.flatMap((result) => [result.title, result.excerpt])) {
      expect(text).not.toMatch(/[`^<>]/);
      expect(text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    }
    expect(results.map((result) => result.title)).toContain('暖蜂驿站');
    const marks = await page.locator('#search-results p mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['驿站']));
  });

  it('dates the stories in the list, and only them', async () => {
    const results = await search('惠工影院');
    expect(new Set(results.map((result) => result.type))).toEqual(new Set(['新闻', '服务项目', '影院']));
    for (const result of results) {
      if (result.type === '新闻') expect(result.date, result.path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      else expect(result.date, result.path).toBeNull();
    }
    const story = page.locator('#search-results li', { has: page.locator('a[href="/news/shandong-huigong-yingyuan/"]') });
    const datetime = (await story.locator('time').getAttribute('datetime'))!;
    const [year, month, day] = datetime.split('-').map(Number);
    await expect(story.locator('time').textContent()).resolves.toBe(`${year}年${month}月${day}日`);
  });

  it('says how many it found and keeps the query in the box', async () => {
    const results = await search('驿站');
    expect(await status(page).textContent()).toBe(`找到 ${results.length} 条与“驿站”相关的内容。`);
    await expect(page.getByRole('searchbox', { name: '关键词' }).inputValue()).resolves.toBe('驿站');
  });
});

describe('narrowing, order and pages', () => {
  it('narrows to one type with its chip, which says how many and keeps the query', async () => {
    await search('驿站');
    const chip = page.getByRole('navigation', { name: '按类型' }).getByRole('link', { name: /^服务项目（\d+）$/ });
    const count = Number((await chip.textContent())!.match(/\d+/)![0]);
    await chip.click();
    await page.waitForURL(/type=programs/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('驿站');
    await settled(page);
    const types = await page.locator('#search-results .type').allTextContents();
    expect(types.length).toBe(count);
    expect(new Set(types)).toEqual(new Set(['服务项目']));
    await expect(page.getByRole('searchbox', { name: '关键词' }).inputValue()).resolves.toBe('驿站');
    await expect(page.getByRole('link', { name: `服务项目（${count}）` }).getAttribute('aria-current')).resolves.toBe('page');
  });

  it('takes a type it does not know (also one named like an object property) for all types', async () => {
    const all = await search('驿站');
    for (const type of ['toString', 'constructor', '__proto__', 'nonsense']) {
      await search('驿站', `&type=${type}`);
      expect(await status(page).textContent(), type).toBe(`找到 ${all.length} 条与“驿站”相关的内容。`);
    }
  });

  it('says when the chosen type has nothing but others do, and keeps the way back to all types', async () => {
    const all = await search('驿站');
    expect(all.some((result) => result.type === '影院')).toBe(false);
    await search('驿站', '&type=cinema');
    expect(await status(page).textContent()).toBe(`影院里没有与“驿站”相关的结果；全部类型里有 ${all.length} 条。`);
    const chips = page.getByRole('navigation', { name: '按类型' });
    await expect(chips.getByRole('link', { name: `全部（${all.length}）` }).isVisible()).resolves.toBe(true);
    await expect(chips.getByRole('link', { name: '影院（0）' }).getAttribute('aria-current')).resolves.toBe('page');
  });

  it('lists the stories newest first with 时间, and keeps the query', async () => {
    await search('工会');
    await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: /时间/ }).click();
    await page.waitForURL(/sort=date/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('工会');
    await settled(page);
    const results = await listed(page);
    expect(results.length).toBeGreaterThan(1);
    expect(new Set(results.map((result) => result.type))).toEqual(new Set(['新闻']));
    const dates = results.map((result) => result.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    // Each date is the story's own.
    const first = await browser.newPage();
    await first.goto(`${baseURL}${results[0]!.path}`);
    await expect(first.locator('.story-head time').getAttribute('datetime')).resolves.toBe(dates[0]);
    await first.close();
    await expect(page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: /时间/ }).getAttribute('aria-current')).resolves.toBe('true');
    // The list is the stories: their chip is the current one, and 全部 lists every type by relevance again.
    const chips = page.getByRole('navigation', { name: '按类型' });
    await expect(chips.getByRole('link', { name: `新闻（${results.length}）` }).getAttribute('aria-current')).resolves.toBe('page');
    await chips.getByRole('link', { name: /^全部/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('sort'));
    await settled(page);
    expect(new Set((await listed(page)).map((result) => result.type)).size).toBeGreaterThan(1);
  });

  it('lists the stories by date from a type that has no dates', async () => {
    await search('劳模', '&type=honors');
    await page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: /时间/ }).click();
    await page.waitForURL(/sort=date/);
    expect(new URL(page.url()).searchParams.has('type')).toBe(false);
    await settled(page);
    const results = await listed(page);
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((result) => result.type))).toEqual(new Set(['新闻']));
  });

  it('pages through more than 20 results with 下一页 and 上一页, each page its own URL', async () => {
    const first = await search('工');
    const total = await foundCount();
    expect(total).toBeGreaterThan(20);
    expect(first.length).toBe(20);
    expect(await status(page).textContent()).toContain('这是第 1 页，共 2 页');
    const pager = page.getByRole('navigation', { name: '分页' });
    await expect(pager.getByRole('link', { name: '上一页' }).isVisible()).resolves.toBe(false);
    await pager.getByRole('link', { name: '下一页' }).click();
    await page.waitForURL(/page=2/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('工');
    await settled(page);
    const second = await listed(page);
    expect(second.length).toBe(total - 20);
    expect(new Set([...first, ...second].map((result) => result.path)).size).toBe(total);
    await expect(pager.getByRole('link', { name: '下一页' }).isVisible()).resolves.toBe(false);
    await pager.getByRole('link', { name: '上一页' }).click();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    await settled(page);
    expect((await listed(page)).map((result) => result.path)).toEqual(first.map((result) => result.path));
  });

  it('has no pager when one page holds every result', async () => {
    await search('驿站');
    await expect(page.getByRole('navigation', { name: '分页' }).isVisible()).resolves.toBe(false);
  });

  it('offers the ways to browse when nothing matches, and hides them while there are results', async () => {
    expect(await search('恐龙')).toEqual([]);
    expect(await status(page).textContent()).toBe('没有找到与“恐龙”相关的内容。换个关键词试试，或从下面的栏目浏览。');
    const browse = page.getByRole('navigation', { name: '浏览' });
    await expect(browse.isVisible()).resolves.toBe(true);
    const links = await browse.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]));
    expect(links).toEqual([
      ['新闻', '/news/'],
      ['光荣榜', '/honors/'],
      ['服务项目', '/programs/'],
      ['影院', '/cinema/'],
    ]);
    await search('驿站');
    await expect(browse.isVisible()).resolves.toBe(false);
  });
});

describe('when the search fails', () => {
  it('shows the API’s own message for a query it refuses, with no 重试', async () => {
    const query = '工'.repeat(101);
    await search(query);
    expect(await status(page).textContent()).toMatch(/\p{Script=Han}/u);
    expect(await status(page).textContent()).not.toContain('找到');
    await expect(page.getByRole('button', { name: '重试' }).isVisible()).resolves.toBe(false);
    expect(await listed(page)).toEqual([]);
  });

  it('says the service failed on a 5xx, keeps the query, and 重试 searches again', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const failing = await context.newPage();
    await failing.route('**/api/search?**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"x","message":"down"}}' }));
    await failing.goto(`${baseURL}/search/?q=${encodeURIComponent('驿站')}`);
    expect(await settled(failing)).toBe('搜索服务暂时出了问题（503），请稍后点“重试”。');
    await expect(failing.getByRole('searchbox', { name: '关键词' }).inputValue()).resolves.toBe('驿站');
    await failing.unroute('**/api/search?**');
    await failing.getByRole('button', { name: '重试' }).click();
    await failing.getByRole('status').filter({ hasText: /^找到 \d+ 条/ }).waitFor();
    expect((await listed(failing)).length).toBeGreaterThan(0);
    await expect(failing.getByRole('button', { name: '重试' }).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('says the phone is offline (as WeChat does with no network) and searches once it is back', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const phone = await context.newPage();
    // The page is there; the network goes away before its search leaves.
    await phone.route('**/api/search?**', async (route) => {
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await phone.goto(`${baseURL}/search/?q=${encodeURIComponent('驿站')}`);
    expect(await settled(phone)).toBe('手机没有连上网络，暂时无法搜索。连上网络后点“重试”。');
    await expect(phone.getByRole('button', { name: '重试' }).isVisible()).resolves.toBe(true);
    await expect(phone.getByRole('searchbox', { name: '关键词' }).inputValue()).resolves.toBe('驿站');
    await phone.unroute('**/api/search?**');
    await context.setOffline(false);
    await phone.getByRole('status').filter({ hasText: /^找到 \d+ 条/ }).waitFor();
    expect((await listed(phone)).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe('keyboard and accessibility', () => {
  it('searches and narrows with the keyboard alone, the chips right after the search box', async () => {
    await page.goto(`${baseURL}/search/`);
    await page.getByRole('searchbox', { name: '关键词' }).focus();
    await page.keyboard.type('驿站');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await settled(page);
    // The new page starts at its top: Tab through the header to the page's own form, then the chips.
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim()}`);
    const order: string[] = [];
    for (let i = 0; i < 30 && !/^A 全部/.test(order.at(-1) ?? ''); i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order.at(-1)).toMatch(/^A 全部（\d+）$/);
    expect(order.at(-2)).toBe('BUTTON 搜索');
    expect(order.at(-3)).toBe('INPUT ');
    await page.keyboard.press('Tab');
    const chip = (await focused()).replace(/^A /, '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/type=/);
    await settled(page);
    await expect(page.getByRole('link', { name: chip }).getAttribute('aria-current')).resolves.toBe('page');
    expect(new URL(page.url()).searchParams.get('q')).toBe('驿站');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each([
      ['results', '驿站', ''],
      ['nothing found', '恐龙', ''],
      ['a second page', '工', '&page=2'],
    ])(`has no serious accessibility violations with %s (${scheme})`, async (_, query, extra) => {
      const themed = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme: scheme });
      await search(query, extra, themed);
      expect(await seriousViolations(themed)).toEqual([]);
      await themed.close();
    });

    it(`has no serious accessibility violations with 重试 showing (${scheme})`, async () => {
      const themed = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme: scheme });
      await themed.route('**/api/search?**', (route) => route.fulfill({ status: 500, body: 'oops' }));
      await themed.goto(`${baseURL}/search/?q=${encodeURIComponent('驿站')}`);
      await settled(themed);
      expect(await seriousViolations(themed)).toEqual([]);
      await themed.close();
    });
  }
});
