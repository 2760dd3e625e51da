import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const STORY = '/news/sichuan-gonghui-345/';

describe('the site header on a phone (360×740)', () => {
  it('takes at most 15% of the first screen: one bar with the search field, one row of channels', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseURL}${STORY}`);
    const header = (await page.locator('header.site-header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(740 * 0.15);
    const search = (await page.getByRole('searchbox', { name: '搜索新闻' }).boundingBox())!;
    const brand = (await page.getByRole('link', { name: '惠工' }).first().boundingBox())!;
    // Name and search field side by side, not stacked.
    expect(Math.abs(search.y + search.height / 2 - (brand.y + brand.height / 2))).toBeLessThan(brand.height);
    await page.close();
  });

  it('lists each channel once, with no 搜索 link repeating the search field', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseURL}${STORY}`);
    const channels = await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents();
    expect(channels.map((text) => text.trim())).toEqual(['首页', '新闻', '光荣榜', '服务项目', '惠工影院']);
    await page.close();
  });

  it('scrolls the channel row sideways inside itself at 200% text, the page not at all', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseURL}${STORY}`);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const row = await page.locator('nav[aria-label="主导航"] ul').evaluate((ul) => ({ scrollWidth: ul.scrollWidth, clientWidth: ul.clientWidth }));
    expect(row.scrollWidth).toBeGreaterThan(row.clientWidth);
    const lastChannel = page.getByRole('link', { name: '惠工影院' });
    await lastChannel.scrollIntoViewIfNeeded();
    expect(await lastChannel.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations on a story page (${colorScheme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme });
      await page.goto(`${baseURL}${STORY}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('the footer and the site map page', () => {
  it('takes the reader from the footer to the human site map, not raw XML', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseURL}${STORY}`);
    await page.getByRole('contentinfo').getByRole('link', { name: '网站地图' }).click();
    await page.getByRole('heading', { level: 1, name: '网站地图' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sitemap/');
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations on /sitemap/ (${colorScheme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme });
      await page.goto(`${baseURL}/sitemap/`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
