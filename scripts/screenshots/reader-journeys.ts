import type { Page } from 'playwright-core';
import type { Journeys } from './journey.ts';

/** One page of each type a reader meets, with what to wait for before it is worth a picture. */
const READER_PAGES: { name: string; path: string; ready?: (page: Page) => Promise<unknown> }[] = [
  { name: 'front', path: '/' },
  { name: 'story', path: '/news/sichuan-gonghui-345/' },
  { name: 'news-list', path: '/news/' },
  { name: 'column', path: '/columns/' },
  { name: 'regions', path: '/regions/' },
  { name: 'tags', path: '/tags/' },
  { name: 'archive', path: '/archive/' },
  { name: 'honor-roll', path: '/honors/' },
  { name: 'honoree', path: '/honors/yao-jie/' },
  { name: 'honor-filter-page', path: '/honors/level/national/' },
  { name: 'programs', path: '/programs/' },
  { name: 'program', path: '/programs/nuanfeng-yizhan/' },
  { name: 'cinema-program', path: '/programs/huigong-yingyuan/' },
  { name: 'station-directory', path: '/programs/nuanfeng-yizhan/stations/' },
  { name: 'cinema', path: '/cinema/' },
  { name: 'search-results', path: `/search/?q=${encodeURIComponent('劳模')}`, ready: searchDone },
  { name: 'search-nothing', path: `/search/?q=${encodeURIComponent('恐龙')}`, ready: searchDone },
  { name: 'not-found', path: '/no-such-page/' },
];

function searchDone(page: Page) {
  return page.getByRole('status').filter({ hasText: /找到|没有找到/ }).waitFor();
}

export const journeys: Journeys = {
  'reader-pages': async (page, shoot, baseURL) => {
    for (const { name, path, ready } of READER_PAGES) {
      await page.goto(`${baseURL}${path}`);
      await ready?.(page);
      await shoot(name);
    }
  },

  // From the header's search box to an honoree found by 劳模.
  search: async (page, shoot, baseURL) => {
    await page.goto(`${baseURL}/`);
    const form = page.getByRole('search').first();
    await form.getByRole('searchbox').fill('劳模');
    await form.getByRole('button').click();
    await page.waitForURL(/\/search\/\?q=/);
    await searchDone(page);
    await shoot('results');
    await page.getByRole('navigation', { name: '按类型' }).getByRole('link', { name: /光荣榜/ }).click();
    await page.waitForURL(/type=honors/);
    await searchDone(page);
    await shoot('honors-only');
    await page.locator('#search-results li a').first().click();
    await page.waitForLoadState();
    await shoot('result-opened');
  },

  // The roll, its folded filters, a filter page and one honoree.
  'honor-filters': async (page, shoot, baseURL) => {
    await page.goto(`${baseURL}/honors/`);
    await shoot('roll');
    await page.locator('main summary').click();
    await shoot('filters-open');
    await page.getByRole('navigation', { name: '筛选' }).getByRole('link', { name: /^省级/ }).click();
    await page.waitForURL(/\/honors\/level\/provincial\/$/);
    await shoot('filtered');
    await page.locator('main .honorees > li').first().click();
    await page.waitForLoadState();
    await shoot('honoree');
  },
};

export const dark = ['reader-pages', 'honor-filters'];
