import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kvKey } from '../../functions/seat-store';
import { SESSION_COOKIE } from '../../functions/session';
import { screening, sessionCookie, testApp } from './helpers/cinema';

// Claims are not open yet, so even a request from a signed-in member may not change anything.
const show = screening('target', { releaseAt: new Date(Date.now() + 86_400_000).toISOString() });
const member = await sessionCookie('fuzzed-member');
const { request } = testApp(show);

const ROUTES: [string, string][] = [
  ['GET', '/api/health'],
  ['GET', '/api/screenings'],
  ['GET', '/api/screenings/{id}'],
  ['GET', '/api/screenings/{id}/seats'],
  ['GET', '/api/screenings/{id}/layout'],
  ['POST', '/api/screenings/{id}/claims'],
  ['POST', '/api/screenings/{id}/waitlist'],
  ['DELETE', '/api/screenings/{id}/waitlist'],
  ['DELETE', '/api/screenings/{id}/tickets/{code}'],
  ['DELETE', '/api/tickets/{code}'],
  ['POST', '/api/session'],
  ['GET', '/api/session'],
  ['DELETE', '/api/session'],
  ['GET', '/api/me/tickets'],
  ['POST', '/api/staff/screenings/{id}/checkins'],
  ['GET', '/api/staff/screenings/{id}/stats'],
  ['POST', '/api/staff/screenings/{id}/bookings'],
  ['GET', '/api/staff/screenings/{id}/attendance.csv'],
  ['POST', '/api/staff/screenings/{id}/purge'],
  ['POST', '/api/staff/screenings/{id}/rebuild'],
  ['GET', '/api/cinema/totals'],
];

const segment = fc.oneof(
  fc.constant('target'),
  fc.constant('ABCD-2345'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('..', '%00', '%2e%2e%2f', '<script>', "' OR 1=1 --", 'a'.repeat(300)),
);

const bodyText = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', 'null', '[]', '{"seat":"1-1","x":1}', '{"seat":"1-1"}', '{"memberNumber":"A","phoneLast4":"1234"}', '{"qr":"HG1.target.ABCD2345.x"}', '{"union":"x"}'),
  fc.constant('{"seat":"' + 'x'.repeat(20_000) + '"}'),
);

const headers = fc.record(
  {
    'Content-Type': fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8'), fc.string({ maxLength: 30 })),
    Cookie: fc.oneof(
      fc.constant(member),
      fc.string({ maxLength: 80 }),
      fc.string({ maxLength: 80 }).map((v) => `${SESSION_COOKIE}=${encodeURIComponent(v)}`),
    ),
    Authorization: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }).map((v) => `Bearer ${v}`)),
    'Idempotency-Key': fc.string({ maxLength: 80 }),
    Origin: fc.constantFrom('http://localhost', 'https://evil.example'),
  },
  { requiredKeys: [] },
);

/** Header values must be ByteStrings; the fuzzer's other characters are dropped rather than thrown on. */
const toByteString = (value: string) => value.replace(/[^\x20-\x7e]/g, '');

describe('hostile input at every route', () => {
  it('never gets a 500, always gets the error shape, and never changes a screening', async () => {
    const before = await env.SCREENINGS.getByName('target').seatMap(show);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), segment, segment, fc.option(bodyText), headers, fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', null), async ([method, template], id, code, text, rawHeaders, otherMethod) => {
        const path = template.replace('{id}', encodeURIComponent(id)).replace('{code}', encodeURIComponent(code));
        const verb = otherMethod ?? method;
        const init: RequestInit = {
          method: verb,
          headers: Object.fromEntries(Object.entries(rawHeaders).map(([name, value]) => [name, toByteString(value)])),
          ...(text !== null && verb !== 'GET' ? { body: text } : {}),
        };
        const response = await request(`http://localhost${path}`, init);
        // A sign-out with the member's cookie revokes it: put the member back so later runs reach past the session.
        if (verb === 'DELETE' && path === '/api/session') await env.SEATS.put(kvKey.roster('fuzzed-member'), JSON.stringify({ check: 'not used' }));
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          const payload = (await response.json()) as { error: { code: string; message: string } };
          expect(typeof payload.error.code).toBe('string');
          expect(payload.error.message).toMatch(/\p{Script=Han}/u);
        } else {
          await response.arrayBuffer();
        }
      }),
      { numRuns: 400 },
    );
    const after = await env.SCREENINGS.getByName('target').seatMap(show);
    expect(after.held).toEqual(before.held);
    expect(after.version).toBe(before.version);
  });
});
