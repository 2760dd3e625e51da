import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';

/** A signed cookie naming the member this browser last signed in as, sent to sign-in only. */
export const DEVICE_COOKIE = 'hg_device';
/** As long as browsers keep a cookie. */
const DEVICE_DAYS = 400;
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/session' } as const;

/** A key of its own, so that a device cookie's value never passes for a session's. */
const deviceSecret = (c: Context<AppEnv>) => `${c.env.SESSION_SECRET}:device`;

/** This browser's id if it signed in as `memberId` before; sign-in then counts its attempts on their own. */
export async function knownDevice(c: Context<AppEnv>, memberId: string): Promise<string | undefined> {
  const value = await getSignedCookie(c, deviceSecret(c), DEVICE_COOKIE);
  if (!value) return undefined;
  const [member, device] = value.split('.');
  return member === memberId && device ? device : undefined;
}

/** After a sign-in: this browser is known for the member (its id kept if it was already). */
export async function rememberDevice(c: Context<AppEnv>, memberId: string, device: string = crypto.randomUUID()): Promise<void> {
  await setSignedCookie(c, DEVICE_COOKIE, `${memberId}.${device}`, deviceSecret(c), { ...cookieOptions, maxAge: DEVICE_DAYS * 86_400 });
}

/** At sign-out: a shared computer should not stay known for the member. */
export function forgetDevice(c: Context<AppEnv>): void {
  deleteCookie(c, DEVICE_COOKIE, cookieOptions);
}
