import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { fillMemberSignIn, memberPage, PHONE, signInMember } from './member-phone';
import { ownServer } from './own-server';
import { createStaffAccount } from './staff-session';

// A member on a cheap phone at noon: the demo screening's seats are released as the server starts.
const DEMO = 'demo-local';
const own = ownServer({ members: 12, demoReleaseInSeconds: 0 });

/** The demo screening's card in the list (the live one, with its button). */
const demoCard = (page: Page) => page.locator(`#list-view .screening[data-id="${DEMO}"]`);
const cardButton = (page: Page, id = DEMO) => page.locator(`#list-view .screening[data-id="${id}"] .action`);

async function openDemoPicker(page: Page): Promise<void> {
  await demoCard(page).getByRole('link').click();
  await page.locator('#seat-map .seat').first().waitFor();
}

/** Whether the whole of an element lies inside the first screen (no scrolling). */
async function inFirstScreen(locator: Locator): Promise<boolean> {
  const box = (await locator.boundingBox())!;
  return box.y >= 0 && box.y + box.height <= PHONE.height && box.x >= 0 && box.x + box.width <= PHONE.width;
}

/** Relative luminance of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('the cinema list at noon on a phone', () => {
  it('leads with the open screening and its button, in the first screen, and no release countdown', async () => {
    const { context, page } = await memberPage(own);
    const button = cardButton(page);
    await button.waitFor();
    expect(await button.textContent()).toBe('登录后领取');
    expect(await page.locator(`#open-now .screening[data-id="${DEMO}"]`).count()).toBe(1);
    expect(await inFirstScreen(page.locator(`#open-now .screening[data-id="${DEMO}"] h3`))).toBe(true);
    expect(await inFirstScreen(button)).toBe(true);
    expect(await page.locator('#next-release-section').isVisible()).toBe(false);
    await context.close();
  });

  it('shows the next release countdown, and no 正在放票, when nothing is open', async () => {
    const { context, page } = await memberPage(own, {
      // The same answer with every screening not yet released.
      beforeOpen: (opening) =>
        opening.route('**/api/screenings', async (route) => {
          const answer = await (await route.fetch()).json();
          const releaseAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
          for (const screening of answer.screenings) Object.assign(screening, { releaseAt, state: 'not_open' });
          await route.fulfill({ json: answer });
        }),
    });
    await page.locator('#next-release-countdown', { hasText: /^还有 / }).waitFor();
    expect(await page.locator('#open-now').isVisible()).toBe(false);
    expect(await inFirstScreen(page.locator('#next-release-countdown'))).toBe(true);
    await context.close();
  });

  it('opens sign-in in place from 登录后领取, then the button says what it does next', async () => {
    const { context, page } = await memberPage(own);
    await cardButton(page).click();
    const form = page.locator('#sign-in-form');
    await form.waitFor();
    // Right under the button that asked, with the cursor in it.
    expect(await demoCard(page).locator('#sign-in-form').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('member-number');
    await fillMemberSignIn(page, 1);
    await expect.poll(() => cardButton(page).textContent(), { timeout: 10_000 }).toBe('选座领取');
    expect(await form.isVisible()).toBe(false);
    await context.close();
  });
});

describe('the seat picker on its own address', () => {
  it('opens from the list, shows the whole hall with its row labels, zooms, and back returns to the same place', async () => {
    const { context, page } = await memberPage(own, { member: 2 });
    await page.evaluate(() => window.scrollTo(0, 400));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    // Clicked where the list stands: Playwright's own click would first scroll the link into view.
    await demoCard(page).getByRole('link').evaluate((link: HTMLElement) => link.click());
    await page.locator('#seat-map .seat').first().waitFor();
    expect(new URL(page.url()).search).toBe(`?screening=${DEMO}`);
    expect(await page.locator('#list-view').isVisible()).toBe(false);
    expect(await page.locator('#picker-title').textContent()).toBe('演示影片（本地演示场次）');

    // The whole hall in the width: 12 rows of 16 seats, every seat and row label on screen, no sideways scroll.
    const seats = page.locator('#seat-map .seat');
    expect(await seats.count()).toBe(192);
    const boxes = await seats.evaluateAll((all) => all.map((seat) => seat.getBoundingClientRect().toJSON() as DOMRect));
    expect(Math.min(...boxes.map((box) => box.left))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...boxes.map((box) => box.right))).toBeLessThanOrEqual(PHONE.width);
    for (let row = 1; row <= 12; row++) expect(await page.locator('#seat-map .row-label', { hasText: new RegExp(`^${row}排$`) }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // 银幕 centred over the seats, not over the labels and seats together.
    const screen = (await page.locator('#seat-map .screen').boundingBox())!;
    const seatsMiddle = (Math.min(...boxes.map((box) => box.left)) + Math.max(...boxes.map((box) => box.right))) / 2;
    expect(Math.abs(screen.x + screen.width / 2 - seatsMiddle)).toBeLessThanOrEqual(2);

    // Zoomed in: seats a thumb can hit (WCAG 2.5.8), and the row labels stay while the hall scrolls.
    await page.locator('#zoom-in').click();
    const seat = (await page.getByRole('button', { name: /^7排8号/ }).boundingBox())!;
    expect(Math.min(seat.width, seat.height)).toBeGreaterThanOrEqual(24);
    await page.locator('#seat-map-scroll').evaluate((scroller) => (scroller.scrollLeft = scroller.scrollWidth));
    const label = (await page.locator('#seat-map .row-label', { hasText: /^7排$/ }).boundingBox())!;
    expect(label.x).toBeGreaterThanOrEqual(0);
    expect(label.x).toBeLessThan(40);
    expect(await page.getByRole('button', { name: /^7排16号/ }).isVisible()).toBe(true);
    await page.locator('#zoom-out').click();
    expect(Math.max(...(await seats.evaluateAll((all) => all.map((s) => s.getBoundingClientRect().right))))).toBeLessThanOrEqual(PHONE.width);

    await page.goBack();
    await page.locator('#list-view').waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('#seat-picker').isVisible()).toBe(false);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await context.close();
  });

  it('opens from a shared link, and back from there leads to the list', async () => {
    const { context, page } = await memberPage(own, { path: `/cinema/?screening=${DEMO}&from=singlemessage` });
    await page.locator('#seat-map .seat').first().waitFor();
    expect(await page.locator('#picker-title').textContent()).toBe('演示影片（本地演示场次）');
    expect(await page.locator('#claim').textContent()).toBe('登录后领取');
    await page.goBack();
    await page.locator('#list-view').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cinema/');
    expect(await cardButton(page).isVisible()).toBe(true);
    await context.close();
  });

  it('reloaded on its own address, back still takes one step to the list and one more off the cinema', async () => {
    const { context, page } = await memberPage(own, { path: '/' });
    await page.goto(`${own.server.baseURL}/cinema/?screening=${DEMO}`);
    await page.locator('#seat-map .seat').first().waitFor();
    for (let i = 0; i < 2; i += 1) {
      await page.reload();
      await page.locator('#seat-map .seat').first().waitFor();
    }
    await page.goBack();
    await page.locator('#list-view').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/cinema/');
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('resizes the seats, not the page, under a two-finger pinch', async () => {
    const { context, page } = await memberPage(own, { hasTouch: true, isMobile: true, path: `/cinema/?screening=${DEMO}` });
    const seat = page.getByRole('button', { name: /^7排8号/ });
    await seat.waitFor();
    const before = (await seat.boundingBox())!.width;
    // Two fingers 40 px apart move to 120 px apart over the hall.
    await page.locator('#seat-map-scroll').evaluate((scroller) => {
      const box = scroller.getBoundingClientRect();
      const y = box.top + box.height / 2;
      const fingers = (spread: number) =>
        [box.left + box.width / 2 - spread / 2, box.left + box.width / 2 + spread / 2].map(
          (x, identifier) => new Touch({ identifier, target: scroller, clientX: x, clientY: y }),
        );
      const send = (type: string, touches: Touch[]) =>
        scroller.dispatchEvent(new TouchEvent(type, { touches, targetTouches: touches, changedTouches: touches, bubbles: true, cancelable: true }));
      send('touchstart', fingers(40));
      send('touchmove', fingers(80));
      send('touchmove', fingers(120));
      send('touchend', []);
    });
    const after = (await seat.boundingBox())!.width;
    expect(after).toBeGreaterThanOrEqual(2.5 * before);
    expect(await page.evaluate(() => window.visualViewport?.scale)).toBe(1);
    const label = (await page.locator('#seat-map .row-label', { hasText: /^7排$/ }).boundingBox())!;
    expect(label.x).toBeGreaterThanOrEqual(0);
    await context.close();
  });

  it('keeps keyboard navigation: arrows move, Enter chooses, the button names the seat', async () => {
    const { context, page } = await memberPage(own, { member: 3 });
    await openDemoPicker(page);
    await page.locator('#seat-map button[tabindex="0"]').focus();
    const start = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(moved).not.toBe(start);
    await page.keyboard.press('Enter');
    await expect(page.locator('#claim').textContent()).resolves.toBe(`领取 ${moved!.split('，')[0]}`);
    await context.close();
  });
});

describe('claiming on a phone', () => {
  it('claims a chosen seat, and after a reload the ticket is in the first screen and the card says 已领', async () => {
    const { context, page } = await memberPage(own, { member: 4 });
    await openDemoPicker(page);
    expect(await page.locator('#claim').textContent()).toBe('领取最佳座位');
    // Seats fitted to the width are too small for a thumb: a tap chooses the seat and zooms in around it.
    const chosen = page.getByRole('button', { name: /^6排8号/ });
    expect((await chosen.boundingBox())!.width).toBeLessThan(24);
    await chosen.click();
    expect((await chosen.boundingBox())!.width).toBeGreaterThanOrEqual(24);
    expect(await inFirstScreen(chosen)).toBe(true);
    expect(await chosen.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#claim').textContent()).toBe('领取 6排8号');
    await page.locator('#claim').click();
    await page.locator('#picker-message', { hasText: '领票成功：6排8号' }).waitFor();
    await expect.poll(() => page.locator('#claim').textContent(), { timeout: 10_000 }).toBe('已领 6排8号 · 查看票');

    // Reloaded on the picker's address: the picker again, its button in the first screen says 已领.
    await page.reload();
    await expect.poll(() => page.locator('#claim').textContent(), { timeout: 10_000 }).toBe('已领 6排8号 · 查看票');
    expect(await inFirstScreen(page.locator('#claim'))).toBe(true);

    await page.goto(`${own.server.baseURL}/cinema/`);
    const ticket = page.locator('#ticket-list .ticket', { hasText: '6排8号' });
    await ticket.waitFor();
    expect(await inFirstScreen(ticket.locator('.seat-label'))).toBe(true);
    expect(await cardButton(page).textContent()).toBe('已领 6排8号 · 查看票');
    await cardButton(page).click();
    expect(await page.evaluate(() => document.activeElement?.closest('.ticket')?.textContent)).toContain('6排8号');
    await context.close();
  });
});

describe('dark mode and accessibility', () => {
  it('dims taken seats below free ones and crosses them, in the map and its legend', async () => {
    const { context, page } = await memberPage(own, { colorScheme: 'dark' });
    await openDemoPicker(page);
    const taken = page.locator('#seat-map .seat.taken, #seat-map .seat.blocked').first();
    await taken.waitFor();
    const style = (locator: Locator) =>
      locator.evaluate((el) => {
        const s = getComputedStyle(el);
        return { background: s.backgroundColor, image: s.backgroundImage, border: s.borderTopColor, opacity: s.opacity };
      });
    const [takenStyle, freeStyle, legendStyle] = await Promise.all([
      style(taken),
      style(page.locator('#seat-map .seat.free').first()),
      style(page.locator('.legend .swatch.taken')),
    ]);
    expect(takenStyle.image).toMatch(/linear-gradient/);
    expect(legendStyle.image).toBe(takenStyle.image);
    expect(luminance(takenStyle.background)).toBeLessThan(luminance(freeStyle.border));
    await context.close();
  });

  it.each(['light', 'dark'] as const)('the list and the picker have no serious or critical violations (%s)', async (colorScheme) => {
    const { context, page } = await memberPage(own, { colorScheme });
    await cardButton(page).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signInMember(page, colorScheme === 'light' ? 7 : 8);
    expect(await seriousViolations(page)).toEqual([]);
    await openDemoPicker(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#zoom-in').click();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('one button per state, saying what it does', () => {
  it('not yet open: the release time, not the red primary look', async () => {
    const { context, page } = await memberPage(own);
    const notOpen = page.locator('#list-view .screening', { has: page.locator('.action[data-action="opens_at"]') }).first();
    await notOpen.waitFor();
    const button = notOpen.locator('.action');
    expect(await button.textContent()).toMatch(/^\d{1,2}月\d{1,2}日 \d\d:\d\d 开抢$/);
    const [quiet, primary] = await Promise.all([
      button.evaluate((el) => getComputedStyle(el).backgroundColor),
      cardButton(page).evaluate((el) => getComputedStyle(el).backgroundColor),
    ]);
    expect(quiet).not.toBe(primary);
    await context.close();
  });

  it('sold out: 加入候补 for a member, 登录后加入候补 signed out, 已领 for one who holds a ticket', async () => {
    const holder = await memberPage(own, { member: 5 });
    await openDemoPicker(holder.page);
    await holder.page.locator('#claim').click();
    await holder.page.locator('#picker-message', { hasText: '领票成功' }).waitFor();
    // A union books every seat left: the screening is sold out.
    const booked = await fetch(`${own.server.baseURL}/api/staff/screenings/${DEMO}/bookings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${(await createStaffAccount(own.server.baseURL, 'operator')).token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ union: '演示工会' }),
    });
    expect(booked.status).toBe(201);
    await expect
      .poll(async () => ((await (await fetch(`${own.server.baseURL}/api/screenings/${DEMO}`)).json()) as { available: number }).available, { timeout: 15_000 })
      .toBe(0);

    const member = await memberPage(own, { member: 6 });
    await expect.poll(() => cardButton(member.page).textContent(), { timeout: 10_000 }).toBe('加入候补');
    await cardButton(member.page).click();
    await member.page.locator('#ticket-list .waitlist', { hasText: '候补中：演示影片' }).waitFor();
    await expect.poll(() => cardButton(member.page).textContent(), { timeout: 10_000 }).toBe('候补中 · 有人退票时自动补位');

    const visitor = await memberPage(own);
    await expect.poll(() => cardButton(visitor.page).textContent(), { timeout: 10_000 }).toBe('登录后加入候补');

    await holder.page.reload();
    await expect.poll(() => cardButton(holder.page).textContent(), { timeout: 10_000 }).toMatch(/^已领 \d+排\d+号 · 查看票$/);
    await Promise.all([holder, member, visitor].map(({ context }) => context.close()));
  });
});
