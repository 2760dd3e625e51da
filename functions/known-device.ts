import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';

/** A signed cookie naming the member this browser last signed in as, sent to sign-in only. */
export const DEVICE_COOKIE = 'hg_device';
/** The same for staff: the account this browser last signed in as, sent to staff sign-in only. */
export const STAFF_DEVICE_COOKIE = 'hg_staff_device';
const cookies = {
  member: { name: DEVICE_COOKIE, path: '/api/session' },
  staff: { name: STAFF_DEVICE_COOKIE, path: '/api/staff/session' },
} as const;
/** Whose sign-ins a device cookie speaks for. */
export type DeviceHolder = keyof typeof cookies;
/** As long as browsers keep a cookie. */
const DEVICE_DAYS = 400;
const cookieOptions = (holder: DeviceHolder) => ({ httpOnly: true, secure: true, sameSite: 'Strict', path: cookies[holder].path }) as const;

/** A key of its own, so that a device cookie's value never passes for a session's. */
const deviceSecret = (c: Context<AppEnv>) => `${c.env.SESSION_SECRET}:device`;

/** This browser's id if it signed in as `who` (a member id, a staff username) before; sign-in then counts its attempts on their own. */
export async function knownDevice(c: Context<AppEnv>, who: string, holder: DeviceHolder = 'member'): Promise<string | undefined> {
  const value = await getSignedCookie(c, deviceSecret(c), cookies[holder].name);
  if (!value) return undefined;
  const separator = value.lastIndexOf('.');
  const device = value.slice(separator + 1);
  return separator > 0 && value.slice(0, separator) === who && device ? device : undefined;
}

/** After a sign-in: this browser is known for `who` (its id kept if it was already). */
export async function rememberDevice(c: Context<AppEnv>, who: string, device: string = crypto.randomUUID(), holder: DeviceHolder = 'member'): Promise<void> {
  await setSignedCookie(c, cookies[holder].name, `${who}.${device}`, deviceSecret(c), { ...cookieOptions(holder), maxAge: DEVICE_DAYS * 86_400 });
}

/**
 * At a member's sign-out: a shared computer should not stay known for the member. Staff devices stay
 * known (the cinema's own tablets and laptops), or guesses at a username would lock its owner out again.
 */
export function forgetDevice(c: Context<AppEnv>): void {
  deleteCookie(c, DEVICE_COOKIE, cookieOptions('member'));
}
