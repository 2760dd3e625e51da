import type { Context } from 'hono';
import { deleteCookie, getCookie, setSignedCookie } from 'hono/cookie';
import { hmacVerify } from './crypto.ts';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { refusal } from './refusals.ts';

export const SESSION_COOKIE = 'hg_session';
export const SESSION_DAYS = 30;

const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' } as const;

/** Signs the member in: an HMAC-signed cookie holding their id and when the session ends. */
export async function startSession(c: Context<AppEnv>, memberId: string, now = Date.now()): Promise<Date> {
  const expiresAt = now + SESSION_DAYS * 86_400_000;
  await setSignedCookie(c, SESSION_COOKIE, `${memberId}.${expiresAt}`, c.env.SESSION_SECRET, {
    ...cookieOptions,
    maxAge: SESSION_DAYS * 86_400,
  });
  return new Date(expiresAt);
}

export function endSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions);
}

/**
 * The session cookie's value if we signed it: setSignedCookie's `value.base64(HMAC-SHA256)`, checked
 * with a key imported once per isolate (hono's getSignedCookie imports it on every request).
 */
async function signedSessionValue(c: Context<AppEnv>): Promise<string | undefined> {
  const cookie = getCookie(c, SESSION_COOKIE);
  const dot = cookie?.lastIndexOf('.') ?? -1;
  if (!cookie || dot < 0 || cookie.length - dot - 1 !== 44) return undefined;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = Uint8Array.from(atob(cookie.slice(dot + 1)), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
  const value = cookie.slice(0, dot);
  return (await hmacVerify(c.env.SESSION_SECRET, value, signature)) ? value : undefined;
}

/** The signed-in member's id, or undefined; throws session_expired for an old session. */
export async function sessionMember(c: Context<AppEnv>): Promise<string | undefined> {
  const value = await signedSessionValue(c);
  // No cookie, or a forged or tampered one: neither signs anybody in.
  if (!value) return undefined;
  const [memberId, expiresAt] = value.split('.');
  if (!memberId || !expiresAt) return undefined;
  if (Number(expiresAt) <= Date.now()) throw refusal('session_expired');
  return memberId;
}

/** Routes for members only: sets `memberId`, or refuses with not_signed_in / session_expired. */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const memberId = await sessionMember(c);
  if (!memberId) throw refusal('not_signed_in');
  c.set('memberId', memberId);
  await next();
});
