import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { ownServer } from './own-server';
import { createStaffAccount, signInStaff } from './staff-session';

// Its own server with the demo screening, its seats released at once.
const own = ownServer({ demoReleaseInSeconds: 0 });

/** Every console view an operator sees, and what shows it has loaded. */
const VIEWS: [string, string][] = [
  ['/cinema/staff/', '.screening-card'],
  ['/cinema/staff/screening/?id=demo-local', '[data-seat="1-1"]'],
  ['/cinema/staff/door-list/?id=demo-local', '.door-list'],
  ['/cinema/staff/members/', '#member-number'],
];

/** A staff member's browser (an operator unless told), a laptop unless told, signed in with a session cookie. */
async function operator(
  options: { width?: number; colorScheme?: 'light' | 'dark'; role?: 'door' | 'operator' | 'admin' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await own.browser.newContext({ viewport: { width: options.width ?? 1024, height: 900 }, locale: 'zh-CN', colorScheme: options.colorScheme ?? 'light' });
  await signInStaff(context, own.server.baseURL, options.role ?? 'operator');
  return { context, page: await context.newPage() };
}

/** Books seats straight through the API, as another operator's script would. */
async function bookElsewhere(union: string, seats: string[]): Promise<number> {
  const { token } = await createStaffAccount(own.server.baseURL, 'operator');
  const response = await fetch(`${own.server.baseURL}/api/staff/screenings/demo-local/bookings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: own.server.baseURL },
    body: JSON.stringify({ union, seats }),
  });
  return response.status;
}

async function dragBetween(page: Page, from: string, to: string): Promise<void> {
  const start = (await page.locator(`[data-seat="${from}"]`).boundingBox())!;
  const end = (await page.locator(`[data-seat="${to}"]`).boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
  await page.mouse.up();
}

describe('the staff console', () => {
  it('books a dragged rectangle of seats for a union, and the members’ seat map shows them reserved', async () => {
    const { context, page } = await operator();
    await page.goto(`${own.server.baseURL}/cinema/staff/`);
    await page.getByRole('link', { name: '座位图与包场' }).first().waitFor();
    await page.locator('.screening-card', { hasText: '演示影片' }).getByRole('link', { name: '座位图与包场' }).click();
    await page.locator('[data-seat="1-1"]').waitFor();

    await dragBetween(page, '2-3', '1-1');
    await expect.poll(() => page.locator('.staff-seat-map [aria-pressed="true"]').count()).toBe(6);
    await page.getByLabel('包场单位', { exact: true }).fill('机务段工会');
    await page.getByRole('button', { name: '为所选座位包场' }).click();
    await page.getByText('已为“机务段工会”包场 6 个座位').waitFor();
    await expect.poll(() => page.locator('[data-seat="2-2"]').getAttribute('aria-label')).toContain('包场：机务段工会');
    await context.close();

    const member = await own.browser.newPage({ viewport: { width: 360, height: 800 } });
    await member.goto(`${own.server.baseURL}/cinema/?screening=demo-local`);
    await member.locator('#seat-map [data-seat="1-1"]').waitFor();
    for (const seat of ['1-1', '1-2', '1-3', '2-1', '2-2', '2-3']) {
      expect(await member.locator(`#seat-map [data-seat="${seat}"]`).getAttribute('aria-label')).toContain('包场预留');
    }
    expect(await member.locator('#seat-map [data-seat="1-4"]').getAttribute('aria-label')).toContain('空闲');
    await member.close();
  });

  it('books nothing when a selected seat was taken meanwhile, and marks that seat as the clash', async () => {
    const { context, page } = await operator({ width: 360 });
    await page.goto(`${own.server.baseURL}/cinema/staff/screening/?id=demo-local`);
    await page.locator('[data-seat="4-1"]').click();
    await page.locator('[data-seat="4-3"]').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.staff-seat-map [aria-pressed="true"]').count()).toBe(3);
    expect(await bookElsewhere('车务段工会', ['4-2'])).toBe(201);
    await page.getByLabel('包场单位', { exact: true }).fill('工务段工会');
    await page.getByRole('button', { name: '为所选座位包场' }).click();
    await page.getByText('没有包场任何座位').waitFor();
    await expect.poll(() => page.locator('[data-seat="4-2"]').getAttribute('class')).toContain('clash');
    await expect.poll(() => page.locator('[data-seat="4-1"]').getAttribute('aria-label')).toContain('空闲');
    expect(await page.locator('[data-seat="4-3"]').getAttribute('aria-label')).toContain('空闲');
    await context.close();
  });

  it('signs in with a username and password and shows the dashboard', async () => {
    const account = await createStaffAccount(own.server.baseURL, 'operator');
    const page = await own.browser.newPage();
    await page.goto(`${own.server.baseURL}/cinema/staff/`);
    await page.getByLabel('用户名').fill(account.username);
    await page.getByLabel('密码').fill(account.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('.screening-card', { hasText: '演示影片' }).waitFor();
    await page.close();
  });

  it('sends a door account to the check-in page: it never sees the booking view, and the server refuses it', async () => {
    const { context, page } = await operator({ role: 'door' });
    await page.goto(`${own.server.baseURL}/cinema/staff/screening/?id=demo-local`);
    await page.waitForURL('**/cinema/checkin/');
    expect(await page.getByLabel('包场单位', { exact: true }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/staff/console/screenings/demo-local')).status);
    expect(status).toBe(403);
    await page.goto(`${own.server.baseURL}/cinema/staff/`);
    await page.waitForURL('**/cinema/checkin/');
    await context.close();
  });

  it('does not scroll sideways at 360 px with 150 % text, on any console view (the seat map scrolls by itself)', async () => {
    expect(await bookElsewhere('铁路局机务段基层工会委员会', ['12-1', '12-2'])).toBe(201);
    const { context, page } = await operator({ width: 360 });
    for (const [path, ready] of VIEWS) {
      await page.goto(`${own.server.baseURL}${path}`);
      await page.locator(ready).first().waitFor();
      await page.evaluate(() => (document.documentElement.style.fontSize = '150%'));
      const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
        const root = document.documentElement;
        // What sticks out of the page, to say in the failure message.
        const scrollsItself = (element: Element) => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) if (getComputedStyle(parent).overflowX !== 'visible') return true;
          return false;
        };
        const wide = [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1 && !scrollsItself(element))
          .slice(0, 3)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      });
      expect(scrollWidth, `${path} sticking out: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth);
    }
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations on any console view (${colorScheme})`, async () => {
      const { context, page } = await operator({ colorScheme });
      for (const [path, ready] of VIEWS) {
        await page.goto(`${own.server.baseURL}${path}`);
        await page.locator(ready).first().waitFor();
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await context.close();
      const signedOut = await own.browser.newPage({ colorScheme });
      await signedOut.goto(`${own.server.baseURL}/cinema/staff/`);
      await signedOut.getByLabel('用户名').waitFor();
      expect(await seriousViolations(signedOut), 'sign-in').toEqual([]);
      await signedOut.close();
    });
  }
});

describe('会员信用', () => {
  it('looks a member up by member number, with nothing in the address, and says there are no strikes', async () => {
    const { context, page } = await operator({ width: 360 });
    await page.goto(`${own.server.baseURL}/cinema/staff/members/`);
    await page.getByLabel('会员号').fill('DEMO00001');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.member-standing', { hasText: '没有爽约记录' }).waitFor();
    expect(await page.locator('#member-standing-title').textContent()).toMatch(/^会员 ···[0-9a-f]{4} 的信用$/);
    expect(page.url()).not.toContain('DEMO00001');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
