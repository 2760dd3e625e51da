import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { MemberStanding } from '../../functions/member-standing';
import { asMember, body, json, screening, sessionCookie, testApp } from './helpers/cinema';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const threeNoShows = [
  { screeningId: 'past-1', kind: 'no_show' as const, at: daysAgo(20) },
  { screeningId: 'past-2', kind: 'no_show' as const, at: daysAgo(10) },
  { screeningId: 'past-3', kind: 'no_show' as const, at: daysAgo(1) },
];

describe('MemberStanding', () => {
  it('takes each (screening, kind) once: a retried report changes nothing', async () => {
    const stub = env.MEMBER_STANDING.getByName('standing-idempotent');
    await stub.record([threeNoShows[0]!]);
    await stub.record([threeNoShows[0]!, { ...threeNoShows[0]!, at: daysAgo(2) }]);
    const standing = await stub.standing();
    expect(standing.strikes).toHaveLength(1);
    expect(standing).toMatchObject({ points: 1, lotteryWeight: 1, strikes: [{ screeningId: 'past-1', at: threeNoShows[0]!.at, status: 'active' }] });
    const rows = await runInDurableObject(stub, (_: MemberStanding, state) => state.storage.sql.exec('SELECT * FROM reports').toArray());
    expect(rows).toHaveLength(1);
  });

  it('suspends on three no-shows and lifts the suspension when staff clear one; clearing twice keeps the first', async () => {
    const stub = env.MEMBER_STANDING.getByName('standing-suspended');
    await stub.record(threeNoShows);
    const until = await stub.suspendedUntil();
    expect(until).toMatch(/T16:00:00\.000Z$/);
    expect((await stub.standing()).suspended?.until).toBe(until);
    const cleared = await stub.clearStrike({ screeningId: 'past-2', kind: 'no_show', by: 'op1', reason: '检票机离线，已核实入场' });
    expect(cleared).toMatchObject({ ok: true, standing: { points: 2, strikes: [{}, { status: 'cleared', cleared: { by: 'op1' } }, {}] } });
    expect(await stub.suspendedUntil()).toBeNull();
    const again = await stub.clearStrike({ screeningId: 'past-2', kind: 'no_show', by: 'op2', reason: '再次' });
    expect(again).toMatchObject({ ok: true, standing: { strikes: [{}, { cleared: { by: 'op1' } }, {}] } });
    // A retried report of the cleared strike does not bring it back.
    await stub.record([threeNoShows[1]!]);
    expect(await stub.suspendedUntil()).toBeNull();
    expect(await stub.clearStrike({ screeningId: 'other', kind: 'late_cancel', by: 'op1', reason: 'x' })).toEqual({ ok: false, refusal: { code: 'strike_not_found' } });
  });

  it('weighs the next lottery by the losses since the last win', async () => {
    const stub = env.MEMBER_STANDING.getByName('standing-lottery');
    await stub.record([
      { screeningId: 'l3', kind: 'lottery_lost', at: daysAgo(3) },
      { screeningId: 'l1', kind: 'lottery_won', at: daysAgo(9) },
      { screeningId: 'l2', kind: 'lottery_lost', at: daysAgo(5) },
    ]);
    expect((await stub.standing()).lotteryWeight).toBe(3);
    await stub.record([{ screeningId: 'l4', kind: 'lottery_won', at: daysAgo(1) }]);
    expect((await stub.standing()).lotteryWeight).toBe(1);
  });
});

describe('requireGoodStanding', () => {
  const suspend = async (member: string) => env.MEMBER_STANDING.getByName(member).record(threeNoShows);

  it('refuses a suspended member a claim, a waitlist place and a noon-queue place, saying until when; cancelling still works', async () => {
    const open = screening('standing-claim');
    const full = screening('standing-full', { hall: { ...open.hall, rows: [{ row: 1, seats: 1, aisleAfter: [], accessible: [], blocked: [] }] } });
    const soon = screening('standing-queue', { releaseAt: new Date(Date.now() + 2 * 60_000).toISOString() });
    const { request } = testApp(open, full, soon);
    const member = 'member-suspended';
    const cookie = await sessionCookie(member);
    const held = await request('/api/screenings/standing-claim/claims', asMember(cookie, { method: 'POST' }));
    expect(held.status).toBe(201);
    const ticket = (await body(held)).ticket;
    await request('/api/screenings/standing-full/claims', asMember(await sessionCookie('someone-else'), { method: 'POST' }));

    await suspend(member);
    const until = await env.MEMBER_STANDING.getByName(member).suspendedUntil();
    for (const [path, init] of [
      ['/api/screenings/standing-claim/claims', { method: 'POST' }],
      ['/api/screenings/standing-full/waitlist', { method: 'POST' }],
      ['/api/screenings/standing-queue/queue', json({})],
    ] as const) {
      const refused = await request(path, asMember(cookie, init));
      expect(refused.status, path).toBe(403);
      expect(await body(refused), path).toMatchObject({ error: { code: 'suspended', until, message: expect.stringContaining('暂停') } });
    }
    const cancelled = await request(`/api/screenings/standing-claim/tickets/${ticket.code}`, asMember(cookie, { method: 'DELETE' }));
    expect(cancelled.status).toBe(200);
  });

  it('lets a member in good standing claim', async () => {
    const { request } = testApp(screening('standing-good'));
    await env.MEMBER_STANDING.getByName('member-two-strikes').record(threeNoShows.slice(0, 2));
    const claimed = await request('/api/screenings/standing-good/claims', asMember(await sessionCookie('member-two-strikes'), { method: 'POST' }));
    expect(claimed.status).toBe(201);
  });

  it('fails open: a claim goes on when the member’s object cannot be reached', async () => {
    const { app } = testApp(screening('standing-unreachable'));
    const member = 'member-unreachable';
    await suspend(member);
    const unreachable = {
      ...env,
      MEMBER_STANDING: {
        getByName: () => ({ suspendedUntil: () => Promise.reject(new Error('Durable Object is overloaded')) }),
      },
    } as unknown as typeof env;
    const claimed = await app.request('/api/screenings/standing-unreachable/claims', asMember(await sessionCookie(member), { method: 'POST' }), unreachable);
    expect(claimed.status).toBe(201);
  });
});
