// The door's check-in page's service worker (scope /cinema/checkin/, registered by
// src/scripts/cinema/checkin-page.ts): once opened, the page opens with no network, and the page itself
// checks tickets in offline from the list it keeps in IndexedDB. Plain JavaScript in public/, served as is
// from a fixed URL; public/_headers gives it Cache-Control: no-cache so a deploy's new version is picked up.
//
// It keeps the page (network first, the kept copy only when the network fails) and the /_astro/ assets
// it loads (named by their content's hash: cache first). Nothing of the API: the page keeps its own data.
// Its cache is its own (huigong-door-…): the members' worker (public/sw.js, scope /cinema/) keeps
// huigong-cinema-… and each deletes only its own old caches.

const CACHE = 'huigong-door-v1';
const PAGE = '/cinema/checkin/';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('huigong-door-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

const isAsset = (url) => url.pathname.startsWith('/_astro/');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== 'GET') return;
  if (request.mode === 'navigate' && url.pathname.startsWith(PAGE)) event.respondWith(networkFirstPage(request));
  else if (isAsset(url)) event.respondWith(cacheFirst(request));
});

/** Stores a copy; a phone with no room keeps nothing, and the page still gets the network's answer. */
async function keep(key, response) {
  try {
    await (await caches.open(CACHE)).put(key, response);
  } catch {
    // Quota exceeded or storage unavailable: only the offline copy is missing.
  }
}

async function networkFirstPage(request) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const saved = await (await caches.open(CACHE)).match(PAGE);
    if (!saved) throw error;
    return saved;
  }
  if (response.ok) await keep(PAGE, response.clone());
  return response;
}

async function cacheFirst(request) {
  const saved = await (await caches.open(CACHE)).match(request);
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) await keep(request, response.clone());
  return response;
}

// The page, on every load: the assets it loaded. Those of older deploys go; the page and what is missing is fetched.
self.addEventListener('message', (event) => {
  if (event.data?.kind !== 'keep-page') return;
  event.waitUntil(keepPage(event.data.assets));
});

async function keepPage(assets) {
  const cache = await caches.open(CACHE);
  const wanted = new Set(assets.map((asset) => new URL(asset, self.location.origin)).filter(isAsset).map((url) => url.href));
  for (const request of await cache.keys()) {
    if (isAsset(new URL(request.url)) && !wanted.has(request.url)) await cache.delete(request);
  }
  const missing = [];
  for (const href of wanted) if (!(await cache.match(href))) missing.push(href);
  if (!(await cache.match(PAGE))) missing.push(PAGE);
  await Promise.all(missing.map((href) => fetch(href).then((response) => response.ok && keep(href, response)).catch(() => undefined)));
}
