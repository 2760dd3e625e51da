import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { roleAtLeast, type StaffRole } from '../src/cinema/staff-roles.ts';
import type { AppEnv, Env } from './env.ts';
import { newOpaqueToken, tokenHash } from './opaque-token.ts';
import type { PasswordHash } from './password-hash.ts';
import { refusal } from './refusals.ts';
import { STAFF_DIRECTORY_NAME, type StaffIdentity } from './staff-directory.ts';

/** The staff session cookie: an opaque random id, stored only as its hash in the staff directory. */
export const STAFF_SESSION_COOKIE = 'hg_staff';
export const STAFF_SESSION_HOURS = 8;
// Secure works under wrangler dev on http://localhost and 127.0.0.1: browsers treat those as secure.
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' } as const;

export const staffDirectory = (env: Env) => env.STAFF_DIRECTORY.getByName(STAFF_DIRECTORY_NAME);

const bearerOf = (c: Context<AppEnv>) => /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];

/**
 * Who the request is from, asked of the staff directory on every request (so a disabled account or a
 * revoked token stops at once): a bearer API token if one is sent (then only that), else the session
 * cookie. Null for neither, or for one that does not count.
 */
export async function identifyStaff(c: Context<AppEnv>): Promise<StaffIdentity | null> {
  const bearer = bearerOf(c);
  if (bearer) return staffDirectory(c.env).authenticate('token', await tokenHash(bearer));
  const session = getCookie(c, STAFF_SESSION_COOKIE);
  if (session) return staffDirectory(c.env).authenticate('session', await tokenHash(session));
  return null;
}

/**
 * Admits staff whose role is at least `role` and sets `c.var.staff`; otherwise refuses with
 * staff_unauthorized (nobody, or a bad or revoked token, an ended session, a disabled account) or
 * staff_forbidden (the role is too low).
 */
export const requireStaff = (role: StaffRole) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const staff = await identifyStaff(c);
    if (!staff) throw refusal('staff_unauthorized');
    // Set before the role check, so the route's audit entry names who was refused.
    c.set('staff', staff);
    if (!roleAtLeast(staff.role, role)) throw refusal('staff_forbidden', { role: staff.role, needed: role });
    await next();
  });

/**
 * Asks the directory again just before a write: an account disabled or demoted while its request was in
 * flight writes nothing. It narrows the window to this call and the write (two objects share no
 * transaction), docs/security.md › Staff accounts.
 */
export async function confirmStaff(c: Context<AppEnv>): Promise<void> {
  const now = await identifyStaff(c);
  if (!now || now.id !== c.var.staff.id) throw refusal('staff_unauthorized');
  if (!roleAtLeast(now.role, c.var.staff.role)) throw refusal('staff_forbidden', { role: now.role, needed: c.var.staff.role });
}

/**
 * Starts a session for an account whose password was just checked against `checked`; false if the
 * account was disabled or its password changed while the slow hash ran.
 */
export async function startStaffSession(c: Context<AppEnv>, accountId: number, checked: PasswordHash): Promise<boolean> {
  const id = newOpaqueToken();
  const started = await staffDirectory(c.env).startSession(accountId, checked, await tokenHash(id), Date.now() + STAFF_SESSION_HOURS * 3_600_000);
  if (started) setCookie(c, STAFF_SESSION_COOKIE, id, { ...cookieOptions, maxAge: STAFF_SESSION_HOURS * 3600 });
  return started;
}

/** Ends this browser's session (if any) and clears its cookie. */
export async function endStaffSession(c: Context<AppEnv>): Promise<void> {
  const session = getCookie(c, STAFF_SESSION_COOKIE);
  if (session) await staffDirectory(c.env).endSession(await tokenHash(session));
  deleteCookie(c, STAFF_SESSION_COOKIE, cookieOptions);
}
