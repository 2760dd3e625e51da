/**
 * Hostile review of the staff accounts foundation (issue 13 §1): each test is an attack that works today
 * and should not (an outsider, a disgruntled door staffer, a fired operator, a careless admin).
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/cinema/staff-roles';
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

/**
 * Every staff write a request makes as its account, with a request that reaches the write (it would be
 * admitted, its body valid). A route that writes and is missing here fails the walk below, so a new write
 * route has to show that it asks the directory again (confirmStaff) before it writes.
 */
const WRITES: Record<string, { role: StaffRole; path: string; body?: unknown }> = {
  'POST /api/staff/accounts': { role: 'admin', path: '/api/staff/accounts', body: { username: 'walk-new', role: 'door' } },
  'PATCH /api/staff/accounts/:username': { role: 'admin', path: '/api/staff/accounts/test-door', body: { role: 'operator' } },
  'POST /api/staff/accounts/:username/password': { role: 'admin', path: '/api/staff/accounts/test-door/password' },
  'POST /api/staff/tokens': { role: 'operator', path: '/api/staff/tokens', body: { name: 'walk' } },
  'DELETE /api/staff/tokens/:tokenId': { role: 'operator', path: '/api/staff/tokens/:own' },
  'POST /api/staff/screenings/:id/checkins': { role: 'door', path: '/api/staff/screenings/walk/checkins', body: { code: 'ABCD2345' } },
  'POST /api/staff/screenings/:id/bookings': { role: 'operator', path: '/api/staff/screenings/walk/bookings', body: { union: '港务工会', seats: ['1-1'] } },
  'DELETE /api/staff/screenings/:id/bookings': { role: 'operator', path: '/api/staff/screenings/walk/bookings', body: { union: '港务工会' } },
  'POST /api/staff/screenings/:id/purge': { role: 'admin', path: '/api/staff/screenings/walk/purge' },
  'POST /api/staff/screenings/:id/restore': { role: 'admin', path: '/api/staff/screenings/walk/restore', body: { at: new Date(Date.now() - 3_600_000).toISOString() } },
  'POST /api/staff/screenings/:id/rebuild': { role: 'operator', path: '/api/staff/screenings/walk/rebuild' },
  'PUT /api/staff/roster/uploads/:upload': { role: 'admin', path: `/api/staff/roster/uploads/${'a'.repeat(64)}`, body: { chunks: 1 } },
  'PUT /api/staff/roster/uploads/:upload/chunks/:n{[0-9]{1,5}}': { role: 'admin', path: `/api/staff/roster/uploads/${'a'.repeat(64)}/chunks/0`, body: { rows: [[2, 'WALK001', '1234']] } },
  'POST /api/staff/roster/uploads/:upload/apply': { role: 'admin', path: `/api/staff/roster/uploads/${'a'.repeat(64)}/apply`, body: { mode: 'merge' } },
  'POST /api/staff/members/strikes/clear': { role: 'operator', path: '/api/staff/members/strikes/clear', body: { memberNumber: 'WALK001', screeningId: 'walk', kind: 'no_show', reason: '核实属实' } },
  'POST /api/door/screenings/:id/checkins': { role: 'door', path: '/api/door/screenings/walk/checkins', body: { device: 'door-walk', checkIns: [{ code: 'ABCD2345', at: new Date().toISOString() }] } },
};

/** Non-GET staff routes that write nothing as an account, and why. */
const NOT_WRITES: Record<string, string> = {
  'POST /api/staff/session': 'signs in: no account acts yet',
  'DELETE /api/staff/session': 'ends this session only',
  'POST /api/staff/session/everywhere': 'ends the account’s sessions, which disabling has ended already',
  'POST /api/staff/bootstrap': 'acts with the bootstrap secret, not an account',
  'POST /api/staff/members/standing': 'reads a standing (POST only to keep the member number out of the URL)',
};

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

  it('refuses the bootstrap secret once an admin exists: a secret left set cannot mint more admins', async () => {
    const { request } = testApp();
    expect((await testStaffDirectory().listAccounts()).some((account) => account.role === 'admin' && !account.disabled)).toBe(true);
    const minted = await request('/api/staff/bootstrap', json({ username: 'second-admin', role: 'admin', password: 'a-leftover-secret-password' }, { Authorization: `Bearer ${env.STAFF_BOOTSTRAP_SECRET}` }));
    expect([minted.status, (await body(minted)).error?.code]).toEqual([409, 'staff_bootstrap_closed']);
    expect((await testStaffDirectory().listAccounts()).map((account) => account.username)).not.toContain('second-admin');
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
    const { app, request } = testApp(screening('in-flight'));
    const { username, token } = await createStaff(request, 'operator', { tokenName: 'in-flight' });
    // The admin disables the operator just after the operator's booking request was let in.
    const racing = envWithDirectory('authenticate', async (real, kind: 'session' | 'token', hash: string) => {
      const identity = await real.authenticate(kind, hash);
      await real.setDisabled(username, true);
      return identity;
    });
    const booking = await app.request('/api/staff/screenings/in-flight/bookings', json({ union: '港务工会', seats: ['1-1'] }, { Authorization: `Bearer ${token}` }), racing);
    expect(booking.status).toBe(401);
  });

  it('names every non-GET staff and door route as a write or not', () => {
    const { app } = testApp();
    const routes = app.routes
      .filter(({ method, path }) => method !== 'ALL' && method !== 'GET' && (path.startsWith('/api/staff') || path.startsWith('/api/door')))
      .map(({ method, path }) => `${method} ${path}`);
    expect(new Set(routes)).toEqual(new Set([...Object.keys(WRITES), ...Object.keys(NOT_WRITES)]));
  });

  it('writes nothing, on any staff write route, for a request in flight when its account is disabled', async () => {
    const { app, request } = testApp(screening('walk'));
    const seen: string[] = [];
    for (const [route, write] of Object.entries(WRITES)) {
      const { username, token } = await createStaff(request, write.role, { tokenName: 'walk' });
      const own = { Authorization: `Bearer ${token}` };
      const spare = write.path.includes(':own') ? (await body(await request('/api/staff/tokens', json({ name: 'spare' }, own)))).id : undefined;
      // Disabled just after the request was let in (the directory's first answer).
      const racing = envWithDirectory('authenticate', async (real, kind: 'session' | 'token', hash: string) => {
        const identity = await real.authenticate(kind, hash);
        await real.setDisabled(username, true);
        return identity;
      });
      const [method] = route.split(' ') as [string];
      const init: RequestInit = { method, headers: { ...own, 'Content-Type': 'application/json' }, ...(write.body === undefined ? {} : { body: JSON.stringify(write.body) }) };
      const response = await app.request(write.path.replace(':own', String(spare)), init, racing);
      seen.push(`${route} → ${response.status} ${(await body(response)).error?.code}`);
    }
    expect(seen).toEqual(Object.keys(WRITES).map((route) => `${route} → 401 staff_unauthorized`));
    // What those writes would have made is not there.
    const accounts = await testStaffDirectory().listAccounts();
    expect(accounts.map((account) => account.username)).not.toContain('walk-new');
    expect(accounts.find((account) => account.username === 'test-door')?.role).toBe('door');
    expect((await env.SCREENINGS.getByName('walk').stats(screening('walk'))).checkedIn).toBe(0);
  });
});
