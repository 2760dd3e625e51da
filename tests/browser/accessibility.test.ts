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

const pages = [
  '/',
  '/news/',
  '/news/sichuan-gonghui-345/',
  '/news/changchun-gongyi-tijian/',
  '/news/xiaoyuan-nongchang/',
  '/tags/',
  '/regions/yunnan/',
  '/archive/2023-09/',
  '/search/?q=驿站',
  '/cinema/rules/',
  '/no-such-page/',
];

describe('axe-core audit', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(pages)(`%s has no serious or critical violations (${scheme})`, async (path) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme: scheme });
      await page.goto(`${baseURL}${path}`);
      if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
