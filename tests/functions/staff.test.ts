import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ticketQrPayload } from '../../functions/ticket-signing';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

const started = () => ({
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  releaseAt: new Date(Date.now() - 86_400_000).toISOString(),
  closesAt: new Date(Date.now() + 60_000).toISOString(),
});

async function claimed(request: ReturnType<typeof testApp>['request'], id: string, member: string, seat?: string) {
  const response = await request(`/api/screenings/${id}/claims`, asMember(await sessionCookie(member), json(seat ? { seat } : {})));
  return (await body(response)).ticket;
}

const checkIn = (request: ReturnType<typeof testApp>['request'], id: string, payload: object, headers = staffHeaders()) =>
  request(`/api/staff/screenings/${id}/checkins`, json(payload, headers));

describe('staff check-in', () => {
  it('checks a ticket in once; the second scan says when the first was', async () => {
    const { request } = testApp(screening('door'));
    const ticket = await claimed(request, 'door', 'm1');
    const first = await checkIn(request, 'door', { qr: ticket.qr });
    expect(first.status).toBe(200);
    const valid = await body(first);
    expect(valid.result).toBe('valid');
    const second = await checkIn(request, 'door', { code: ticket.displayCode.toLowerCase() });
    expect(second.status).toBe(409);
    expect((await body(second)).error).toMatchObject({ code: 'already_checked_in', checkedInAt: valid.ticket.checkedInAt });
  });

  it('tells a ticket for another screening and an unknown code apart', async () => {
    const { request } = testApp(screening('hall-a'), screening('hall-b'));
    const ticket = await claimed(request, 'hall-a', 'm1');
    await drainToKv('hall-a');
    expect((await body(await checkIn(request, 'hall-b', { qr: ticket.qr }))).error.code).toBe('wrong_screening');
    expect((await body(await checkIn(request, 'hall-b', { code: ticket.code }))).error.code).toBe('wrong_screening');
    expect((await body(await checkIn(request, 'hall-b', { code: 'ABCD-2345' }))).error.code).toBe('unknown_ticket');
  });

  it('refuses a forged QR payload and a missing or wrong staff token', async () => {
    const { request } = testApp(screening('forged'));
    const ticket = await claimed(request, 'forged', 'm1');
    const forged = await ticketQrPayload('not-our-secret', 'forged', ticket.code);
    expect((await body(await checkIn(request, 'forged', { qr: forged }))).error.code).toBe('invalid_ticket_qr');
    expect((await checkIn(request, 'forged', { code: ticket.code }, {} as never)).status).toBe(401);
    const wrong = await checkIn(request, 'forged', { code: ticket.code }, { Authorization: 'Bearer guess' });
    expect((await body(wrong)).error.code).toBe('staff_unauthorized');
    // Nothing was checked in by any of these.
    expect((await env.SCREENINGS.getByName('forged').stats(screening('forged'))).checkedIn).toBe(0);
  });
});

describe('staff stats, bookings and attendance', () => {
  it('counts capacity, claimed, checked in and no-shows once the screening has started', async () => {
    const show = screening('stats', { hall: plainHall(2, 5), ...started() });
    const { request } = testApp(show);
    const a = await claimed(request, 'stats', 'a');
    await claimed(request, 'stats', 'b');
    await claimed(request, 'stats', 'c');
    await checkIn(request, 'stats', { code: a.code });
    const stats = await body(await request('/api/staff/screenings/stats/stats', { headers: staffHeaders() }));
    expect(stats).toMatchObject({ capacity: 10, claimed: 3, reserved: 0, checkedIn: 1, noShows: 2, available: 7 });
  });

  it('books a seat range for a union, all or nothing, then the rest of the screening', async () => {
    const { request } = testApp(screening('union', { hall: plainHall(2, 5) }));
    await claimed(request, 'union', 'a', '1-3');
    const clash = await request('/api/staff/screenings/union/bookings', json({ union: '港务工会', range: { row: 1, from: 2, to: 4 } }, staffHeaders()));
    expect(clash.status).toBe(409);
    expect((await body(clash)).error).toMatchObject({ code: 'seats_unavailable', seats: ['1-3'] });

    const range = await request('/api/staff/screenings/union/bookings', json({ union: '港务工会', range: { row: 2, from: 1, to: 3 } }, staffHeaders()));
    expect(range.status).toBe(201);
    expect((await body(range)).tickets.map((t: { seat: string }) => t.seat)).toEqual(['2-1', '2-2', '2-3']);

    const rest = await body(await request('/api/staff/screenings/union/bookings', json({ union: '纺织工会' }, staffHeaders())));
    expect(rest.tickets).toHaveLength(6);
    const member = await request('/api/screenings/union/claims', asMember(await sessionCookie('late'), json({})));
    expect((await body(member)).error.code).toBe('sold_out');
  });

  it('exports attendance as CSV for staff only, without member numbers', async () => {
    const { request } = testApp(screening('csv'));
    const ticket = await claimed(request, 'csv', 'member-secret-id', '1-1');
    await checkIn(request, 'csv', { code: ticket.code });
    const response = await request('/api/staff/screenings/csv/attendance.csv', { headers: staffHeaders() });
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const csv = await response.text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('票号,座位,持票人,来源,状态,领票时间,入场时间');
    expect(lines[1]).toMatch(new RegExp(`^${ticket.code},1-1,会员,领票,已入场,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,`));
    expect(csv).not.toContain('member-secret-id');
    expect((await request('/api/staff/screenings/csv/attendance.csv')).status).toBe(401);
  });

  it('accepts the previous staff token during a rotation', async () => {
    const { request } = testApp(screening('rotate'));
    const previous = { Authorization: 'Bearer old-token' };
    const before = await request('/api/staff/screenings/rotate/stats', { headers: previous });
    expect(before.status).toBe(401);
    const rotated = testApp(screening('rotate')).app;
    const response = await rotated.request('/api/staff/screenings/rotate/stats', { headers: previous }, { ...env, STAFF_TOKEN_PREVIOUS: 'old-token' });
    expect(response.status).toBe(200);
  });
});

describe('program totals', () => {
  it('counts screenings shown and people checked in, from the seat store', async () => {
    const shown = screening('shown', started());
    const { request } = testApp(shown, screening('later'));
    const ticket = await claimed(request, 'shown', 'a');
    await checkIn(request, 'shown', { code: ticket.code });
    await drainToKv('shown');
    expect(await body(await request('/api/cinema/totals'))).toEqual({
      screeningsShown: 1,
      bookedScreeningsShown: 0,
      attendance: 1,
      upcomingScreenings: 1,
    });
  });
});
