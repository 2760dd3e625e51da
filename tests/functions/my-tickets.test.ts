import { describe, expect, it } from 'vitest';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, staffHeaders, testApp } from './helpers/cinema';

// GET /api/me/tickets as the ticket at the door needs it: whether it was used, and where to go.
describe('a member’s tickets at the door', () => {
  it('says checkedInAt: null until the door checks the ticket in, then when it did', async () => {
    const { request } = testApp(screening('door-ticket'));
    const cookie = await sessionCookie('door-ticket-member');
    const { ticket } = await body(await request('/api/screenings/door-ticket/claims', asMember(cookie, json({}))));
    await drainToKv('door-ticket');
    const [before] = (await body(await request('/api/me/tickets', asMember(cookie)))).tickets;
    expect(before).toMatchObject({ code: ticket.code, checkedInAt: null });

    const checkIn = await request('/api/staff/screenings/door-ticket/checkins', json({ code: ticket.code }, staffHeaders()));
    const { ticket: used } = await body(checkIn);
    await drainToKv('door-ticket');
    const [after] = (await body(await request('/api/me/tickets', asMember(cookie)))).tickets;
    expect(after.checkedInAt).toBe(used.checkedInAt);
    expect(Date.parse(after.checkedInAt)).toBeGreaterThan(Date.parse(ticket.claimedAt) - 1);
    // Check-in ends cancelling: the page offers no 退票 for it, and the Worker refuses one.
    const cancel = await request(`/api/tickets/${ticket.code}`, asMember(cookie, { method: 'DELETE' }));
    expect((await body(cancel)).error.code).toBe('already_checked_in');
  });

  it("carries the hall's address and how to get in, when its file gives them", async () => {
    const hall = { ...plainHall(2, 4), address: '青岛市中心，青岛工人疗养院内', directions: '放映日有志愿者引导车辆停放。' };
    const { request } = testApp(screening('with-address', { hall }), screening('without-address'));
    const cookie = await sessionCookie('address-member');
    await request('/api/screenings/with-address/claims', asMember(cookie, json({})));
    await request('/api/screenings/without-address/claims', asMember(cookie, json({})));
    await Promise.all([drainToKv('with-address'), drainToKv('without-address')]);
    const { tickets } = await body(await request('/api/me/tickets', asMember(cookie)));
    const by = (id: string) => tickets.find((t: { screening: { id: string } }) => t.screening.id === id).screening;
    expect(by('with-address')).toMatchObject({ address: '青岛市中心，青岛工人疗养院内', directions: '放映日有志愿者引导车辆停放。' });
    expect(by('without-address')).not.toHaveProperty('address');
    expect(by('without-address')).not.toHaveProperty('directions');
  });
});
