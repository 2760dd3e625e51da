import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/app';
import { SITEVERIFY_URL, TURNSTILE_HEADER } from '../../functions/turnstile';
import { createStaff } from './helpers/staff';
import { asMember, body, drainToKv, enrol, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

// Cloudflare's published Turnstile test secrets: one always passes, one always fails.
const PASSING_SECRET = '1x0000000000000000000000000000000AA';
const FAILING_SECRET = '2x0000000000000000000000000000000AA';

/** A stand-in for siteverify that answers as Cloudflare does for its test secrets; no network. */
function fakeSiteverify(calls: string[]): typeof fetch {
  return async (input, init) => {
    calls.push(String(input));
    const form = init?.body as FormData;
    const success = form.get('secret') === PASSING_SECRET && Boolean(form.get('response'));
    return Response.json({ success, 'error-codes': success ? [] : ['invalid-input-secret'] });
  };
}

describe('API security headers', () => {
  it('sets a no-content CSP, frame denial, nosniff, no referrer and HSTS, and no CORS', async () => {
    const { request } = testApp(screening('h'));
    const response = await request('/api/screenings', { headers: { Origin: 'https://evil.example' } });
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('cross-site request forgery', () => {
  it('refuses a write a browser marks as cross-site, and one from another origin', async () => {
    const { request } = testApp(screening('csrf'));
    const cookie = await sessionCookie('m1');
    const crossSite: Record<string, string>[] = [{ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.example' }];
    for (const headers of crossSite) {
      const response = await request('/api/screenings/csrf/claims', asMember(cookie, json({}, headers)));
      expect(response.status).toBe(403);
      expect((await body(response)).error.code).toBe('cross_site_request');
    }
    expect((await env.SCREENINGS.getByName('csrf').stats(screening('csrf'))).claimed).toBe(0);
  });

  it('accepts same-origin writes and programs that send neither header', async () => {
    const { request } = testApp(screening('same'));
    const ok = await request('http://localhost/api/screenings/same/claims', asMember(await sessionCookie('a'), json({}, { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' })));
    expect(ok.status).toBe(201);
    const curl = await request('/api/screenings/same/claims', asMember(await sessionCookie('b'), json({})));
    expect(curl.status).toBe(201);
  });
});

describe('rate limiting (Workers Rate Limiting bindings)', () => {
  it('limits claims per member', async () => {
    const { request } = testApp(screening('limit-member'));
    const cookie = await sessionCookie('eager');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await request('/api/screenings/limit-member/claims', asMember(cookie, json({})))).status);
    expect(statuses).toContain(429);
    const limited = await request('/api/screenings/limit-member/claims', asMember(cookie, json({})));
    expect(limited.headers.get('Retry-After')).toBe('60');
  });

  it('limits waitlist joins and leaves and cancellations like claims', async () => {
    const { request } = testApp(screening('unlimited', { hall: plainHall(1, 1) }));
    await request('/api/screenings/unlimited/claims', asMember(await sessionCookie('unlimited-holder'), json({})));
    const cookie = await sessionCookie('unlimited-script');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await request('/api/screenings/unlimited/waitlist', asMember(cookie, { method: 'POST' }))).status);
      statuses.push((await request('/api/screenings/unlimited/waitlist', asMember(cookie, { method: 'DELETE' }))).status);
      statuses.push((await request('/api/screenings/unlimited/tickets/ABCD-2345', asMember(cookie, { method: 'DELETE' }))).status);
      statuses.push((await request('/api/tickets/ABCD-2345', asMember(cookie, { method: 'DELETE' }))).status);
    }
    expect(statuses).toContain(429);
    // Each route is limited, not only the first to run out.
    for (const [path, method] of [['/api/screenings/unlimited/waitlist', 'POST'], ['/api/screenings/unlimited/waitlist', 'DELETE'], ['/api/screenings/unlimited/tickets/ABCD-2345', 'DELETE'], ['/api/tickets/ABCD-2345', 'DELETE']]) {
      expect((await request(path!, asMember(cookie, { method }))).status, `${method} ${path}`).toBe(429);
    }
  });

  it('limits sign-ins per client address', async () => {
    const { request } = testApp(screening('limit-client'));
    const statuses: number[] = [];
    for (let i = 0; i < 65; i++) {
      const response = await request('/api/session', json({ memberNumber: `X${i}`, phoneLast4: '0000' }, { 'CF-Connecting-IP': '198.51.100.77' }));
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  });
});

describe('Turnstile (optional)', () => {
  it('is off by default: no token needed, siteverify never called', async () => {
    const calls: string[] = [];
    const app = createApp({ catalogue: { screenings: [screening('t0')] }, fetcher: fakeSiteverify(calls) });
    const response = await app.request('/api/screenings/t0/claims', asMember(await sessionCookie('a'), json({})), env);
    expect(response.status).toBe(201);
    expect(calls).toEqual([]);
  });

  it('when on, refuses a claim or a waitlist join without a token and accepts one siteverify passes', async () => {
    const calls: string[] = [];
    const app = createApp({ catalogue: { screenings: [screening('t1')] }, fetcher: fakeSiteverify(calls) });
    const on = { ...env, TURNSTILE_SECRET_KEY: PASSING_SECRET };
    const cookie = await sessionCookie('a');
    const missing = await app.request('/api/screenings/t1/claims', asMember(cookie, json({})), on);
    expect((await body(missing)).error.code).toBe('human_check_required');
    const passed = await app.request('/api/screenings/t1/claims', asMember(cookie, json({}, { [TURNSTILE_HEADER]: 'XXXX.DUMMY.TOKEN.XXXX' })), on);
    expect(passed.status).toBe(201);
    expect(calls).toEqual([SITEVERIFY_URL]);
    const join = await app.request('/api/screenings/t1/waitlist', asMember(await sessionCookie('b'), { method: 'POST' }), on);
    expect((await body(join)).error.code).toBe('human_check_required');
  });

  it('when siteverify says no, refuses sign-in and changes nothing', async () => {
    const app = createApp({ catalogue: { screenings: [screening('t2')] }, fetcher: fakeSiteverify([]) });
    const on = { ...env, TURNSTILE_SECRET_KEY: FAILING_SECRET };
    const response = await app.request('/api/session', json({ memberNumber: 'A1', phoneLast4: '1234' }, { [TURNSTILE_HEADER]: 'XXXX.DUMMY.TOKEN.XXXX' }), on);
    expect(response.status).toBe(403);
    expect((await body(response)).error.code).toBe('human_check_failed');
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });
});

/** A console argument as Workers Logs keeps it: objects as JSON, errors with their message. */
const asLogged = (arg: unknown) => (typeof arg === 'object' && arg !== null && !(arg instanceof Error) ? JSON.stringify(arg) : String(arg));

describe('privacy in logs', () => {
  it('never logs member numbers, phone digits, member ids or cookies, even when things fail', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(asLogged).join(' '))),
    );
    const { request } = testApp(screening('logs'));
    const id = await enrol('PRIV-7788', '4455');
    await request('/api/session', json({ memberNumber: 'PRIV-7788', phoneLast4: '9999' }, { 'CF-Connecting-IP': '203.0.113.9' }));
    const signedIn = await request('/api/session', json({ memberNumber: 'PRIV-7788', phoneLast4: '4455' }, { 'CF-Connecting-IP': '203.0.113.9' }));
    const cookie = signedIn.headers.get('Set-Cookie')!.split(';')[0]!;
    await request('/api/screenings/logs/claims', asMember(cookie, json({ seat: 'not-a-seat' })));
    const claimed = await request('/api/screenings/logs/claims', asMember(cookie, json({}, { 'Idempotency-Key': 'priv-key-0001' })));
    const { ticket } = await body(claimed);
    // The door's side: a check-in, a second scan, the export.
    await request('/api/staff/screenings/logs/checkins', json({ code: ticket.code }, staffHeaders()));
    await request('/api/staff/screenings/logs/checkins', json({ code: ticket.code }, staffHeaders()));
    await request('/api/staff/screenings/logs/attendance.csv', { headers: staffHeaders() });
    for (const spy of spies) spy.mockRestore();
    const logged = lines.join('\n');
    // The run was logged (one line per claim and per staff action), so the checks below look at something.
    expect(lines.filter((line) => line.includes('"event":"claim"'))).toHaveLength(2);
    expect(lines.filter((line) => line.includes('"event":"staff"'))).toHaveLength(3);
    expect(logged).not.toContain('PRIV-7788');
    expect(logged).not.toContain('4455');
    expect(logged).not.toContain(id);
    expect(logged).not.toContain(cookie.split('=')[1]!);
    expect(logged).not.toContain('priv-key-0001');
  });
});

describe('caching of answers', () => {
  /** The answers anyone may share, with how long; every other route answers a person and says no-store. */
  const PUBLIC: Record<string, string> = {
    'GET /api/screenings/:id/layout': 'public, max-age=300',
    'GET /api/screenings/:id/seats': 'public, max-age=1',
    'GET /api/cinema/totals': 'public, max-age=60',
    'GET /api/screenings/:id/draw': 'public, max-age=5',
    'GET /api/search': 'public, max-age=300',
  };

  it('every personal answer, success or refusal, says no-store; public ones keep theirs', async () => {
    const show = screening('cache', { hall: plainHall(1, 3) });
    const lottery = screening('cache-lottery', { allocation: 'lottery', drawAt: new Date(Date.now() + 30 * 60_000).toISOString() });
    const { app, request } = testApp(show, lottery);
    await enrol('CACHE-1', '1111');
    const signIn = json({ memberNumber: 'CACHE-1', phoneLast4: '1111' }, { 'CF-Connecting-IP': '198.51.100.90' });
    const a = await sessionCookie('cache-a');
    const b = await sessionCookie('cache-b');
    const claim = (cookie: string, key: string) => asMember(cookie, json({}, { 'Idempotency-Key': key }));
    const staff = (init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...staffHeaders('admin') } });

    // Route pattern → the requests that walk it, in order (each answer is checked).
    const walk: [string, () => Promise<Response>][] = [
      ['GET /api/health', () => request('/api/health')],
      ['GET /api/search', () => request(`/api/search?q=${encodeURIComponent('驿站')}`)],
      ['POST /api/session', () => request('/api/session', signIn)],
      ['POST /api/session', () => request('/api/session', json({ memberNumber: 'CACHE-1', phoneLast4: '0000' }, { 'CF-Connecting-IP': '198.51.100.90' }))],
      ['GET /api/session', () => request('/api/session', asMember(a))],
      ['GET /api/screenings', () => request('/api/screenings')],
      ['GET /api/screenings/:id', () => request('/api/screenings/cache')],
      ['GET /api/screenings/:id/layout', () => request('/api/screenings/cache/layout')],
      ['GET /api/screenings/:id/seats', () => request('/api/screenings/cache/seats')],
      ['POST /api/screenings/:id/claims', () => request('/api/screenings/cache/claims', claim(a, 'cache-key-a1'))],
      ['POST /api/screenings/:id/claims', () => request('/api/screenings/cache/claims', claim(a, 'cache-key-a1'))],
      ['POST /api/screenings/:id/claims', () => request('/api/screenings/cache/claims', claim(a, 'cache-key-a2'))],
      ['POST /api/screenings/:id/waitlist', () => request('/api/screenings/cache/waitlist', asMember(b, json({})))],
      ['DELETE /api/screenings/:id/waitlist', () => request('/api/screenings/cache/waitlist', asMember(b, { method: 'DELETE' }))],
      ['GET /api/me/tickets', () => request('/api/me/tickets', asMember(a))],
      ['GET /api/me/standing', () => request('/api/me/standing', asMember(a))],
      ['DELETE /api/screenings/:id/tickets/:code', async () => {
        const { ticket } = await body(await request('/api/screenings/cache/claims', claim(b, 'cache-key-b1')));
        return request(`/api/screenings/cache/tickets/${ticket.code}`, asMember(b, { method: 'DELETE' }));
      }],
      ['DELETE /api/tickets/:code', async () => {
        const { ticket } = await body(await request('/api/screenings/cache/claims', claim(b, 'cache-key-b2')));
        await drainToKv('cache');
        return request(`/api/tickets/${ticket.code}`, asMember(b, { method: 'DELETE' }));
      }],
      ['POST /api/staff/screenings/:id/checkins', async () => {
        const { error } = await body(await request('/api/screenings/cache/claims', claim(a, 'cache-key-a3')));
        return request('/api/staff/screenings/cache/checkins', staff(json({ code: error.ticket.code })));
      }],
      ['POST /api/staff/screenings/:id/checkins', async () => {
        const { tickets } = await body(await request('/api/me/tickets', asMember(a)));
        return request('/api/staff/screenings/cache/checkins', staff(json({ code: tickets[0].code })));
      }],
      ['GET /api/staff/screenings/:id/stats', () => request('/api/staff/screenings/cache/stats', staff())],
      ['GET /api/door/screenings/:id', () => request('/api/door/screenings/cache', staff())],
      ['POST /api/door/screenings/:id/checkins', async () => {
        const { tickets } = await body(await request('/api/me/tickets', asMember(a)));
        return request('/api/door/screenings/cache/checkins', staff(json({ device: 'door-cache', checkIns: [{ code: tickets[0].code, at: new Date().toISOString() }] })));
      }],
      ['POST /api/staff/screenings/:id/bookings', () => request('/api/staff/screenings/cache/bookings', staff(json({ union: '测试工会' })))],
      ['DELETE /api/staff/screenings/:id/bookings', () =>
        request('/api/staff/screenings/cache/bookings', staff({ ...json({ union: '测试工会' }), method: 'DELETE' }))],
      ['GET /api/staff/screenings/:id/attendance.csv', () => request('/api/staff/screenings/cache/attendance.csv', staff())],
      ['GET /api/staff/screenings/:id/export.json', () => request('/api/staff/screenings/cache/export.json', staff())],
      ['POST /api/staff/screenings/:id/purge', () => request('/api/staff/screenings/cache/purge', staff(json({})))],
      ['POST /api/staff/screenings/:id/restore', () => request('/api/staff/screenings/cache/restore', staff(json({ at: new Date(Date.now() - 60_000).toISOString() })))],
      ['POST /api/staff/screenings/:id/rebuild', () => request('/api/staff/screenings/cache/rebuild', staff(json({})))],
      ['POST /api/staff/members/standing', () => request('/api/staff/members/standing', staff(json({ memberNumber: 'CACHE-1' })))],
      ['POST /api/staff/members/strikes/clear', () =>
        request('/api/staff/members/strikes/clear', staff(json({ memberNumber: 'CACHE-1', screeningId: 'cache', kind: 'no_show', reason: '测试' })))],
      ['POST /api/staff/bootstrap', () =>
        request('/api/staff/bootstrap', json({ username: 'cache-staff', role: 'door', password: 'cache-staff-password' }, { Authorization: `Bearer ${env.STAFF_BOOTSTRAP_SECRET}` }))],
      // Bootstrap is closed (an admin exists), so the account to sign in with is made by the admin.
      ['POST /api/staff/session', async () => {
        const { username, password } = await createStaff(request, 'door', { username: 'cache-staff' });
        const signedIn = await request('/api/staff/session', json({ username, password }));
        expect(signedIn.status).toBe(200);
        return signedIn;
      }],
      ['GET /api/staff/me', () => request('/api/staff/me', staff())],
      ['POST /api/staff/session/everywhere', () => request('/api/staff/session/everywhere', staff({ method: 'POST' }))],
      ['DELETE /api/staff/session', () => request('/api/staff/session', staff({ method: 'DELETE' }))],
      ['GET /api/staff/accounts', () => request('/api/staff/accounts', staff())],
      ['POST /api/staff/accounts', () => request('/api/staff/accounts', staff(json({ username: 'cache-door', role: 'door' })))],
      ['PATCH /api/staff/accounts/:username', () => request('/api/staff/accounts/cache-door', staff({ ...json({ role: 'operator' }), method: 'PATCH' }))],
      ['POST /api/staff/accounts/:username/password', () => request('/api/staff/accounts/cache-door/password', staff(json({})))],
      ['GET /api/staff/tokens', () => request('/api/staff/tokens', staff())],
      ['POST /api/staff/tokens', () => request('/api/staff/tokens', staff(json({ name: 'cache' })))],
      ['DELETE /api/staff/tokens/:tokenId', () => request('/api/staff/tokens/999999', staff({ method: 'DELETE' }))],
      ['GET /api/staff/audit', () => request('/api/staff/audit', staff())],
      ['GET /api/staff/audit.csv', () => request('/api/staff/audit.csv', staff())],
      ['GET /api/screenings/:id/queue/seed', () => request('/api/screenings/cache/queue/seed')],
      ['POST /api/screenings/:id/queue', () => request('/api/screenings/cache/queue', asMember(b, json({})))],
      ['GET /api/screenings/:id/queue', () => request('/api/screenings/cache/queue', asMember(b))],
      ['DELETE /api/screenings/:id/queue', () => request('/api/screenings/cache/queue', asMember(b, { method: 'DELETE' }))],
      ['GET /api/screenings/:id/draw', () => request('/api/screenings/cache-lottery/draw')],
      ['POST /api/screenings/:id/lottery', () => request('/api/screenings/cache-lottery/lottery', asMember(b, json({ seats: 2 })))],
      ['GET /api/screenings/:id/lottery', () => request('/api/screenings/cache-lottery/lottery', asMember(b))],
      ['DELETE /api/screenings/:id/lottery', () => request('/api/screenings/cache-lottery/lottery', asMember(b, { method: 'DELETE' }))],
      ['GET /api/staff/console/screenings', () => request('/api/staff/console/screenings', staff())],
      ['GET /api/staff/console/screenings/:id', () => request('/api/staff/console/screenings/cache', staff())],
      ['GET /api/staff/console/unions', () => request('/api/staff/console/unions', staff())],
      ['PUT /api/staff/roster/uploads/:upload', () => request(`/api/staff/roster/uploads/${'c'.repeat(64)}`, staff({ ...json({ chunks: 1 }), method: 'PUT' }))],
      ['PUT /api/staff/roster/uploads/:upload/chunks/:n{[0-9]{1,5}}', () =>
        request(`/api/staff/roster/uploads/${'c'.repeat(64)}/chunks/0`, staff({ ...json({ rows: [[2, 'CACHE-9', '9999']] }), method: 'PUT' }))],
      ['GET /api/staff/roster/uploads/:upload', () => request(`/api/staff/roster/uploads/${'c'.repeat(64)}`, staff())],
      ['POST /api/staff/roster/uploads/:upload/apply', () => request(`/api/staff/roster/uploads/${'d'.repeat(64)}/apply`, staff(json({ mode: 'merge' })))],
      ['GET /api/cinema/totals', () => request('/api/cinema/totals')],
      ['DELETE /api/session', () => request('/api/session', asMember(a, { method: 'DELETE' }))],
    ];

    // Every route of the app is walked, so a new one cannot slip by.
    const routes = new Set(app.routes.filter(({ method }) => method !== 'ALL').map(({ method, path }) => `${method} ${path}`));
    expect(new Set(walk.map(([route]) => route))).toEqual(routes);

    const seen: string[] = [];
    for (const [route, send] of walk) {
      const response = await send();
      seen.push(`${route} ${response.status}`);
      expect({ route, status: response.status, cacheControl: response.headers.get('Cache-Control') }).toEqual({
        route,
        status: response.status,
        cacheControl: PUBLIC[route] ?? 'no-store',
      });
    }
    // The walk reached the answers that carry a ticket or a session, not only refusals.
    expect(seen).toEqual(expect.arrayContaining([
      'POST /api/session 200',
      'POST /api/screenings/:id/claims 201',
      'POST /api/screenings/:id/claims 200',
      'POST /api/screenings/:id/claims 409',
      'DELETE /api/screenings/:id/tickets/:code 200',
      'DELETE /api/tickets/:code 200',
      'POST /api/staff/screenings/:id/checkins 200',
      'POST /api/staff/screenings/:id/checkins 409',
      'DELETE /api/staff/screenings/:id/bookings 200',
      'GET /api/me/tickets 200',
      'GET /api/door/screenings/:id 200',
      'POST /api/door/screenings/:id/checkins 200',
      'GET /api/screenings/:id/draw 200',
      'POST /api/screenings/:id/lottery 201',
      'GET /api/screenings/:id/lottery 200',
    ]));
  });
});
