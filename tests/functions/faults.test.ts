import { abortAllDurableObjects, env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asMember, body, drainToKv, enrol, json, plainHall, screening, sessionCookie, testApp } from './helpers/cinema';

afterEach(() => {
  vi.useRealTimers();
});

/** Claims until the answer is definitive (not a 503 from a reset object), reusing the idempotency key. */
async function claimUntilAnswered(request: ReturnType<typeof testApp>['request'], id: string, cookie: string, key: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await request(`/api/screenings/${id}/claims`, asMember(cookie, json({}, { 'Idempotency-Key': key })));
    if (response.status < 500) return { status: response.status, body: await body(response) };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no definitive answer after 20 attempts');
}

describe('a screening object restarted in the middle of a rush', () => {
  it('loses no ticket and issues none twice', async () => {
    const show = screening('restart', { hall: plainHall(4, 10) });
    const { request } = testApp(show);
    const members = await Promise.all(Array.from({ length: 120 }, (_, i) => sessionCookie(`restart-${i}`)));
    const rush = members.map((cookie, i) => claimUntilAnswered(request, 'restart', cookie, `restart-key-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await abortAllDurableObjects();
    const answers = await Promise.all(rush);

    const issued = answers.filter((a) => a.status === 201 || a.status === 200).map((a) => a.body.ticket);
    expect(issued).toHaveLength(40);
    expect(new Set(issued.map((t) => t.seat)).size).toBe(40);
    const stored = (await env.SCREENINGS.getByName('restart').tickets(show)).filter((t) => t.status === 'active');
    // Every ticket a member was told about exists, on the same seat, and nothing else does.
    expect(stored.map((t) => `${t.code}@${t.seat}`).sort()).toEqual(issued.map((t) => `${t.code}@${t.seat}`).sort());
    expect(new Set(stored.map((t) => t.memberId)).size).toBe(40);
  });
});

describe('the claim window at the millisecond', () => {
  it('opens exactly at the release instant and closes exactly at the close', async () => {
    const releaseAt = Date.parse('2030-06-03T04:00:00.000Z');
    const closesAt = releaseAt + 3_600_000;
    const show = screening('edge', {
      releaseAt: new Date(releaseAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
      startsAt: new Date(closesAt + 3_600_000).toISOString(),
    });
    const { request } = testApp(show);
    const claimAt = async (instant: number, member: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(instant);
      const cookie = await sessionCookie(member, instant + 86_400_000);
      const response = await request('/api/screenings/edge/claims', asMember(cookie, json({})));
      vi.useRealTimers();
      return response.status === 201 ? 'ticket' : (await body(response)).error.code;
    };
    expect(await claimAt(releaseAt - 1, 'a')).toBe('window_not_open');
    expect(await claimAt(releaseAt, 'b')).toBe('ticket');
    expect(await claimAt(closesAt - 1, 'c')).toBe('ticket');
    expect(await claimAt(closesAt, 'd')).toBe('window_closed');
  });
});

describe('a roster re-import while claims run', () => {
  it('neither blocks the claims nor the sign-ins of members in the new roster', async () => {
    const { request } = testApp(screening('reimport', { hall: plainHall(5, 10) }));
    const cookies = await Promise.all(Array.from({ length: 50 }, (_, i) => sessionCookie(`reimport-${i}`)));
    const importing = Promise.all(Array.from({ length: 50 }, (_, i) => enrol(`RE${i}`, String(1000 + i))));
    const claims = Promise.all(cookies.map((cookie) => request('/api/screenings/reimport/claims', asMember(cookie, json({})))));
    const [responses] = await Promise.all([claims, importing]);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const signIn = await request('/api/session', json({ memberNumber: 'RE7', phoneLast4: '1007' }, { 'CF-Connecting-IP': '203.0.113.50' }));
    expect(signIn.status).toBe(200);
  });
});

describe('write-through after a purge', () => {
  it('deletes tickets and members’ entries from KV but keeps the program counts', async () => {
    const ended = {
      startsAt: new Date(Date.now() - 4 * 3_600_000).toISOString(),
      releaseAt: new Date(Date.now() - 48 * 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 60_000).toISOString(),
    };
    const show = screening('old', ended);
    const { request } = testApp(show);
    const staff = { Authorization: `Bearer ${env.STAFF_TOKEN}` };
    const { ticket } = await body(await request('/api/screenings/old/claims', asMember(await sessionCookie('m1'), json({}))));
    await request('/api/staff/screenings/old/checkins', json({ code: ticket.code }, staff));
    await drainToKv('old');
    expect(await env.SEATS.get(`ticket:${ticket.code}`)).not.toBeNull();

    const purged = await request('/api/staff/screenings/old/purge', { method: 'POST', headers: staff });
    expect(await body(purged)).toEqual({ screeningId: 'old', purgedTickets: 1 });
    await drainToKv('old');
    expect(await env.SEATS.get(`ticket:${ticket.code}`)).toBeNull();
    expect((await env.SEATS.list({ prefix: 'mt:' })).keys.filter((k) => k.name.endsWith(':old'))).toEqual([]);
    expect(await body(await request('/api/cinema/totals'))).toMatchObject({ attendance: 1 });
    // And the rebuild that restores KV from the object restores no personal data.
    await env.SCREENINGS.getByName('old').rebuildSeatStore(show);
    await drainToKv('old');
    expect(await env.SEATS.get(`ticket:${ticket.code}`)).toBeNull();
    expect(await body(await request('/api/cinema/totals'))).toMatchObject({ attendance: 1 });
  });

  it('refuses to purge a screening that is not over', async () => {
    const { request } = testApp(screening('live'));
    const response = await request('/api/staff/screenings/live/purge', { method: 'POST', headers: { Authorization: `Bearer ${env.STAFF_TOKEN}` } });
    expect((await body(response)).error.code).toBe('screening_not_over');
  });
});
