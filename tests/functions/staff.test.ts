import { env } from 'cloudflare:test';
// The browser build, as the Worker uses for csv-stringify: the default one needs Node's Buffer.
import { parse } from 'csv-parse/browser/esm/sync';
import { describe, expect, it } from 'vitest';
import { ticketQrPayload } from '../../functions/ticket-signing';
import { asMember, body, drainToKv, enrol, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

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

  it('names the screening a ticket from another screening is for, so the door can send its holder there', async () => {
    const other = screening('evening');
    const { request } = testApp(other, screening('matinee'));
    const ticket = await claimed(request, 'evening', 'm1');
    await drainToKv('evening');
    const named = { ticketScreeningId: 'evening', ticketScreening: { id: 'evening', film: other.film.title, startsAt: other.startsAt, hall: other.hall.name } };
    expect((await body(await checkIn(request, 'matinee', { qr: ticket.qr }))).error).toMatchObject({ code: 'wrong_screening', ...named });
    expect((await body(await checkIn(request, 'matinee', { code: ticket.code }))).error).toMatchObject({ code: 'wrong_screening', ...named });
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

  it('books a seat listed twice once, and reads "01-2" as seat 1-2', async () => {
    const { request } = testApp(screening('twice', { hall: plainHall(2, 5) }));
    const response = await request('/api/staff/screenings/twice/bookings', json({ union: '港务工会', seats: ['1-1', '1-1', '01-2', '1-2'] }, staffHeaders()));
    expect(response.status).toBe(201);
    expect((await body(response)).tickets.map((t: { seat: string }) => t.seat)).toEqual(['1-1', '1-2']);
  });

  it('refuses a range past the end of its row, or in a row the hall lacks, before building it', async () => {
    const { request } = testApp(screening('huge', { hall: plainHall(2, 5) }));
    const book = (range: object) => request('/api/staff/screenings/huge/bookings', json({ union: '港务工会', range }, staffHeaders()));
    const huge = await book({ row: 1, from: 1, to: 2 ** 32 });
    expect(huge.status).toBe(422);
    expect((await body(huge)).error).toMatchObject({ code: 'range_outside_hall', row: 1, rowSeats: 5 });
    expect((await body(await book({ row: 1, from: 4, to: 6 }))).error).toMatchObject({ code: 'range_outside_hall', rowSeats: 5 });
    expect((await body(await book({ row: 3, from: 1, to: 2 }))).error).toMatchObject({ code: 'range_outside_hall', row: 3, rowSeats: 0 });
    expect((await env.SCREENINGS.getByName('huge').stats(screening('huge', { hall: plainHall(2, 5) }))).reserved).toBe(0);
  });

  it('refuses listed seats the hall does not have or never releases, naming them', async () => {
    const hall = plainHall(1, 4);
    hall.rows[0]!.blocked = [4];
    const { request } = testApp(screening('odd-seats', { hall }));
    const response = await request('/api/staff/screenings/odd-seats/bookings', json({ union: '港务工会', seats: ['1-1', '1-4', '1-9', '7-1'] }, staffHeaders()));
    expect(response.status).toBe(422);
    expect((await body(response)).error).toMatchObject({ code: 'seats_not_bookable', seats: ['1-4', '1-9', '7-1'] });
  });

  it('refuses to book a screening the programme already books whole for a union', async () => {
    const { request } = testApp(screening('whole', { booking: { union: '铁路工会' } }));
    const response = await request('/api/staff/screenings/whole/bookings', json({ union: '港务工会' }, staffHeaders()));
    expect(response.status).toBe(409);
    expect((await body(response)).error).toMatchObject({ code: 'screening_booked_whole', union: '铁路工会' });
    expect((await env.SCREENINGS.getByName('whole').stats(screening('whole'))).reserved).toBe(0);
  });

  it('books ahead of the release, as unions book early', async () => {
    const { request } = testApp(screening('ahead', { releaseAt: new Date(Date.now() + 86_400_000).toISOString() }));
    const response = await request('/api/staff/screenings/ahead/bookings', json({ union: '港务工会', seats: ['2-2'] }, staffHeaders()));
    expect(response.status).toBe(201);
  });

  it('exports union names that look like formulas as text, without control characters', async () => {
    const show = screening('formulas', { hall: plainHall(2, 5) });
    const { request } = testApp(show);
    const names = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];
    for (const [i, union] of names.entries()) {
      const booked = await request('/api/staff/screenings/formulas/bookings', json({ union, seats: [`${1 + Math.floor(i / 5)}-${1 + (i % 5)}`] }, staffHeaders()));
      expect(booked.status).toBe(201);
    }
    // Control characters are refused at booking now; one booked before that rule still reaches the export.
    expect((await env.SCREENINGS.getByName('formulas').book(show, { union: '工会\u0000名\u0007称', seats: ['2-2'] })).ok).toBe(true);
    const csv = await (await request('/api/staff/screenings/formulas/attendance.csv', { headers: staffHeaders() })).text();
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const holders = (parse(csv.replace(/^\uFEFF/, '')) as string[][]).slice(1).map((row) => row[2]);
    // Every cell a spreadsheet would read as a formula starts with a quote mark instead.
    expect(holders).toEqual(['\'=HYPERLINK("http://evil.example","点我")', "'+1+1", "'-2+3", "'@SUM(A1)", "'=1+1", "'=1+1", '工会名称']);
  });

  it('refuses a union name with control characters, booking nothing', async () => {
    const { request } = testApp(screening('union-name', { hall: plainHall(1, 3) }));
    for (const union of ['港务\u0000工会', '港务\n工会', '港务\t工会']) {
      const refused = await request('/api/staff/screenings/union-name/bookings', json({ union, seats: ['1-1'] }, staffHeaders()));
      expect(refused.status).toBe(400);
      expect((await refused.json<{ error: { code: string } }>()).error.code).toBe('invalid_input');
    }
    expect((await env.SCREENINGS.getByName('union-name').tickets(screening('union-name', { hall: plainHall(1, 3) })))).toEqual([]);
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

  it("exports a screening's tickets, check-ins and waitlist as JSON for staff only, with keyed member ids and no member numbers", async () => {
    const { request } = testApp(screening('backup', { hall: plainHall(1, 2) }));
    const holder = await enrol('EXPORT0001', '1234');
    const ticket = await claimed(request, 'backup', holder, '1-1');
    await claimed(request, 'backup', 'backup-second', '1-2');
    await checkIn(request, 'backup', { code: ticket.code });
    const waiting = await request('/api/screenings/backup/waitlist', asMember(await sessionCookie('backup-waiting'), json({})));
    expect(waiting.status).toBe(201);

    const response = await request('/api/staff/screenings/backup/export.json', { headers: staffHeaders() });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    const exported = JSON.parse(text);
    expect(exported).toMatchObject({ screeningId: 'backup', startsAt: expect.any(String), exportedAt: expect.any(String) });
    expect(exported.tickets).toEqual(await env.SCREENINGS.getByName('backup').tickets(screening('backup')));
    expect(exported.tickets.find((t: { code: string }) => t.code === ticket.code)).toMatchObject({ memberId: holder, seat: '1-1', checkedInAt: expect.any(String) });
    expect(exported.waitlist).toEqual([{ position: 1, memberId: 'backup-waiting', joinedAt: expect.any(String) }]);
    // Members appear by their keyed hash (what KV is keyed by), never by member number.
    expect(text).not.toContain('EXPORT0001');
    expect((await request('/api/staff/screenings/backup/export.json')).status).toBe(401);
  });
});

describe('point-in-time restore of a screening', () => {
  const restore = (request: ReturnType<typeof testApp>['request'], id: string, payload: object, headers: Record<string, string> = staffHeaders('admin')) =>
    request(`/api/staff/screenings/${id}/restore`, json(payload, headers));

  it('refuses a restore point that is not a past time within 30 days, for staff only', async () => {
    const { request } = testApp(screening('when'));
    const code = async (payload: object) => (await body(await restore(request, 'when', payload))).error.code;
    expect(await code({ at: 'yesterday' })).toBe('invalid_input');
    expect(await code({ at: new Date(Date.now() + 60_000).toISOString() })).toBe('invalid_restore_point');
    expect(await code({ at: new Date(Date.now() - 31 * 86_400_000).toISOString() })).toBe('invalid_restore_point');
    expect((await restore(request, 'when', { at: new Date(Date.now() - 60_000).toISOString() }, {})).status).toBe(401);
  });

  it('says so where storage keeps no history (local workerd), and leaves the screening as it was', async () => {
    const { request } = testApp(screening('nohistory'));
    const ticket = await claimed(request, 'nohistory', 'history-1');
    const response = await restore(request, 'nohistory', { at: new Date(Date.now() - 60_000).toISOString() });
    expect(response.status).toBe(501);
    expect((await body(response)).error.code).toBe('restore_unsupported');
    const tickets = await env.SCREENINGS.getByName('nohistory').tickets(screening('nohistory'));
    expect(tickets.map((t) => [t.code, t.status])).toEqual([[ticket.code, 'active']]);
    expect(await claimed(request, 'nohistory', 'history-2')).toMatchObject({ status: 'active' });
  });
});

describe('staff cancel of a booking', () => {
  const cancel = (request: ReturnType<typeof testApp>['request'], id: string, payload: object) =>
    request(`/api/staff/screenings/${id}/bookings`, { ...json(payload, staffHeaders()), method: 'DELETE' });

  it("releases all of a union's seats, or the chosen ones, and lists them", async () => {
    const { request } = testApp(screening('undo', { hall: plainHall(2, 5) }));
    await request('/api/staff/screenings/undo/bookings', json({ union: '港务工会', range: { row: 1, from: 1, to: 4 } }, staffHeaders()));
    await request('/api/staff/screenings/undo/bookings', json({ union: '纺织工会', seats: ['2-1'] }, staffHeaders()));

    const chosen = await cancel(request, 'undo', { union: '港务工会', seats: ['1-2', '1-2', '1-3'] });
    expect(chosen.status).toBe(200);
    expect(await body(chosen)).toEqual({ union: '港务工会', released: ['1-2', '1-3'], promoted: [] });

    const rest = await body(await cancel(request, 'undo', { union: '港务工会' }));
    expect(rest.released).toEqual(['1-1', '1-4']);
    const map = await env.SCREENINGS.getByName('undo').seatMap(screening('undo', { hall: plainHall(2, 5) }));
    expect(map.held).toEqual({ '2-1': 'r' });
  });

  it("refuses seats the union does not hold and a union with no booking, releasing nothing", async () => {
    const { request } = testApp(screening('undo-wrong', { hall: plainHall(2, 5) }));
    await request('/api/staff/screenings/undo-wrong/bookings', json({ union: '港务工会', seats: ['1-1', '1-2'] }, staffHeaders()));
    const member = await claimed(request, 'undo-wrong', 'm1', '2-2');
    const wrong = await cancel(request, 'undo-wrong', { union: '港务工会', seats: ['1-1', member.seat] });
    expect(wrong.status).toBe(404);
    expect((await body(wrong)).error).toMatchObject({ code: 'booking_not_found', seats: ['2-2'] });
    expect((await body(await cancel(request, 'undo-wrong', { union: '纺织工会' }))).error).toMatchObject({ code: 'booking_not_found' });
    const map = await env.SCREENINGS.getByName('undo-wrong').seatMap(screening('undo-wrong', { hall: plainHall(2, 5) }));
    expect(map.held).toEqual({ '1-1': 'r', '1-2': 'r', '2-2': 't' });
  });

  it('gives freed seats to the waitlist first, as a member cancellation does', async () => {
    const { request } = testApp(screening('undo-wait', { hall: plainHall(1, 3) }));
    await request('/api/staff/screenings/undo-wait/bookings', json({ union: '港务工会', seats: ['1-1', '1-2'] }, staffHeaders()));
    await claimed(request, 'undo-wait', 'a');
    const waiting = await sessionCookie('b');
    expect((await request('/api/screenings/undo-wait/waitlist', asMember(waiting, { method: 'POST' }))).status).toBe(201);

    const released = await body(await cancel(request, 'undo-wait', { union: '港务工会' }));
    expect(released).toEqual({ union: '港务工会', released: ['1-1', '1-2'], promoted: ['1-1'] });
    await drainToKv('undo-wait');
    const mine = await body(await request('/api/me/tickets', asMember(waiting)));
    expect(mine.tickets).toEqual([expect.objectContaining({ seat: '1-1', status: 'active' })]);
  });

  it('refuses once claims have closed, and checked-in seats', async () => {
    const { request } = testApp(screening('undo-late', { hall: plainHall(1, 3), closesAt: new Date(Date.now() - 60_000).toISOString() }));
    const late = await cancel(request, 'undo-late', { union: '港务工会' });
    expect((await body(late)).error.code).toBe('window_closed');

    const { request: open } = testApp(screening('undo-in', { hall: plainHall(1, 3) }));
    const booked = await body(await open('/api/staff/screenings/undo-in/bookings', json({ union: '港务工会', seats: ['1-1', '1-2'] }, staffHeaders())));
    await checkIn(open, 'undo-in', { code: booked.tickets[0].code });
    const inside = await cancel(open, 'undo-in', { union: '港务工会' });
    expect(inside.status).toBe(409);
    expect((await body(inside)).error).toMatchObject({ code: 'already_checked_in', seats: ['1-1'] });
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
