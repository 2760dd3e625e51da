import type { Page } from 'playwright-core';
import type { Journey, Journeys } from './journey';
import { createStaffAccount } from '../../tests/browser/staff-session';

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

/** Signs the door page in as a new door account, made as `npm run staff:add` makes one. */
async function signInAtTheDoor(page: Page, baseURL: string): Promise<void> {
  const door = await createStaffAccount(baseURL, 'door');
  await page.getByLabel('用户名').fill(door.username);
  await page.getByLabel('密码').fill(door.password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Door staff on a tablet or phone: signed in with a door account, a code that is not a ticket. */
const doorCheckIn: Journey = async (page, shoot, baseURL) => {
  await page.goto(`${baseURL}/cinema/checkin/`);
  await signInAtTheDoor(page, baseURL);
  await page.getByLabel('场次').selectOption('demo-local');
  await shoot('ready');
  await page.getByLabel('票号').fill('ABCD-EFGH');
  await page.getByLabel('票号').press('Enter');
  await page.waitForTimeout(500);
  await shoot('verdict');
};

/** The door with no network, at 150% text too: a ticket checked in offline, waiting to sync, then synced. */
const doorOffline: Journey = async (page, shoot, baseURL) => {
  const n = String(nextMember++).padStart(5, '0');
  await page.goto(`${baseURL}/cinema/checkin/`);
  const ticket = await page.evaluate(async ({ memberNumber, phoneLast4 }) => {
    const post = (path: string, body: object, headers: Record<string, string> = {}) =>
      fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    await post('/api/session', { memberNumber, phoneLast4 });
    const claim = await post('/api/screenings/demo-local/claims', {}, { 'Idempotency-Key': `door-offline-${memberNumber}` });
    return (await claim.json()).ticket as { displayCode: string };
  }, { memberNumber: `DEMO${n}`, phoneLast4: n.slice(-4) });
  await signInAtTheDoor(page, baseURL);
  await page.getByLabel('场次').selectOption('demo-local');
  await page.locator('#screening-stats', { hasText: '持票' }).waitFor();
  await page.context().setOffline(true);
  await page.locator('#network-status', { hasText: '离线' }).waitFor();
  await page.getByLabel('票号').fill(ticket.displayCode);
  await page.getByLabel('票号').press('Enter');
  await page.locator('#result.valid').waitFor();
  await shoot('offline-valid');
  await page.evaluate(() => (document.documentElement.style.fontSize = '150%'));
  await shoot('offline-valid-150');
  await page.getByLabel('票号').fill(ticket.displayCode);
  await page.getByLabel('票号').press('Enter');
  await page.locator('#result.used').waitFor();
  await shoot('offline-used-150');
  await page.context().setOffline(false);
  await page.locator('#network-status', { hasText: /^在线$/ }).waitFor();
  await shoot('synced-150');
};

export const journeys: Journeys = { 'member-at-noon': memberAtNoon, 'member-large-text': largeText, door: doorCheckIn, 'door-offline': doorOffline };
export const dark = ['member-at-noon', 'door', 'door-offline'];
