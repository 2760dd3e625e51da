import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { ownServer } from './own-server';
import { createStaffAccount, type TestStaffAccount } from './staff-session';

// The door on a phone (360 px): its own server, with a demo screening released at start-up so a member
// can hold a ticket for it while the door checks in another screening.
const own = ownServer({ members: 1, demoReleaseInSeconds: 0 });
let ticketCode: string;
/** A door account, signed in with its username and password on the page. */
let door: TestStaffAccount;

beforeAll(async () => {
  ticketCode = await claimDemoTicket();
  door = await createStaffAccount(own.server.baseURL, 'door');
}, 120_000);

/** DEMO00001 claims the best seat of the demo screening through the API; its code, once KV lists it. */
async function claimDemoTicket(): Promise<string> {
  const headers = { 'Content-Type': 'application/json' };
  const session = await fetch(`${own.server.baseURL}/api/session`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ memberNumber: 'DEMO00001', phoneLast4: '0001' }),
  });
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const claim = await fetch(`${own.server.baseURL}/api/screenings/demo-local/claims`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie, 'Idempotency-Key': 'door-test-claim' },
    body: '{}',
  });
  const { ticket } = (await claim.json()) as { ticket: { code: string } };
  // A typed code is looked up in KV when it is not the screening's own: wait for the write-through.
  for (;;) {
    const mine = (await (await fetch(`${own.server.baseURL}/api/me/tickets`, { headers: { Cookie: cookie } })).json()) as { tickets?: { code: string }[] };
    if (mine.tickets?.some((held) => held.code === ticket.code)) return ticket.code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function doorPage(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await own.browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', ...options });
  await page.goto(`${own.server.baseURL}/cinema/checkin/`);
  return page;
}

async function signIn(page: Page, password = door.password): Promise<void> {
  await page.getByLabel('用户名').fill(door.username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('the door page at 360 px', () => {
  it('says plainly that a wrong password was refused, where it is typed', async () => {
    const page = await doorPage();
    await signIn(page, 'not-the-password');
    const message = page.getByRole('alert');
    await message.waitFor();
    expect(await message.textContent()).toContain('用户名或密码不正确');
    expect(await page.getByLabel('密码').isVisible()).toBe(true);
    await page.close();
  });

  it('offers no scan button where the browser cannot scan, only the note and the code field', async () => {
    const page = await doorPage();
    await signIn(page);
    await page.locator('#screening-stats', { hasText: '已入场' }).waitFor();
    await page.getByText('此浏览器不支持扫码').waitFor();
    expect(await page.getByRole('button', { name: '扫码检票' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '停止扫码' }).isVisible()).toBe(false);
    expect(await page.getByLabel('票号').isVisible()).toBe(true);
    await page.close();
  });

  it('shows 扫码检票 or 停止扫码, never both, where the browser can scan', async () => {
    const page = await own.browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    // A camera and a QR detector that finds nothing, where headless Chromium has neither.
    await page.addInitScript(() => {
      (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
        async detect() {
          return [];
        }
      };
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const paint = () => canvas.getContext('2d')!.fillRect(0, 0, Math.random() * 64, 64);
      Object.defineProperty(navigator, 'mediaDevices', {
        value: {
          getUserMedia: async () => {
            const stream = canvas.captureStream(10);
            setInterval(paint, 100);
            return stream;
          },
        },
      });
    });
    await page.goto(`${own.server.baseURL}/cinema/checkin/`);
    await signIn(page);
    await page.locator('#screening-stats', { hasText: '已入场' }).waitFor();
    const start = page.getByRole('button', { name: '扫码检票' });
    const stop = page.getByRole('button', { name: '停止扫码' });
    const shown = async () => ({ start: await start.isVisible(), stop: await stop.isVisible(), unsupported: await page.getByText('此浏览器不支持扫码').isVisible() });
    expect(await shown()).toEqual({ start: true, stop: false, unsupported: false });
    await start.click();
    await stop.waitFor();
    expect(await shown()).toEqual({ start: false, stop: true, unsupported: false });
    await stop.click();
    await start.waitFor();
    expect(await shown()).toEqual({ start: true, stop: false, unsupported: false });
    await page.close();
  });

  it('names the screening a ticket for another screening is for, and keeps the verdict in sight with the keyboard up', async () => {
    const page = await doorPage();
    await signIn(page);
    const other = await page.locator('#screening-select option:not([value="demo-local"])').first().getAttribute('value');
    await page.getByLabel('场次').selectOption(other!);
    // The on-screen keyboard takes about half of a 740 px phone screen.
    await page.setViewportSize({ width: 360, height: 400 });
    await page.getByLabel('票号').fill(ticketCode);
    await page.getByLabel('票号').press('Enter');
    const result = page.locator('#result.invalid', { hasText: '不是本场的票' });
    await result.waitFor();
    expect(await page.locator('#result .detail').textContent()).toMatch(/^这张票是 \d+月\d+日 周. \d\d:\d\d《演示影片（本地演示场次）》/);
    // The verdict is scrolled into view, smoothly: read its place once the scroll has come to rest.
    await expect.poll(async () => {
      const box = (await result.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 400;
    }).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ticket-code');
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations, signed out and with a verdict (${colorScheme})`, async () => {
      const page = await doorPage({ colorScheme });
      expect(await seriousViolations(page)).toEqual([]);
      await signIn(page);
      await page.getByLabel('场次').selectOption('demo-local');
      await page.getByLabel('票号').fill('ABCD-2345');
      await page.getByRole('button', { name: '检票', exact: true }).click();
      await page.locator('#result.invalid').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
