import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';

// The honor roll's filters on a cheap phone (issue 18, item 11), on the real build served by `wrangler dev`.
const baseURL = inject('baseURL');
const SCREEN = { width: 360, height: 740 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether the first honoree card lies wholly in the first screen. */
async function firstCardInFirstScreen(page: Page): Promise<boolean> {
  const box = (await page.locator('main .honorees > li').first().boundingBox())!;
  return box.y >= 0 && box.y + box.height <= SCREEN.height;
}

describe('the honor roll at 360 px', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`shows the first result in the first screen after a chip tap (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ viewport: SCREEN, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${baseURL}/honors/`);
      expect(await firstCardInFirstScreen(page)).toBe(true);
      await page.locator('main summary').click();
      await page.getByRole('navigation', { name: '筛选' }).getByRole('link', { name: /^省级\s*（2）$/ }).click();
      await page.waitForURL(/\/honors\/level\/provincial\/$/);
      expect(await firstCardInFirstScreen(page)).toBe(true);
      // The folded filters say which one is applied.
      await expect(page.locator('main summary').textContent()).resolves.toContain('级别：省级');
      await context.close();
    });
  }

  it('offers no chip that leads nowhere and no year filter that cannot filter', async () => {
    const page = await browser.newPage({ viewport: SCREEN });
    await page.goto(`${baseURL}/honors/`);
    await page.locator('main summary').click();
    const filters = page.getByRole('navigation', { name: '筛选' });
    const chips = await filters.getByRole('listitem').allTextContents();
    expect(chips.filter((chip) => chip.replace(/\s+/g, '').endsWith('（0）'))).toEqual([]);
    await expect(filters.textContent()).resolves.not.toContain('年份');
    await page.close();
  });

  it('makes each honoree card one link, at least 44 px tall, tappable anywhere', async () => {
    const page = await browser.newPage({ viewport: SCREEN, hasTouch: true });
    await page.goto(`${baseURL}/honors/`);
    const card = page.locator('main .honorees > li').filter({ hasText: '王效知' });
    expect(await card.getByRole('link').count()).toBe(1);
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    // Away from the name: the card's lower right corner.
    await page.touchscreen.tap(box.x + box.width - 8, box.y + box.height - 8);
    await page.waitForURL(/\/honors\/wang-xiaozhi\/$/);
    await page.close();
  });
});
