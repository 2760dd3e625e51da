import { describe, expect, it } from 'vitest';
import { SoldOutCache } from '../../functions/sold-out-cache';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, testApp } from './helpers/cinema';

describe('SoldOutCache', () => {
  it('remembers a sold-out screening for its time to live', () => {
    const cache = new SoldOutCache(2_000);
    cache.remember('s', 1_000);
    expect(cache.isSoldOut('s', 2_999)).toBe(true);
    expect(cache.isSoldOut('s', 3_000)).toBe(false);
    expect(cache.isSoldOut('other', 1_000)).toBe(false);
  });
});

describe('claims once a screening is sold out', () => {
  it('are refused by the Worker without reaching the object', async () => {
    const { request } = testApp(screening('full', { hall: plainHall(1, 1) }));
    const holder = await sessionCookie('a');
    await request('/api/screenings/full/claims', asMember(holder, json({})));
    const first = await request('/api/screenings/full/claims', asMember(await sessionCookie('b'), json({})));
    expect((await body(first)).error.code).toBe('sold_out');
    // The object would tell member a "you already hold a ticket"; before KV knows that, the Worker's
    // answer is sold out, so the object was not asked.
    const again = await request('/api/screenings/full/claims', asMember(holder, json({})));
    expect((await body(again)).error.code).toBe('sold_out');
  });

  it('still let a ticket holder through once KV shows the ticket, so a retry gets it back', async () => {
    const { request } = testApp(screening('retry-full', { hall: plainHall(1, 1) }));
    const holder = await sessionCookie('a');
    const key = { 'Idempotency-Key': 'holder-retry-0001' };
    const { ticket } = await body(await request('/api/screenings/retry-full/claims', asMember(holder, json({}, key))));
    await request('/api/screenings/retry-full/claims', asMember(await sessionCookie('b'), json({})));
    await drainToKv('retry-full');
    const retry = await request('/api/screenings/retry-full/claims', asMember(holder, json({}, key)));
    expect(retry.status).toBe(200);
    expect((await body(retry)).ticket.code).toBe(ticket.code);
  });

  it('reach the object again after a cancellation frees a seat', async () => {
    const { request } = testApp(screening('freed', { hall: plainHall(1, 1) }));
    const a = await sessionCookie('a');
    const { ticket } = await body(await request('/api/screenings/freed/claims', asMember(a, json({}))));
    await request('/api/screenings/freed/claims', asMember(await sessionCookie('b'), json({})));
    await request(`/api/screenings/freed/tickets/${ticket.code}`, asMember(a, { method: 'DELETE' }));
    expect((await request('/api/screenings/freed/claims', asMember(await sessionCookie('c'), json({})))).status).toBe(201);
  });
});
