import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { memberPage } from './member-phone';
import { ownServer } from './own-server';

// Its own server: the demo lottery (scripts/build-catalogue.ts --demo-lottery-draw-in) takes entries from
// start-up and is drawn DRAW_IN seconds later. Two minutes: wrangler dev and Chromium take up to a minute
// and a half to start on a busy machine, and both members must enter before the draw.
const DRAW_IN = 120;
const LOTTERY = 'demo-lottery';
const own = ownServer({ members: 4, demoLotteryDrawInSeconds: DRAW_IN });

const cardOf = (page: Page) => page.locator(`#list-view .screening[data-id="${LOTTERY}"]`);

async function openLottery(page: Page): Promise<void> {
  const button = cardOf(page).locator('.action');
  await expect.poll(() => button.textContent()).toBe('报名抽签');
  await button.click();
  await page.locator('#lottery-panel').waitFor();
}

describe('a lottery screening', () => {
  it('takes an entry for two, changes and withdraws, then shows the result after the draw without a reload', async () => {
    // A second member, in dark mode: enters, withdraws, enters again for one.
    const other = await memberPage(own, { member: 2, colorScheme: 'dark' });
    expect(await cardOf(other.page).locator('.state').textContent()).toMatch(/^抽签时间 .+ · 还有 /);
    expect(await cardOf(other.page).locator('a[href="/cinema/rules/#lottery"]').count()).toBe(1);
    await openLottery(other.page);
    // No seat to pick before the draw: the hall is put away, the one button enters.
    expect(await other.page.locator('#seat-map-scroll').isVisible()).toBe(false);
    expect(await other.page.locator('#claim').textContent()).toBe('报名抽签 · 一人');
    expect(await seriousViolations(other.page)).toEqual([]);
    await other.page.locator('#claim').click();
    await other.page.locator('#picker-message', { hasText: '已报名 1 张' }).waitFor();
    await other.page.getByRole('button', { name: '撤回报名' }).click();
    await other.page.locator('#picker-message', { hasText: '已撤回报名' }).waitFor();
    expect(await other.page.locator('#claim').textContent()).toBe('报名抽签 · 一人');
    await other.page.locator('#claim').click();
    await other.page.locator('#picker-message', { hasText: '已报名 1 张' }).waitFor();
    expect(await seriousViolations(other.page)).toEqual([]);

    const { context, page } = await memberPage(own, { member: 1, colorScheme: 'light' });
    await openLottery(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(/带一位同伴/).check();
    expect(await page.locator('#claim').textContent()).toBe('报名抽签 · 两人');
    await page.locator('#claim').click();
    await page.locator('#picker-message', { hasText: '已报名 2 张' }).waitFor();
    await expect.poll(() => page.locator('#claim').textContent()).toMatch(/^已报名 · 2 张 · .+ 抽签$/);
    expect(await page.locator('#claim').isDisabled()).toBe(true);
    expect(await page.locator('#lottery-line').textContent()).toMatch(/^已报名 · 2 张 · 抽签时间 .+ · 还有 /);
    // Changing the seats turns the button into the change; sending it twice is one entry.
    await page.getByLabel(/一人/).check();
    expect(await page.locator('#claim').textContent()).toBe('改为一人');
    await page.getByLabel(/带一位同伴/).check();
    const entrant = (await page.locator('#lottery-entrant').textContent())!;
    expect(entrant).toMatch(/^[0-9a-f]{16}$/);
    expect(await page.locator('#lottery-data').getAttribute('href')).toBe(`/api/screenings/${LOTTERY}/draw`);
    expect(await page.locator('#lottery-reminder a[download]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The draw comes; the page was not reloaded.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.locator('#picker-message', { hasText: '抽签结果：中签！' }).waitFor({ timeout: (DRAW_IN + 30) * 1000 });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const line = (await page.locator('#lottery-line').textContent())!;
    expect(line).toMatch(/^已中签：\d+排\d+号、\d+排\d+号$/);
    // The guest's ticket, which 我的票 does not list, is in the panel with its QR code.
    const guestTicket = page.locator('#lottery-guest .ticket');
    expect(await guestTicket.count()).toBe(1);
    expect(line.endsWith(`、${await guestTicket.locator('.seat-label').textContent()}`)).toBe(true);
    expect(await guestTicket.locator('.qr svg').count()).toBe(1);
    await expect.poll(() => page.locator('#claim').textContent(), { timeout: 10_000 }).toMatch(/^已领 \d+排\d+号 · 查看票$/);
    // The hall comes back for the seats left, fitted to the width it gets now (it was drawn while put away).
    await page.locator('#seat-map-scroll').waitFor();
    const hall = await page.locator('#seat-map-scroll').evaluate((scroller) => ({
      scrollWidth: scroller.scrollWidth,
      clientWidth: scroller.clientWidth,
      seat: scroller.querySelector('.seat')!.getBoundingClientRect().width,
    }));
    expect(hall.scrollWidth).toBeLessThanOrEqual(hall.clientWidth);
    expect(hall.seat).toBeGreaterThan(hall.clientWidth / 40);
    expect(await seriousViolations(page)).toEqual([]);
    await other.page.locator('#picker-message', { hasText: '抽签结果：中签！' }).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(other.page)).toEqual([]);

    // The published draw names this member's line among the winners, and no member number.
    const { draw } = await (await fetch(`${own.server.baseURL}/api/screenings/${LOTTERY}/draw`)).json();
    expect(draw.winners).toContain(entrant);
    expect(draw.entries).toContainEqual({ entrant, weight: 1, seats: 2 });
    expect(JSON.stringify(draw)).not.toContain('DEMO');
    await Promise.all([context.close(), other.context.close()]);
  }, (DRAW_IN + 120) * 1000);
});
