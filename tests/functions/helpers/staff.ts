import { env } from 'cloudflare:test';
import type { StaffRole } from '../../../src/cinema/staff-roles';
import { DECOY_PASSWORD_HASH } from '../../../functions/password-hash';
import { tokenHash } from '../../../functions/opaque-token';
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
 * A new account of `role` made as `npm run staff:add` makes one (the bootstrap route), with its password
 * and, with `tokenName`, an API token.
 */
export async function createStaff(
  request: (path: string, init?: RequestInit) => Promise<Response>,
  role: StaffRole,
  { username = `staff-${role}-${++accounts}`, password = `password-of-${username}`, tokenName }: { username?: string; password?: string; tokenName?: string } = {},
): Promise<{ username: string; password: string; token?: string }> {
  const response = await request('/api/staff/bootstrap', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.STAFF_BOOTSTRAP_SECRET}` },
    body: JSON.stringify({ username, role, password, ...(tokenName ? { tokenName } : {}) }),
  });
  if (response.status !== 201) throw new Error(`staff account not created: ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token?: string };
  return { username, password, ...(token ? { token } : {}) };
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
