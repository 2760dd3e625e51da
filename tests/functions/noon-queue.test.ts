import { abortAllDurableObjects, env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScreeningObject } from '../../functions/screening-object';
import { seedCommitment, shuffledOrder } from '../../src/cinema/noon-queue';
import { asMember, body, json, plainHall, screening, sessionCookie, testApp } from './helpers/cinema';

const MINUTE = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

/** A screening released two minutes from now: its noon queue is open. */
const releasedSoon = (id: string, rows = 2, perRow = 3) =>
  screening(id, { hall: plainHall(rows, perRow), releaseAt: new Date(Date.now() + 2 * MINUTE).toISOString() });

const atRelease = (show: { releaseAt: string }) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse(show.releaseAt) + 1);
};

/** Every active ticket per member, from SQLite. */
const activeTicketsPerMember = (stub: DurableObjectStub<ScreeningObject>) =>
  runInDurableObject(stub, (_instance: ScreeningObject, state) =>
    state.storage.sql
      .exec<{ member_id: string; n: number }>("SELECT member_id, COUNT(*) AS n FROM tickets WHERE status = 'active' GROUP BY member_id")
      .toArray(),
  );

describe('the noon queue route', () => {
  it('refuses before the 5 minutes, queues without a position, reveals the seed and seats the member at release', async () => {
    const early = screening('queue-early', { releaseAt: new Date(Date.now() + 6 * MINUTE).toISOString() });
    const show = releasedSoon('queue-route');
    const { request } = testApp(early, show);
    const cookie = await sessionCookie('route-member');

    const tooEarly = await request('/api/screenings/queue-early/queue', asMember(cookie, json({})));
    expect(tooEarly.status).toBe(409);
    expect(await body(tooEarly)).toMatchObject({ error: { code: 'queue_not_open' } });

    const joined = await request('/api/screenings/queue-route/queue', asMember(cookie, json({ seat: '1-1' })));
    expect(joined.status).toBe(201);
    const { queue } = await body(joined);
    expect(queue).toMatchObject({ state: 'queued', preferredSeat: '1-1' });
    expect(queue.message).toMatch(/^已排队，\d\d:\d\d 统一随机分配$/);
    expect(queue).not.toHaveProperty('position');
    // Joining again is the same place.
    expect((await request('/api/screenings/queue-route/queue', asMember(cookie, json({ seat: '1-1' })))).status).toBe(201);

    const sealed = await body(await request('/api/screenings/queue-route/queue/seed'));
    expect(sealed).toMatchObject({ commitment: queue.seedCommitment, seed: null, entries: 1 });

    atRelease(show);
    const after = await body(await request('/api/screenings/queue-route/queue', asMember(cookie)));
    expect(after.queue).toMatchObject({ state: 'seated', ticket: { seat: '1-1', status: 'active' } });
    const revealed = await body(await request('/api/screenings/queue-route/queue/seed'));
    expect(await seedCommitment(revealed.seed)).toBe(sealed.commitment);

    // Claiming as well gets no second seat.
    const claim = await request('/api/screenings/queue-route/claims', asMember(cookie, { method: 'POST' }));
    expect(await body(claim)).toMatchObject({ error: { code: 'already_holds_ticket' } });
    expect((await request('/api/screenings/queue-route/queue', asMember(cookie, json({})))).status).toBe(409);
    expect((await request('/api/screenings/queue-route/queue', asMember(cookie, { method: 'DELETE' }))).status).toBe(409);
  });

  it('lets a member leave before the release', async () => {
    const show = releasedSoon('queue-leave');
    const { request } = testApp(show);
    const cookie = await sessionCookie('leaver');
    await request('/api/screenings/queue-leave/queue', asMember(cookie, json({})));
    expect((await request('/api/screenings/queue-leave/queue', asMember(cookie, { method: 'DELETE' }))).status).toBe(200);
    expect(await body(await request('/api/screenings/queue-leave/queue', asMember(cookie)))).toMatchObject({ queue: { state: 'none' } });
  });
});

describe('resolution at the release', () => {
  it('seats the queue in the order the published seed gives, the rest onto the waitlist in that order, once', async () => {
    const show = releasedSoon('queue-resolve');
    const stub = env.SCREENINGS.getByName('queue-resolve');
    const members = Array.from({ length: 10 }, (_, i) => `q${i}`);
    for (const memberId of members) expect(await stub.joinQueue(show, { memberId })).toMatchObject({ ok: true });

    atRelease(show);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const { seed } = await stub.queueSeed(show);
    const order = (await shuffledOrder(members.map((memberId) => ({ memberId })), seed!)).map((entry) => entry.memberId);
    const backup = await stub.backup(show);
    // Tickets issued in one instant list by code: compare who, and that the first drawn got the best seat.
    expect(backup.tickets.map((ticket) => ticket.memberId).sort()).toEqual(order.slice(0, 6).sort());
    expect(backup.tickets.find((ticket) => ticket.memberId === order[0])?.seat).toBe('2-2');
    expect(backup.waitlist.map((place) => place.memberId)).toEqual(order.slice(6));

    // A retried alarm, and a restart, change nothing.
    await runDurableObjectAlarm(stub);
    await abortAllDurableObjects();
    const restarted = env.SCREENINGS.getByName('queue-resolve');
    await runDurableObjectAlarm(restarted);
    expect((await restarted.backup(show)).tickets).toHaveLength(6);
    expect((await restarted.backup(show)).waitlist).toHaveLength(4);
  });

  it('is not lost or doubled by a restart mid-resolution', async () => {
    const show = releasedSoon('queue-restart');
    const stub = env.SCREENINGS.getByName('queue-restart');
    for (let i = 0; i < 8; i++) await stub.joinQueue(show, { memberId: `r${i}` });
    atRelease(show);
    // The third ticket throws: as if the object died inside the resolution's transaction.
    await runInDurableObject(stub, async (instance: ScreeningObject) => {
      const ledger = (instance as unknown as { ledger: { issue: (...args: unknown[]) => unknown } }).ledger;
      const issue = ledger.issue.bind(ledger);
      let calls = 0;
      ledger.issue = (...args: unknown[]) => {
        if (++calls === 3) throw new Error('object reset mid-resolution');
        return issue(...args);
      };
      await expect(instance.alarm()).rejects.toThrow('mid-resolution');
    });
    expect((await stub.backup(show)).tickets).toHaveLength(0);
    await abortAllDurableObjects();
    const restarted = env.SCREENINGS.getByName('queue-restart');
    // The restarted object set its alarm again for the queue it has not resolved.
    expect(await runDurableObjectAlarm(restarted)).toBe(true);
    const after = await restarted.backup(show);
    expect(after.tickets).toHaveLength(6);
    expect(after.waitlist).toHaveLength(2);
    expect((await activeTicketsPerMember(restarted)).every((row) => row.n === 1)).toBe(true);
  });
});

describe('a queued member who also claims', () => {
  it('gets one seat, the claim racing the alarm at the release', async () => {
    const show = releasedSoon('queue-race', 1, 4);
    const stub = env.SCREENINGS.getByName('queue-race');
    for (let i = 0; i < 4; i++) await stub.joinQueue(show, { memberId: `c${i}` });
    atRelease(show);
    const [claims] = await Promise.all([
      Promise.all([0, 1, 2, 3, 4].map((i) => stub.claim(show, { memberId: `c${i}` }))),
      runDurableObjectAlarm(stub),
    ]);
    // The queue goes first: its four take the four seats, the claims get nothing more.
    expect(claims.map((outcome) => (outcome.ok ? 'ok' : outcome.refusal.code))).toEqual([
      'already_holds_ticket',
      'already_holds_ticket',
      'already_holds_ticket',
      'already_holds_ticket',
      'sold_out',
    ]);
    const perMember = await activeTicketsPerMember(stub);
    expect(perMember).toHaveLength(4);
    expect(perMember.every((row) => row.n === 1)).toBe(true);
    expect((await stub.backup(show)).tickets.every((ticket) => ticket.source === 'queue')).toBe(true);
  });

  it('gets one seat when the claim comes before the alarm: the claim resolves the queue first and waits behind it', async () => {
    const show = releasedSoon('queue-claim-first', 1, 4);
    const stub = env.SCREENINGS.getByName('queue-claim-first');
    for (let i = 0; i < 4; i++) await stub.joinQueue(show, { memberId: `f${i}` });
    atRelease(show);
    expect(await stub.claim(show, { memberId: 'newcomer' })).toMatchObject({ ok: false, refusal: { code: 'sold_out' } });
    expect(await stub.claim(show, { memberId: 'f0' })).toMatchObject({ ok: false, refusal: { code: 'already_holds_ticket' }, ticket: { source: 'queue' } });
    await runDurableObjectAlarm(stub);
    const perMember = await activeTicketsPerMember(stub);
    expect(perMember.map((row) => row.member_id).sort()).toEqual(['f0', 'f1', 'f2', 'f3']);
    expect(perMember.every((row) => row.n === 1)).toBe(true);
  });
});
