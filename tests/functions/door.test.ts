import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { asMember, body, json, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';
import { testStaffDirectory } from './helpers/staff';

type Request = ReturnType<typeof testApp>['request'];

async function claimed(request: Request, id: string, member: string) {
  const response = await request(`/api/screenings/${id}/claims`, asMember(await sessionCookie(member), json({})));
  return (await body(response)).ticket as { code: string; seat: string; qr: string };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const sync = (request: Request, id: string, device: string, checkIns: { code: string; at: string }[], headers: Record<string, string> = staffHeaders('door')) =>
  request(`/api/door/screenings/${id}/checkins`, json({ device, checkIns }, headers));
const doorList = async (request: Request, id: string) => body(await request(`/api/door/screenings/${id}`, { headers: staffHeaders('door') }));
const fromBase64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));

describe('the door list', () => {
  it('gives the public key that verifies tickets’ QR, and every ticket’s code, seat and state with no member data', async () => {
    const { request } = testApp(screening('list'));
    const ticket = await claimed(request, 'list', 'member-one');
    const list = await doorList(request, 'list');
    expect(list.tickets).toEqual([{ code: ticket.code, seat: ticket.seat, status: 'active' }]);
    expect(JSON.stringify(list)).not.toContain('member-one');
    expect(list.conflicts).toEqual([]);

    // The QR's Ed25519 signature verifies with the listed public key, as the door's browser does it.
    const [version, screeningId, code, signature] = ticket.qr.split('.') as [string, string, string, string];
    const key = await crypto.subtle.importKey('raw', fromBase64url(list.publicKeys[0]), { name: 'Ed25519' }, false, ['verify']);
    const message = new TextEncoder().encode(`${version}.${screeningId}.${code}`);
    expect(await crypto.subtle.verify('Ed25519', key, fromBase64url(signature), message)).toBe(true);
    expect(await crypto.subtle.verify('Ed25519', key, fromBase64url(signature), new TextEncoder().encode(`HG2.other.${code}`))).toBe(false);
  });

  it('lists the previous signing key during a rotation, after the current one', async () => {
    const { app } = testApp(screening('rotation'));
    const previous = 'MC4CAQAwBQYDK2VwBCIEICeBQkQ0HjCBMnq6PCCrMHEzbtTTkRYp/HZHO4soKm8u';
    const rotated = await body(await app.request('/api/door/screenings/rotation', { headers: staffHeaders('door') }, { ...env, TICKET_SIGNING_KEY_PREVIOUS: previous }));
    const current = await doorList(testApp(screening('rotation')).request, 'rotation');
    expect(rotated.publicKeys).toHaveLength(2);
    expect(rotated.publicKeys[0]).toBe(current.publicKeys[0]);
  });

  it('is for door staff and above, and refuses anyone else', async () => {
    const { request } = testApp(screening('closed-door'));
    expect((await request('/api/door/screenings/closed-door')).status).toBe(401);
    const member = await request('/api/door/screenings/closed-door', asMember(await sessionCookie('m')));
    expect((await body(member)).error.code).toBe('staff_unauthorized');
    const guessed = await request('/api/door/screenings/closed-door', { headers: { Authorization: 'Bearer hgs_guess' } });
    expect((await body(guessed)).error.code).toBe('staff_unauthorized');
    expect((await sync(request, 'closed-door', 'door-a', [{ code: 'ABCD2345', at: minutesAgo(1) }], {})).status).toBe(401);
    for (const role of ['door', 'operator', 'admin'] as const) {
      expect((await request('/api/door/screenings/closed-door', { headers: staffHeaders(role) })).status).toBe(200);
      expect((await sync(request, 'closed-door', `door-${role}`, [{ code: 'ABCD2345', at: minutesAgo(1) }], staffHeaders(role))).status).toBe(200);
    }
  });
});

describe('syncing offline check-ins', () => {
  it('checks tickets in with their original time, and a replayed batch changes nothing', async () => {
    const show = screening('sync');
    const { request } = testApp(show);
    const a = await claimed(request, 'sync', 'a');
    const b = await claimed(request, 'sync', 'b');
    const batch = [
      { code: a.code, at: minutesAgo(20) },
      { code: b.code.toLowerCase(), at: minutesAgo(15) },
      { code: 'ABCD-2345', at: minutesAgo(10) },
    ];
    const first = await body(await sync(request, 'sync', 'door-a', batch));
    expect(first.results.map((result: { result: string }) => result.result)).toEqual(['checked_in', 'checked_in', 'unknown_ticket']);
    const before = await env.SCREENINGS.getByName('sync').backup(show);
    expect(before.tickets.find((ticket) => ticket.code === a.code)?.checkedInAt).toBe(batch[0]!.at);

    const again = await body(await sync(request, 'sync', 'door-a', batch));
    expect(again.results.map((result: { result: string }) => result.result)).toEqual(['replayed', 'replayed', 'unknown_ticket']);
    expect(await env.SCREENINGS.getByName('sync').backup(show)).toEqual(before);
    const stats = await body(await request('/api/staff/screenings/sync/stats', { headers: staffHeaders() }));
    expect(stats).toMatchObject({ checkedIn: 2, conflicts: [] });
    // Each sync, the replay too, is in the audit log: who, which device, what came in.
    const audit = await testStaffDirectory().readAudit({ limit: 10, action: 'check_in_sync', screening: 'sync' });
    expect(audit.map((entry) => [entry.actor, entry.outcome, entry.details])).toEqual([
      ['test-door', 'ok', { device: 'door-a', sent: 3, checkIns: 0, conflicts: 0, tickets: [], conflictTickets: [] }],
      ['test-door', 'ok', { device: 'door-a', sent: 3, checkIns: 2, conflicts: 0, tickets: [a.code, b.code], conflictTickets: [] }],
    ]);
  });

  it('keeps the earlier of two devices’ check-ins whichever syncs first, tells the later device, and reports the conflict', async () => {
    const { request } = testApp(screening('two-doors'));
    const first = await claimed(request, 'two-doors', 'a');
    const second = await claimed(request, 'two-doors', 'b');
    const [early, late] = [minutesAgo(30), minutesAgo(10)];

    // The later check-in syncs first, then the earlier one: the earlier wins.
    await sync(request, 'two-doors', 'door-a', [{ code: first.code, at: late }]);
    const earlier = await body(await sync(request, 'two-doors', 'door-b', [{ code: first.code, at: early }]));
    expect(earlier.results[0]).toMatchObject({ result: 'checked_in', at: early });
    // The earlier syncs first, then the later: the later device is told.
    await sync(request, 'two-doors', 'door-b', [{ code: second.code, at: early }]);
    const later = await body(await sync(request, 'two-doors', 'door-a', [{ code: second.code, at: late }]));
    expect(later.results[0]).toEqual({ code: second.code, at: late, result: 'conflict', kept: { at: early, device: 'door-b' } });
    // The device whose check-in lost after it had synced hears it on its next sync or list.
    const replay = await body(await sync(request, 'two-doors', 'door-a', [{ code: first.code, at: late }]));
    expect(replay.results[0]).toMatchObject({ result: 'conflict', kept: { at: early, device: 'door-b' } });

    const conflict = (code: string, seat: string) => ({
      code,
      seat,
      kept: { code, at: early, device: 'door-b' },
      later: { code, at: late, device: 'door-a' },
    });
    const stats = await body(await request('/api/staff/screenings/two-doors/stats', { headers: staffHeaders() }));
    expect(stats.checkedIn).toBe(2);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect([...stats.conflicts].sort(byCode)).toEqual([conflict(first.code, first.seat), conflict(second.code, second.seat)].sort(byCode));
    expect((await doorList(request, 'two-doors')).conflicts).toHaveLength(2);
  });

  it('lets an offline check-in earlier than an online one win, and never takes a time in the future', async () => {
    const { request } = testApp(screening('online-too'));
    const ticket = await claimed(request, 'online-too', 'a');
    const online = await body(await request('/api/staff/screenings/online-too/checkins', json({ code: ticket.code }, staffHeaders())));
    const offline = await body(await sync(request, 'online-too', 'door-a', [{ code: ticket.code, at: minutesAgo(5) }]));
    expect(offline.results[0].result).toBe('checked_in');
    const stats = await body(await request('/api/staff/screenings/online-too/stats', { headers: staffHeaders() }));
    expect(stats.conflicts[0].later).toEqual({ code: ticket.code, at: online.ticket.checkedInAt, device: 'online' });

    const other = await claimed(request, 'online-too', 'b');
    const ahead = await body(await sync(request, 'online-too', 'door-c', [{ code: other.code, at: new Date(Date.now() + 3_600_000).toISOString() }]));
    expect(Date.parse(ahead.results[0].at)).toBeLessThanOrEqual(Date.now());
  });

  it('takes a device’s offline check-in of a ticket its own online check-in took (the answer was lost) as a replay, not a conflict', async () => {
    const { request } = testApp(screening('lost-answer'));
    const ticket = await claimed(request, 'lost-answer', 'a');
    // The online check-in goes through; its answer never reaches door-a, which checks the ticket in offline a little later.
    const online = await request('/api/staff/screenings/lost-answer/checkins', json({ code: ticket.code, device: 'door-a' }, staffHeaders('door')));
    expect(online.status).toBe(200);
    const checkedInAt = (await body(online)).ticket.checkedInAt;
    const synced = await body(await sync(request, 'lost-answer', 'door-a', [{ code: ticket.code, at: new Date().toISOString() }]));
    expect(synced.results[0]).toMatchObject({ code: ticket.code, result: 'replayed' });
    const stats = await body(await request('/api/staff/screenings/lost-answer/stats', { headers: staffHeaders() }));
    expect(stats).toMatchObject({ checkedIn: 1, conflicts: [] });
    expect((await doorList(request, 'lost-answer')).tickets[0].checkedInAt).toBe(checkedInAt);

    // Another device's later check-in of it is still a conflict, and names door-a as the one kept.
    const other = await body(await sync(request, 'lost-answer', 'door-b', [{ code: ticket.code, at: new Date().toISOString() }]));
    expect(other.results[0]).toMatchObject({ result: 'conflict', kept: { at: checkedInAt, device: 'door-a' } });
    // An online check-in with no device (a script) is still recorded as `online`.
    const scripted = await claimed(request, 'lost-answer', 'b');
    await request('/api/staff/screenings/lost-answer/checkins', json({ code: scripted.code }, staffHeaders('door')));
    const late = await body(await sync(request, 'lost-answer', 'door-a', [{ code: scripted.code, at: new Date().toISOString() }]));
    expect(late.results[0]).toMatchObject({ result: 'conflict', kept: { device: 'online' } });
  });

  it('refuses a cancelled ticket and a malformed batch', async () => {
    const { request } = testApp(screening('bad-batch'));
    const cookie = await sessionCookie('a');
    const ticket = await claimed(request, 'bad-batch', 'a');
    expect((await request(`/api/screenings/bad-batch/tickets/${ticket.code}`, asMember(cookie, { method: 'DELETE' }))).status).toBe(200);
    const cancelled = await body(await sync(request, 'bad-batch', 'door-a', [{ code: ticket.code, at: minutesAgo(1) }]));
    expect(cancelled.results[0].result).toBe('ticket_cancelled');
    for (const bad of [
      { device: 'online', checkIns: [{ code: ticket.code, at: minutesAgo(1) }] },
      { device: 'door-a', checkIns: [] },
      { device: 'door-a', checkIns: [{ code: 'not a code', at: minutesAgo(1) }] },
      { device: 'door-a', checkIns: [{ code: ticket.code, at: 'yesterday' }] },
      { device: 'door-a', checkIns: Array.from({ length: 101 }, () => ({ code: ticket.code, at: minutesAgo(1) })) },
    ]) {
      const response = await request('/api/door/screenings/bad-batch/checkins', json(bad, staffHeaders()));
      expect([400, 413]).toContain(response.status);
    }
  });
});
