import type { BrowserContext, Page } from 'playwright-core';
import { generatePassword } from '../../src/cinema/staff-password';
import type { StaffRole } from '../../src/cinema/staff-roles';
import { devVars } from '../../scripts/dev-vars';
import { bootstrapAccount } from '../../scripts/staff/bootstrap-account';

export interface TestStaffAccount {
  username: string;
  role: StaffRole;
  password: string;
  /** An API token of the account (for the door page's token field and scripts). */
  token: string;
}

let made = 0;

/**
 * A new staff account of `role` on the running `wrangler dev` (tests/helpers/wrangler-dev.ts), made
 * as `npm run staff:add` makes one, with the bootstrap secret from .dev.vars, and an API token.
 */
export async function createStaffAccount(baseURL: string, role: StaffRole = 'operator', username = `browser-${role}-${process.pid}-${++made}`): Promise<TestStaffAccount> {
  const password = generatePassword();
  const { token } = await bootstrapAccount(baseURL, devVars().STAFF_BOOTSTRAP_SECRET!, { username, role, password, tokenName: 'browser tests' });
  return { username, role, password, token: token! };
}

/**
 * Signs a Playwright context in as a new account of `role`: the sign-in is made by the context's own
 * Chromium (a fetch from a page of the site), so the session cookie is stored as a real browser stores it.
 */
export async function signInStaff(context: BrowserContext, baseURL: string, role: StaffRole = 'operator'): Promise<TestStaffAccount> {
  const account = await createStaffAccount(baseURL, role);
  const page = await context.newPage();
  // A page of the site (its CSP lets it call the API; the API's own answers allow nothing).
  await page.goto(`${baseURL}/cinema/`);
  const status = await page.evaluate(
    async ({ username, password }) =>
      (await fetch('/api/staff/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).status,
    { username: account.username, password: account.password },
  );
  await page.close();
  if (status !== 200) throw new Error(`staff sign-in answered ${status}`);
  return account;
}

/** Signs the door's check-in page (already open in `page`) in as a new door account, through its own form. */
export async function signInDoorPage(page: Page, baseURL: string): Promise<TestStaffAccount> {
  const account = await createStaffAccount(baseURL, 'door');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  return account;
}
