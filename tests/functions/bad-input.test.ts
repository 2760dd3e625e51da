import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/read-json';
import { SESSION_COOKIE } from '../../functions/session';
import { asMember, body, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

const show = screening('input');
const { request } = testApp(show);

/** The screening object's state, to prove a refused request changed nothing. */
const state = () => env.SCREENINGS.getByName('input').seatMap(show);

describe('bad input never reaches the object and changes nothing', async () => {
  const cookie = await sessionCookie('m1');
  const post = (path: string, bodyText: string, type = 'application/json', extra: Record<string, string> = {}) =>
    request(path, asMember(cookie, { method: 'POST', headers: { 'Content-Type': type, ...extra }, body: bodyText }));

  const cases: [string, () => Promise<Response>, number, string][] = [
    ['malformed JSON', () => post('/api/screenings/input/claims', '{"seat": "1-1"'), 400, 'invalid_json'],
    ['a huge body', () => post('/api/screenings/input/claims', JSON.stringify({ seat: 'x'.repeat(MAX_BODY_BYTES) })), 413, 'body_too_large'],
    [
      'a huge body sent in chunks, with no length declared',
      () => {
        const chunk = new TextEncoder().encode(`{"seat": "${'x'.repeat(1024)}`);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 12; i++) controller.enqueue(chunk);
            controller.close();
          },
        });
        return request('/api/screenings/input/claims', asMember(cookie, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream }));
      },
      413,
      'body_too_large',
    ],
    [
      'a body declaring a length over the limit, refused before it is read',
      () => post('/api/screenings/input/claims', '{}', 'application/json', { 'Content-Length': String(MAX_BODY_BYTES + 1) }),
      413,
      'body_too_large',
    ],
    ['a wrong content type', () => post('/api/screenings/input/claims', 'seat=1-1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
    ['a seat of the wrong type', () => post('/api/screenings/input/claims', '{"seat": 11}'), 400, 'invalid_input'],
    ['an unknown field', () => post('/api/screenings/input/claims', '{"seat": "1-1", "free": true}'), 400, 'invalid_input'],
    ['a seat that is not in the hall', () => post('/api/screenings/input/claims', '{"seat": "99-1"}'), 422, 'seat_unavailable'],
    ['a bad idempotency key', () => post('/api/screenings/input/claims', '{}', 'application/json', { 'Idempotency-Key': 'x' }), 400, 'invalid_input'],
    ['an unknown screening', () => post('/api/screenings/nope/claims', '{}'), 404, 'unknown_screening'],
    ['an unknown screening seat map', () => request('/api/screenings/nope/seats'), 404, 'unknown_screening'],
    ['an unknown screening seat layout', () => request('/api/screenings/nope/layout'), 404, 'unknown_screening'],
    ['an unknown route', () => request('/api/nothing-here'), 404, 'not_found'],
    ['a sign-in with the wrong shape', () => request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"memberNumber": 5}' }), 400, 'invalid_input'],
    ['an unknown ticket code', () => request('/api/screenings/input/tickets/ABCD-2345', asMember(cookie, { method: 'DELETE' })), 404, 'unknown_ticket'],
    ['a malformed ticket code', () => request('/api/tickets/%3Cscript%3E', asMember(cookie, { method: 'DELETE' })), 404, 'unknown_ticket'],
    [
      'a forged cookie',
      () => request('/api/screenings/input/claims', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=m1.9999999999999.Zm9yZ2Vk` }, body: '{}' }),
      401,
      'not_signed_in',
    ],
    [
      'a cookie signed with another secret',
      () =>
        request('/api/screenings/input/claims', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=m1.9999999999999.${btoa('x'.repeat(32))}` },
          body: '{}',
        }),
      401,
      'not_signed_in',
    ],
    [
      'a forged QR payload',
      () => request('/api/staff/screenings/input/checkins', { method: 'POST', headers: { 'Content-Type': 'application/json', ...staffHeaders() }, body: '{"qr": "HG1.input.ABCD2345.AAAAAAAAAAAAAAAAAAAAAA"}' }),
      400,
      'invalid_ticket_qr',
    ],
    ['a booking without a union', () => request('/api/staff/screenings/input/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json', ...staffHeaders() }, body: '{}' }), 400, 'invalid_input'],
  ];

  it.each(cases)('%s is refused with its code', async (_, send, status, code) => {
    const before = await state();
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    const { error } = await body(response);
    expect(error.code).toBe(code);
    expect(typeof error.message).toBe('string');
    expect(error.message).toMatch(/\p{Script=Han}/u);
    const after = await state();
    expect(after.held).toEqual(before.held);
    expect(after.version).toBe(before.version);
  });
});
