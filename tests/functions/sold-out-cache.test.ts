import { describe, expect, it } from 'vitest';
import { SoldOutCache } from '../../functions/sold-out-cache';
import { asMember, body, json, plainHall, screening, sessionCookie, testApp } from './helpers/cinema';

describe('SoldOutCache', () => {
  it('remembers a sold-out screening for its time to live', () => {
    const cache = new SoldOutCache(2_000);
    cache.remember('s', [], 1_000);
    expect(cache.refuses('s', undefined, 2_999)).toBe(true);
    expect(cache.refuses('s', 'any-new-key', 2_999)).toBe(true);
    expect(cache.refuses('s', undefined, 3_000)).toBe(false);
    expect(cache.refuses('other', undefined, 1_000)).toBe(false);
  });

  it('lets through only the keys tickets were issued for', () => {
    const cache = new SoldOutCache(2_000);
    cache.remember('s', ['issued-key-1'], 1_000);
    expect(cache.refuses('s', 'issued-key-1', 1_500)).toBe(false);
    expect(cache.refuses('s', 'issued-key-2', 1_500)).toBe(true);
    cache.forget('s');
    expect(cache.refuses('s', 'issued-key-2', 1_500)).toBe(false);
  });
});

describe('claims once a screening is sold out', () => {
  it('are refused by the Worker, with or without a new Idempotency-Key, without reaching the object', async () => {
    const { request } = testApp(screening('full', { hall: plainHall(1, 1) }));
    const holder = await sessionCookie('a');
    await request('/api/screenings/full/claims', asMember(holder, json({}, { 'Idempotency-Key': 'holder-first-0001' })));
    const first = await request('/api/screenings/full/claims', asMember(await sessionCookie('b'), json({})));
    expect((await body(first)).error.code).toBe('sold_out');
    // The object would tell member a "you already hold a ticket"; the Worker's answer is sold out,
    // so the object was not asked.
    for (const headers of [{}, { 'Idempotency-Key': 'holder-second-0002' }] as Record<string, string>[]) {
      const again = await request('/api/screenings/full/claims', asMember(holder, json({}, headers)));
      expect((await body(again)).error.code).toBe('sold_out');
    }
    // Not even a session is needed to be told so.
    const anonymous = await request('/api/screenings/full/claims', json({}, { 'Idempotency-Key': 'anonymous-0003' }));
    expect((await body(anonymous)).error.code).toBe('sold_out');
  });

  it('are refused by the Worker once any answer from the object showed the screening full', async () => {
    const { request } = testApp(screening('full-by-holder', { hall: plainHall(1, 1) }));
    const holder = await sessionCookie('a');
    const claimAs = async (key: string) =>
      (await body(await request('/api/screenings/full-by-holder/claims', asMember(holder, json({}, { 'Idempotency-Key': key }))))).error?.code;
    expect(await claimAs('holder-first-0001')).toBeUndefined();
    // The object answers the holder's second claim, and says the screening is full while it is at it…
    expect(await claimAs('holder-second-0002')).toBe('already_holds_ticket');
    // …so the third never reaches it.
    expect(await claimAs('holder-third-0003')).toBe('sold_out');
  });

  it('still let a retry with the key a ticket was issued for through, so it gets that ticket back', async () => {
    const { request } = testApp(screening('retry-full', { hall: plainHall(1, 1) }));
    const holder = await sessionCookie('a');
    const key = { 'Idempotency-Key': 'holder-retry-0001' };
    const { ticket } = await body(await request('/api/screenings/retry-full/claims', asMember(holder, json({}, key))));
    const refused = await body(await request('/api/screenings/retry-full/claims', asMember(await sessionCookie('b'), json({}))));
    expect(refused.error.code).toBe('sold_out');
    // The object's answer carried the issued keys to the Worker; the member is told nothing of them.
    expect(JSON.stringify(refused)).not.toContain('holder-retry');
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
