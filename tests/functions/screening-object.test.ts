import { abortAllDurableObjects, env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScreeningObject } from '../../functions/screening-object';
import { kvKey, readSeatMap } from '../../functions/seat-store';
import { seatId } from '../../src/cinema/seat-map';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

afterEach(() => {
  vi.useRealTimers();
});

/** The seats of active tickets as SQLite has them. */
const activeSeatsInStorage = (state: DurableObjectState) =>
  new Set(state.storage.sql.exec<{ seat: string }>("SELECT seat FROM tickets WHERE status = 'active'").toArray().map((r) => r.seat));

describe('the cost of a claim', () => {
  it('reads a few rows, however many tickets are out', async () => {
    const show = screening('rows-read', { hall: plainHall(20, 20) });
    const stub = env.SCREENINGS.getByName('rows-read');
    const booked = Array.from({ length: 300 }, (_, i) => seatId(Math.floor(i / 20) + 1, (i % 20) + 1));
    expect((await stub.book(show, { union: '港务工会', seats: booked })).ok).toBe(true);
    const rowsRead = await runInDurableObject(stub, async (instance: ScreeningObject, state) => {
      const sql = state.storage.sql;
      const exec = sql.exec;
      const cursors: SqlStorageCursor<Record<string, SqlStorageValue>>[] = [];
      sql.exec = ((query: string, ...bindings: unknown[]) => {
        const cursor = exec.call(sql, query, ...bindings);
        cursors.push(cursor);
        return cursor;
      }) as typeof sql.exec;
      try {
        expect((await instance.claim(show, { memberId: 'm1', idempotencyKey: 'rows-read-0001' })).ok).toBe(true);
      } finally {
        sql.exec = exec;
      }
      return cursors.reduce((sum, cursor) => sum + cursor.rowsRead, 0);
    });
    expect(rowsRead).toBeLessThan(30);
  });
});

describe('the taken seats kept in memory', () => {
  it('equal SQLite’s after claims, a booking, cancellations, a waitlist promotion, a released booking and a purge', async () => {
    const show = screening('memory', { hall: plainHall(2, 3) });
    const stub = env.SCREENINGS.getByName('memory');
    const expectExact = () =>
      runInDurableObject(stub, (instance: ScreeningObject, state) => {
        const { ledger } = instance as unknown as { ledger: { takenSeats(): ReadonlySet<string> } };
        expect([...ledger.takenSeats()].sort()).toEqual([...activeSeatsInStorage(state)].sort());
        return ledger.takenSeats().size;
      });

    const a = await stub.claim(show, { memberId: 'a', seat: '1-1', idempotencyKey: 'memory-a-0001' });
    await stub.claim(show, { memberId: 'b' });
    expect(await expectExact()).toBe(2);
    expect((await stub.book(show, { union: '港务工会', seats: ['1-2', '1-3'] })).ok).toBe(true);
    expect((await stub.book(show, { union: '纺织工会', seats: ['1-3', '2-1'] })).ok).toBe(false);
    expect(await expectExact()).toBe(4);
    await stub.claim(show, { memberId: 'c' });
    await stub.claim(show, { memberId: 'd' });
    expect(await stub.joinWaitlist(show, { memberId: 'e' })).toMatchObject({ ok: true });
    expect(await expectExact()).toBe(6);
    // a's seat goes to e, from the waitlist.
    const cancelled = await stub.cancel(show, { memberId: 'a', code: a.ok ? a.ticket.code : '' });
    expect(cancelled).toMatchObject({ ok: true, promoted: { memberId: 'e', seat: '1-1' } });
    expect(await expectExact()).toBe(6);
    const e = cancelled.ok ? cancelled.promoted! : undefined;
    expect(await stub.cancel(show, { memberId: 'e', code: e!.code })).toMatchObject({ ok: true });
    expect(await expectExact()).toBe(5);
    // Staff release one of the union's seats.
    expect(await stub.cancelBooking(show, { union: '港务工会', seats: ['1-3'] })).toMatchObject({ ok: true, released: [{ seat: '1-3' }] });
    expect(await expectExact()).toBe(4);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(show.startsAt) + 24 * 3_600_000);
    expect(await stub.purge(show)).toMatchObject({ ok: true });
    expect(await expectExact()).toBe(0);
  });
});

describe('the taken seats kept in memory, when a transaction fails', () => {
  it('are read again from SQLite, so a rolled-back claim leaves its seat free', async () => {
    const show = screening('rolled-back', { hall: plainHall(1, 2) });
    const stub = env.SCREENINGS.getByName('rolled-back');
    await stub.claim(show, { memberId: 'a', seat: '1-1' });
    await runInDurableObject(stub, async (instance: ScreeningObject, state) => {
      const { ledger } = instance as unknown as { ledger: { recordKey(...args: unknown[]): void; takenSeats(): ReadonlySet<string> } };
      const recordKey = ledger.recordKey;
      ledger.recordKey = () => {
        throw new Error('disk full');
      };
      await expect(instance.claim(show, { memberId: 'b', seat: '1-2', idempotencyKey: 'rolled-back-0001' })).rejects.toThrow('disk full');
      ledger.recordKey = recordKey;
      expect([...ledger.takenSeats()]).toEqual([...activeSeatsInStorage(state)]);
      expect([...ledger.takenSeats()]).toEqual(['1-1']);
    });
    expect(await stub.claim(show, { memberId: 'c', seat: '1-2' })).toMatchObject({ ok: true });
  });
});

describe('a hall changed by a deploy', () => {
  it('counts only seats still releasable: a blocked taken seat neither fills the screening nor the seat map', async () => {
    const before = screening('blocked-later', { hall: plainHall(1, 3) });
    const { request } = testApp(before);
    const [a, b, c, d] = await Promise.all(['a', 'b', 'c', 'd'].map((id) => sessionCookie(id)));
    await request('/api/screenings/blocked-later/claims', asMember(a, json({ seat: '1-1' })));
    const { ticket: onBlocked } = await body(await request('/api/screenings/blocked-later/claims', asMember(b, json({ seat: '1-2' }))));

    // The next deploy blocks 1-2, which b holds.
    const after = screening('blocked-later', { ...before, hall: { ...before.hall, rows: [{ ...before.hall.rows[0]!, blocked: [2] }] } });
    const deployed = testApp(after);
    const tap = await deployed.request('/api/screenings/blocked-later/claims', asMember(c, json({ seat: '1-1' })));
    expect((await body(tap)).error).toMatchObject({ code: 'seat_taken', suggestions: ['1-3'] });
    // 1-3 is free: the Worker must not have been told the screening is full.
    const next = await deployed.request('/api/screenings/blocked-later/claims', asMember(d, json({})));
    expect(next.status).toBe(201);
    expect((await body(next)).ticket.seat).toBe('1-3');

    await drainToKv('blocked-later');
    const stats = await body(await deployed.request('/api/staff/screenings/blocked-later/stats', { headers: staffHeaders() }));
    expect(stats).toMatchObject({ capacity: 2, available: 0, ticketsOnUnavailableSeats: [{ code: onBlocked.code, seat: '1-2' }] });

    // b gives the blocked seat back: nobody on the waitlist is seated on it.
    const e = await sessionCookie('e');
    expect((await deployed.request('/api/screenings/blocked-later/waitlist', asMember(e, { method: 'POST' }))).status).toBe(201);
    const cancelled = await body(await deployed.request(`/api/screenings/blocked-later/tickets/${onBlocked.code}`, asMember(b, { method: 'DELETE' })));
    expect(cancelled.ticket.status).toBe('cancelled');
    await drainToKv('blocked-later');
    expect((await body(await deployed.request('/api/me/tickets', asMember(e)))).tickets).toEqual([]);
  });

  it('shows seats freed by a removed row as available, and names the tickets left on it', async () => {
    const before = screening('row-removed', { hall: plainHall(2, 2) });
    const { request } = testApp(before);
    const held = [];
    for (const [member, seat] of [['a', '2-1'], ['b', '2-2']] as const) {
      held.push((await body(await request('/api/screenings/row-removed/claims', asMember(await sessionCookie(member), json({ seat }))))).ticket);
    }
    const after = screening('row-removed', { ...before, hall: plainHall(1, 2) });
    const deployed = testApp(after);
    // A write adopts the new hall; the object re-renders its seat map with it.
    await deployed.request('/api/screenings/row-removed/waitlist', asMember(await sessionCookie('c'), { method: 'POST' }));
    await drainToKv('row-removed');
    const map = await body(await deployed.request('/api/screenings/row-removed/seats'));
    expect(map).toMatchObject({ capacity: 2, available: 2, statuses: 'ff' });
    const stats = await body(await deployed.request('/api/staff/screenings/row-removed/stats', { headers: staffHeaders() }));
    expect(stats.available).toBe(2);
    const bySeat = (a: { seat: string }, b: { seat: string }) => a.seat.localeCompare(b.seat);
    expect(stats.ticketsOnUnavailableSeats.sort(bySeat)).toEqual(held.map((t) => ({ code: t.code, seat: t.seat })).sort(bySeat));
  });

  it('gives seats a deploy adds to the waitlist, in its order, before a newcomer', async () => {
    const before = screening('grown', { hall: plainHall(1, 1) });
    const stub = env.SCREENINGS.getByName('grown');
    expect((await stub.claim(before, { memberId: 'a' })).ok).toBe(true);
    expect(await stub.joinWaitlist(before, { memberId: 'first' })).toEqual({ ok: true, position: 1 });
    expect(await stub.joinWaitlist(before, { memberId: 'second' })).toEqual({ ok: true, position: 2 });
    expect(await stub.joinWaitlist(before, { memberId: 'third' })).toEqual({ ok: true, position: 3 });
    // A deploy adds two seats (a row was mis-entered, a blocked seat is unblocked).
    const after = { ...before, hall: plainHall(1, 3) };
    const newcomer = await stub.claim(after, { memberId: 'newcomer' });
    expect(newcomer).toMatchObject({ ok: false, refusal: { code: 'sold_out' } });
    const holders = (await stub.tickets(after)).filter((t) => t.status === 'active').map((t) => [t.memberId, t.source]);
    expect(holders.sort()).toEqual([['a', 'claim'], ['first', 'waitlist'], ['second', 'waitlist']]);
    expect((await stub.stats(after)).waitlist).toBe(1);
    // …and the promoted find their tickets in KV.
    await drainToKv('grown');
    expect(await env.SEATS.get(kvKey.memberTicket('first', 'grown'), 'json')).toMatchObject({ kind: 'ticket', status: 'active' });
  });

  it('writes those promotions to KV even when the first call to bring the new hall is refused', async () => {
    const before = screening('grown-refused', { hall: plainHall(1, 1) });
    const stub = env.SCREENINGS.getByName('grown-refused');
    await stub.claim(before, { memberId: 'a' });
    await stub.joinWaitlist(before, { memberId: 'waiting' });
    await drainToKv('grown-refused');
    const refused = await stub.purge({ ...before, hall: plainHall(1, 2) });
    expect(refused).toEqual({ ok: false, refusal: { code: 'screening_not_over' } });
    await drainToKv('grown-refused');
    expect(await env.SEATS.get(kvKey.memberTicket('waiting', 'grown-refused'), 'json')).toMatchObject({ kind: 'ticket', status: 'active' });
  });
});

describe('write-through to KV', () => {
  it('writes the seat-map snapshot at most every 1.5 s, a margin below KV’s one write a second per key', async () => {
    const show = screening('interval');
    const { request } = testApp(show);
    const stub = env.SCREENINGS.getByName('interval');
    await request('/api/screenings/interval/claims', asMember(await sessionCookie('a'), json({})));
    const flushedAfter = Date.now();
    await runDurableObjectAlarm(stub);
    await request('/api/screenings/interval/claims', asMember(await sessionCookie('b'), json({})));
    const alarm = await runInDurableObject(stub, (_: ScreeningObject, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThanOrEqual(flushedAfter + 1_500);
  });

  /** Lets the object's alarms run as if `seconds` had passed. */
  const later = async (stub: DurableObjectStub<ScreeningObject>, seconds: number) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + seconds * 1_000);
    await runDurableObjectAlarm(stub);
  };

  it('rewrites, a few seconds later, what an evicted instance may still have had in flight', async () => {
    const show = screening('evicted');
    const { request } = testApp(show);
    const stub = env.SCREENINGS.getByName('evicted');
    const claimed = await body(await request('/api/screenings/evicted/claims', asMember(await sessionCookie('a'), json({ seat: '1-1' }))));
    // Evicted with the claim's KV writes staged: they may have been in flight.
    await abortAllDurableObjects();
    await drainToKv('evicted');
    const written = (await env.SEATS.get(kvKey.ticket(claimed.ticket.code)))!;
    // The evicted instance's writes land now, older than ours.
    await env.SEATS.put(kvKey.seatMap('evicted'), JSON.stringify({ ...(await readSeatMap(env.SEATS, 'evicted'))!, held: {} }));
    await env.SEATS.delete(kvKey.ticket(claimed.ticket.code));

    await later(stub, 10);
    expect(Object.keys((await readSeatMap(env.SEATS, 'evicted'))!.held)).toEqual(['1-1']);
    expect(await env.SEATS.get(kvKey.ticket(claimed.ticket.code))).toBe(written);
    expect(await runInDurableObject(stub, (_: ScreeningObject, state) => state.storage.sql.exec('SELECT key FROM outbox').toArray())).toEqual([]);
  });

  it('rewrites a seat map whose failed put reached KV late', async () => {
    const show = screening('late-put');
    const { request } = testApp(show);
    const stub = env.SCREENINGS.getByName('late-put');
    // The first seat-map put fails, yet reaches KV later (a timed-out request).
    let lateWrite: (() => Promise<void>) | undefined;
    await runInDurableObject(stub, (instance: ScreeningObject) => {
      const real = instance.kv;
      instance.kv = {
        put: (...args: Parameters<KVNamespace['put']>) => {
          if (args[0] === kvKey.seatMap('late-put') && !lateWrite) {
            lateWrite = () => real.put(...args);
            return Promise.reject(new Error('KV timed out'));
          }
          return real.put(...args);
        },
        delete: (key: string) => real.delete(key),
      };
    });
    await request('/api/screenings/late-put/claims', asMember(await sessionCookie('a'), json({ seat: '1-1' })));
    await runDurableObjectAlarm(stub);
    await request('/api/screenings/late-put/claims', asMember(await sessionCookie('b'), json({ seat: '1-2' })));
    await later(stub, 2);
    expect(Object.keys((await readSeatMap(env.SEATS, 'late-put'))!.held).sort()).toEqual(['1-1', '1-2']);
    await lateWrite!();
    expect(Object.keys((await readSeatMap(env.SEATS, 'late-put'))!.held)).toEqual(['1-1']);

    await later(stub, 10);
    expect(Object.keys((await readSeatMap(env.SEATS, 'late-put'))!.held).sort()).toEqual(['1-1', '1-2']);
  });

  it('sets the alarm again when it wakes with writes pending and no alarm, so a committed claim reaches KV once retried', async () => {
    const { request } = testApp(screening('lost-alarm', { hall: plainHall(2, 2) }));
    const member = await sessionCookie('lost-alarm-a');
    const key = { 'Idempotency-Key': 'lost-alarm-key-1' };
    // KV never answers this instance, so its own alarm cannot write the claim before the reset below
    // (on a busy machine it sometimes did, and the object woke with nothing pending).
    const never = () => new Promise<never>(() => undefined);
    await runInDurableObject(env.SCREENINGS.getByName('lost-alarm'), (instance: ScreeningObject) => {
      instance.kv = { put: never, delete: never };
    });
    const first = await request('/api/screenings/lost-alarm/claims', asMember(member, json({}, key)));
    expect(first.status).toBe(201);
    const { ticket } = await body(first);
    // The object is reset after the claim committed and before it set its alarm (the member got a 503 and
    // retries): the alarm removed, then the object restarted.
    await runInDurableObject(env.SCREENINGS.getByName('lost-alarm'), (_: ScreeningObject, state) => state.storage.deleteAlarm());
    await abortAllDurableObjects();
    const stub = env.SCREENINGS.getByName('lost-alarm');
    const retry = await request('/api/screenings/lost-alarm/claims', asMember(member, json({}, key)));
    expect(retry.status).toBe(200); // a replay: it stages nothing of its own
    expect(await stub.synced()).toBe(false);
    const alarm = await runInDurableObject(stub, (_: ScreeningObject, state) => state.storage.getAlarm());
    expect(alarm, 'an alarm to write the pending outbox').not.toBeNull();
    await drainToKv('lost-alarm');
    // What 我的票 and cancel-by-code read.
    expect(await env.SEATS.get(kvKey.ticket(ticket.code))).not.toBeNull();
  });

  it('writes each key once when no older write of it can land', async () => {
    const show = screening('written-once');
    const { request } = testApp(show);
    const stub = env.SCREENINGS.getByName('written-once');
    const puts: string[] = [];
    await runInDurableObject(stub, (instance: ScreeningObject) => {
      const real = instance.kv;
      instance.kv = {
        put: (...args: Parameters<KVNamespace['put']>) => {
          puts.push(args[0]);
          return real.put(...args);
        },
        delete: (key: string) => real.delete(key),
      };
    });
    const claimed = await body(await request('/api/screenings/written-once/claims', asMember(await sessionCookie('a'), json({ seat: '1-1' }))));
    await drainToKv('written-once');
    await later(stub, 10);
    await later(stub, 10);
    expect(puts.sort()).toEqual(
      [kvKey.memberTicket('a', 'written-once'), kvKey.seatMap('written-once'), kvKey.ticket(claimed.ticket.code)].sort(),
    );
  });
});
