/**
 * Hostile review of the staff accounts foundation (issue 13 §1): each test is an attack that works today
 * and should not (an outsider, a disgruntled door staffer, a fired operator, a careless admin).
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/password-hash';
import { STAFF_SESSION_COOKIE } from '../../functions/staff-auth';
import { body, json, screening, testApp } from './helpers/cinema';
import { createStaff, staffHeaders, testStaffDirectory } from './helpers/staff';

type Directory = ReturnType<typeof testStaffDirectory>;

/** The Worker's env with the staff directory's `method` replaced, to act between two of the route's steps. */
function envWithDirectory(method: string, replacement: (real: Directory, ...args: any[]) => Promise<unknown>) {
  const real = testStaffDirectory();
  const wrapped = new Proxy(real, {
    get: (target, property) =>
      property === method ? (...args: any[]) => replacement(target, ...args) : (...args: any[]) => (target as any)[property](...args),
  });
  return { ...env, STAFF_DIRECTORY: { getByName: () => wrapped } as unknown as typeof env.STAFF_DIRECTORY };
}

/** The cookies a browser keeps from a response: set ones added, expired ones (Max-Age=0) dropped. */
function keepCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const name = pair!.slice(0, pair!.indexOf('='));
    if (/max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, pair!);
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar.values()].join('; ');

describe('staff attacks', () => {
  it('audits a write refused for a role too low: a door account trying to book, an operator trying to purge', async () => {
    const { request } = testApp(screening('escalate'));
    const booking = await request('/api/staff/screenings/escalate/bookings', json({ union: '港务工会', seats: ['1-1'] }, { ...staffHeaders('door'), 'CF-Connecting-IP': '10.6.6.6' }));
    expect([booking.status, (await body(booking)).error.code]).toEqual([403, 'staff_forbidden']);
    const purge = await request('/api/staff/screenings/escalate/purge', { method: 'POST', headers: staffHeaders('operator') });
    expect([purge.status, (await body(purge)).error.code]).toEqual([403, 'staff_forbidden']);
    const entries = await testStaffDirectory().readAudit({ limit: 10, screening: 'escalate' });
    expect(entries.map((entry) => [entry.actor, entry.action, entry.outcome, entry.client])).toEqual([
      ['test-operator', 'purge', 'staff_forbidden', 'unknown'],
      ['test-door', 'booking', 'staff_forbidden', '10.6.6.6'],
    ]);
  });

  it('does not let guesses at a staff username lock its owner out of the browser they signed in from', async () => {
    const { request } = testApp();
    const { username, password } = await createStaff(request, 'admin', { username: 'the-admin' });
    const browser = new Map<string, string>();
    const own = { 'CF-Connecting-IP': '10.1.1.1' };
    keepCookies(browser, await request('/api/staff/session', json({ username, password }, own)));
    keepCookies(browser, await request('/api/staff/session', { method: 'DELETE', headers: { ...own, Cookie: cookieHeader(browser) } }));
    // A fired operator who knows the admin's username, from another address.
    for (let i = 0; i < 8; i++) await request('/api/staff/session', json({ username, password: `guess-number-${i}` }, { 'CF-Connecting-IP': '10.6.6.6' }));
    const again = await request('/api/staff/session', json({ username, password }, { ...own, Cookie: cookieHeader(browser) }));
    expect([again.status, (await body(again)).error?.code]).toEqual([200, undefined]);
  });

  it('starts no session with a password that was changed while it was being checked', async () => {
    const { app, request } = testApp();
    const { username, password } = await createStaff(request, 'operator', { username: 'leaked-operator' });
    // The admin resets the leaked password just as the attacker's sign-in with it is being hashed.
    const racing = envWithDirectory('passwordOf', async (real, name: string) => {
      const seen = await real.passwordOf(name);
      await real.setPassword(name, await hashPassword('the-new-password-after-reset'));
      return seen;
    });
    const signIn = await app.request('/api/staff/session', json({ username, password }), racing);
    const cookie = signIn.headers.get('Set-Cookie')?.split(';')[0];
    const me = cookie?.startsWith(`${STAFF_SESSION_COOKIE}=`) ? await request('/api/staff/me', { headers: { Cookie: cookie } }) : undefined;
    expect([signIn.status, me?.status]).toEqual([401, undefined]);
  });

  it('writes nothing for a request in flight when its account is disabled', async () => {
    const { app } = testApp(screening('in-flight'));
    // The admin disables the operator just after the operator's booking request was let in.
    const racing = envWithDirectory('authenticate', async (real, kind: 'session' | 'token', hash: string) => {
      const identity = await real.authenticate(kind, hash);
      await real.setDisabled('test-operator', true);
      return identity;
    });
    const booking = await app.request('/api/staff/screenings/in-flight/bookings', json({ union: '港务工会', seats: ['1-1'] }, staffHeaders('operator')), racing);
    expect(booking.status).toBe(401);
  });
});
