import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// One page of every type. A reader who sets larger text (150%, 200%) must never have to scroll the page
// sideways to read a line (WCAG 1.4.10 reflow); rows that scroll sideways on purpose scroll inside themselves.
const PAGES = [
  '/',
  '/news/',
  '/news/sichuan-gonghui-345/',
  '/columns/yaowen/',
  '/tags/',
  '/tags/gongjiang-rencai/',
  '/regions/',
  '/regions/sichuan/',
  '/archive/',
  '/archive/2023-09/',
  '/honors/',
  '/honors/gao-xingze/',
  '/honors/honor/quanguo-laodong-mofan/',
  '/programs/',
  '/programs/huigong-yingyuan/',
  '/programs/nuanfeng-yizhan/',
  '/programs/nuanfeng-yizhan/stations/',
  '/cinema/',
  '/cinema/checkin/',
  '/cinema/rules/',
  // 工 finds more than a page: the results, their chips and the pager.
  '/search/?q=工',
  '/sitemap/',
  '/no-such-page/',
];

describe('no sideways scrolling at larger text sizes, 360 px wide', () => {
  for (const zoom of [150, 200]) {
    it.each(PAGES)(`%s at ${zoom}% text`, async (path) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
      await page.goto(`${baseURL}${path}`, { waitUntil: 'load' });
      if (path.startsWith('/search/')) await page.getByRole('navigation', { name: '分页' }).waitFor();
      // Text zoom as a reader's browser setting gives it: every rem grows, the viewport does not.
      await page.evaluate((percent) => {
        document.documentElement.style.fontSize = `${percent}%`;
      }, zoom);
      const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
        const root = document.documentElement;
        // What sticks out of the page (not out of a row that scrolls by itself), to say in the failure message.
        const scrollsItself = (element: Element) => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== 'visible') return true;
          }
          return false;
        };
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1 && !scrollsItself(element))
          .slice(0, 3)
          .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      });
      expect(scrollWidth, `sticking out: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth);
      await page.close();
    });
  }
});
