import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { memberPage, signInMember, type MemberPageOptions } from './member-phone';
import { ownServer } from './own-server';
import { signInDoorPage } from './staff-session';

// Its own server: a demo screening whose seats are released RELEASE_IN seconds after start-up.
const RELEASE_IN = 30;
const own = ownServer({ members: 12, demoReleaseInSeconds: RELEASE_IN });

/** A member's phone a little taller than the usual 740 px. */
const phonePage = (options: MemberPageOptions = {}) => memberPage(own, { viewport: { width: 360, height: 800 }, ...options });

async function openDemoPicker(page: Page): Promise<void> {
  await page.getByRole('link', { name: '演示影片（本地演示场次）' }).click();
  await page.locator('#seat-map button').first().waitFor();
}

/** Member `member` claims the best seat of the demo screening; the ticket's code. */
async function claimBest(member: number): Promise<string> {
  const { context, page } = await phonePage({ member });
  await openDemoPicker(page);
  await page.locator('#claim').click();
  await page.locator('#picker-message', { hasText: '领票成功' }).waitFor();
  const code = (await page.locator('.ticket .code').first().textContent())!;
  await context.close();
  return code;
}

/** The door's check-in page on a phone, signed in as a door account, on the demo screening. */
async function doorPage(): Promise<Page> {
  const staff = await own.browser.newPage({ viewport: { width: 360, height: 800 } });
  await staff.goto(`${own.server.baseURL}/cinema/checkin/`);
  await signInDoorPage(staff, own.server.baseURL);
  await staff.getByLabel('场次').selectOption('demo-local');
  return staff;
}

const seat = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label}`) });

describe('claiming a seat at the cinema', () => {
  it('counts down to the release, enables the claim, issues a ticket with a QR code, and cancels it', async () => {
    const { context, page } = await phonePage({ member: 1 });
    await openDemoPicker(page);

    const claimButton = page.locator('#claim');
    await seat(page, '7排8号').click();
    await expect(page.locator('#picker-window').textContent()).resolves.toMatch(/^距放票还有 \d+:\d\d/);
    // In the last 5 minutes before the release the one button joins the noon queue, never claims early.
    await expect(claimButton.textContent()).resolves.toBe('加入排队 · 7排8号');

    // No reload: the button turns into the claim when the server's clock reaches the release.
    await page.waitForFunction(() => document.querySelector('#claim')?.textContent?.startsWith('领取') === true, null, {
      timeout: (RELEASE_IN + 15) * 1000,
    });
    expect(await claimButton.isDisabled()).toBe(false);
    await expect(claimButton.textContent()).resolves.toBe('领取 7排8号');
    await claimButton.click();
    await page.locator('#picker-message', { hasText: '领票成功：7排8号' }).waitFor();
    await page.locator('#picker-message').getByRole('button', { name: '查看我的票' }).click();

    const ticket = page.locator('.ticket', { hasText: '7排8号' });
    await ticket.waitFor();
    expect(await ticket.getByRole('img', { name: /入场二维码/ }).count()).toBe(1);
    expect(await ticket.locator('.code').textContent()).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await ticket.getByRole('link', { name: '加入日历' }).getAttribute('download')).toBe('huigong-demo-local.ics');

    await ticket.getByRole('button', { name: '退票' }).click();
    await ticket.getByRole('button', { name: '确认退掉 7排8号 的票' }).click();
    await page.locator('.ticket.cancelled', { hasText: '7排8号' }).waitFor();
    await context.close();

    const second = await phonePage({ member: 2 });
    await openDemoPicker(second.page);
    await expect.poll(() => seat(second.page, '7排8号').getAttribute('aria-label'), { timeout: 15_000 }).toBe('7排8号，空闲');
    await seat(second.page, '7排8号').click();
    await second.page.locator('#claim').click();
    await second.page.locator('#picker-message', { hasText: '领票成功：7排8号' }).waitFor();
    await second.context.close();
  });

  it('gives a seat claimed by two members at once to one of them, and offers the other nearby seats', async () => {
    const members = await Promise.all([3, 4].map((member) => phonePage({ member })));
    for (const { page } of members) {
      await openDemoPicker(page);
      await seat(page, '5排5号').click();
    }
    await Promise.all(members.map(({ page }) => page.locator('#claim').click()));
    const messages = await Promise.all(
      members.map(({ page }) => page.locator('#picker-message', { hasText: /领票成功|已被领走/ }).textContent()),
    );
    expect(messages.filter((m) => m!.startsWith('领票成功：5排5号'))).toHaveLength(1);
    const loser = members[messages.findIndex((m) => m!.includes('已被领走'))]!.page;
    expect(await loser.locator('#picker-message').getByRole('button', { name: /^领取 \d+排\d+号$/ }).count()).toBeGreaterThan(0);
    await Promise.all(members.map(({ context }) => context.close()));
  });

  it('lets a member choose and claim a seat with the keyboard alone', async () => {
    const { context, page } = await phonePage();
    await page.getByRole('button', { name: '会员登录' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('member-number');
    await page.keyboard.type('DEMO00005');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0005');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出登录' }).waitFor();

    await page.getByRole('link', { name: '演示影片（本地演示场次）' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#seat-map button').first().waitFor();
    // Into the map: one tab stop, then arrows.
    await page.locator('#seat-map button[tabindex="0"]').focus();
    const start = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(moved).not.toBe(start);
    await page.keyboard.press('Enter');
    const chosen = moved!.split('，')[0]!;
    await expect(page.locator('#claim').textContent()).resolves.toBe(`领取 ${chosen}`);
    // Tab leaves the map in one step and reaches the claim button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim');
    await page.keyboard.press('Enter');
    await page.locator('#picker-message', { hasText: `领票成功：${chosen}` }).waitFor();
    await context.close();
  });
});

describe('signing out', () => {
  it('says so when the sign-out did not reach the server, and stays signed in (the next member on this phone would be the last one)', async () => {
    // No service worker: it would send the sign-out itself, past the page's routes.
    const { context, page } = await phonePage({ serviceWorkers: 'block', member: 12 });
    await page.route('**/api/session', (route) => (route.request().method() === 'DELETE' ? route.abort('internetdisconnected') : route.fallback()));
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('#list-status', { hasText: '没能退出登录' }).waitFor();
    await expect(page.getByRole('button', { name: '退出登录' }).isVisible()).resolves.toBe(true);
    // The server still holds the session: the page must not have said otherwise.
    await expect(page.evaluate(() => fetch('/api/session').then((response) => response.json()))).resolves.toEqual({ signedIn: true });
    await page.unroute('**/api/session');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '会员登录' }).waitFor();
    await expect(page.evaluate(() => fetch('/api/session').then((response) => response.json()))).resolves.toEqual({ signedIn: false });
    await context.close();
  });

  it('says so in sight when the member signs out from the seat picker', async () => {
    const { context, page } = await phonePage({ serviceWorkers: 'block', member: 11 });
    await openDemoPicker(page);
    await page.route('**/api/session', (route) => (route.request().method() === 'DELETE' ? route.abort('internetdisconnected') : route.fallback()));
    await page.getByRole('button', { name: '退出登录' }).click();
    // Visible, not only written: the list's status line used to be hidden with the list behind the picker.
    await page.getByRole('status').filter({ hasText: '没能退出登录' }).waitFor();
    await expect(page.locator('#seat-picker').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('我的票 when the server cannot answer', () => {
  it('says the list could not be read, never 还没有领到票', async () => {
    const { context, page } = await phonePage({
      serviceWorkers: 'block',
      member: 8,
      beforeOpen: (opening) =>
        opening.route('**/api/me/tickets', (route) =>
          route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'temporarily_unavailable', message: '服务暂时不可用' } }) }),
        ),
    });
    const status = page.locator('#tickets-status');
    await page.locator('#tickets-status', { hasText: '暂时读不到' }).waitFor();
    expect(await status.textContent()).not.toContain('还没有领到票');
    await page.unroute('**/api/me/tickets');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '会员登录' }).waitFor();
    await context.close();
  });
});

describe('claim answers that decide nothing, or come late', () => {
  const claims = '**/api/screenings/demo-local/claims';

  it('retries with the same Idempotency-Key after a 503, and never calls a cancelled ticket 领票成功', async () => {
    const { context, page } = await phonePage({ member: 9 });
    await openDemoPicker(page);
    const keys: string[] = [];
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const screening = { id: 'demo-local', film: '演示影片', hall: '1号厅', venue: '演示影院', startsAt, closesAt: startsAt };
    const cancelled = { code: 'ABCDEFGH', displayCode: 'ABCD-EFGH', status: 'cancelled', seat: '7-1', seatLabel: '7排1号', qr: 'HG1.x', screening };
    const answers = [
      { status: 503, json: { error: { code: 'temporarily_unavailable', message: '服务暂时不可用', retryAfterSeconds: 1 } } },
      // The replay of a key whose ticket was cancelled since, as today's API answers it.
      { status: 200, json: { ticket: cancelled } },
    ];
    await page.route(claims, async (route) => {
      keys.push(route.request().headers()['idempotency-key']!);
      const answer = answers.shift();
      await (answer ? route.fulfill(answer) : route.continue());
    });
    const message = page.locator('#picker-message');
    await page.locator('#claim').click();
    await message.filter({ hasText: '服务暂时不可用' }).waitFor();
    await page.locator('#claim').click();
    await message.filter({ hasText: /退掉了|领票成功/ }).waitFor();
    expect(await message.textContent()).not.toContain('领票成功');
    await page.locator('#claim').click();
    await message.filter({ hasText: '领票成功' }).waitFor();
    // The 503 decided nothing, so the retry was the same claim; once told it was cancelled, the next one is new.
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    await context.close();
  });

  it('records a waitlist answer that lands after the picker was closed on its own screening', async () => {
    const { context, page } = await phonePage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await signInMember(page, 10);
    await openDemoPicker(page);
    await page.route(claims, (route) => route.fulfill({ status: 409, json: { error: { code: 'sold_out', message: '座位已领完' } } }));
    let answerWaitlist!: () => void;
    const held = new Promise<void>((resolve) => (answerWaitlist = resolve));
    await page.route('**/api/screenings/demo-local/waitlist', async (route) => {
      await held;
      await route.fulfill({ status: 201, json: { waitlist: { position: 1 } } });
    });
    await page.locator('#claim').click();
    const asked = page.waitForRequest('**/api/screenings/demo-local/waitlist');
    await page.getByRole('button', { name: '加入候补' }).click();
    await asked;
    await page.locator('#close-picker').click();
    answerWaitlist();
    await page.locator('#ticket-list .waitlist', { hasText: '候补中：演示影片' }).waitFor();
    await page.locator('#list-status', { hasText: '已加入候补' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('door check-in', () => {
  it('checks a ticket in, and a second check-in says it was already used', async () => {
    const code = await claimBest(6);
    const staff = await doorPage();
    await staff.getByLabel('票号').fill(code.toLowerCase());
    await staff.getByRole('button', { name: '检票', exact: true }).click();
    await staff.locator('#result.valid', { hasText: '有效' }).waitFor();
    await staff.getByRole('button', { name: '检票', exact: true }).click();
    await staff.locator('#result.used', { hasText: '已检过票' }).waitFor();
    expect(await staff.locator('#result .detail').textContent()).toMatch(/^首次检票 /);
    await staff.close();
  });
});

describe('door check-in after a lost answer', () => {
  it('lets the holder in from the door’s own list when the answer is lost, once', async () => {
    const code = await claimBest(11);
    const staff = await doorPage();
    // The server checks the ticket in, but its answer never reaches the door.
    await staff.route('**/checkins', async (route) => {
      await route.fetch();
      await route.abort('failed');
    });
    await staff.getByLabel('票号').fill(code);
    await staff.getByRole('button', { name: '检票', exact: true }).click();
    // The door decides from the screening's list it holds, as it does with no network: the holder goes in.
    await staff.locator('#result.valid').waitFor();
    await staff.unroute('**/checkins');
    // A second scan (a copy of the QR) is turned away as usual.
    await staff.getByRole('button', { name: '检票', exact: true }).click();
    await staff.locator('#result.used', { hasText: '已检过票' }).waitFor();
    await staff.close();
  });
});

describe('the 惠工影院 program page', () => {
  it('shows seats left for the listed screenings and the program totals from the API', async () => {
    const page = await own.browser.newPage();
    await page.goto(`${own.server.baseURL}/programs/huigong-yingyuan/`);
    await page.locator('#cinema-totals', { hasText: '本站上线以来' }).waitFor();
    expect(await page.locator('#cinema-totals').textContent()).toMatch(/^本站上线以来：已放映 \d+ 场，入场 \d+ 人次。$/);
    const seatsLeft = await page.locator('#cinema-live .seats-left').allTextContents();
    expect(seatsLeft.length).toBeGreaterThan(0);
    for (const text of seatsLeft) expect(text).toMatch(/^，剩余 \d+ \/ \d+ 座$/);
    await page.close();
  });
});

describe('accessibility of the cinema pages', () => {
  it.each(['light', 'dark'] as const)('/cinema/ and /cinema/checkin/ have no serious or critical violations (%s)', async (colorScheme) => {
    const page = await own.browser.newPage({ viewport: { width: 360, height: 800 }, colorScheme });
    await page.goto(`${own.server.baseURL}/cinema/`);
    await signInMember(page, 7);
    await openDemoPicker(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${own.server.baseURL}/cinema/checkin/`);
    expect(await seriousViolations(page)).toEqual([]);
    await signInDoorPage(page, own.server.baseURL);
    await page.getByLabel('票号').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
