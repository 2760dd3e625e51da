import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app';
import type { Env } from '../../functions/env';
import { SoldOutCache, type Retry } from '../../functions/sold-out-cache';
import { asMember, body, drainToKv, json, plainHall, screening, sessionCookie, testApp } from './helpers/cinema';

describe('SoldOutCache', () => {
  it('remembers a sold-out answer for its time to live', () => {
    const cache = new SoldOutCache(2_000);
    cache.noteClaim('s', { soldOut: true }, 1_000);
    cache.noteClaim('other', {}, 1_000);
    expect(cache.remembers('s', 2_999)).toBe(true);
    expect(cache.remembers('s', 3_000)).toBe(false);
    expect(cache.remembers('other', 1_000)).toBe(false);
  });

  it("asks the object about a member's key only while it remembers, and lets through the keys that got that member a ticket", async () => {
    const cache = new SoldOutCache(2_000);
    const asked: Retry[] = [];
    const issuedKey = async (retry: Retry) => (asked.push(retry), retry.memberId === 'a' && retry.key === 'issued-key-1');
    expect(await cache.refuses('s', { memberId: 'a', key: 'issued-key-0' }, issuedKey, 1_000)).toBe(false);
    cache.noteClaim('s', { soldOut: true }, 1_000);
    expect(await cache.refuses('s', undefined, issuedKey, 1_500)).toBe(true);
    expect(await cache.refuses('s', { memberId: 'a', key: 'issued-key-1' }, issuedKey, 1_500)).toBe(false);
    expect(await cache.refuses('s', { memberId: 'b', key: 'issued-key-1' }, issuedKey, 1_500)).toBe(true);
    expect(asked).toEqual([
      { memberId: 'a', key: 'issued-key-1' },
      { memberId: 'b', key: 'issued-key-1' },
    ]);
  });

  it('forgets a screening when a cancellation freed a seat, not when the waitlist took it', () => {
    const cache = new SoldOutCache(2_000);
    cache.noteClaim('s', { soldOut: true }, 1_000);
    cache.noteCancel('s', { ok: true, promoted: {} });
    cache.noteCancel('s', { ok: false });
    expect(cache.remembers('s', 1_500)).toBe(true);
    cache.noteCancel('s', { ok: true });
    expect(cache.remembers('s', 1_500)).toBe(false);
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

/** The test env, with every call to a screening's object recorded by method name. */
function countingObjectCalls(): { env: Env; calls: string[] } {
  const calls: string[] = [];
  // A stub's methods are RPC proxies (even `bind` would be sent to the object): call them through the stub.
  const stubOf = (stub: Record<string, (...args: unknown[]) => unknown>) =>
    new Proxy(stub, {
      get(target, prop: string) {
        calls.push(prop);
        return (...args: unknown[]) => target[prop]!(...args);
      },
    });
  const screenings = new Proxy(env.SCREENINGS, {
    get(target, prop) {
      if (prop === 'getByName') return (name: string) => stubOf(target.getByName(name) as never);
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { env: { ...env, SCREENINGS: screenings }, calls };
}

describe('the sold-out shortcut and who may ask it about a key', () => {
  it('gives an outsider without a session the same answer for a used and an unused Idempotency-Key', async () => {
    const { request } = testApp(screening('probe', { hall: plainHall(1, 1) }));
    await request('/api/screenings/probe/claims', asMember(await sessionCookie('probe-a'), json({}, { 'Idempotency-Key': 'my-first-claim' })));
    await request('/api/screenings/probe/claims', asMember(await sessionCookie('probe-b'), json({})));
    const used = await request('/api/screenings/probe/claims', json({}, { 'Idempotency-Key': 'my-first-claim' }));
    const unused = await request('/api/screenings/probe/claims', json({}, { 'Idempotency-Key': 'my-other-claim' }));
    expect([used.status, (await body(used)).error.code]).toEqual([unused.status, (await body(unused)).error.code]);
  });

  it('refuses claims without a signed session from memory: 50 with fresh keys cost the object nothing', async () => {
    const show = screening('flood', { hall: plainHall(1, 1) });
    const counted = countingObjectCalls();
    const app = createApp({ catalogue: { screenings: [show] } });
    const request = (init: RequestInit) => app.request('/api/screenings/flood/claims', init, counted.env);
    await request(asMember(await sessionCookie('flood-a'), json({})));
    await request(asMember(await sessionCookie('flood-b'), json({}))); // sold out, remembered by this app
    counted.calls.length = 0;
    const flood = await Promise.all(
      Array.from({ length: 50 }, (_, i) => request(json({}, { 'Idempotency-Key': `random-key-${i}-${crypto.randomUUID()}` }))),
    );
    expect(flood.every((response) => response.status === 409)).toBe(true);
    expect(counted.calls).toEqual([]);
  });

  it("does not let a member retry with another member's key", async () => {
    const show = screening('own-key', { hall: plainHall(1, 1) });
    const counted = countingObjectCalls();
    const app = createApp({ catalogue: { screenings: [show] } });
    const claim = (cookie: string, headers: Record<string, string> = {}) =>
      app.request('/api/screenings/own-key/claims', asMember(cookie, json({}, headers)), counted.env);
    const [holder, other] = await Promise.all([sessionCookie('own-key-a'), sessionCookie('own-key-b')]);
    const key = { 'Idempotency-Key': 'holder-key-0001' };
    expect((await claim(holder, key)).status).toBe(201);
    expect((await body(await claim(other))).error.code).toBe('sold_out');
    counted.calls.length = 0;
    const borrowed = await claim(other, key);
    expect((await body(borrowed)).error.code).toBe('sold_out');
    expect(counted.calls, 'no claim reaches the object').not.toContain('claim');
    // The holder's own retry still gets the ticket.
    expect((await claim(holder, key)).status).toBe(200);
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
