import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { memberPage } from './member-phone';
import { ownServer } from './own-server';

// Its own server: the demo screening is released RELEASE_IN seconds after start-up, so its noon queue
// (open from 5 minutes before) is open from the start: it is "11:59". Two minutes: wrangler dev and
// Chromium take up to a minute and a half to start on a busy machine, and the page must load before the release.
const RELEASE_IN = 120;
const DEMO = 'demo-local';
const own = ownServer({ members: 4, demoReleaseInSeconds: RELEASE_IN });

describe('the noon queue', () => {
  it('joins at 11:59 with a chosen seat, says 已排队 with no position, and shows the seat at the release without a reload', async () => {
    const { context, page } = await memberPage(own, { member: 1 });
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
