import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SoldOutCache } from '../../functions/sold-out-cache';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, testApp } from './helpers/cinema';

describe('SoldOutCache', () => {
  const neverIssued = async () => false;

  it('remembers a sold-out answer for its time to live', async () => {
    const cache = new SoldOutCache(2_000);
    cache.noteClaim('s', { soldOut: true }, 1_000);
    cache.noteClaim('other', {}, 1_000);
    expect(await cache.refuses('s', undefined, neverIssued, 2_999)).toBe(true);
    expect(await cache.refuses('s', 'any-new-key', neverIssued, 2_999)).toBe(true);
    expect(await cache.refuses('s', undefined, neverIssued, 3_000)).toBe(false);
    expect(await cache.refuses('other', undefined, neverIssued, 1_000)).toBe(false);
  });

  it('asks the object about a key only while it refuses, and lets through the keys tickets were issued for', async () => {
    const cache = new SoldOutCache(2_000);
    const asked: string[] = [];
    const issuedKey = async (key: string) => (asked.push(key), key === 'issued-key-1');
    expect(await cache.refuses('s', 'issued-key-0', issuedKey, 1_000)).toBe(false);
    cache.noteClaim('s', { soldOut: true }, 1_000);
    expect(await cache.refuses('s', 'issued-key-1', issuedKey, 1_500)).toBe(false);
    expect(await cache.refuses('s', 'issued-key-2', issuedKey, 1_500)).toBe(true);
    expect(asked).toEqual(['issued-key-1', 'issued-key-2']);
  });

  it('forgets a screening when a cancellation freed a seat, not when the waitlist took it', async () => {
    const cache = new SoldOutCache(2_000);
    cache.noteClaim('s', { soldOut: true }, 1_000);
    cache.noteCancel('s', { ok: true, promoted: {} });
    cache.noteCancel('s', { ok: false });
    expect(await cache.refuses('s', undefined, neverIssued, 1_500)).toBe(true);
    cache.noteCancel('s', { ok: true });
    expect(await cache.refuses('s', undefined, neverIssued, 1_500)).toBe(false);
  });
});

describe('claims once a screening is sold out', () => {
  it('are refused by the Worker, with or without a new Idempotency-Key, before any claim reaches the object', async () => {
    const { request } = testApp(screening('full', { hall: plainHall(1, 1) }));
    const holder = await sessionCookie('a');
    await request('/api/screenings/full/claims', asMember(holder, json({}, { 'Idempotency-Key': 'holder-first-0001' })));
    const first = await request('/api/screenings/full/claims', asMember(await sessionCookie('b'), json({})));
    expect((await body(first)).error.code).toBe('sold_out');
    // The object would tell member a "you already hold a ticket"; the Worker's answer is sold out,
    // so the claim never reached it (a new key costs only the question whether a ticket was issued for it).
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

describe('the sold-out shortcut across Worker isolates', () => {
  it('gives a retry its ticket on an isolate that still thinks the screening is full', async () => {
    const show = screening('two-isolates', { hall: plainHall(1, 1) });
    const [isolateA, isolateB] = [testApp(show), testApp(show)];
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((id) => sessionCookie(id)));
    const { ticket } = await body(await isolateA.request('/api/screenings/two-isolates/claims', asMember(a, json({}))));
    // Isolate A learns the screening is full.
    expect((await body(await isolateA.request('/api/screenings/two-isolates/claims', asMember(b, json({}))))).error.code).toBe('sold_out');
    // a cancels through B; c claims through B and the answer is lost…
    await isolateB.request(`/api/screenings/two-isolates/tickets/${ticket.code}`, asMember(a, { method: 'DELETE' }));
    const key = { 'Idempotency-Key': 'member-c-claim-0001' };
    const won = await isolateB.request('/api/screenings/two-isolates/claims', asMember(c, json({}, key)));
    expect(won.status).toBe(201);
    // …so c retries with the same key, and lands on A.
    const retry = await isolateA.request('/api/screenings/two-isolates/claims', asMember(c, json({}, key)));
    expect(retry.status).toBe(200);
    expect((await body(retry)).ticket.code).toBe((await body(won)).ticket.code);
    // A key no ticket was issued for is still refused by A without a session.
    const anonymous = await isolateA.request('/api/screenings/two-isolates/claims', json({}, { 'Idempotency-Key': 'never-issued-0002' }));
    expect((await body(anonymous)).error.code).toBe('sold_out');
  });

  it('a cancellation by code alone (DELETE /api/tickets/:code) lets claims through again', async () => {
    const show = screening('by-code', { hall: plainHall(1, 1) });
    const { request } = testApp(show);
    const a = await sessionCookie('a');
    const { ticket } = await body(await request('/api/screenings/by-code/claims', asMember(a, json({}))));
    expect((await body(await request('/api/screenings/by-code/claims', asMember(await sessionCookie('b'), json({}))))).error.code).toBe('sold_out');
    await drainToKv('by-code');
    expect((await request(`/api/tickets/${ticket.code}`, asMember(a, { method: 'DELETE' }))).status).toBe(200);
    expect((await request('/api/screenings/by-code/claims', asMember(await sessionCookie('c'), json({})))).status).toBe(201);
  });

  it('ships no issued keys to the Worker', async () => {
    const show = screening('no-keys', { hall: plainHall(1, 1) });
    const stub = env.SCREENINGS.getByName('no-keys');
    await stub.claim(show, { memberId: 'a', idempotencyKey: 'issued-key-0001' });
    const refused = await stub.claim(show, { memberId: 'b', idempotencyKey: 'other-key-0002' });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'sold_out' }, soldOut: true });
    expect(JSON.stringify(refused)).not.toContain('issued-key');
  });
});
