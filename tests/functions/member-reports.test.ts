import { abortAllDurableObjects, env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MemberStanding } from '../../functions/member-standing';
import type { ScreeningObject } from '../../functions/screening-object';
import { plainHall, screening } from './helpers/cinema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

const at = (ms: number) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(ms);
};

/** Every report a member's object holds, as stored. */
const reportsOf = (memberId: string) =>
  runInDurableObject(env.MEMBER_STANDING.getByName(memberId), (_: MemberStanding, state) =>
    state.storage.sql.exec<{ screening_id: string; kind: string; at: number }>('SELECT screening_id, kind, at FROM reports').toArray(),
  );

const queuedReports = (stub: DurableObjectStub<ScreeningObject>) =>
  runInDurableObject(stub, (_: ScreeningObject, state) => state.storage.sql.exec('SELECT * FROM member_reports').toArray());

describe('member reports from a screening', () => {
  it('strikes once for each no-show after the end plus the grace, by the door’s check-in time; union seats and early cancels never', async () => {
    const now = Date.now();
    const show = screening('reports-noshow', {
      hall: plainHall(2, 5),
      startsAt: new Date(now + 4 * HOUR).toISOString(),
      closesAt: new Date(now + 3 * HOUR).toISOString(),
    });
    const start = Date.parse(show.startsAt);
    const end = start + show.film.runtimeMinutes * MINUTE;
    const stub = env.SCREENINGS.getByName(show.id);
    const ticketOf = async (memberId: string) => {
      const outcome = await stub.claim(show, { memberId });
      if (!outcome.ok) throw new Error(outcome.refusal.code);
      return outcome.ticket.code;
    };
    const onTime = await ticketOf('rep-on-time');
    await ticketOf('rep-absent');
    const offline = await ticketOf('rep-offline');
    const late = await ticketOf('rep-late');
    const early = await ticketOf('rep-early-cancel');
    const lateCancel = await ticketOf('rep-late-cancel');
    expect((await stub.book(show, { union: '测试工会' })).ok).toBe(true);

    // Cancelled four hours before: nothing. Two hours before: half a strike, reported at once.
    expect((await stub.cancel(show, { memberId: 'rep-early-cancel', code: early })).ok).toBe(true);
    at(start - 2 * HOUR);
    expect((await stub.cancel(show, { memberId: 'rep-late-cancel', code: lateCancel })).ok).toBe(true);
    await runDurableObjectAlarm(stub);
    expect(await reportsOf('rep-late-cancel')).toEqual([{ screening_id: show.id, kind: 'late_cancel', at: start - 2 * HOUR }]);
    expect(await reportsOf('rep-early-cancel')).toEqual([]);

    at(start - 10 * MINUTE);
    await stub.checkIn(show, { code: onTime });
    at(start + 20 * MINUTE);
    await stub.checkIn(show, { code: late });
    // An offline door checked this one in at start + 10 min and syncs only after the screening.
    at(end + 2 * HOUR);
    await stub.syncCheckIns(show, { device: 'door-1', checkIns: [{ code: offline, at: new Date(start + 10 * MINUTE).toISOString() }] });

    at(end + 12 * HOUR - 1);
    await runDurableObjectAlarm(stub);
    expect(await reportsOf('rep-absent')).toEqual([]);

    at(end + 12 * HOUR);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await reportsOf('rep-absent')).toEqual([{ screening_id: show.id, kind: 'no_show', at: start }]);
    expect(await reportsOf('rep-late')).toEqual([{ screening_id: show.id, kind: 'no_show', at: start }]);
    for (const member of ['rep-on-time', 'rep-offline', 'rep-early-cancel']) expect(await reportsOf(member), member).toEqual([]);
    expect(await reportsOf('rep-late-cancel')).toEqual([{ screening_id: show.id, kind: 'late_cancel', at: start - 2 * HOUR }]);
    expect(await queuedReports(stub)).toEqual([]);

    // A restart and alarms run again, and the purge: no report is queued a second time.
    await abortAllDurableObjects();
    const restarted = env.SCREENINGS.getByName(show.id);
    await runDurableObjectAlarm(restarted);
    expect((await restarted.purge(show)).ok).toBe(true);
    expect(await queuedReports(restarted)).toEqual([]);
    expect((await env.MEMBER_STANDING.getByName('rep-absent').standing()).strikes).toHaveLength(1);
  });

  it('keeps a report until the member’s object takes it, and then delivers it exactly once', async () => {
    const now = Date.now();
    const show = screening('reports-retry', { startsAt: new Date(now + 2.5 * HOUR).toISOString(), closesAt: new Date(now + 2 * HOUR).toISOString() });
    const stub = env.SCREENINGS.getByName(show.id);
    const claimed = await stub.claim(show, { memberId: 'rep-retry' });
    if (!claimed.ok) throw new Error(claimed.refusal.code);
    expect((await stub.cancel(show, { memberId: 'rep-retry', code: claimed.ticket.code })).ok).toBe(true);

    // The member's object is unreachable for the first delivery (run here, before the alarm the cancel set can).
    const first = await runInDurableObject(stub, async (instance: ScreeningObject, state) => {
      const retryAt = await instance.memberReports.deliver(() => ({ record: () => Promise.reject(new Error('unreachable')) }), Date.now());
      return { retryAt, queued: state.storage.sql.exec('SELECT * FROM member_reports').toArray().length };
    });
    expect(first.retryAt).toBeGreaterThan(Date.now());
    expect(first.queued).toBe(1);

    await runInDurableObject(stub, (instance: ScreeningObject) => instance.alarm());
    expect(await queuedReports(stub)).toEqual([]);
    expect(await reportsOf('rep-retry')).toHaveLength(1);
    await abortAllDurableObjects();
    await runDurableObjectAlarm(env.SCREENINGS.getByName(show.id));
    expect(await reportsOf('rep-retry')).toHaveLength(1);
  });

  it('counts the no-shows at the purge when the alarm has not yet', async () => {
    const show = screening('reports-purge');
    const stub = env.SCREENINGS.getByName(show.id);
    expect((await stub.claim(show, { memberId: 'rep-purged' })).ok).toBe(true);
    at(Date.parse(show.startsAt) + show.film.runtimeMinutes * MINUTE + 12 * HOUR);
    expect((await stub.purge(show)).ok).toBe(true);
    expect(await queuedReports(stub)).toHaveLength(1);
    // The purge set the alarm for now, so workerd may already be running it: then this runs nothing and
    // the delivery under way finishes a moment later.
    await runDurableObjectAlarm(stub);
    await vi.waitFor(async () => expect(await reportsOf('rep-purged')).toEqual([{ screening_id: show.id, kind: 'no_show', at: Date.parse(show.startsAt) }]), { timeout: 10_000 });
  });

  it('refuses a purge until 12 h after the end, so a check-in an offline door syncs in that time still spares the member a strike', async () => {
    const show = screening('reports-purge-early');
    const stub = env.SCREENINGS.getByName(show.id);
    const claimed = await stub.claim(show, { memberId: 'rep-came' });
    if (!claimed.ok) throw new Error('no seat');
    const end = Date.parse(show.startsAt) + show.film.runtimeMinutes * MINUTE;
    at(end + HOUR);
    expect(await stub.purge(show)).toEqual({ ok: false, refusal: { code: 'purge_too_early', purgeableAt: new Date(end + 12 * HOUR).toISOString() } });
    // The door that was offline at the start syncs the member's check-in.
    await stub.syncCheckIns(show, { device: 'door-offline', checkIns: [{ code: claimed.ticket.code, at: show.startsAt }] });
    at(end + 12 * HOUR);
    expect(await stub.purge(show)).toEqual({ ok: true, tickets: 1 });
    for (let i = 0; i < 3; i++) await runDurableObjectAlarm(stub);
    expect(await reportsOf('rep-came')).toEqual([]);
  });
});
