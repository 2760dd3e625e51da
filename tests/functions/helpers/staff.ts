import { env } from 'cloudflare:test';
import type { StaffRole } from '../../../src/cinema/staff-roles';
import { API_TOKEN_PREFIX, newOpaqueToken, tokenHash } from '../../../functions/opaque-token';
import { DECOY_PASSWORD_HASH, hashPassword } from '../../../functions/password-hash';
import { STAFF_DIRECTORY_NAME } from '../../../functions/staff-directory';

/** One account per role (test-door, test-operator, test-admin), each with this API token; seeded before every test. */
export const TEST_STAFF_TOKENS: Record<StaffRole, string> = {
  door: 'hgs_test-door-token',
  operator: 'hgs_test-operator-token',
  admin: 'hgs_test-admin-token',
};

export const testStaffDirectory = () => env.STAFF_DIRECTORY.getByName(STAFF_DIRECTORY_NAME);

/**
 * The test accounts and their tokens (tests/functions/setup.ts runs it before each test). Their
 * password hash matches no password: tests about signing in make accounts of their own (createStaff).
 */
export async function seedTestStaff(): Promise<void> {
  const directory = testStaffDirectory();
  for (const [role, token] of Object.entries(TEST_STAFF_TOKENS) as [StaffRole, string][]) {
    const hash = await tokenHash(token);
    if (await directory.authenticate('token', hash)) continue;
    const created = await directory.createAccount({ username: `test-${role}`, role, password: DECOY_PASSWORD_HASH });
    const account = created.ok ? created.account : (await directory.listAccounts()).find((candidate) => candidate.username === `test-${role}`)!;
    await directory.createToken(account.id, 'tests', hash);
  }
}

/** Headers that make a request as the test account of `role`, by its API token. */
export const staffHeaders = (role: StaffRole = 'operator') => ({ Authorization: `Bearer ${TEST_STAFF_TOKENS[role]}` });

let accounts = 0;

/**
 * A new account of `role` made as an admin makes one in the console (POST /api/staff/accounts, as
 * test-admin: the bootstrap route refuses once an admin exists), with its password (the generated one,
 * or `password` set in the directory) and, with `tokenName`, an API token (kept in the directory as
 * POST /api/staff/tokens keeps one: door accounts cannot make their own).
 */
export async function createStaff(
  request: (path: string, init?: RequestInit) => Promise<Response>,
  role: StaffRole,
  { username = `staff-${role}-${++accounts}`, password, tokenName }: { username?: string; password?: string; tokenName?: string } = {},
): Promise<{ username: string; password: string; token?: string }> {
  const response = await request('/api/staff/accounts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...staffHeaders('admin') },
    body: JSON.stringify({ username, role }),
  });
  if (response.status !== 201) throw new Error(`staff account not created: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as { account: { id: number }; password: string };
  const directory = testStaffDirectory();
  if (password) await directory.setPassword(username, await hashPassword(password));
  if (!tokenName) return { username, password: password ?? created.password };
  const token = newOpaqueToken(API_TOKEN_PREFIX);
  await directory.createToken(created.account.id, tokenName, await tokenHash(token));
  return { username, password: password ?? created.password, token };
}

/** Signs in with a password; the session cookie as a Cookie header value (name=value). */
export async function staffSessionCookie(request: (path: string, init?: RequestInit) => Promise<Response>, username: string, password: string): Promise<string> {
  const response = await request('/api/staff/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`staff sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.get('Set-Cookie')!.split(';')[0]!;
}
