import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../functions/session';
import { SIGN_IN_LIMITS } from '../../functions/sign-in-throttle';
import { asMember, body, enrol, json, screening, sessionCookie, testApp } from './helpers/cinema';

const { request } = testApp(screening('s1'));
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
    for (let i = 0; i < SIGN_IN_LIMITS.member.failures; i++) {
      expect((await signIn('GH-0004', '9999', `203.0.113.${i}`)).status).toBe(401);
    }
    // Even the right digits wait now, from any client.
    const blocked = await signIn('GH-0004', '1111', '203.0.113.200');
    expect(blocked.status).toBe(429);
    expect((await body(blocked)).error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('rate limits failed sign-ins per client', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.client.failures; i++) await signIn(`GUESS-${i}`, '0000', '192.0.2.9');
    const blocked = await signIn('GUESS-X', '0000', '192.0.2.9');
    expect((await body(blocked)).error.code).toBe('rate_limited');
  });

  it('signs out', async () => {
    const response = await request('/api/session', { method: 'DELETE' });
    expect(response.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
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
