import { abortAllDurableObjects, env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueScreening } from '../../functions/catalogue';
import type { ScreeningObject } from '../../functions/screening-object';
import { verifyDraw } from '../../src/cinema/draw-verification';
import { drawOrder, lotteryEntrant } from '../../src/cinema/lottery-draw';
import { seedCommitment } from '../../src/cinema/noon-queue';
import { asMember, body, json, plainHall, screening, sessionCookie, testApp } from './helpers/cinema';

const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

/** A lottery screening whose entries are open: released an hour ago, drawn in 30 minutes. */
const lotteryShow = (id: string, rows = 1, perRow = 4, over: Partial<CatalogueScreening> = {}) =>
  screening(id, { hall: plainHall(rows, perRow), allocation: 'lottery', drawAt: new Date(Date.now() + 30 * MINUTE).toISOString(), ...over });

const atDraw = (show: { drawAt?: string }) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse(show.drawAt!) + 1);
};

/** Every active ticket per holder (member or the member who brought a guest), from SQLite. */
const activeTickets = (stub: DurableObjectStub<ScreeningObject>) =>
  runInDurableObject(stub, (_instance: ScreeningObject, state) =>
    state.storage.sql
      .exec<{ member_id: string | null; guest_of: string | null; seat: string; source: string }>(
        "SELECT member_id, guest_of, seat, source FROM tickets WHERE status = 'active'",
      )
      .toArray(),
  );

describe('the lottery routes', () => {
  it('refuse before the release, enter idempotently, publish the commitment, and after the draw the tickets and the seed', async () => {
    const early = lotteryShow('lot-early', 1, 4, { releaseAt: new Date(Date.now() + 60 * MINUTE).toISOString(), drawAt: new Date(Date.now() + 90 * MINUTE).toISOString() });
    const show = lotteryShow('lot-route');
    const firstCome = screening('lot-first-come');
    const { request } = testApp(early, show, firstCome);
    const cookie = await sessionCookie('lot-route-member');

    const tooEarly = await request('/api/screenings/lot-early/lottery', asMember(cookie, json({})));
    expect(await body(tooEarly)).toMatchObject({ error: { code: 'lottery_not_open', opensAt: early.releaseAt } });
    expect(tooEarly.status).toBe(409);
    expect(await body(await request('/api/screenings/lot-first-come/lottery', asMember(cookie, json({}))))).toMatchObject({ error: { code: 'not_lottery' } });
    expect(await body(await request('/api/screenings/lot-route/lottery', asMember(cookie, json({ seats: 3 }))))).toMatchObject({ error: { code: 'invalid_input' } });

    const entered = await request('/api/screenings/lot-route/lottery', asMember(cookie, json({ seats: 2 })));
    expect(entered.status).toBe(201);
    const { lottery } = await body(entered);
    const entrant = await lotteryEntrant('lot-route', 'lot-route-member');
    expect(lottery).toMatchObject({ screeningId: 'lot-route', state: 'open', opensAt: show.releaseAt, drawAt: show.drawAt, entry: { seats: 2, weight: 1, entrant } });
    expect(lottery.commitment).toMatch(/^[0-9a-f]{64}$/);
    // The same entry again is the same entry; a change keeps its time.
    const again = await request('/api/screenings/lot-route/lottery', asMember(cookie, json({ seats: 2 })));
    expect(again.status).toBe(200);
    const changed = await body(await request('/api/screenings/lot-route/lottery', asMember(cookie, json({ seats: 1 }))));
    expect(changed.lottery.entry).toEqual({ ...lottery.entry, seats: 1 });
    await request('/api/screenings/lot-route/lottery', asMember(cookie, json({ seats: 2 })));

    const sealed = await request('/api/screenings/lot-route/draw');
    expect(sealed.headers.get('Cache-Control')).toBe('public, max-age=5');
    const { draw: open } = await body(sealed);
    expect(open).toMatchObject({ screeningId: 'lot-route', state: 'open', commitment: lottery.commitment });
    expect(open).not.toHaveProperty('seed');
    expect(open).not.toHaveProperty('entries');

    // Before the draw: no claim, no waitlist place, no noon queue.
    expect(await body(await request('/api/screenings/lot-route/claims', asMember(cookie, { method: 'POST' })))).toMatchObject({
      error: { code: 'lottery_not_drawn', drawAt: show.drawAt },
    });
    expect(await body(await request('/api/screenings/lot-route/waitlist', asMember(cookie, { method: 'POST' })))).toMatchObject({ error: { code: 'lottery_not_drawn' } });
    expect(await body(await request('/api/screenings/lot-route/queue', asMember(cookie, json({}))))).toMatchObject({ error: { code: 'not_first_come' } });

    atDraw(show);
    // No alarm ran: the status read draws first.
    const after = await body(await request('/api/screenings/lot-route/lottery', asMember(cookie)));
    expect(after.lottery).toMatchObject({ state: 'drawn', outcome: { result: 'won' } });
    const tickets = after.lottery.outcome.tickets;
    expect(tickets.map((ticket: { seat: string }) => ticket.seat)).toEqual(['1-2', '1-3']);
    expect(tickets.every((ticket: { qr: string; source: string }) => ticket.qr && ticket.source === 'lottery')).toBe(true);

    const { draw } = await body(await request('/api/screenings/lot-route/draw'));
    expect(await seedCommitment(draw.seed)).toBe(lottery.commitment);
    expect(draw).toMatchObject({ state: 'drawn', seatsOffered: 4, entries: [{ entrant, weight: 1, seats: 2 }], order: [entrant], winners: [entrant], passedOver: [] });
    expect(draw.method).toContain('Efraimidis');
    expect(JSON.stringify(draw)).not.toContain('lot-route-member');

    expect(await body(await request('/api/screenings/lot-route/lottery', asMember(cookie, json({}))))).toMatchObject({ error: { code: 'lottery_closed', drawAt: show.drawAt } });
    expect(await body(await request('/api/screenings/lot-route/lottery', asMember(cookie, { method: 'DELETE' })))).toMatchObject({ error: { code: 'lottery_closed' } });
    expect(await body(await request('/api/screenings/lot-route/claims', asMember(cookie, { method: 'POST' })))).toMatchObject({ error: { code: 'already_holds_ticket' } });
  });

  it('withdraws an entry, twice without harm', async () => {
    const show = lotteryShow('lot-withdraw');
    const { request } = testApp(show);
    const cookie = await sessionCookie('lot-withdrawer');
    await request('/api/screenings/lot-withdraw/lottery', asMember(cookie, json({})));
    for (let i = 0; i < 2; i++) {
      const withdrawn = await request('/api/screenings/lot-withdraw/lottery', asMember(cookie, { method: 'DELETE' }));
      expect(withdrawn.status).toBe(200);
      expect((await body(withdrawn)).lottery).not.toHaveProperty('entry');
    }
    expect((await body(await request('/api/screenings/lot-withdraw/lottery', asMember(cookie)))).lottery).not.toHaveProperty('entry');
  });
});

describe('the draw', () => {
  it('runs by the alarm at the draw time, as the published seed and entries give, exactly once across retries and a restart', async () => {
    const show = lotteryShow('lot-alarm', 2, 3);
    const stub = env.SCREENINGS.getByName('lot-alarm');
    const members = Array.from({ length: 10 }, (_, i) => `la${i}`);
    for (const [i, memberId] of members.entries()) {
      expect(await stub.enterLottery(show, { memberId, seats: i % 4 === 0 ? 2 : 1, weight: 1 + (i % 4) })).toMatchObject({ ok: true, created: true });
    }
    atDraw(show);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const draw = await stub.lotteryDraw(show);
    if ('refusal' in draw) throw new Error('not a lottery');
    // Recomputed from what is published alone.
    const order = await drawOrder(draw.seed!, draw.entries!);
    expect(order.map((entry) => entry.entrant)).toEqual(draw.order);
    // What lottery:verify checks, on the object's own record.
    expect(await verifyDraw(draw)).toMatchObject({ ok: true });
    const seatsWon = draw.winners!.reduce((sum, entrant) => sum + draw.entries!.find((entry) => entry.entrant === entrant)!.seats, 0);
    const tickets = await activeTickets(stub);
    expect(tickets).toHaveLength(seatsWon);
    expect(draw.seatsOffered).toBe(6);

    const entrantOf = new Map(await Promise.all(members.map(async (memberId) => [await lotteryEntrant('lot-alarm', memberId), memberId] as const)));
    const losers = draw.order!.filter((entrant) => !draw.winners!.includes(entrant)).map((entrant) => entrantOf.get(entrant));
    expect((await stub.backup(show)).waitlist.map((place) => place.memberId)).toEqual(losers);

    // A retried alarm, and a restart, change nothing.
    await runDurableObjectAlarm(stub);
    await abortAllDurableObjects();
    const restarted = env.SCREENINGS.getByName('lot-alarm');
    await runDurableObjectAlarm(restarted);
    await restarted.lotteryStatus(show, { memberId: 'la0' });
    expect(await activeTickets(restarted)).toHaveLength(seatsWon);
    expect(await restarted.lotteryDraw(show)).toEqual(draw);
  });

  it('is not lost or doubled by a restart mid-draw', async () => {
    const show = lotteryShow('lot-restart', 1, 6);
    const stub = env.SCREENINGS.getByName('lot-restart');
    for (let i = 0; i < 8; i++) await stub.enterLottery(show, { memberId: `lr${i}`, seats: 1, weight: 1 });
    atDraw(show);
    // The third ticket throws: as if the object died inside the draw's transaction.
    await runInDurableObject(stub, async (instance: ScreeningObject) => {
      const ledger = (instance as unknown as { ledger: { issue: (...args: unknown[]) => unknown } }).ledger;
      const issue = ledger.issue.bind(ledger);
      let calls = 0;
      ledger.issue = (...args: unknown[]) => {
        if (++calls === 3) throw new Error('object reset mid-draw');
        return issue(...args);
      };
      await expect(instance.alarm()).rejects.toThrow('mid-draw');
    });
    expect(await activeTickets(stub)).toHaveLength(0);
    const drawRecord = await runInDurableObject(stub, (_instance: ScreeningObject, state) =>
      state.storage.sql.exec("SELECT value FROM meta WHERE key = 'lottery_draw'").toArray(),
    );
    expect(drawRecord).toHaveLength(0);
    await abortAllDurableObjects();
    const restarted = env.SCREENINGS.getByName('lot-restart');
    // The restarted object set its alarm again for the draw it has not made.
    expect(await runDurableObjectAlarm(restarted)).toBe(true);
    expect(await activeTickets(restarted)).toHaveLength(6);
    expect((await restarted.backup(show)).waitlist).toHaveLength(2);
  });
});

describe('a pair and its guest ticket', () => {
  it('sits side by side; the guest ticket is the member’s, cancelled with the member’s own, and alone on its own', async () => {
    const show = lotteryShow('lot-pair', 1, 4);
    const stub = env.SCREENINGS.getByName('lot-pair');
    await stub.enterLottery(show, { memberId: 'pair-a', seats: 2, weight: 1 });
    await stub.enterLottery(show, { memberId: 'pair-b', seats: 2, weight: 1 });
    await stub.enterLottery(show, { memberId: 'single-c', seats: 1, weight: 1 });
    atDraw(show);
    await runDurableObjectAlarm(stub);
    // Never a split pair: each winner has one seat, or two for a pair (a seat left over goes to a loser alone, from the waitlist).
    const seatsOf = new Map<string, number>();
    for (const ticket of (await activeTickets(stub)).filter((ticket) => ticket.source === 'lottery')) {
      const holder = (ticket.member_id ?? ticket.guest_of)!;
      seatsOf.set(holder, (seatsOf.get(holder) ?? 0) + 1);
    }
    for (const [holder, count] of seatsOf) expect(count).toBe(holder.startsWith('pair') ? 2 : 1);
    const a = await stub.lotteryStatus(show, { memberId: 'pair-a' });
    const b = await stub.lotteryStatus(show, { memberId: 'pair-b' });
    if ('refusal' in a || 'refusal' in b) throw new Error('not a lottery');
    const winner = a.outcome?.result === 'won' ? { id: 'pair-a', status: a } : { id: 'pair-b', status: b };
    if (winner.status.outcome?.result !== 'won') throw new Error('no pair won');
    const [own, guest] = winner.status.outcome.tickets;
    expect(own).toMatchObject({ memberId: winner.id, source: 'lottery' });
    expect(guest).toMatchObject({ guestOf: winner.id, source: 'lottery' });
    expect(guest).not.toHaveProperty('memberId');
    expect(Math.abs(Number(own!.seat.split('-')[1]) - Number(guest!.seat.split('-')[1]))).toBe(1);

    // The guest's ticket alone: the member keeps theirs.
    expect(await stub.cancel(show, { memberId: winner.id, code: guest!.code })).toMatchObject({ ok: true, ticket: { status: 'cancelled' } });
    expect(await stub.cancel(show, { memberId: 'someone-else', code: own!.code })).toMatchObject({ ok: false, refusal: { code: 'unknown_ticket' } });
    expect((await stub.tickets(show)).find((ticket) => ticket.code === own!.code)?.status).toBe('active');
  });

  it('cancelling the member’s own ticket cancels the guest’s too, and both seats go to the waitlist', async () => {
    const show = lotteryShow('lot-pair-cancel', 1, 2);
    const stub = env.SCREENINGS.getByName('lot-pair-cancel');
    await stub.enterLottery(show, { memberId: 'pc-pair', seats: 2, weight: 1 });
    atDraw(show);
    await runDurableObjectAlarm(stub);
    // Sold out to the pair: two members wait.
    expect(await stub.joinWaitlist(show, { memberId: 'pc-1' })).toMatchObject({ ok: true, position: 1 });
    expect(await stub.joinWaitlist(show, { memberId: 'pc-2' })).toMatchObject({ ok: true, position: 2 });
    const status = await stub.lotteryStatus(show, { memberId: 'pc-pair' });
    if ('refusal' in status || status.outcome?.result !== 'won') throw new Error('the pair did not win');
    expect(status.outcome.tickets).toHaveLength(2);
    const outcome = await stub.cancel(show, { memberId: 'pc-pair', code: status.outcome.tickets[0]!.code });
    expect(outcome).toMatchObject({ ok: true, guest: { status: 'cancelled', guestOf: 'pc-pair' } });
    const holders = (await activeTickets(stub)).map((ticket) => ticket.member_id).sort();
    expect(holders).toEqual(['pc-1', 'pc-2']);
  });
});

describe('one seat per member', () => {
  it('through lottery, claim, noon queue and waitlist', async () => {
    const show = lotteryShow('lot-one-seat', 1, 3);
    const { request } = testApp(show);
    const members = ['os-a', 'os-b', 'os-c', 'os-d', 'os-e'];
    const cookies = await Promise.all(members.map((memberId) => sessionCookie(memberId)));
    for (const cookie of cookies) {
      await request('/api/screenings/lot-one-seat/lottery', asMember(cookie, json({})));
      expect((await request('/api/screenings/lot-one-seat/claims', asMember(cookie, { method: 'POST' }))).status).toBe(409);
      expect((await request('/api/screenings/lot-one-seat/queue', asMember(cookie, json({})))).status).toBe(409);
      expect((await request('/api/screenings/lot-one-seat/waitlist', asMember(cookie, { method: 'POST' }))).status).toBe(409);
    }
    atDraw(show);
    const stub = env.SCREENINGS.getByName('lot-one-seat');
    await runDurableObjectAlarm(stub);
    // After the draw everyone tries everything again.
    for (const cookie of cookies) {
      await request('/api/screenings/lot-one-seat/claims', asMember(cookie, { method: 'POST' }));
      await request('/api/screenings/lot-one-seat/waitlist', asMember(cookie, { method: 'POST' }));
      await request('/api/screenings/lot-one-seat/queue', asMember(cookie, json({})));
    }
    // A winner cancels: the first loser on the waitlist is promoted, and claims again without a second seat.
    const winner = (await activeTickets(stub))[0]!;
    const { tickets } = await stub.backup(show);
    const code = tickets.find((ticket) => ticket.memberId === winner.member_id)!.code;
    const cancelled = await stub.cancel(show, { memberId: winner.member_id!, code });
    expect(cancelled).toMatchObject({ ok: true, promoted: { source: 'waitlist' } });
    for (const cookie of cookies) await request('/api/screenings/lot-one-seat/claims', asMember(cookie, { method: 'POST' }));
    const held = (await activeTickets(stub)).map((ticket) => ticket.member_id);
    expect(held).toHaveLength(3);
    expect(new Set(held).size).toBe(3);
  });
});

describe('the lottery and member standing', () => {
  const DAY = 86_400_000;
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

  it('weighs an entry by the member’s standing: two lotteries lost since the last win give weight 3', async () => {
    const show = lotteryShow('lot-weight');
    const { request } = testApp(show);
    await env.MEMBER_STANDING.getByName('weighted').record([
      { screeningId: 'w-1', kind: 'lottery_won', at: daysAgo(30) },
      { screeningId: 'w-2', kind: 'lottery_lost', at: daysAgo(20) },
      { screeningId: 'w-3', kind: 'lottery_lost', at: daysAgo(10) },
    ]);
    const entered = await body(await request('/api/screenings/lot-weight/lottery', asMember(await sessionCookie('weighted'), json({}))));
    expect(entered.lottery.entry.weight).toBe(3);
  });

  it('refuses a suspended member’s entry', async () => {
    const show = lotteryShow('lot-suspended');
    const { request } = testApp(show);
    await env.MEMBER_STANDING.getByName('suspended-entrant').record([
      { screeningId: 'past-1', kind: 'no_show', at: daysAgo(20) },
      { screeningId: 'past-2', kind: 'no_show', at: daysAgo(10) },
      { screeningId: 'past-3', kind: 'no_show', at: daysAgo(1) },
    ]);
    const refused = await request('/api/screenings/lot-suspended/lottery', asMember(await sessionCookie('suspended-entrant'), json({})));
    expect(refused.status).toBe(403);
    expect(await body(refused)).toMatchObject({ error: { code: 'suspended' } });
    expect(await env.SCREENINGS.getByName('lot-suspended').lotteryStatus(show, { memberId: 'suspended-entrant' })).not.toHaveProperty('entry');
  });

  it('reports the winner’s result with the draw and the loser’s once claims have closed: the winner’s next weight is 1, the loser’s 2', async () => {
    const show = lotteryShow('lot-reports', 1, 1);
    const stub = env.SCREENINGS.getByName('lot-reports');
    await stub.enterLottery(show, { memberId: 'rep-a', seats: 1, weight: 1 });
    await stub.enterLottery(show, { memberId: 'rep-b', seats: 1, weight: 1 });
    atDraw(show);
    for (let i = 0; i < 5; i++) await runDurableObjectAlarm(stub);
    vi.setSystemTime(Date.parse(show.closesAt) + 1);
    for (let i = 0; i < 5; i++) await runDurableObjectAlarm(stub);
    const a = await stub.lotteryStatus(show, { memberId: 'rep-a' });
    if ('refusal' in a) throw new Error('not a lottery');
    const [winner, loser] = a.outcome?.result === 'won' ? ['rep-a', 'rep-b'] : ['rep-b', 'rep-a'];
    expect((await env.MEMBER_STANDING.getByName(winner).standing()).lotteryWeight).toBe(1);
    expect((await env.MEMBER_STANDING.getByName(loser).standing()).lotteryWeight).toBe(2);
    // Queued in the draw's transaction and taken off once delivered.
    const queued = await runInDurableObject(stub, (_instance: ScreeningObject, state) => state.storage.sql.exec('SELECT * FROM member_reports').toArray());
    expect(queued).toHaveLength(0);
  });
});

describe('a guest who does not come', () => {
  it('is a no-show of the member who brought them, like their own', async () => {
    const show = lotteryShow('lot-guest-noshow', 1, 4);
    const stub = env.SCREENINGS.getByName('lot-guest-noshow');
    await stub.enterLottery(show, { memberId: 'host', seats: 2, weight: 1 });
    atDraw(show);
    await runDurableObjectAlarm(stub);
    const status = await stub.lotteryStatus(show, { memberId: 'host' });
    if ('refusal' in status || status.outcome?.result !== 'won') throw new Error('the pair did not win');
    // The member comes; the guest does not.
    vi.setSystemTime(Date.parse(show.startsAt) - 10 * MINUTE);
    await stub.checkIn(show, { code: status.outcome.tickets[0]!.code });
    vi.setSystemTime(Date.parse(show.startsAt) + (show.film.runtimeMinutes + 12 * 60) * MINUTE);
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(stub);
    const reports = await runInDurableObject(env.MEMBER_STANDING.getByName('host'), (_instance, state) =>
      state.storage.sql.exec<{ kind: string }>('SELECT kind FROM reports ORDER BY kind').toArray(),
    );
    expect(reports.map((report) => report.kind)).toEqual(['lottery_won', 'no_show']);
  });
});

describe('the purge', () => {
  it('deletes the entries (member ids) and keeps the published draw', async () => {
    const show = lotteryShow('lot-purge');
    const stub = env.SCREENINGS.getByName('lot-purge');
    await stub.enterLottery(show, { memberId: 'purged-entrant', seats: 1, weight: 1 });
    atDraw(show);
    await runDurableObjectAlarm(stub);
    const drawn = await stub.lotteryDraw(show);
    vi.setSystemTime(Date.parse(show.startsAt) + (show.film.runtimeMinutes + 12 * 60) * MINUTE);
    expect(await stub.purge(show)).toMatchObject({ ok: true });
    const entries = await runInDurableObject(stub, (_instance: ScreeningObject, state) => state.storage.sql.exec('SELECT * FROM lottery_entries').toArray());
    expect(entries).toHaveLength(0);
    expect(await stub.lotteryDraw(show)).toEqual(drawn);
  });
});

describe('a draw time an editor moves', () => {
  it('later after the draw: the drawn lottery takes no new entry and keeps the results it gave', async () => {
    const show = lotteryShow('lot-moved', 1, 2);
    const stub = env.SCREENINGS.getByName('lot-moved');
    await stub.enterLottery(show, { memberId: 'lm-winner', seats: 1, weight: 1 });
    atDraw(show);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const drawn = await stub.lotteryDraw(show);
    // The editor pushes the draw time a day on: the draw it already made stands.
    const moved = { ...show, drawAt: new Date(Date.parse(show.drawAt!) + 24 * 60 * MINUTE).toISOString() };
    expect(await stub.enterLottery(moved, { memberId: 'lm-late', seats: 1, weight: 1 })).toMatchObject({ ok: false, refusal: { code: 'lottery_closed' } });
    expect(await stub.withdrawLottery(moved, { memberId: 'lm-winner' })).toMatchObject({ ok: false, refusal: { code: 'lottery_closed' } });
    expect(await stub.lotteryStatus(moved, { memberId: 'lm-winner' })).toMatchObject({ state: 'drawn', outcome: { result: 'won' } });
    expect(await stub.lotteryDraw(moved)).toMatchObject({ state: 'drawn', seed: (drawn as { seed: string }).seed });
  });
});

describe('a screening an editor turns into a lottery while its noon queue is open', () => {
  it('gives its seats by the draw only: the queue seats no one at the release, and a queued member who enters is drawn like anyone', async () => {
    const firstCome = screening('lot-switched', { hall: plainHall(1, 2), releaseAt: new Date(Date.now() + 2 * MINUTE).toISOString() });
    const stub = env.SCREENINGS.getByName('lot-switched');
    expect(await stub.joinQueue(firstCome, { memberId: 'ls-queued' })).toMatchObject({ ok: true });
    const lottery = { ...firstCome, allocation: 'lottery' as const, drawAt: new Date(Date.parse(firstCome.releaseAt) + 30 * MINUTE).toISOString() };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(lottery.releaseAt) + 1);
    expect(await stub.enterLottery(lottery, { memberId: 'ls-queued', seats: 1, weight: 1 })).toMatchObject({ ok: true });
    await runDurableObjectAlarm(stub);
    // No seat before the draw, from the queue or otherwise.
    expect(await activeTickets(stub)).toEqual([]);
    for (let i = 0; i < 2; i++) await stub.enterLottery(lottery, { memberId: `ls-${i}`, seats: 1, weight: 1 });
    atDraw(lottery);
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(stub);
    const draw = await stub.lotteryDraw(lottery);
    if ('refusal' in draw) throw new Error('not a lottery');
    expect(draw.seatsOffered).toBe(2);
    expect(draw.passedOver).toEqual([]);
    const tickets = await activeTickets(stub);
    expect(tickets.map((ticket) => ticket.source)).toEqual(['lottery', 'lottery']);
    // Only a draw's real loss raises the member's weight (counted once claims have closed).
    vi.setSystemTime(Date.parse(lottery.closesAt) + 1);
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(stub);
    const queued = await stub.lotteryStatus(lottery, { memberId: 'ls-queued' });
    if ('refusal' in queued) throw new Error('not a lottery');
    expect((await env.MEMBER_STANDING.getByName('ls-queued').standing()).lotteryWeight).toBe(queued.outcome?.result === 'won' ? 1 : 2);
  });
});

describe('seats the draw leaves free', () => {
  it('go to the losers on the waitlist in draw order, each alone, before any newcomer can claim them', async () => {
    // Three seats, two pairs: one pair wins two seats; the third seat is the losing member's, not the first claimant's.
    const show = lotteryShow('lot-leftover', 1, 3);
    const stub = env.SCREENINGS.getByName('lot-leftover');
    for (const memberId of ['lo-a', 'lo-b']) await stub.enterLottery(show, { memberId, seats: 2, weight: 1 });
    atDraw(show);
    await runDurableObjectAlarm(stub);
    expect(await stub.claim(show, { memberId: 'lo-newcomer' })).toMatchObject({ ok: false, refusal: { code: 'sold_out' } });
    const tickets = await activeTickets(stub);
    expect(tickets).toHaveLength(3);
    const loser = tickets.some((ticket) => ticket.member_id === 'lo-a' && ticket.source === 'lottery') ? 'lo-b' : 'lo-a';
    expect(tickets.filter((ticket) => ticket.member_id === loser)).toEqual([{ member_id: loser, guest_of: null, seat: '1-3', source: 'waitlist' }]);
    expect((await stub.backup(show)).waitlist).toEqual([]);
  });
});

/** Three no-shows in 90 days: suspended now (the standing object also writes the KV strike note). */
const suspend = (memberId: string) =>
  env.MEMBER_STANDING.getByName(memberId).record(
    [20, 10, 1].map((days, i) => ({ screeningId: `past-${i}`, kind: 'no_show' as const, at: new Date(Date.now() - days * 86_400_000).toISOString() })),
  );

/** The lottery results a member's standing holds, by kind. */
const drawReports = async (memberId: string) =>
  (
    await runInDurableObject(env.MEMBER_STANDING.getByName(memberId), (_instance, state) =>
      state.storage.sql.exec<{ kind: string }>("SELECT kind FROM reports WHERE kind LIKE 'lottery_%' ORDER BY kind").toArray(),
    )
  ).map((row) => row.kind);

describe('a member suspended after entering', () => {
  it('sits the draw out: no seat, no waitlist place, no result for their weight; the published record lists them as excluded and still verifies', async () => {
    // Three seats for three single entries: everyone would win.
    const show = lotteryShow('lot-excluded', 1, 3);
    const stub = env.SCREENINGS.getByName('lot-excluded');
    for (const memberId of ['ex-a', 'ex-b', 'ex-suspended']) await stub.enterLottery(show, { memberId, seats: 1, weight: 1 });
    await suspend('ex-suspended');
    atDraw(show);
    await runDurableObjectAlarm(stub);
    const tickets = await activeTickets(stub);
    expect(tickets.map((ticket) => ticket.member_id).sort()).toEqual(['ex-a', 'ex-b']);
    expect((await stub.backup(show)).waitlist).toEqual([]);
    const draw = await stub.lotteryDraw(show);
    if ('refusal' in draw) throw new Error('not a lottery');
    const suspendedEntrant = await lotteryEntrant('lot-excluded', 'ex-suspended');
    expect(draw.excluded).toEqual([suspendedEntrant]);
    expect(draw.entries!.map((entry) => entry.entrant)).toContain(suspendedEntrant);
    expect(draw.winners).not.toContain(suspendedEntrant);
    expect(await verifyDraw(draw)).toMatchObject({ ok: true });
    expect(await stub.lotteryStatus(show, { memberId: 'ex-suspended' })).toMatchObject({ outcome: { result: 'lost', excluded: 'suspended' } });
    // Staff clear a strike afterwards: a retried alarm and a restart draw nothing again.
    await env.MEMBER_STANDING.getByName('ex-suspended').clearStrike({ screeningId: 'past-0', kind: 'no_show', by: 'op', reason: '核实已入场' });
    await runDurableObjectAlarm(stub);
    await abortAllDurableObjects();
    const restarted = env.SCREENINGS.getByName('lot-excluded');
    await runDurableObjectAlarm(restarted);
    expect(await restarted.lotteryDraw(show)).toEqual(draw);
    expect(await activeTickets(restarted)).toHaveLength(2);
    vi.setSystemTime(Date.parse(show.closesAt) + 1);
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(restarted);
    expect(await drawReports('ex-suspended')).toEqual([]);
  });

  it('is drawn as before when their standing object cannot answer (fail open)', async () => {
    const show = lotteryShow('lot-excluded-open', 1, 3);
    const stub = env.SCREENINGS.getByName('lot-excluded-open');
    for (const memberId of ['eo-a', 'eo-suspended']) await stub.enterLottery(show, { memberId, seats: 1, weight: 1 });
    await suspend('eo-suspended');
    atDraw(show);
    await runInDurableObject(stub, async (instance: ScreeningObject) => {
      const unreachable = { getByName: () => ({ suspendedUntil: () => Promise.reject(new Error('Durable Object is overloaded')) }) };
      Object.assign(instance as unknown as { env: object }, { env: { ...env, MEMBER_STANDING: unreachable } });
      await instance.alarm();
    });
    expect((await activeTickets(stub)).map((ticket) => ticket.member_id).sort()).toEqual(['eo-a', 'eo-suspended']);
    const draw = await stub.lotteryDraw(show);
    if ('refusal' in draw) throw new Error('not a lottery');
    expect(draw.excluded ?? []).toEqual([]);
  });
});

describe('status reads arriving together at the draw time', () => {
  it('wait for one draw: the entrants’ standing is looked up once, not once per read', async () => {
    const show = lotteryShow('lot-crowd', 1, 3);
    const stub = env.SCREENINGS.getByName('lot-crowd');
    for (const memberId of ['cr-a', 'cr-b', 'cr-c']) await stub.enterLottery(show, { memberId, seats: 1, weight: 1 });
    atDraw(show);
    const bulkReads = await runInDurableObject(stub, async (instance: ScreeningObject) => {
      let reads = 0;
      const seats = { get: (keys: string[]) => (reads++, env.SEATS.get(keys)) };
      Object.assign(instance as unknown as { env: object }, { env: { ...env, SEATS: seats } });
      const statuses = await Promise.all(['cr-a', 'cr-b', 'cr-c', 'cr-a', 'cr-b'].map((memberId) => instance.lotteryStatus(show, { memberId })));
      expect(statuses.every((status) => 'state' in status && status.state === 'drawn')).toBe(true);
      return reads;
    });
    expect(bulkReads).toBe(1);
    expect(await activeTickets(stub)).toHaveLength(3);
  });
});

describe('a suspended member on the waitlist', () => {
  it('is passed over by a promotion and keeps their place: the freed seat goes to the next member in good standing', async () => {
    const show = screening('wait-suspended', { hall: plainHall(1, 1) });
    const stub = env.SCREENINGS.getByName('wait-suspended');
    const held = await stub.claim(show, { memberId: 'ws-holder' });
    if (!held.ok) throw new Error('no seat');
    for (const memberId of ['ws-suspended', 'ws-next']) expect(await stub.joinWaitlist(show, { memberId })).toMatchObject({ ok: true });
    await suspend('ws-suspended');
    const cancelled = await stub.cancel(show, { memberId: 'ws-holder', code: held.ticket.code });
    expect(cancelled).toMatchObject({ ok: true, promoted: { memberId: 'ws-next', source: 'waitlist' } });
    expect((await stub.backup(show)).waitlist.map((place) => place.memberId)).toEqual(['ws-suspended']);
  });
});

describe('a lottery loser', () => {
  it('seated from the waitlist counts the draw as a win; one who ends without a seat counts a loss once claims have closed', async () => {
    // One seat, three entrants: a winner, a loser the winner's cancellation seats, and a loser who stays unseated.
    const show = lotteryShow('lot-promoted', 1, 1);
    const stub = env.SCREENINGS.getByName('lot-promoted');
    for (const memberId of ['lp-a', 'lp-b', 'lp-c']) await stub.enterLottery(show, { memberId, seats: 1, weight: 1 });
    atDraw(show);
    await runDurableObjectAlarm(stub);
    const [winnerTicket] = await activeTickets(stub);
    const winner = winnerTicket!.member_id!;
    const [promoted, unseated] = (await stub.backup(show)).waitlist.map((place) => place.memberId);
    const code = (await stub.tickets(show)).find((ticket) => ticket.memberId === winner)!.code;
    expect(await stub.cancel(show, { memberId: winner, code })).toMatchObject({ ok: true, promoted: { memberId: promoted } });
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(stub);
    // Before the close a freed seat may still reach the unseated loser: no loss is counted yet.
    expect(await drawReports(unseated!)).toEqual([]);
    vi.setSystemTime(Date.parse(show.closesAt) + 1);
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(stub);
    expect(await drawReports(winner)).toEqual(['lottery_won']);
    expect(await drawReports(promoted!)).toEqual(['lottery_won']);
    expect(await drawReports(unseated!)).toEqual(['lottery_lost']);
    expect((await env.MEMBER_STANDING.getByName(promoted!).standing()).lotteryWeight).toBe(1);
    expect((await env.MEMBER_STANDING.getByName(unseated!).standing()).lotteryWeight).toBe(2);
  });
});

describe('a cancel that frees no seat', () => {
  it('looks up no standing: a made-up code, someone else’s ticket or a cancel after the close reads no strike notes', async () => {
    const show = screening('wait-spam', { hall: plainHall(1, 1) });
    const stub = env.SCREENINGS.getByName('wait-spam');
    const held = await stub.claim(show, { memberId: 'sp-holder' });
    if (!held.ok) throw new Error('no seat');
    for (const memberId of ['sp-struck', 'sp-next']) expect(await stub.joinWaitlist(show, { memberId })).toMatchObject({ ok: true });
    await suspend('sp-struck');
    const bulkReads = await runInDurableObject(stub, async (instance: ScreeningObject) => {
      let reads = 0;
      const seats = { get: (keys: string[]) => (reads++, env.SEATS.get(keys)) };
      Object.assign(instance as unknown as { env: object }, { env: { ...env, SEATS: seats } });
      // A hostile member's stream of cancels for codes that are not theirs.
      for (let i = 0; i < 5; i++) expect(await instance.cancel(show, { memberId: 'sp-other', code: `made-up-${i}` })).toMatchObject({ ok: false });
      expect(await instance.cancel(show, { memberId: 'sp-other', code: held.ticket.code })).toMatchObject({ ok: false, refusal: { code: 'unknown_ticket' } });
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.parse(show.closesAt) + 1);
      expect(await instance.cancel(show, { memberId: 'sp-holder', code: held.ticket.code })).toMatchObject({ ok: false, refusal: { code: 'window_closed' } });
      return reads;
    });
    expect(bulkReads).toBe(0);
  });
});

describe('the close alarm for the losers', () => {
  it('stays set by the close once the draw’s writes have reached KV, however many alarms ran in between', async () => {
    const show = lotteryShow('lot-close-alarm', 1, 1);
    const stub = env.SCREENINGS.getByName('lot-close-alarm');
    for (const memberId of ['ca-a', 'ca-b']) await stub.enterLottery(show, { memberId, seats: 1, weight: 1 });
    atDraw(show);
    for (let i = 0; i < 4; i++) {
      await runDurableObjectAlarm(stub);
      vi.setSystemTime(Date.now() + 10_000);
    }
    const alarmAt = await runInDurableObject(stub, (_instance: ScreeningObject, state) => state.storage.getAlarm());
    expect(alarmAt).not.toBeNull();
    expect(alarmAt!).toBeLessThanOrEqual(Date.parse(show.closesAt));
  });
});

describe('a draw where every entrant is suspended', () => {
  it('seats no one, waitlists no one, reports nothing, and its record still verifies', async () => {
    const show = lotteryShow('lot-all-out', 1, 2);
    const stub = env.SCREENINGS.getByName('lot-all-out');
    for (const memberId of ['ao-a', 'ao-b']) await stub.enterLottery(show, { memberId, seats: memberId === 'ao-a' ? 2 : 1, weight: 1 });
    for (const memberId of ['ao-a', 'ao-b']) await suspend(memberId);
    atDraw(show);
    await runDurableObjectAlarm(stub);
    const draw = await stub.lotteryDraw(show);
    if (!('state' in draw)) throw new Error('not a lottery');
    expect(draw.winners).toEqual([]);
    expect([...draw.excluded!].sort()).toEqual([...draw.entries!.map((entry) => entry.entrant)].sort());
    expect(await verifyDraw(draw)).toMatchObject({ ok: true });
    expect(await activeTickets(stub)).toEqual([]);
    expect((await stub.backup(show)).waitlist).toEqual([]);
    vi.setSystemTime(Date.parse(show.closesAt) + 1);
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(stub);
    expect(await drawReports('ao-a')).toEqual([]);
    expect(await drawReports('ao-b')).toEqual([]);
    // A record whose `excluded` lists a winner does not verify.
    expect((await verifyDraw({ ...draw, winners: [draw.order![0]!] })).ok).toBe(false);
  });
});

describe('a cancel with a long waitlist whose every member has a strike note', () => {
  it('asks only as many members’ standing as it needs to find one in good standing per freed seat', async () => {
    const show = screening('wait-struck', { hall: plainHall(1, 1) });
    const stub = env.SCREENINGS.getByName('wait-struck');
    const held = await stub.claim(show, { memberId: 'wst-holder' });
    if (!held.ok) throw new Error('no seat');
    const waiting = Array.from({ length: 120 }, (_, i) => `wst-${String(i).padStart(3, '0')}`);
    for (const memberId of waiting) await stub.joinWaitlist(show, { memberId });
    // One strike each: a note in KV, no suspension.
    const strike = [{ screeningId: 'past-0', kind: 'no_show' as const, at: new Date(Date.now() - 86_400_000).toISOString() }];
    for (const memberId of waiting) await env.MEMBER_STANDING.getByName(memberId).record(strike);
    await suspend('wst-000');
    const asked = await runInDurableObject(stub, async (instance: ScreeningObject) => {
      const names: string[] = [];
      const standing = { getByName: (name: string) => (names.push(name), env.MEMBER_STANDING.getByName(name)) };
      Object.assign(instance as unknown as { env: object }, { env: { ...env, MEMBER_STANDING: standing } });
      expect(await instance.cancel(show, { memberId: 'wst-holder', code: held.ticket.code })).toMatchObject({ ok: true, promoted: { memberId: 'wst-001' } });
      return names;
    });
    // The member's seat and a guest's could free two: the first two, then one more for the suspended head.
    expect(asked).toEqual(['wst-000', 'wst-001', 'wst-002']);
  });
});
