import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import type { ScreeningObject } from '../../functions/screening-object';
import { reconcileLocalTickets, ticketsToShow } from '../../src/cinema/my-tickets';
import { kvKey, readSeatMap, readTicket, type SeatMapSnapshot } from '../../functions/seat-store';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

const claim = (cookie: string, seat?: string, headers: Record<string, string> = {}) =>
  asMember(cookie, json(seat ? { seat } : {}, headers));

describe('the noon rush', () => {
  it('1,000 members claiming 120 seats at once get exactly 120 tickets on 120 seats, and KV holds the same', async () => {
    const show = screening('rush', { hall: plainHall(10, 12) });
    const { request } = testApp(show);
    const cookies = await Promise.all(Array.from({ length: 1000 }, (_, i) => sessionCookie(`rush-member-${i}`)));

    const responses = await Promise.all(
      cookies.map((cookie, i) => request('/api/screenings/rush/claims', claim(cookie, i % 2 ? '5-6' : undefined))),
    );
    const results = await Promise.all(responses.map((r) => body(r)));
    const tickets = results.filter((_, i) => responses[i]!.status === 201).map((r) => r.ticket);
    const refusals = results.filter((_, i) => responses[i]!.status !== 201).map((r) => r.error.code);

    expect(tickets).toHaveLength(120);
    expect(new Set(tickets.map((t) => t.seat)).size).toBe(120);
    expect(new Set(tickets.map((t) => t.code)).size).toBe(120);
    // Those who asked for 5-6 after it went were offered other seats until none were left.
    expect(refusals.filter((code) => code === 'sold_out').length + refusals.filter((code) => code === 'seat_taken').length).toBe(880);
    expect(refusals.every((code) => code === 'sold_out' || code === 'seat_taken')).toBe(true);

    await drainToKv('rush');
    const snapshot = (await readSeatMap(env.SEATS, 'rush'))!;
    expect(Object.keys(snapshot.held).sort()).toEqual(tickets.map((t) => t.seat).sort());
    expect(snapshot.available).toBe(0);
    for (const ticket of tickets) {
      expect(await readTicket(env.SEATS, ticket.code)).toMatchObject({ seat: ticket.seat, status: 'active', screeningId: 'rush' });
    }
  });

  it('200 claims at once from one member give one ticket (the rest refused or rate limited)', async () => {
    const { request } = testApp(screening('one-member'));
    const cookie = await sessionCookie('greedy');
    const responses = await Promise.all(Array.from({ length: 200 }, () => request('/api/screenings/one-member/claims', claim(cookie))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const refusals = await Promise.all(responses.filter((r) => r.status !== 201).map((r) => body(r)));
    const codes = refusals.map((r) => r.error.code);
    expect(codes.every((code) => code === 'already_holds_ticket' || code === 'rate_limited')).toBe(true);
    expect(codes.filter((code) => code === 'rate_limited').length).toBeGreaterThan(0);
    // A refusal from the object hands back the ticket the member holds.
    const winner = await body(responses.find((r) => r.status === 201)!);
    expect(refusals.find((r) => r.error.code === 'already_holds_ticket').error.ticket.code).toBe(winner.ticket.code);
  });
});

describe('claims', () => {
  it('gives the chosen seat, with a code and a signed QR payload', async () => {
    const { request } = testApp(screening('chosen'));
    const response = await request('/api/screenings/chosen/claims', claim(await sessionCookie('m1'), '2-3'));
    expect(response.status).toBe(201);
    const { ticket } = await body(response);
    expect(ticket).toMatchObject({ seat: '2-3', seatLabel: '2排3号', status: 'active', source: 'claim' });
    expect(ticket.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(ticket.displayCode).toBe(`${ticket.code.slice(0, 4)}-${ticket.code.slice(4)}`);
    expect(ticket.qr).toMatch(new RegExp(`^HG2\\.chosen\\.${ticket.code}\\.[\\w-]{86}$`));
    expect(ticket).not.toHaveProperty('memberId');
  });

  it('returns the same ticket for a retried request with the same idempotency key', async () => {
    const { request } = testApp(screening('retry'));
    const cookie = await sessionCookie('m1');
    const key = { 'Idempotency-Key': 'claim-0001-abcdef' };
    const first = await request('/api/screenings/retry/claims', claim(cookie, undefined, key));
    const second = await request('/api/screenings/retry/claims', claim(cookie, undefined, key));
    expect([first.status, second.status]).toEqual([201, 200]);
    expect((await body(second)).ticket.code).toBe((await body(first)).ticket.code);
  });

  it('refuses a retry whose ticket has since been cancelled, with that ticket, rather than announce it again', async () => {
    const { request } = testApp(screening('retry-cancelled'));
    const cookie = await sessionCookie('m1');
    const key = { 'Idempotency-Key': 'claim-cancel-0001' };
    const { ticket } = await body(await request('/api/screenings/retry-cancelled/claims', claim(cookie, '1-1', key)));
    await request(`/api/screenings/retry-cancelled/tickets/${ticket.code}`, asMember(cookie, { method: 'DELETE' }));
    const retry = await request('/api/screenings/retry-cancelled/claims', claim(cookie, '1-1', key));
    expect(retry.status).toBe(409);
    expect((await body(retry)).error).toMatchObject({
      code: 'claim_cancelled',
      message: '这次领到的票已经退了；如需再领，请重新领票',
      ticket: { code: ticket.code, status: 'cancelled' },
    });
  });

  it('suggests the nearest free seats when the seat is taken', async () => {
    const { request } = testApp(screening('taken'));
    await request('/api/screenings/taken/claims', claim(await sessionCookie('a'), '2-2'));
    const response = await request('/api/screenings/taken/claims', claim(await sessionCookie('b'), '2-2'));
    expect(response.status).toBe(409);
    expect((await body(response)).error).toMatchObject({ code: 'seat_taken', suggestions: ['2-1', '2-3', '1-2', '3-2'] });
  });

  it('refuses before the release with the opening time, and after the close', async () => {
    const opensAt = new Date(Date.now() + 60_000).toISOString();
    const { request } = testApp(
      screening('early', { releaseAt: opensAt }),
      screening('late', { closesAt: new Date(Date.now() - 1).toISOString() }),
    );
    const cookie = await sessionCookie('m1');
    const early = await request('/api/screenings/early/claims', claim(cookie));
    expect(early.status).toBe(409);
    expect((await body(early)).error).toMatchObject({ code: 'window_not_open', opensAt, message: '还没到放票时间' });
    const late = await request('/api/screenings/late/claims', claim(cookie));
    expect((await body(late)).error.code).toBe('window_closed');
  });

  it('gives a retry whose answer was lost just before claims closed its ticket after the close', async () => {
    const closesAt = Date.now() + 60_000;
    const show = screening('last-second', { closesAt: new Date(closesAt).toISOString(), startsAt: new Date(closesAt + 3_600_000).toISOString() });
    const { request } = testApp(show);
    const cookie = await sessionCookie('last-second-a', closesAt + 86_400_000);
    const key = { 'Idempotency-Key': 'last-second-key-1' };
    const won = await request('/api/screenings/last-second/claims', claim(cookie, undefined, key));
    expect(won.status).toBe(201); // …and the answer is lost on the way
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(closesAt + 1_000);
    try {
      const retry = await request('/api/screenings/last-second/claims', claim(cookie, undefined, key));
      expect(retry.status).toBe(200);
      expect((await body(retry)).ticket.code).toBe((await body(won)).ticket.code);
      // A key that got nothing is told the claims have closed, by the object.
      const fresh = await request('/api/screenings/last-second/claims', claim(await sessionCookie('last-second-b', closesAt + 86_400_000), undefined, { 'Idempotency-Key': 'last-second-key-2' }));
      expect((await body(fresh)).error.code).toBe('window_closed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a screening booked whole by a grassroots union', async () => {
    const { request } = testApp(screening('booked', { booking: { union: '某基层工会' } }));
    const response = await request('/api/screenings/booked/claims', claim(await sessionCookie('m1')));
    expect((await body(response)).error.code).toBe('screening_booked');
  });

  it('the object enforces the window itself, whoever calls it', async () => {
    const show = screening('direct', { releaseAt: new Date(Date.now() + 60_000).toISOString() });
    const outcome = await env.SCREENINGS.getByName('direct').claim(show, { memberId: 'm1' });
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'window_not_open' } });
  });
});

describe('cancelling and the waitlist', () => {
  it('cancel frees the seat for another member', async () => {
    const { request } = testApp(screening('cancel'));
    const [a, b] = [await sessionCookie('a'), await sessionCookie('b')];
    const { ticket } = await body(await request('/api/screenings/cancel/claims', claim(a, '1-1')));
    const cancelled = await request(`/api/screenings/cancel/tickets/${ticket.code}`, asMember(a, { method: 'DELETE' }));
    expect(cancelled.status).toBe(200);
    expect((await body(cancelled)).ticket.status).toBe('cancelled');
    const again = await request(`/api/screenings/cancel/tickets/${ticket.code}`, asMember(a, { method: 'DELETE' }));
    expect((await body(again)).error.code).toBe('already_cancelled');
    const reclaim = await request('/api/screenings/cancel/claims', claim(b, '1-1'));
    expect(reclaim.status).toBe(201);
  });

  it("a member cannot cancel someone else's ticket", async () => {
    const { request } = testApp(screening('theirs'));
    const { ticket } = await body(await request('/api/screenings/theirs/claims', claim(await sessionCookie('a'))));
    const response = await request(`/api/screenings/theirs/tickets/${ticket.code}`, asMember(await sessionCookie('b'), { method: 'DELETE' }));
    expect((await body(response)).error.code).toBe('unknown_ticket');
  });

  it('a freed seat goes to the head of the waitlist, who finds it in their tickets', async () => {
    const show = screening('wait', { hall: plainHall(1, 2) });
    const { request } = testApp(show);
    const [a, b, c, d] = await Promise.all(['a', 'b', 'c', 'd'].map((id) => sessionCookie(id)));
    const { ticket } = await body(await request('/api/screenings/wait/claims', claim(a)));
    await request('/api/screenings/wait/claims', claim(b));
    expect((await body(await request('/api/screenings/wait/claims', claim(c)))).error.code).toBe('sold_out');

    const joinC = await request('/api/screenings/wait/waitlist', asMember(c, { method: 'POST' }));
    const joinD = await request('/api/screenings/wait/waitlist', asMember(d, { method: 'POST' }));
    expect([(await body(joinC)).waitlist.position, (await body(joinD)).waitlist.position]).toEqual([1, 2]);

    const cancelled = await body(await request(`/api/screenings/wait/tickets/${ticket.code}`, asMember(a, { method: 'DELETE' })));
    expect(cancelled.ticket.status).toBe('cancelled');

    await drainToKv('wait');
    const mine = await body(await request('/api/me/tickets', asMember(c)));
    expect(mine.tickets).toEqual([expect.objectContaining({ seat: ticket.seat, status: 'active' })]);
    expect(mine.waitlist).toEqual([]);
    const theirs = await body(await request('/api/me/tickets', asMember(d)));
    expect(theirs.waitlist).toEqual([expect.objectContaining({ screeningId: 'wait' })]);
  });

  it("lists a waitlist place with its screening's closing time, and no more once claims have closed", async () => {
    const open = screening('wait-ends', { hall: plainHall(1, 1) });
    const [a, b] = await Promise.all([sessionCookie('a'), sessionCookie('b')]);
    const { request } = testApp(open);
    await request('/api/screenings/wait-ends/claims', claim(a));
    expect((await request('/api/screenings/wait-ends/waitlist', asMember(b, { method: 'POST' }))).status).toBe(201);
    await drainToKv('wait-ends');
    const before = await body(await request('/api/me/tickets', asMember(b)));
    expect(before.waitlist).toEqual([expect.objectContaining({ screeningId: 'wait-ends', closesAt: open.closesAt })]);

    // The same screening, its claims closed a minute ago: nobody can be promoted from its waitlist now.
    const closed = { ...open, startsAt: new Date(Date.now() + 59 * 60_000).toISOString(), closesAt: new Date(Date.now() - 60_000).toISOString() };
    const after = await body(await testApp(closed).request('/api/me/tickets', asMember(b)));
    expect(after.waitlist).toEqual([]);
  });

  it('lists each ticket with its claim, cancel and check-in times, as the page needs to retire its own copies', async () => {
    const { request } = testApp(screening('two-phones'));
    const cookie = await sessionCookie('two-phones-a');
    // Phone A claims and keeps the answer's ticket as its own copy.
    const { ticket: t1 } = await body(await request('/api/screenings/two-phones/claims', claim(cookie, undefined, { 'Idempotency-Key': 'phone-a-claim-1' })));
    // Phone B cancels it and claims another seat.
    expect((await request(`/api/screenings/two-phones/tickets/${t1.code}`, asMember(cookie, { method: 'DELETE' }))).status).toBe(200);
    const { ticket: t2 } = await body(await request('/api/screenings/two-phones/claims', claim(cookie, undefined, { 'Idempotency-Key': 'phone-b-claim-1' })));
    await drainToKv('two-phones');
    // Phone A reloads 我的票: its copy of the cancelled ticket goes, the new one shows.
    const { tickets: server } = await body(await request('/api/me/tickets', asMember(cookie)));
    expect(server).toEqual([expect.objectContaining({ code: t2.code, claimedAt: t2.claimedAt })]);
    const local = reconcileLocalTickets(server, new Map([[t1.code, t1]]));
    expect([...local.keys()]).toEqual([]);
    expect(ticketsToShow(server, local, Date.now()).map((t) => t.code)).toEqual([t2.code]);
  });

  it('lists a cancelled or checked-in ticket with when that happened', async () => {
    const { request } = testApp(screening('ticket-times'));
    const [a, b] = [await sessionCookie('a'), await sessionCookie('b')];
    const { ticket: cancelled } = await body(await request('/api/screenings/ticket-times/claims', claim(a)));
    const { ticket: used } = await body(await request('/api/screenings/ticket-times/claims', claim(b)));
    await request(`/api/screenings/ticket-times/tickets/${cancelled.code}`, asMember(a, { method: 'DELETE' }));
    expect((await request('/api/staff/screenings/ticket-times/checkins', json({ code: used.code }, staffHeaders()))).status).toBe(200);
    await drainToKv('ticket-times');
    const [mine] = (await body(await request('/api/me/tickets', asMember(a)))).tickets;
    expect(mine).toMatchObject({ code: cancelled.code, status: 'cancelled', claimedAt: cancelled.claimedAt, cancelledAt: expect.any(String) });
    const [theirs] = (await body(await request('/api/me/tickets', asMember(b)))).tickets;
    expect(theirs).toMatchObject({ code: used.code, status: 'active', claimedAt: used.claimedAt, checkedInAt: expect.any(String) });
  });

  it('refuses the waitlist while seats are free', async () => {
    const { request } = testApp(screening('free-seats'));
    const response = await request('/api/screenings/free-seats/waitlist', asMember(await sessionCookie('a'), { method: 'POST' }));
    expect((await body(response)).error.code).toBe('seats_available');
  });
});

describe('write-through to KV', () => {
  it('a claim succeeds while KV fails, and KV converges when it recovers', async () => {
    const { request } = testApp(screening('kv-down'));
    const stub = env.SCREENINGS.getByName('kv-down');
    let failing = true;
    await runInDurableObject(stub, (instance: ScreeningObject) => {
      const real = instance.kv;
      instance.kv = {
        put: (...args: Parameters<KVNamespace['put']>) => (failing ? Promise.reject(new Error('KV is down')) : real.put(...args)),
        delete: (key: string) => (failing ? Promise.reject(new Error('KV is down')) : real.delete(key)),
      };
    });
    const response = await request('/api/screenings/kv-down/claims', claim(await sessionCookie('m1'), '3-4'));
    expect(response.status).toBe(201);
    const { ticket } = await body(response);

    await runDurableObjectAlarm(stub);
    expect(await stub.synced()).toBe(false);
    expect(await env.SEATS.get(kvKey.ticket(ticket.code))).toBeNull();

    failing = false;
    await drainToKv('kv-down');
    expect(await readTicket(env.SEATS, ticket.code)).toMatchObject({ seat: '3-4' });
    const snapshot = (await readSeatMap(env.SEATS, 'kv-down')) as SeatMapSnapshot;
    expect(snapshot.held).toEqual({ '3-4': 't' });
  });

  it('the seat statuses read from KV show a claimed seat as taken, in the layout’s order', async () => {
    const { request } = testApp(screening('map'));
    await request('/api/screenings/map/claims', claim(await sessionCookie('m1'), '1-2'));
    await drainToKv('map');
    const layout = await body(await request('/api/screenings/map/layout'));
    const ids = layout.rows.flatMap((row: { seats: { id: string }[] }) => row.seats.map((seat) => seat.id));
    expect(ids.slice(0, 5)).toEqual(['1-1', '1-2', '1-3', '1-4', '2-1']);
    const map = await body(await request('/api/screenings/map/seats'));
    expect(map.statuses).toHaveLength(ids.length);
    expect(map.statuses[ids.indexOf('1-2')]).toBe('t');
    expect(map.statuses.replace(/t/, '')).toBe('f'.repeat(11));
    expect(map.available).toBe(11);
  });
});
