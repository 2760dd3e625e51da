import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

// public/sw.js run in a stand-in for the browser's service worker scope: its caches, fetch and events.
const ORIGIN = 'https://huigong.example.org';
const source = readFileSync('public/sw.js', 'utf8');

class FakeCache {
  readonly entries = new Map<string, Response>();
  /** Set to make every write fail, as a full storage quota does. */
  full = false;
  private key(request: Request | string) {
    return new URL(typeof request === 'string' ? request : request.url, ORIGIN).href;
  }
  async match(request: Request | string) {
    return this.entries.get(this.key(request))?.clone();
  }
  async put(request: Request | string, response: Response) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.entries.set(this.key(request), response);
  }
  async delete(request: Request | string) {
    return this.entries.delete(this.key(request));
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

/** The worker with a network that answers with `network` (or fails when it throws). */
function worker(network: (request: Request) => Response | Promise<Response>, { full = false } = {}) {
  const stores = new Map<string, FakeCache>();
  const listeners = new Map<string, (event: object) => void>();
  const messages: unknown[] = [];
  const scope = {
    location: new URL('/sw.js', ORIGIN),
    addEventListener: (type: string, listener: (event: object) => void) => listeners.set(type, listener),
    skipWaiting: () => undefined,
    clients: { claim: async () => undefined, get: async () => ({ postMessage: (message: unknown) => messages.push(message) }) },
  };
  const caches = {
    open: async (name: string) => stores.get(name) ?? stores.set(name, Object.assign(new FakeCache(), { full })).get(name)!,
    delete: async (name: string) => stores.delete(name),
    keys: async () => [...stores.keys()],
  };
  const fetch = async (input: Request | string, init?: RequestInit) => network(new Request(new URL(typeof input === 'string' ? input : input.url, ORIGIN), init));
  runInNewContext(source, { self: scope, caches, fetch, URL, Request, Response, Headers, Set, Promise, JSON, Date });

  /** Sends a request through the worker's fetch handler: its answer, or undefined when it lets the browser fetch. */
  async function request(path: string, init: RequestInit & { mode?: string } = {}): Promise<Response | undefined> {
    let answer: Promise<Response> | undefined;
    const { mode = 'cors', ...rest } = init;
    // A page cannot build a navigation request; the worker reads only its mode.
    const req = Object.defineProperty(new Request(new URL(path, ORIGIN), rest), 'mode', { value: mode });
    listeners.get('fetch')!({ request: req, clientId: 'page', respondWith: (r: Promise<Response>) => (answer = r) });
    return answer && (await answer);
  }
  /** Posts the page's keep-page message and waits for the worker to finish with it. */
  async function keepPage(data: { page: string; assets: string[]; controlled: boolean }): Promise<void> {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get('message')!({ data: { kind: 'keep-page', ...data }, waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  }
  const shell = () => [...(stores.get('huigong-cinema-shell-v1')?.entries.keys() ?? [])].map((url) => new URL(url).pathname).sort();
  const saved = () => [...(stores.get('huigong-cinema-saved-v1')?.entries.keys() ?? [])].map((url) => new URL(url).pathname).sort();
  return { request, keepPage, shell, saved, messages };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const tickets = { tickets: [{ code: 'ABCDEFGH', seat: '7-8' }], waitlist: [] };

describe('the cinema service worker', () => {
  it('answers the ticket list from the network while there is one, and keeps it for when there is none', async () => {
    let online = true;
    let answer = json(tickets);
    const sw = worker(() => {
      if (!online) throw new TypeError('Failed to fetch');
      return answer.clone();
    });
    expect(await (await sw.request('/api/me/tickets'))!.json()).toEqual(tickets);
    expect(sw.saved()).toEqual(['/api/me/tickets', '/api/session']);

    // Online, a newer list (checked in) is what the page gets, and what is kept next.
    answer = json({ tickets: [{ ...tickets.tickets[0], checkedInAt: '2026-12-02T10:31:00.000Z' }], waitlist: [] });
    expect((await (await sw.request('/api/me/tickets'))!.json()).tickets[0].checkedInAt).toBe('2026-12-02T10:31:00.000Z');

    online = false;
    const offline = await sw.request('/api/me/tickets');
    expect((await offline!.json()).tickets[0].checkedInAt).toBe('2026-12-02T10:31:00.000Z');
    expect(await (await sw.request('/api/session'))!.json()).toEqual({ signedIn: true });
    expect(sw.messages).toEqual([{ kind: 'saved-tickets', savedAt: expect.any(String) }]);
  });

  it('never answers with the saved list when the server answered, even with an error', async () => {
    let answer = json(tickets);
    const sw = worker(() => answer.clone());
    await sw.request('/api/me/tickets');
    answer = json({ error: { code: 'internal_error', message: '服务器出错' } }, 500);
    const response = await sw.request('/api/me/tickets');
    expect(response!.status).toBe(500);
    expect(sw.messages).toEqual([]);
  });

  it('deletes the saved answers when the member signs out or in, or the server says the session is over', async () => {
    for (const [ending, init] of [
      ['sign-out', { method: 'DELETE' }],
      ['sign-in', { method: 'POST', body: '{}' }],
    ] as const) {
      const sw = worker((request) => (request.method === 'GET' ? json(tickets) : json({ signedIn: false })));
      await sw.request('/api/me/tickets');
      expect(sw.saved(), ending).not.toEqual([]);
      await sw.request('/api/session', init);
      expect(sw.saved(), ending).toEqual([]);
    }
    let answer = json(tickets);
    const sw = worker(() => answer.clone());
    await sw.request('/api/me/tickets');
    answer = json({ error: { code: 'session_revoked', message: '请重新登录' } }, 401);
    await sw.request('/api/me/tickets');
    expect(sw.saved()).toEqual([]);
    answer = json(tickets);
    await sw.request('/api/me/tickets');
    answer = json({ signedIn: false });
    await sw.request('/api/session');
    expect(sw.saved()).toEqual([]);
  });

  it('leaves the door’s pages and every other API call to the browser', async () => {
    const sw = worker(() => json({}));
    expect(await sw.request('/cinema/checkin/', { mode: 'navigate' })).toBeUndefined();
    expect(await sw.request('/api/staff/screenings/x/stats')).toBeUndefined();
    expect(await sw.request('/api/screenings/x/claims', { method: 'POST', body: '{}' })).toBeUndefined();
    expect(await sw.request('/api/screenings')).toBeUndefined();
    expect(await sw.request('/cinema/', { mode: 'navigate' })).toBeDefined();
  });

  it("keeps the page and the assets it loaded, drops an older deploy's, and asks for the member's answers only on a visit it did not see", async () => {
    const asked: string[] = [];
    const sw = worker((request) => {
      asked.push(new URL(request.url).pathname);
      return request.url.endsWith('/api/session') ? json({ signedIn: true }) : json(tickets);
    });
    await sw.keepPage({ page: '/cinema/', assets: [`${ORIGIN}/_astro/old.js`], controlled: false });
    expect(sw.saved()).toEqual(['/api/me/tickets', '/api/session']);
    asked.length = 0;
    await sw.keepPage({ page: '/cinema/', assets: [`${ORIGIN}/_astro/new.js`, `${ORIGIN}/favicon.svg`], controlled: true });
    expect(sw.shell()).toEqual(['/_astro/new.js', '/cinema/']);
    expect(asked).toEqual(['/_astro/new.js']);
  });

  it('still answers from the network when the phone has no room left to keep a copy', async () => {
    const sw = worker((request) => (request.url.endsWith('.js') ? new Response('js') : request.url.includes('/api/') ? json(tickets) : new Response('<h1>惠工影院</h1>')), { full: true });
    expect(await (await sw.request('/cinema/', { mode: 'navigate' }))!.text()).toBe('<h1>惠工影院</h1>');
    expect(await (await sw.request('/api/me/tickets'))!.json()).toEqual(tickets);
    expect(await (await sw.request('/_astro/page.js'))!.text()).toBe('js');
  });

  it('does not keep a ticket list that arrives after the member signed out', async () => {
    let answerTickets: (response: Response) => void = () => undefined;
    const late = new Promise<Response>((resolve) => (answerTickets = resolve));
    let calls = 0;
    // The first request (the ticket list) waits; the sign-out after it is answered at once.
    const sw = worker(() => (calls++ === 0 ? late : json({ signedIn: false })));
    // The 30-second refresh is on its way on a slow network when the member taps 退出登录.
    const pending = sw.request('/api/me/tickets');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await sw.request('/api/session', { method: 'DELETE' });
    answerTickets(json(tickets));
    await pending;
    expect(sw.saved()).toEqual([]);
  });
});
