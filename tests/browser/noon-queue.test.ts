import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

// Its own server: the demo screening is released RELEASE_IN seconds after start-up, so its noon queue
// (open from 5 minutes before) is open from the start: it is "11:59". Two minutes: wrangler dev and
// Chromium take up to a minute and a half to start on a busy machine, and the page must load before the release.
const RELEASE_IN = 120;
const DEMO = 'demo-local';
let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDevServer({ members: 4, demoReleaseInSeconds: RELEASE_IN }), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

async function signIn(page: Page, member: number): Promise<void> {
  const n = String(member).padStart(5, '0');
  await page.getByRole('button', { name: '会员登录' }).click();
  await page.getByLabel('会员号').fill(`DEMO${n}`);
  await page.getByLabel('手机号后四位').fill(n.slice(-4));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

describe('the noon queue', () => {
  it('joins at 11:59 with a chosen seat, says 已排队 with no position, and shows the seat at the release without a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.baseURL}/cinema/`);
    await signIn(page, 1);
    const card = page.locator(`#list-view .screening[data-id="${DEMO}"] .action`);
    await expect.poll(() => card.textContent()).toBe('选座排队');
    await card.click();
    await page.locator('#seat-map .seat').first().waitFor();
    expect(await page.locator('#claim').textContent()).toBe('加入排队');
    await page.getByRole('button', { name: /^6排8号/ }).click();
    expect(await page.locator('#claim').textContent()).toBe('加入排队 · 6排8号');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#claim').click();
    await expect.poll(() => page.locator('#picker-message').textContent(), { timeout: 15_000 }).toMatch(/^已排队，\d\d:\d\d 统一随机分配。/);
    expect(await page.locator('#claim').textContent()).toMatch(/^已排队，\d\d:\d\d 统一随机分配$/);
    expect(await page.locator('#claim').isDisabled()).toBe(true);
    expect(await page.locator('#picker-message').textContent()).not.toMatch(/第 ?\d+ ?位/);

    // The release comes; the page was not reloaded.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.locator('#picker-message', { hasText: '随机分配结果：您领到了 6排8号' }).waitFor({ timeout: (RELEASE_IN + 30) * 1000 });
    await expect.poll(() => page.locator('#claim').textContent(), { timeout: 10_000 }).toBe('已领 6排8号 · 查看票');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await context.close();
  }, (RELEASE_IN + 90) * 1000);
});
