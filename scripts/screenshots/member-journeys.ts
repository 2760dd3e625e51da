import type { Page } from 'playwright-core';
import type { Journey, Journeys } from './journey';
import { scriptStaffToken } from '../staff/script-token.ts';

// Each run claims a ticket, so each takes the next demo member who holds none yet (the runner starts 20).
let nextMember = 1;

async function signInInPlace(page: Page, card: ReturnType<Page['locator']>, shoot: (name: string) => Promise<void>): Promise<void> {
  const n = String(nextMember++).padStart(5, '0');
  await card.locator('.action').click();
  await page.getByLabel('会员号').fill(`DEMO${n}`);
  await page.getByLabel('手机号后四位').fill(n.slice(-4));
  await shoot('sign-in-in-place');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** A member at noon: the open screening first, sign-in in place, the whole hall, zoomed, the claim, 我的票. */
const memberAtNoon: Journey = async (page, shoot, baseURL) => {
  const card = page.locator('#list-view .screening[data-id="demo-local"]');
  await page.goto(`${baseURL}/cinema/`);
  await card.locator('.action').waitFor();
  await shoot('list-signed-out');
  await signInInPlace(page, card, shoot);
  await shoot('list-signed-in');
  await card.getByRole('link').click();
  await page.locator('#seat-map .seat').first().waitFor();
  await shoot('picker-whole-hall');
  await page.locator('#zoom-in').click();
  await shoot('picker-zoomed');
  await page.locator('#zoom-out').click();
  await page.locator('#claim').click();
  await page.locator('#picker-message', { hasText: /领票成功|已领/ }).waitFor();
  await shoot('picker-claimed');
  await page.goto(`${baseURL}/cinema/`);
  await page.locator('#ticket-list .ticket').first().waitFor();
  await shoot('list-with-ticket');
};

/** The same page at 150% text, as members who enlarge text see it. */
const largeText: Journey = async (page, shoot, baseURL) => {
  const card = page.locator('#list-view .screening[data-id="demo-local"]');
  await page.goto(`${baseURL}/cinema/`);
  await page.evaluate(() => (document.documentElement.style.fontSize = '150%'));
  await card.locator('.action').waitFor();
  await shoot('list-150');
  await card.getByRole('link').click();
  await page.locator('#seat-map .seat').first().waitFor();
  await shoot('picker-150');
};

/** Door staff on a tablet or phone: signed in with a staff API token, a code that is not a ticket. */
const doorCheckIn: Journey = async (page, shoot, baseURL) => {
  await page.goto(`${baseURL}/cinema/checkin/`);
  await page.getByLabel('工作人员口令').fill((await scriptStaffToken(baseURL))!);
  await page.getByRole('button', { name: '确定' }).click();
  await page.getByLabel('场次').selectOption('demo-local');
  await shoot('ready');
  await page.getByLabel('票号').fill('ABCD-EFGH');
  await page.getByLabel('票号').press('Enter');
  await page.waitForTimeout(500);
  await shoot('verdict');
};

export const journeys: Journeys = { 'member-at-noon': memberAtNoon, 'member-large-text': largeText, door: doorCheckIn };
export const dark = ['member-at-noon', 'door'];
