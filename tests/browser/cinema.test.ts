import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

// Its own server: a demo screening whose seats are released RELEASE_IN seconds after start-up.
const RELEASE_IN = 30;
let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDevServer({ members: 8, demoReleaseInSeconds: RELEASE_IN }), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

async function memberPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.baseURL}/cinema/`);
  return { context, page };
}

async function signIn(page: Page, member: number): Promise<void> {
  const n = String(member).padStart(5, '0');
  await page.getByLabel('会员号').fill(`DEMO${n}`);
  await page.getByLabel('手机号后四位').fill(n.slice(-4));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

async function openDemoPicker(page: Page): Promise<void> {
  await page.getByRole('button', { name: '选座：演示影片（本地演示场次）' }).click();
  await page.locator('#seat-map button').first().waitFor();
}

const seat = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label}`) });

describe('claiming a seat at the cinema', () => {
  it('counts down to the release, enables the claim, issues a ticket with a QR code, and cancels it', async () => {
    const { context, page } = await memberPage();
    await signIn(page, 1);
    await openDemoPicker(page);

    const claimButton = page.locator('#claim-selected');
    await seat(page, '7排8号').click();
    await expect(page.locator('#picker-window').textContent()).resolves.toMatch(/^距放票还有 \d+:\d\d/);
    expect(await claimButton.isDisabled()).toBe(true);

    // No reload: the button enables itself when the server's clock reaches the release.
    await page.waitForFunction(() => !(document.querySelector('#claim-selected') as HTMLButtonElement).disabled, null, {
      timeout: (RELEASE_IN + 15) * 1000,
    });
    await expect(claimButton.textContent()).resolves.toBe('领取 7排8号');
    await claimButton.click();
    await page.locator('#picker-message', { hasText: '领票成功：7排8号' }).waitFor();

    const ticket = page.locator('.ticket', { hasText: '7排8号' });
    await ticket.waitFor();
    expect(await ticket.getByRole('img', { name: /入场二维码/ }).count()).toBe(1);
    expect(await ticket.locator('.code').textContent()).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await ticket.getByRole('link', { name: '加入日历' }).getAttribute('download')).toBe('huigong-demo-local.ics');

    await ticket.getByRole('button', { name: '退票' }).click();
    await ticket.getByRole('button', { name: '确认退掉 7排8号 的票' }).click();
    await page.locator('.ticket.cancelled', { hasText: '7排8号' }).waitFor();
    await context.close();

    const second = await memberPage();
    await signIn(second.page, 2);
    await openDemoPicker(second.page);
    await expect.poll(() => seat(second.page, '7排8号').getAttribute('aria-label'), { timeout: 15_000 }).toBe('7排8号，空闲');
    await seat(second.page, '7排8号').click();
    await second.page.locator('#claim-selected').click();
    await second.page.locator('#picker-message', { hasText: '领票成功：7排8号' }).waitFor();
    await second.context.close();
  });

  it('gives a seat claimed by two members at once to one of them, and offers the other nearby seats', async () => {
    const members = await Promise.all([memberPage(), memberPage()]);
    await Promise.all(members.map(({ page }, i) => signIn(page, 3 + i)));
    for (const { page } of members) {
      await openDemoPicker(page);
      await seat(page, '5排5号').click();
    }
    await Promise.all(members.map(({ page }) => page.locator('#claim-selected').click()));
    const messages = await Promise.all(
      members.map(({ page }) => page.locator('#picker-message', { hasText: /领票成功|已被领走/ }).textContent()),
    );
    expect(messages.filter((m) => m!.startsWith('领票成功：5排5号'))).toHaveLength(1);
    const loser = members[messages.findIndex((m) => m!.includes('已被领走'))]!.page;
    expect(await loser.locator('#picker-message').getByRole('button', { name: /^领取 \d+排\d+号$/ }).count()).toBeGreaterThan(0);
    await Promise.all(members.map(({ context }) => context.close()));
  });

  it('lets a member choose and claim a seat with the keyboard alone', async () => {
    const { context, page } = await memberPage();
    await page.getByLabel('会员号').focus();
    await page.keyboard.type('DEMO00005');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0005');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出登录' }).waitFor();

    await page.getByRole('button', { name: '选座：演示影片（本地演示场次）' }).focus();
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
    await expect(page.locator('#claim-selected').textContent()).resolves.toBe(`领取 ${chosen}`);
    // Tab leaves the map in one step and reaches the claim button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-selected');
    await page.keyboard.press('Enter');
    await page.locator('#picker-message', { hasText: `领票成功：${chosen}` }).waitFor();
    await context.close();
  });
});

describe('door check-in', () => {
  it('checks a ticket in, and a second check-in says it was already used', async () => {
    const member = await memberPage();
    await signIn(member.page, 6);
    await openDemoPicker(member.page);
    await member.page.locator('#claim-best').click();
    await member.page.locator('#picker-message', { hasText: '领票成功' }).waitFor();
    const code = (await member.page.locator('.ticket .code').first().textContent())!;
    await member.context.close();

    const staff = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await staff.goto(`${server.baseURL}/cinema/checkin/`);
    await staff.getByLabel('工作人员口令').fill('dev-staff-token');
    await staff.getByRole('button', { name: '确定' }).click();
    await staff.getByLabel('场次').selectOption('demo-local');
    await staff.getByLabel('票号').fill(code.toLowerCase());
    await staff.getByRole('button', { name: '检票', exact: true }).click();
    await staff.locator('#result.valid', { hasText: '有效' }).waitFor();
    await staff.getByRole('button', { name: '检票', exact: true }).click();
    await staff.locator('#result.used', { hasText: '已检过票' }).waitFor();
    expect(await staff.locator('#result .detail').textContent()).toMatch(/^首次检票 /);
    await staff.close();
  });
});

describe('the 惠工影院 program page', () => {
  it('shows seats left for the listed screenings and the program totals from the API', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseURL}/programs/huigong-yingyuan/`);
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
    const page = await browser.newPage({ viewport: { width: 360, height: 800 }, colorScheme });
    await page.goto(`${server.baseURL}/cinema/`);
    await signIn(page, 7);
    await openDemoPicker(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.baseURL}/cinema/checkin/`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('工作人员口令').fill('dev-staff-token');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByLabel('票号').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
