import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';

// The honor roll and program pages of the real build, served by `wrangler dev` (see wrangler-dev.setup.ts).
const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const pages = [
  '/honors/',
  '/honors/yao-jie/',
  '/honors/jianpuzhai-xianli-wuge-jichang-yizhan/',
  '/honors/level/national/',
  '/programs/',
  '/programs/huigong-yingyuan/',
  '/programs/nuanfeng-yizhan/',
  '/programs/nuanfeng-yizhan/stations/',
  '/news/hubei-laomo-gongjiang-jin-xiaoyuan/',
];

describe('honor roll and program pages', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages)(`%s has no serious or critical accessibility violations (${scheme})`, async (path) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme: scheme });
      await page.goto(`${baseURL}${path}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it.each(pages)('%s reads at 320 px without sideways scrolling', async (path) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${baseURL}${path}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('filters the roll by following links, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/honors/`);
    await page.locator('main summary').click();
    await page.getByRole('navigation', { name: '筛选' }).getByRole('link', { name: /荆楚工匠/ }).click();
    await page.waitForURL(/\/honors\/honor\/jingchu-gongjiang\/$/);
    await expect(page.locator('main .honorees .name a').allTextContents()).resolves.toEqual(['王效知']);
    await page.getByRole('link', { name: '王效知' }).click();
    await page.waitForURL(/\/honors\/wang-xiaozhi\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('王效知');
    await context.close();
  });

  it('leads from a story to the honorees it names', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${baseURL}/news/hubei-laomo-gongjiang-jin-xiaoyuan/`);
    await page.getByRole('region', { name: '报道中的荣誉获得者' }).getByRole('link', { name: '姚婕' }).click();
    await page.waitForURL(/\/honors\/yao-jie\/$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('姚婕');
    await page.close();
  });
});
