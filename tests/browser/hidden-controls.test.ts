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

// On a slow network the HTML and CSS arrive long before the scripts: until a script un-hides a
// control, a tap on it does nothing, so it must not be seen (`display` rules used to override `hidden`).
describe('controls marked hidden stay hidden until a script shows them', () => {
  it.each(['/cinema/', '/cinema/checkin/'])('%s with scripts not yet run', async (path) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}${path}`);
    const hidden = page.locator('[hidden]');
    const count = await hidden.count();
    expect(count).toBeGreaterThan(0);
    const shown: string[] = [];
    for (let i = 0; i < count; i++) {
      const element = hidden.nth(i);
      if (await element.isVisible()) shown.push(await element.evaluate((node) => node.outerHTML.slice(0, 80)));
    }
    expect(shown).toEqual([]);
    await context.close();
  });
});
