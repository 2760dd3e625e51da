import type { Context } from 'hono';
import { deleteCookie, getCookie, setSignedCookie } from 'hono/cookie';
import { hmacVerify } from './crypto.ts';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { refusal } from './refusals.ts';
import { kvKey, readRosterEntry, readSignOut, type RosterEntry } from './seat-store.ts';

export const SESSION_COOKIE = 'hg_session';
export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 86_400_000;

const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' } as const;

/** Signs the member in: an HMAC-signed cookie holding their id and when the session ends. */
export async function startSession(c: Context<AppEnv>, memberId: string, now = Date.now()): Promise<Date> {
  const expiresAt = now + SESSION_MS;
  await setSignedCookie(c, SESSION_COOKIE, `${memberId}.${expiresAt}`, c.env.SESSION_SECRET, {
    ...cookieOptions,
    maxAge: SESSION_DAYS * 86_400,
  });
  return new Date(expiresAt);
}

/**
 * Signs the member out on every browser: `signout:<member>` remembers when (as long as a session lasts),
 * and sessions issued before are refused from then on (KV carries it to other locations within about a
 * minute). It is a key of its own: rewriting the roster record could undo a removal made meanwhile,
 * and an import of the roster would forget it.
 */
export async function endSession(c: Context<AppEnv>, memberId?: string): Promise<void> {
  if (memberId) await c.env.SEATS.put(kvKey.signOut(memberId), String(Date.now()), { expirationTtl: SESSION_DAYS * 86_400 });
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

/** What a session cookie we signed says: whose session it is and when it ends. */
export interface SignedSession {
  memberId: string;
  expiresAt: number;
}

/**
 * The session a cookie we signed holds, by its signature alone: no roster read, so the member may have
 * signed out or left the roster since (signedInMember checks that). Undefined for no cookie, a forged or
 * malformed one, or one ending further ahead than we ever sign; whether it has ended is the caller's.
 */
export async function signedSession(c: Context<AppEnv>): Promise<SignedSession | undefined> {
  const value = await signedSessionValue(c);
  if (!value) return undefined;
  const [memberId, end, ...rest] = value.split('.');
  const expiresAt = Number(end);
  if (!memberId || rest.length > 0 || !Number.isSafeInteger(expiresAt)) return undefined;
  // We never sign a session for longer than SESSION_DAYS: a later end was not ours to give.
  if (expiresAt > Date.now() + SESSION_MS) return undefined;
  return { memberId, expiresAt };
}

/** A signed-in member. */
export interface SignedInMember {
  id: string;
}

/**
 * The signed-in member, or undefined for no session or one we did not sign; throws session_expired for
 * an old session and session_revoked for one signed out since, or of a member no longer on the roster.
 * A session costs two KV reads at once, the roster record and the last sign-out (either can lag a
 * change made at another location by up to about a minute).
 */
export async function signedInMember(c: Context<AppEnv>): Promise<SignedInMember | undefined> {
  const session = await signedSession(c);
  // No cookie, or a forged or tampered one: neither signs anybody in.
  if (!session) return undefined;
  const { memberId: id, expiresAt } = session;
  if (expiresAt <= Date.now()) throw refusal('session_expired');
  let entry: RosterEntry | null;
  let signedOutAt: number | null;
  try {
    [entry, signedOutAt] = await Promise.all([readRosterEntry(c.env.SEATS, id), readSignOut(c.env.SEATS, id)]);
  } catch (error) {
    // KV failing must not stop claims at noon (the write-through rides it out too): the signed session stands.
    console.error('roster unreadable, session taken unchecked:', error instanceof Error ? error.message : error);
    return { id };
  }
  const issuedAt = expiresAt - SESSION_MS;
  if (!entry || (signedOutAt !== null && issuedAt <= signedOutAt)) throw refusal('session_revoked');
  return { id };
}

/** Routes for members only: sets `memberId`, or refuses with not_signed_in / session_expired / session_revoked. */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const member = await signedInMember(c);
  if (!member) throw refusal('not_signed_in');
  c.set('memberId', member.id);
  await next();
});
