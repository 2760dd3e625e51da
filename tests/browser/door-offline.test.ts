import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { ownServer } from './own-server';
import { createStaffAccount, type TestStaffAccount } from './staff-session';

// The door with no network: its own server, demo members, and the demo screening released at start-up.
const own = ownServer({ members: 6, demoReleaseInSeconds: 0 });
let door: TestStaffAccount;
/** An operator's API token: the stats are an operator's. */
let operator: Record<string, string>;

beforeAll(async () => {
  door = await createStaffAccount(own.server.baseURL, 'door');
  operator = { Authorization: `Bearer ${(await createStaffAccount(own.server.baseURL, 'operator')).token}` };
});

interface Ticket {
  code: string;
  displayCode: string;
  seatLabel: string;
  qr: string;
}

/** DEMO0000n claims a seat of the demo screening through the API. */
async function claim(member: number): Promise<Ticket> {
  const n = String(member).padStart(5, '0');
  const headers = { 'Content-Type': 'application/json' };
  const session = await fetch(`${own.server.baseURL}/api/session`, { method: 'POST', headers, body: JSON.stringify({ memberNumber: `DEMO${n}`, phoneLast4: n.slice(-4) }) });
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const response = await fetch(`${own.server.baseURL}/api/screenings/demo-local/claims`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie, 'Idempotency-Key': `door-offline-${n}` },
    body: '{}',
  });
  return ((await response.json()) as { ticket: Ticket }).ticket;
}

async function stats(): Promise<{ checkedIn: number; conflicts: { code: string; kept: { device: string }; later: { device: string } }[] }> {
  return (await fetch(`${own.server.baseURL}/api/staff/screenings/demo-local/stats`, { headers: operator })).json() as never;
}

/** A door device: its own browser context (storage, service worker), signed in, on the demo screening, its list kept. */
async function doorDevice(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await own.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  await page.goto(`${own.server.baseURL}/cinema/checkin/`);
  await page.getByLabel('用户名').fill(door.username);
  await page.getByLabel('密码').fill(door.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByLabel('场次').selectOption('demo-local');
  await page.locator('#screening-stats', { hasText: '持票' }).waitFor();
  return { context, page };
}

/** Waits until the door's worker controls the page and has kept the page and its assets. */
async function keptForOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.waitForFunction(
    async () => {
      const cache = await caches.open('huigong-door-v1');
      const assets = (await cache.keys()).filter((request) => new URL(request.url).pathname.startsWith('/_astro/'));
      return Boolean(await cache.match('/cinema/checkin/')) && assets.length > 0;
    },
    null,
    { timeout: 15_000, polling: 250 },
  );
}

async function checkIn(page: Page, text: string): Promise<{ verdict: string; headline: string; detail: string }> {
  await page.locator('#result').evaluate((element) => element.replaceChildren());
  await page.getByLabel('票号').fill(text);
  await page.getByRole('button', { name: '检票', exact: true }).click();
  await page.locator('#result .verdict').waitFor();
  return page.locator('#result').evaluate((element) => ({
    verdict: element.className.replace('result', '').trim(),
    headline: element.querySelector('.verdict')?.textContent ?? '',
    detail: element.querySelector('.detail')?.textContent ?? '',
  }));
}

const network = (page: Page) => page.locator('#network-status');

describe('the door with no network', () => {
  it('opens offline, checks tickets in from its list and by signature, then syncs them when the network returns', async () => {
    const [listed, another] = [await claim(1), await claim(3)];
    const { context, page } = await doorDevice();
    await keptForOffline(page);
    // The members' cinema page and its own worker (scope /cinema/) in the same browser: it must leave the door's kept page alone.
    const cinema = await context.newPage();
    await cinema.goto(`${own.server.baseURL}/cinema/`);
    await cinema.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js') === true, null, { timeout: 15_000 });
    await cinema.close();
    // Claimed after the door fetched its list: not on it, but its QR is signed.
    const unlisted = await claim(2);

    await context.setOffline(true);
    await page.reload();
    await network(page).filter({ hasText: '离线' }).waitFor();
    expect(await checkIn(page, listed.displayCode)).toEqual({ verdict: 'valid', headline: `有效 · ${listed.seatLabel}`, detail: `${listed.displayCode} · 离线检票，联网后自动同步` });
    expect(await checkIn(page, listed.qr)).toMatchObject({ verdict: 'used', headline: '已检过票' });
    expect(await checkIn(page, unlisted.qr)).toMatchObject({ verdict: 'valid', headline: '有效' });
    // A listed code under a signature that is not its own (another ticket's), and a typed code the list lacks.
    expect(await checkIn(page, `HG2.demo-local.${another.code}.${unlisted.qr.split('.')[3]}`)).toMatchObject({ verdict: 'invalid', headline: '无效的票' });
    expect(await checkIn(page, 'ABCD-2345')).toMatchObject({ verdict: 'invalid', headline: '无效的票' });
    expect(await network(page).textContent()).toContain('待同步 2 条');
    expect(await page.locator('#screening-stats').textContent()).toContain('已入场 1 人');
    expect((await stats()).checkedIn).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page)).toEqual([]);
    }

    await context.setOffline(false);
    await network(page).filter({ hasText: /^在线$/ }).waitFor({ timeout: 15_000 });
    expect((await stats()).checkedIn).toBe(2);
    // The page fetches its counts again after the sync, a moment after it shows 在线.
    await page.locator('#screening-stats').filter({ hasText: '已入场 2 人' }).waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('takes its own check-in whose answer was lost, and then made offline, as one check-in when it syncs', async () => {
    const ticket = await claim(5);
    const { context, page } = await doorDevice();
    // The server checks the ticket in, but its answer never reaches the door, which decides from its list.
    await page.route('**/api/staff/screenings/*/checkins', async (route) => {
      await route.fetch();
      await route.abort('failed');
    }, { times: 1 });
    expect(await checkIn(page, ticket.displayCode)).toMatchObject({ verdict: 'valid', headline: `有效 · ${ticket.seatLabel}` });
    expect(await network(page).textContent()).toContain('待同步 1 条');

    // The network drops and returns: the door syncs its offline check-in.
    await context.setOffline(true);
    await network(page).filter({ hasText: '离线' }).waitFor();
    await context.setOffline(false);
    await network(page).filter({ hasText: /^在线$/ }).waitFor({ timeout: 15_000 });
    expect((await stats()).conflicts.filter((conflict) => conflict.code === ticket.code)).toEqual([]);
    expect(await page.locator('#sync-notes').isVisible()).toBe(false);
    await context.close();
  });

  it('keeps the earlier of two devices’ offline check-ins and tells the later device after it syncs', async () => {
    const ticket = await claim(4);
    const [first, second] = [await doorDevice(), await doorDevice()];
    await first.context.setOffline(true);
    await second.context.setOffline(true);
    expect((await checkIn(first.page, ticket.displayCode)).verdict).toBe('valid');
    expect((await checkIn(second.page, ticket.displayCode)).verdict).toBe('valid');

    await first.context.setOffline(false);
    await network(first.page).filter({ hasText: /^在线$/ }).waitFor({ timeout: 15_000 });
    await second.context.setOffline(false);
    await network(second.page).filter({ hasText: /^在线$/ }).waitFor({ timeout: 15_000 });
    const note = second.page.locator('#sync-notes');
    await note.waitFor();
    expect(await note.textContent()).toContain(`票 ${ticket.displayCode}`);
    expect(await note.textContent()).toContain('另一台设备');
    expect(await first.page.locator('#sync-notes').isVisible()).toBe(false);

    const conflicts = (await stats()).conflicts.filter((conflict) => conflict.code === ticket.code);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.kept.device).not.toBe(conflicts[0]!.later.device);
    await first.context.close();
    await second.context.close();
  });
});
