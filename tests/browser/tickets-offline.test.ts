import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { memberPage } from './member-phone';
import { ownServer } from './own-server';
import { createStaffAccount } from './staff-session';

// Its own server: demo members and the demo screening, released at start-up.
const own = ownServer({ members: 4, demoReleaseInSeconds: 0 });

const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 12; V2055A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230303 MMWEBID/1151 MicroMessenger/8.0.34.2340(0x2800225D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** Signs in and claims the best seat from inside the page, as its own script would (same origin, same cookies). */
async function signInAndClaim(page: Page, member: number): Promise<{ code: string; displayCode: string; seatLabel: string }> {
  const n = String(member).padStart(5, '0');
  return page.evaluate(
    async ({ memberNumber, phoneLast4 }) => {
      const post = (path: string, body: object, headers: Record<string, string> = {}) =>
        fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
      if (!(await post('/api/session', { memberNumber, phoneLast4 })).ok) throw new Error('sign-in failed');
      const claim = await post('/api/screenings/demo-local/claims', {}, { 'Idempotency-Key': `offline-${memberNumber}` });
      return (await claim.json()).ticket;
    },
    { memberNumber: `DEMO${n}`, phoneLast4: n.slice(-4) },
  );
}

/** The page once its service worker controls it (it claims the page as it activates). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

/** Reloads until the member's ticket list shows `text` (KV, which it is read from, lags a second or two). */
async function reloadUntil(page: Page, text: string): Promise<void> {
  const shown = page.locator('#ticket-list').filter({ hasText: text });
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.reload();
    const found = await shown.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (found) return;
  }
  throw new Error(`the ticket list never showed ${text}`);
}

describe('the ticket at the door', () => {
  it('shows 已入场 and no 退票 after check-in, and opens with no network with code, seat and QR', async () => {
    const { context, page } = await memberPage(own);
    await controlled(page);
    const ticket = await signInAndClaim(page, 1);
    await reloadUntil(page, ticket.displayCode);
    const card = page.locator('.ticket', { hasText: ticket.displayCode });
    await expect(card.getByRole('button', { name: '退票' }).count()).resolves.toBe(1);
    // The hall's file: where the venue is and how to get in.
    await expect(card.textContent()).resolves.toContain('青岛工人疗养院内');

    const checkIn = await fetch(`${own.server.baseURL}/api/staff/screenings/demo-local/checkins`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${(await createStaffAccount(own.server.baseURL, 'door')).token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: ticket.code }),
    });
    expect(checkIn.status).toBe(200);
    // Online, the list is the server's (network first), so the check-in shows although an older copy is kept.
    await reloadUntil(page, '已入场');
    await expect(card.getByRole('button', { name: '退票' }).count()).resolves.toBe(0);
    await expect(card.locator('.ticket-status').textContent()).resolves.toMatch(/^已入场（\d+月\d+日 周. \d\d:\d\d）$/);

    await context.setOffline(true);
    await page.reload();
    const offline = page.locator('.ticket', { hasText: ticket.displayCode });
    await offline.waitFor();
    await expect(offline.locator('.seat-label').textContent()).resolves.toBe(ticket.seatLabel);
    await expect(offline.getByRole('img', { name: `入场二维码，票号 ${ticket.displayCode}` }).isVisible()).resolves.toBe(true);
    await expect(offline.textContent()).resolves.toContain('已入场');
    await expect(page.locator('#offline-copy').textContent()).resolves.toContain('没有网络');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await context.close();
  });

  it('keeps nothing of a member after they sign out: offline, the page then shows no ticket', async () => {
    const { context, page } = await memberPage(own);
    await controlled(page);
    const ticket = await signInAndClaim(page, 2);
    await reloadUntil(page, ticket.displayCode);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '会员登录' }).waitFor();
    await expect(page.evaluate(async () => (await caches.open('huigong-cinema-saved-v1')).keys().then((keys) => keys.length))).resolves.toBe(0);

    await context.setOffline(true);
    await page.reload();
    await page.locator('h1').waitFor();
    await expect(page.locator('.ticket').count()).resolves.toBe(0);
    await expect(page.locator('#my-tickets').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('serves the service worker from the site root, revalidated on every visit', async () => {
    const response = await fetch(`${own.server.baseURL}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/javascript/);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
  });
});

describe('the release reminder', () => {
  it('offers the weekly reminder and the one for the next release as .ics files', async () => {
    const { context, page } = await memberPage(own);
    const links = page.locator('#release-reminder a[download]');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(2);
    await expect(links.first().textContent()).resolves.toBe('每周一、周四 11:55 提醒我');
    await expect(links.nth(1).textContent()).resolves.toMatch(/^只提醒下次（\d+月\d+日 周. \d\d:\d\d）$/);
    const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
    expect(download.suggestedFilename()).toBe('huigong-release-reminder.ics');
    const weekly = await readFile((await download.path())!, 'utf8');
    expect(weekly).toContain('\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH\r\n');
    expect(weekly).toMatch(/\r\nDTSTART;TZID=Asia\/Shanghai:\d{8}T115500\r\n/);
    await context.close();
  });

  it("inside WeChat's browser, which blocks downloads, says to open the page in the browser instead", async () => {
    const { context, page } = await memberPage(own, { userAgent: WECHAT_UA });
    const reminder = page.locator('#release-reminder');
    await reminder.filter({ hasText: '点右上角，在浏览器打开' }).waitFor();
    await expect(reminder.locator('a').count()).resolves.toBe(0);
    await expect(reminder.isVisible()).resolves.toBe(true);
    await context.close();
  });
});
