import { describe, expect, it } from 'vitest';
import { asMember, body, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';
import { createStaff, staffSessionCookie, testStaffDirectory } from './helpers/staff';

const HOUR = 3_600_000;

async function claim(request: ReturnType<typeof testApp>['request'], id: string, member: string, seat: string) {
  return (await body(await request(`/api/screenings/${id}/claims`, asMember(await sessionCookie(member), json({ seat }))))).ticket;
}

const book = (request: ReturnType<typeof testApp>['request'], id: string, payload: object) =>
  request(`/api/staff/screenings/${id}/bookings`, json(payload, staffHeaders()));

describe('the console dashboard', () => {
  it('lists the screenings not long started, soonest first, each with its live numbers', async () => {
    const soon = screening('dash-soon', { hall: plainHall(2, 5) });
    const later = screening('dash-later', { startsAt: new Date(Date.now() + 30 * HOUR).toISOString() });
    const over = screening('dash-over', { startsAt: new Date(Date.now() - 30 * HOUR).toISOString() });
    const { request } = testApp(later, over, soon);
    await claim(request, 'dash-soon', 'm1', '1-1');
    await book(request, 'dash-soon', { union: '机务段工会', seats: ['2-1', '2-2'] });
    const response = await request('/api/staff/console/screenings', { headers: staffHeaders() });
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const { screenings } = await body(response);
    expect(screenings.map((row: { id: string }) => row.id)).toEqual(['dash-soon', 'dash-later']);
    expect(screenings[0]).toMatchObject({ film: soon.film.title, capacity: 10, claimed: 1, reserved: 2, checkedIn: 0, noShows: 0, waitlist: 0 });
  });
});

describe('one screening’s seat holders', () => {
  it('shows every seat with its holder, a member only as a masked id', async () => {
    const { request } = testApp(screening('holders', { hall: plainHall(1, 4) }));
    await claim(request, 'holders', 'member-with-a-long-hash-7f3e', '1-1');
    await book(request, 'holders', { union: '车务段工会', seats: ['1-3', '1-4'] });
    const answer = await body(await request('/api/staff/console/screenings/holders', { headers: staffHeaders() }));
    expect(answer.seats.map((seat: { id: string; state: string; holder?: string }) => [seat.id, seat.state, seat.holder])).toEqual([
      ['1-1', 'member', '会员 ···7f3e'],
      ['1-2', 'free', undefined],
      ['1-3', 'union', '车务段工会'],
      ['1-4', 'union', '车务段工会'],
    ]);
    expect(answer.unions).toEqual([{ union: '车务段工会', seats: 2, unused: 2 }]);
    expect(JSON.stringify(answer)).not.toContain('member-with-a-long-hash');
  });

  it('answers not_found for an unknown screening', async () => {
    const { request } = testApp(screening('known'));
    const response = await request('/api/staff/console/screenings/unknown', { headers: staffHeaders() });
    expect(response.status).toBe(404);
  });
});

describe('union suggestions', () => {
  it('lists the unions of earlier bookings, once per screening they booked', async () => {
    const whole = screening('whole', { booking: { union: '工务段工会' }, startsAt: new Date(Date.now() - 300 * HOUR).toISOString() });
    const { request } = testApp(whole, screening('sugg-a'), screening('sugg-b'));
    await book(request, 'sugg-a', { union: '机务段工会', seats: ['1-1', '1-2'] });
    await book(request, 'sugg-b', { union: '机务段工会', seats: ['1-1'] });
    const { unions } = await body(await request('/api/staff/console/unions', { headers: staffHeaders() }));
    expect([...unions].sort()).toEqual(['工务段工会', '机务段工会', '机务段工会']);
  });
});

describe('who may read the console', () => {
  it.each(['/api/staff/console/screenings', '/api/staff/console/screenings/guarded', '/api/staff/console/unions'])(
    '%s: operators and admins; door accounts are forbidden; anyone else, a member included, is not signed in',
    async (path) => {
      const { request } = testApp(screening('guarded'));
      for (const role of ['operator', 'admin'] as const) expect((await request(path, { headers: staffHeaders(role) })).status).toBe(200);
      const door = await request(path, { headers: staffHeaders('door') });
      expect(door.status).toBe(403);
      expect((await body(door)).error.code).toBe('staff_forbidden');
      const anonymous = await request(path);
      expect(anonymous.status).toBe(401);
      expect((await body(anonymous)).error.code).toBe('staff_unauthorized');
      const member = await request(path, asMember(await sessionCookie('m1')));
      expect((await body(member)).error.code).toBe('staff_unauthorized');
      const wrongToken = await request(path, { headers: { Authorization: 'Bearer hgs_not-a-token' } });
      expect((await body(wrongToken)).error.code).toBe('staff_unauthorized');
    },
  );

  it('admits an operator by the session cookie the console signs in with, and stops a disabled account at once', async () => {
    const { request } = testApp(screening('cookie'));
    const { username, password } = await createStaff(request, 'operator');
    const cookie = await staffSessionCookie(request, username, password);
    expect((await request('/api/staff/console/screenings', { headers: { Cookie: cookie } })).status).toBe(200);
    await testStaffDirectory().setDisabled(username, true);
    const disabled = await request('/api/staff/console/screenings', { headers: { Cookie: cookie } });
    expect((await body(disabled)).error.code).toBe('staff_unauthorized');
  });
});
