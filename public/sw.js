// The cinema page's service worker (scope /cinema/, registered by src/scripts/cinema/offline-tickets.ts):
// a member who has seen their tickets can open /cinema/ with no network at the door and show each
// ticket's code, seat and QR. Plain JavaScript in public/: it must be served as is from a fixed URL,
// and public/_headers gives it Cache-Control: no-cache so a deploy's new version is picked up.
//
// What it keeps, and how:
// - The cinema pages (not the door's /cinema/checkin/) and their /_astro/ assets. Pages network first,
//   the cached copy only when the network fails; assets (named by their content's hash) cache first.
// - The last answers of GET /api/session and GET /api/me/tickets, network first: a saved copy is only
//   served when the request fails (no network), never when the server answered, and the page is told so
//   (a message) so it can say the list is a saved one.
// - Nothing of a member once they sign out, sign in (perhaps as someone else) or the server says the
//   session is over: the saved answers are deleted.

const SHELL = 'huigong-cinema-shell-v1';
const SAVED = 'huigong-cinema-saved-v1';
const SAVED_API = ['/api/session', '/api/me/tickets'];
const SAVED_AT = 'X-Huigong-Saved-At';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only its own old caches: the door's worker (public/cinema/checkin/sw.js) keeps huigong-door-… beside them.
      for (const name of await caches.keys()) {
        if (name.startsWith('huigong-cinema-') && name !== SHELL && name !== SAVED) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

const isCinemaPage = (url) => url.pathname.startsWith('/cinema/') && !url.pathname.startsWith('/cinema/checkin/');
const isAsset = (url) => url.pathname.startsWith('/_astro/');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api/session' && request.method !== 'GET') {
    // Signing out or in: whatever was saved belonged to the member before.
    event.respondWith(forgetSaved().then(() => fetch(request)));
    return;
  }
  if (request.method !== 'GET') return;
  if (SAVED_API.includes(url.pathname)) event.respondWith(networkFirstApi(event, url));
  else if (request.mode === 'navigate' && isCinemaPage(url)) event.respondWith(networkFirstPage(request, url));
  else if (isAsset(url)) event.respondWith(cacheFirst(request));
});

/** Counts the deletions: an answer asked for before one belongs to the member before, and is not kept. */
let forgotten = 0;

async function forgetSaved() {
  forgotten += 1;
  await caches.delete(SAVED);
}

/** Stores a copy; a phone with no room left keeps nothing, and the page still gets the network's answer. */
async function keep(cacheName, key, response) {
  try {
    await (await caches.open(cacheName)).put(key, response);
  } catch {
    // Quota exceeded or storage unavailable: online use is unaffected, only the offline copy is missing.
  }
}

async function networkFirstApi(event, url) {
  const generation = forgotten;
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const saved = await (await caches.open(SAVED)).match(url.pathname);
    if (!saved) throw error;
    if (url.pathname === '/api/me/tickets') void tellPage(event.clientId, saved.headers.get(SAVED_AT));
    return saved;
  }
  await remember(url.pathname, response.clone(), generation);
  return response;
}

/**
 * Keeps a signed-in member's answer; any sign that the session is over deletes what was kept. An answer
 * to a request sent before a sign-out or sign-in (`generation` behind) is someone else's: not kept.
 */
async function remember(path, response, generation) {
  if (response.status === 401) return forgetSaved();
  if (!response.ok) return;
  const body = await response.text();
  if (path === '/api/session' && !JSON.parse(body).signedIn) return forgetSaved();
  if (generation !== forgotten) return;
  await keep(SAVED, path, savedCopy(body, response.headers));
  // A ticket list proves a session: offline, the page must not take the member for signed out.
  if (path === '/api/me/tickets') await keep(SAVED, '/api/session', savedCopy(JSON.stringify({ signedIn: true }), response.headers));
}

function savedCopy(body, original) {
  const headers = new Headers(original);
  headers.set(SAVED_AT, new Date().toISOString());
  return new Response(body, { status: 200, headers });
}

async function tellPage(clientId, savedAt) {
  const client = clientId && (await self.clients.get(clientId));
  client?.postMessage({ kind: 'saved-tickets', savedAt });
}

async function networkFirstPage(request, url) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const cache = await caches.open(SHELL);
    const saved = (await cache.match(url.pathname)) ?? (await cache.match('/cinema/'));
    if (!saved) throw error;
    return saved;
  }
  if (response.ok) await keep(SHELL, url.pathname, response.clone());
  return response;
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const saved = await cache.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) await keep(SHELL, request, response.clone());
  return response;
}

// The page, on every load: the assets it loaded (on the first visit they came before this worker did), its
// own address, and whether this worker already saw its requests. Assets of older deploys go; on a visit
// this worker did not see, the signed-in member's answers are fetched once so they are kept.
self.addEventListener('message', (event) => {
  if (event.data?.kind !== 'keep-page') return;
  event.waitUntil(keepPage(event.data));
});

async function keepPage({ page, assets, controlled }) {
  const cache = await caches.open(SHELL);
  const wanted = new Set(assets.map((asset) => new URL(asset, self.location.origin)).filter(isAsset).map((url) => url.href));
  for (const request of await cache.keys()) {
    if (isAsset(new URL(request.url)) && !wanted.has(request.url)) await cache.delete(request);
  }
  const missing = [];
  for (const href of wanted) if (!(await cache.match(href))) missing.push(href);
  const pageUrl = new URL(page, self.location.origin);
  if (isCinemaPage(pageUrl) && !(await cache.match(pageUrl.pathname))) missing.push(pageUrl.pathname);
  await Promise.all(missing.map((href) => fetch(href).then((response) => response.ok && keep(SHELL, href, response))));
  const saved = await caches.open(SAVED);
  if (!controlled && !(await saved.match('/api/session'))) {
    const generation = forgotten;
    const session = await fetch('/api/session', { cache: 'no-store' });
    await remember('/api/session', session.clone(), generation);
    if (session.ok && (await session.json()).signedIn) await remember('/api/me/tickets', await fetch('/api/me/tickets', { cache: 'no-store' }), generation);
  }
}
