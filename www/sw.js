// The calculator's service worker: after one visit the app loads and calculates with no
// network. `make dist` writes the build hash and the list of files into dist/sw.js; this
// file in www/ is the template (it still works, as "no build": it caches nothing).
//
// - One cache per build, named after this worker's scope and the build hash. A new build
//   means a new sw.js, so the browser installs it on the next load; it fills its own cache,
//   takes over at once (skipWaiting + clients.claim) and deletes this scope's older caches.
// - Pages (index.html, privacy.html): the network first, the cache after a short wait or
//   when the network fails, so a new release shows as soon as there is signal.
// - Everything else on the list: the cache first. Cache keys carry no query string; a request
//   whose ?v= names another build (a page from a newer release, say) is not answered from
//   this cache, so one load never mixes two builds.
// - Anything else (other origins, other methods, files not on the list, such as the demo
//   and embed pages) is left to the browser as if there were no service worker.
// - Nothing is ever written to the cache except this build's own files, at install, and
//   council.json: a council's own figures (README), optional, put beside index.html by the
//   council, possibly after this build. It is fetched at install when present (its absence
//   is no error), answered network first, and each answer from the network replaces the
//   kept copy (a 404 removes it), so the figures last seen online are used offline.

const BUILD = '__BUILD__';
const PRECACHE = ['__PRECACHE__'];
/** Pages are answered from the network if it answers within this long, else from the cache. */
const NETWORK_TIMEOUT_MS = 3000;

const SCOPE = new URL(self.registration.scope);
const CACHE_PREFIX = `reablement-calculator:${SCOPE.pathname}:`;
const CACHE = CACHE_PREFIX + BUILD;
const BUILT = /^[0-9a-f]{12}$/.test(BUILD);
/** Cache keys: absolute URLs without query strings. */
const FILES = new Set(BUILT ? PRECACHE.map((file) => new URL(file, SCOPE).href) : []);
const INDEX = new URL('index.html', SCOPE).href;
const PAGES = new Set([INDEX, new URL('privacy.html', SCOPE).href]);
const COUNCIL = new URL('council.json', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (BUILT) {
      const cache = await caches.open(CACHE);
      await Promise.all([...FILES].map(async (key) => {
        // ?v= as the pages ask for it: never a stale copy from the HTTP cache, and the page's
        // own download of the same URL can be reused.
        const response = await fetch(`${key}?v=${BUILD}`, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${key}: HTTP ${response.status}`);
        // A page half-way through deployment (old index.html, new sw.js) must not be kept:
        // fail the install and try again on the next load.
        if (key === INDEX && !(await response.clone().text()).includes(`v=${BUILD}`)) {
          throw new Error(`${key} is not build ${BUILD}`);
        }
        await cache.put(key, response.redirected ? await unredirect(response) : response);
      })).then(() => keepCouncil(cache, fetch(`${COUNCIL}?v=${BUILD}`, { cache: 'no-cache' })).catch(() => {}))
      .catch(async (error) => {
        await caches.delete(CACHE); // no half-filled cache left behind
        throw error;
      });
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    // Only this scope's caches: other apps on the same origin keep theirs.
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!BUILT || request.method !== 'GET') return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const key = cacheKey(url);
  if (key === COUNCIL && BUILT) {
    event.respondWith(councilFigures(request));
    return;
  }
  if (!FILES.has(key)) return;
  const build = url.searchParams.get('v');
  if (build !== null && build !== BUILD) return;
  if (request.mode === 'navigate') {
    if (PAGES.has(key)) event.respondWith(networkFirst(request, key));
    return;
  }
  event.respondWith(cacheFirst(request, key));
});

/** The scope itself is index.html; the query string is dropped. */
function cacheKey(url) {
  return url.pathname === SCOPE.pathname ? INDEX : url.origin + url.pathname;
}

async function cacheFirst(request, key) {
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached ?? fetch(request);
}

async function networkFirst(request, key) {
  const network = fetch(request);
  network.catch(() => {}); // handled below; this only stops an "unhandled rejection"
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, null); });
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.status < 500) return response;
  } catch {
    // offline, or the server is unreachable: the cache answers
  } finally {
    clearTimeout(timer);
  }
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached ?? network;
}

/** council.json from the network (kept for offline), else the copy kept, else "not there". */
async function councilFigures(request) {
  const cache = await caches.open(CACHE);
  try {
    return await keepCouncil(cache, fetch(request));
  } catch {
    return (await cache.match(COUNCIL)) ?? new Response('', { status: 404, statusText: 'Not found' });
  }
}

/** Keeps a council.json answer: a 200 replaces the kept copy, a 404 removes it. */
async function keepCouncil(cache, pending) {
  const response = await pending;
  if (response.ok) await cache.put(COUNCIL, response.clone());
  else if (response.status === 404) await cache.delete(COUNCIL);
  return response;
}

/** A copy of a redirected response: a navigation may not be answered with one. */
async function unredirect(response) {
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
