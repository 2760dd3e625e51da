import type { BrowserContext, Page } from 'playwright-core';
import type { StaffRole } from '../../src/cinema/staff-roles';
import { localDevAdminToken } from '../../scripts/staff/script-token';

export interface TestStaffAccount {
  username: string;
  role: StaffRole;
  password: string;
  /** An API token of the account (for the door page's token field and scripts). */
  token: string;
}

let made = 0;

async function call<T>(baseURL: string, path: string, init: { method: string; headers?: Record<string, string>; body?: unknown }): Promise<{ data: T; headers: Headers }> {
  const response = await fetch(new URL(path, baseURL), {
    method: init.method,
    headers: { 'Content-Type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${init.method} ${path} answered ${response.status}: ${await response.text()}`);
  return { data: (await response.json()) as T, headers: response.headers };
}

/**
 * A new staff account of `role` on the running `wrangler dev` (tests/helpers/wrangler-dev.ts), made as an
 * admin makes one in the console (the bootstrap secret makes only the server's first admin, the local dev
 * admin of scripts/staff/script-token.ts), with an API token the account made for itself. A door account
 * cannot make tokens, so it is made as an operator, makes its token, and is then set to door.
 */
export async function createStaffAccount(baseURL: string, role: StaffRole = 'operator', username = `browser-${role}-${process.pid}-${++made}`): Promise<TestStaffAccount> {
  const admin = { Authorization: `Bearer ${await localDevAdminToken(baseURL)}` };
  const { data: created } = await call<{ password: string }>(baseURL, '/api/staff/accounts', {
    method: 'POST',
    headers: admin,
    body: { username, role: role === 'door' ? 'operator' : role },
  });
  const { headers } = await call(baseURL, '/api/staff/session', { method: 'POST', body: { username, password: created.password } });
  const session = headers.getSetCookie().find((cookie) => cookie.startsWith('hg_staff='))!.split(';')[0]!;
  const { data: token } = await call<{ token: string }>(baseURL, '/api/staff/tokens', { method: 'POST', headers: { Cookie: session }, body: { name: 'browser tests' } });
  await call(baseURL, '/api/staff/session', { method: 'DELETE', headers: { Cookie: session } });
  if (role === 'door') await call(baseURL, `/api/staff/accounts/${username}`, { method: 'PATCH', headers: admin, body: { role: 'door' } });
  return { username, role, password: created.password, token: token.token };
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
