import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { DEVICE_COOKIE } from '../../functions/known-device';
import { kvKey, readMemberTickets } from '../../functions/seat-store';
import { SESSION_COOKIE, SESSION_DAYS } from '../../functions/session';
import { SIGN_IN_LIMITS } from '../../src/cinema/sign-in-backoff';
import { asMember, body, enrol, json, screening, sessionCookie, testApp } from './helpers/cinema';

const { app, request } = testApp(screening('s1'));
const signIn = (memberNumber: string, phoneLast4: string, client = '198.51.100.1') =>
  request('/api/session', json({ memberNumber, phoneLast4 }, { 'CF-Connecting-IP': client }));

describe('POST /api/session', () => {
  it('signs a member in with a signed, HttpOnly, Secure, SameSite=Strict cookie', async () => {
    await enrol('GH-0001', '1234');
    const response = await signIn('gh-0001', '1234');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // The cookie carries a hash of the member number, never the number.
    expect(cookie).not.toContain('0001');
    const session = await body(await request('/api/session', asMember(cookie.split(';')[0]!)));
    expect(session).toEqual({ signedIn: true });
  });

  it('refuses a wrong phone and an unknown member alike', async () => {
    await enrol('GH-0002', '5678');
    for (const response of [await signIn('GH-0002', '0000'), await signIn('NOBODY', '5678')]) {
      expect(response.status).toBe(401);
      expect((await body(response)).error.code).toBe('invalid_credentials');
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
  });

  it('stores no phone digits or member numbers in KV', async () => {
    await enrol('GH-0003', '4321');
    const { keys } = await env.SEATS.list({ prefix: 'member:' });
    for (const { name } of keys) {
      expect(name).not.toContain('GH-0003');
      expect(await env.SEATS.get(name)).not.toContain('4321');
    }
  });

  it('rate limits failed sign-ins per member number', async () => {
    await enrol('GH-0004', '1111');
    for (let i = 0; i < SIGN_IN_LIMITS.member.free; i++) {
      expect((await signIn('GH-0004', '9999', `203.0.113.${i}`)).status).toBe(401);
    }
    // Even the right digits wait now, from any client.
    const blocked = await signIn('GH-0004', '1111', '203.0.113.200');
    expect(blocked.status).toBe(429);
    expect((await body(blocked)).error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('rate limits failed sign-ins per client', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.client.free; i++) await signIn(`GUESS-${i}`, '0000', '192.0.2.9');
    const blocked = await signIn('GUESS-X', '0000', '192.0.2.9');
    expect((await body(blocked)).error.code).toBe('rate_limited');
  });

  it('counts one IPv6 /64 (what one customer line gets) as one client, however the address is written', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.client.free; i++) {
      expect((await signIn(`V6-${i}`, '0000', '2001:db8:1:2::1')).status).toBe(401);
    }
    expect((await body(await signIn('V6-next', '0000', '2001:db8:1:2::1'))).error.code).toBe('rate_limited');
    for (const neighbour of ['2001:db8:1:2::2', '2001:DB8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:0:0:192.0.2.1']) {
      expect((await body(await signIn('V6-next', '0000', neighbour))).error.code, neighbour).toBe('rate_limited');
    }
    // The next /64 is someone else.
    expect((await signIn('V6-next', '0000', '2001:db8:1:3::1')).status).toBe(401);
  });

  it('signs out, and forgets the browser', async () => {
    const response = await request('/api/session', { method: 'DELETE' });
    const cleared = response.headers.getSetCookie();
    expect(cleared.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Max-Age=0/);
    expect(cleared.find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))).toMatch(/Max-Age=0/);
  });
});

describe('members-only routes', () => {
  it('refuse without a session, with a forged one, and with an expired one', async () => {
    const claim = (cookie?: string) => request('/api/screenings/s1/claims', cookie ? asMember(cookie, json({})) : json({}));
    expect((await body(await claim())).error.code).toBe('not_signed_in');
    const forged = `${SESSION_COOKIE}=${encodeURIComponent(`victim.${Date.now() + 3_600_000}.c2lnbmF0dXJl`)}`;
    expect((await body(await claim(forged))).error.code).toBe('not_signed_in');
    const expired = await sessionCookie('m1', Date.now() - 1);
    const response = await claim(expired);
    expect(response.status).toBe(401);
    expect((await body(response)).error.code).toBe('session_expired');
  });
});

const statusCounts = (responses: Response[]) => {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};
const wrongDigits = (i: number) => String(9000 + i);
const sessionOf = (response: Response) =>
  response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;

describe('sign-in guesses sent at once', () => {
  it('from one address: the member’s free guesses are evaluated, every other one is refused', async () => {
    await enrol('GH-0100', '1234');
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('GH-0100', wrongDigits(i), '198.51.100.50')));
    expect(statusCounts(responses)).toEqual({ 401: SIGN_IN_LIMITS.member.free, 429: 20 - SIGN_IN_LIMITS.member.free });
  });

  it('from many addresses, the right digits last: still only the member’s free guesses are evaluated', async () => {
    await enrol('GH-0101', '1234');
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn('GH-0101', i === 39 ? '1234' : wrongDigits(i), `203.0.113.${i + 1}`)),
    );
    // Which five arrive first is up to the network; the right digits pass only if they are among them.
    expect(responses.filter(({ status }) => status !== 429)).toHaveLength(SIGN_IN_LIMITS.member.free);
  });
});

describe('guessing a member’s digits does not lock the member out', () => {
  const deviceCookie = (response: Response) =>
    response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))!.split(';')[0]!;

  it('a browser that signed in as the member before is counted on its own, not with the guesses', async () => {
    await enrol('GH-0102', '4321');
    const first = await signIn('GH-0102', '4321', '198.51.100.60');
    const device = deviceCookie(first);
    const attributes = first.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))!;
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/session']) expect(attributes).toContain(attribute);
    for (let i = 0; i < 8; i++) await signIn('GH-0102', wrongDigits(i), `203.0.114.${i + 1}`);
    // A new browser waits, however right its digits…
    expect((await signIn('GH-0102', '4321', '198.51.100.61')).status).toBe(429);
    // …the member's own browser does not.
    const own = await request('/api/session', json({ memberNumber: 'GH-0102', phoneLast4: '4321' }, { 'CF-Connecting-IP': '198.51.100.61', Cookie: device }));
    expect(own.status).toBe(200);
  });

  it('a device cookie from one member’s sign-in does not lift another member’s limit', async () => {
    await enrol('GH-0103', '1111');
    await enrol('GH-0104', '2222');
    const device = deviceCookie(await signIn('GH-0103', '1111', '198.51.100.62'));
    const guesses = [];
    for (let i = 0; i < SIGN_IN_LIMITS.member.free + 3; i++) {
      guesses.push(await request('/api/session', json({ memberNumber: 'GH-0104', phoneLast4: wrongDigits(i) }, { 'CF-Connecting-IP': `203.0.115.${i + 1}`, Cookie: device })));
    }
    expect(statusCounts(guesses)).toEqual({ 401: SIGN_IN_LIMITS.member.free, 429: 3 });
  });

  it('a member already signed in keeps claiming while others guess their digits', async () => {
    await enrol('GH-0105', '5555');
    const cookie = sessionOf(await signIn('GH-0105', '5555', '198.51.100.63'));
    for (let i = 0; i < SIGN_IN_LIMITS.member.free + 2; i++) await signIn('GH-0105', wrongDigits(i), `203.0.116.${i + 1}`);
    expect((await request('/api/screenings/s1/claims', asMember(cookie, json({})))).status).toBe(201);
  });
});

describe('sessions end with the roster, at sign-out, and by our clock', () => {
  const claimWith = (cookie: string) => request('/api/screenings/s1/claims', asMember(cookie, json({})));

  it('refuses the session of a member removed from the roster', async () => {
    const id = await enrol('GH-0200', '1200');
    const cookie = sessionOf(await signIn('GH-0200', '1200', '198.51.100.70'));
    await env.SEATS.delete(kvKey.roster(id));
    const response = await claimWith(cookie);
    expect(response.status).toBe(401);
    expect((await body(response)).error.code).toBe('session_revoked');
    expect(await readMemberTickets(env.SEATS, id)).toEqual(new Map());
  });

  it('refuses a signed-out session replayed, on every members-only route', async () => {
    await enrol('GH-0201', '1201');
    const cookie = sessionOf(await signIn('GH-0201', '1201', '198.51.100.71'));
    const signedOut = await request('/api/session', asMember(cookie, { method: 'DELETE' }));
    expect(signedOut.status).toBe(200);
    for (const replay of [claimWith(cookie), request('/api/me/tickets', asMember(cookie)), request('/api/session', asMember(cookie))]) {
      const response = await replay;
      expect(response.status).toBe(401);
      expect((await body(response)).error.code).toBe('session_revoked');
    }
    // Signing in again gives a session that works.
    const again = sessionOf(await signIn('GH-0201', '1201', '198.51.100.71'));
    expect((await claimWith(again)).status).toBe(201);
  });

  it('keeps a sign-out when the roster is imported again', async () => {
    const id = await enrol('GH-0204', '1204');
    const cookie = sessionOf(await signIn('GH-0204', '1204', '198.51.100.72'));
    expect((await request('/api/session', asMember(cookie, { method: 'DELETE' }))).status).toBe(200);
    // members:import writes every member's record afresh.
    await enrol('GH-0204', '1204');
    expect(await env.SEATS.get(kvKey.roster(id))).not.toBeNull();
    const replay = await claimWith(cookie);
    expect((await body(replay)).error.code).toBe('session_revoked');
  });

  it('does not put back on the roster a member removed while they signed out', async () => {
    const id = await enrol('GH-0205', '1205');
    const cookie = sessionOf(await signIn('GH-0205', '1205', '198.51.100.73'));
    // The operator removes the member between the sign-out's roster read and its write (or the sign-out
    // read KV's cached copy from before the removal).
    const seats = new Proxy(env.SEATS, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== 'put') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: Parameters<KVNamespace['put']>) => {
          await target.delete(kvKey.roster(id));
          return target.put(...args);
        };
      },
    });
    expect((await app.request('/api/session', asMember(cookie, { method: 'DELETE' }), { ...env, SEATS: seats })).status).toBe(200);
    expect(await env.SEATS.get(kvKey.roster(id))).toBeNull();
  });

  it('lets a signed session claim while the roster cannot be read (KV down), as claims ride out KV failing', async () => {
    const id = await enrol('GH-0203', '1203');
    const cookie = await sessionCookie(id);
    const failingReads = { ...env, SEATS: { get: () => Promise.reject(new Error('KV is down')) } as unknown as KVNamespace };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await app.request('/api/screenings/s1/claims', asMember(cookie, json({})), failingReads);
    errors.mockRestore();
    expect(response.status).toBe(201);
  });

  it('refuses a signed session whose end is further away than a session lasts', async () => {
    const id = await enrol('GH-0202', '1202');
    const forged = await sessionCookie(id, Date.now() + (SESSION_DAYS + 1) * 86_400_000);
    const response = await claimWith(forged);
    expect(response.status).toBe(401);
    expect((await body(response)).error.code).toBe('not_signed_in');
  });
});
