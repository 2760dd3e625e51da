import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { memberId } from '../../functions/member-identity';
import { testStaffDirectory } from './helpers/staff';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

const suspendMember = async (memberNumber: string) => {
  const id = await memberId(memberNumber, env.MEMBER_HASH_KEY);
  await env.MEMBER_STANDING.getByName(id).record([
    { screeningId: 'old-1', kind: 'no_show', at: daysAgo(30) },
    { screeningId: 'old-2', kind: 'late_cancel', at: daysAgo(20) },
    { screeningId: 'old-3', kind: 'no_show', at: daysAgo(10) },
    { screeningId: 'old-4', kind: 'late_cancel', at: daysAgo(2) },
  ]);
  return id;
};

describe('staff: a member’s standing', () => {
  it('shows an operator the standing by member number, and clears a strike with a reason, audited with the member masked', async () => {
    const { request } = testApp();
    const id = await suspendMember(' sm-001 ');
    const looked = await request('/api/staff/members/standing', json({ memberNumber: 'SM-001' }, staffHeaders('operator')));
    expect(looked.status).toBe(200);
    const { standing, member } = await body(looked);
    expect(member).toBe(`会员 ···${id.slice(-4)}`);
    expect(standing).toMatchObject({ points: 0, suspended: { until: expect.stringMatching(/T16:00:00\.000Z$/) }, lotteryWeight: 1 });
    expect(standing.strikes.map((strike: { status: string }) => strike.status)).toEqual(['used', 'used', 'used', 'used']);

    const cleared = await request(
      '/api/staff/members/strikes/clear',
      json({ memberNumber: 'SM-001', screeningId: 'old-3', kind: 'no_show', reason: '检票机离线，核实已入场' }, staffHeaders('operator')),
    );
    expect(cleared.status).toBe(200);
    const after = (await body(cleared)).standing;
    expect(after.suspended).toBeUndefined();
    expect(after.strikes[2]).toMatchObject({ screeningId: 'old-3', status: 'cleared', cleared: { reason: '检票机离线，核实已入场' } });
    expect(await env.MEMBER_STANDING.getByName(id).suspendedUntil()).toBeNull();

    const audit = await testStaffDirectory().readAudit({ limit: 5, action: 'strike_clear' });
    const entry = audit[0];
    expect(entry).toMatchObject({ outcome: 'ok', details: { member: `会员 ···${id.slice(-4)}`, screeningId: 'old-3', kind: 'no_show' } });
    expect(JSON.stringify(audit)).not.toContain('SM-001');
  });

  it('refuses a strike the member does not have, a reason missing, and door staff', async () => {
    const { request } = testApp();
    await suspendMember('SM-002');
    const missing = await request('/api/staff/members/strikes/clear', json({ memberNumber: 'SM-002', screeningId: 'nope', kind: 'no_show', reason: '误记' }, staffHeaders()));
    expect(missing.status).toBe(404);
    expect((await body(missing)).error).toMatchObject({ code: 'strike_not_found', message: expect.any(String) });
    const noReason = await request('/api/staff/members/strikes/clear', json({ memberNumber: 'SM-002', screeningId: 'old-1', kind: 'no_show' }, staffHeaders()));
    expect((await body(noReason)).error.code).toBe('invalid_input');
    const door = await request('/api/staff/members/standing', json({ memberNumber: 'SM-002' }, staffHeaders('door')));
    expect((await body(door)).error.code).toBe('staff_forbidden');
  });
});

describe('GET /api/me/standing', () => {
  it('answers the signed-in member’s own standing, and nobody else’s', async () => {
    const { request } = testApp();
    await env.MEMBER_STANDING.getByName('me-standing').record([{ screeningId: 'me-1', kind: 'late_cancel', at: daysAgo(3) }]);
    const mine = await request('/api/me/standing', asMember(await sessionCookie('me-standing')));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('Cache-Control')).toBe('no-store');
    expect((await body(mine)).standing).toMatchObject({ points: 0.5, strikes: [{ screeningId: 'me-1', kind: 'late_cancel', status: 'active' }] });
    expect((await request('/api/me/standing')).status).toBe(401);
  });
});

describe('a union’s unused 包场 seats released by staff a day before the start', () => {
  it('go to the waitlist first, then to any member', async () => {
    const show = screening('release-union', {
      hall: plainHall(1, 4),
      startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      closesAt: new Date(Date.now() + 23 * HOUR).toISOString(),
    });
    const { request } = testApp(show);
    expect((await request('/api/staff/screenings/release-union/bookings', json({ union: '港务工会', seats: ['1-1', '1-2', '1-3'] }, staffHeaders()))).status).toBe(201);
    expect((await request('/api/screenings/release-union/claims', asMember(await sessionCookie('ru-a'), json({})))).status).toBe(201);
    const waiting = await sessionCookie('ru-waiting');
    expect((await request('/api/screenings/release-union/waitlist', asMember(waiting, json({})))).status).toBe(201);

    // What the console's 放回未入场的座位 sends: the union's seats nobody checked in on.
    const console = await body(await request('/api/staff/console/screenings/release-union', { headers: staffHeaders() }));
    const unused = console.seats.filter((seat: { state: string; checkedIn: boolean; code?: string }) => seat.state === 'union' && seat.code && !seat.checkedIn).map((seat: { id: string }) => seat.id);
    expect(unused).toEqual(['1-1', '1-2', '1-3']);
    const released = await request('/api/staff/screenings/release-union/bookings', { ...json({ union: '港务工会', seats: unused.slice(1) }, staffHeaders()), method: 'DELETE' });
    expect(await body(released)).toEqual({ union: '港务工会', released: ['1-2', '1-3'], promoted: ['1-2'] });
    await drainToKv('release-union');
    expect((await body(await request('/api/me/tickets', asMember(waiting)))).tickets).toEqual([expect.objectContaining({ seat: '1-2', status: 'active' })]);
    const next = await request('/api/screenings/release-union/claims', asMember(await sessionCookie('ru-public'), json({})));
    expect((await body(next)).ticket.seat).toBe('1-3');
  });
});
