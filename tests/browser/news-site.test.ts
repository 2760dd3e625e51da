import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';

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

async function search(query: string): Promise<string[]> {
  await page.goto(`${baseURL}/`);
  await page.getByRole('searchbox', { name: '搜索新闻' }).fill(query);
  await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
  await page.waitForURL(/\/search\/\?q=/);
  await page.getByRole('status').filter({ hasText: /找到|没有找到/ }).waitFor();
  return page.locator('#search-results li a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('a reader on a phone', () => {
  it('opens the front page and follows the lead story', async () => {
    await page.goto(`${baseURL}/`);
    const lead = page.locator('.lead h2 a');
    await expect(lead.textContent()).resolves.toBe('聚焦“工”字特色，跑出工会高质量发展“加速度”');
    await lead.click();
    await page.waitForURL(/\/news\/sichuan-gonghui-345\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('跑出工会高质量发展“加速度”');
    await expect(page.getByRole('complementary', { name: '阅读提示' }).isVisible()).resolves.toBe(true);
  });

  it('searches for 驿站 and sees the station stories', async () => {
    const results = await search('驿站');
    expect(results).toContain('/news/yunnan-jiantou-gonghui-yizhan/');
    expect(results).toContain('/news/shenzhen-nuanfeng-yizhan/');
  });

  it.each([
    ['工会驿站', '/news/yunnan-jiantou-gonghui-yizhan/'],
    ['暖蜂', '/news/shenzhen-nuanfeng-yizhan/'],
    ['劳模', '/news/hubei-laomo-gongjiang-jin-xiaoyuan/'],
    ['姚婕', '/news/hubei-laomo-gongjiang-jin-xiaoyuan/'],
    ['抢票', '/news/shandong-huigong-yingyuan/'],
  ])('finds %s in the right story, first among the news', async (query, story) => {
    // Honor, program and cinema pages are searched too (tests/browser/search.test.ts): rank stories among stories.
    const results = await search(query);
    expect(results.filter((path) => path.startsWith('/news/'))[0]).toBe(story);
  });

  it('says so when nothing matches', async () => {
    expect(await search('恐龙')).toEqual([]);
    await expect(page.getByRole('status').textContent()).resolves.toContain('没有找到');
  });

  it('reads every story at 320 px without sideways scrolling', async () => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await narrow.goto(`${baseURL}/news/`);
    const links = await narrow.locator('main article h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(9);
    for (const link of links) {
      await narrow.goto(link);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, link).toBeLessThanOrEqual(0);
    }
    await narrow.close();
  });
});
