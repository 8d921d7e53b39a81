// Offline use and installing, in headless Chromium with dist/ served under a sub-path as a
// council would host it: the service worker (www/sw.js, written into dist/sw.js by make dist),
// the web app manifest and its icons, and the privacy page.
//
// - after one visit the app loads and calculates with the network off, and with the server gone;
// - a new release is in use on the next load, and the old build's cache is deleted; a
//   half-finished deployment is not installed;
// - on a network that never answers, a page waits a few seconds and then comes from the cache;
// - the manifest is linked, Chromium parses it without errors and finds nothing stopping
//   installation; its icons are PNGs of the stated sizes (the maskable one inside its safe zone);
// - the privacy page passes axe-core, says how to clear the data, opens offline, and is linked
//   from the calculator's page;
// - no request ever leaves the local server, the service worker's included, and the worker
//   keeps only the app's own files (not the demo or embed pages);
// - a council's own figures (council.json) are kept for offline use, a newer copy replaces
//   them, and a site without the file works as before.
//
// Each test has its own copy of dist/, its own server (so its own origin, caches and service
// worker registration) and its own persistent browser profile, as a tablet would have.
// Run with `node --test tests/e2e/offline.test.mjs` after `make dist`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './lib/server.mjs';
import { AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, formatViolations, runAxe } from './lib/browser.mjs';
import { distDir } from './lib/wasm.mjs';
import { appStarted } from './lib/site.mjs';

const PREFIX = '/tools/reablement/';
const APP_TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;
/** The service worker's cache names: this scope, then the build. */
const CACHE_PREFIX = `reablement-calculator:${PREFIX}:`;
/** What the worker keeps, besides the wasm-bindgen snippets (paths under PREFIX). */
const KEPT = [
  'index.html', 'privacy.html', 'app.css', 'manifest.webmanifest', 'reablement_start.js', 'reablement_start_bg.wasm',
  'reablement.js', 'reablement_bg.wasm',
  'icons/apple-touch-icon.png', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/maskable-512.png',
];

const cleanups = [];

before(() => {
  for (const file of ['index.html', 'sw.js', 'manifest.webmanifest', 'privacy.html', 'build.txt']) {
    assert.ok(fs.existsSync(path.join(distDir, file)), `dist/${file} is missing: run \`make dist\` first`);
  }
  assert.doesNotMatch(fs.readFileSync(path.join(distDir, 'sw.js'), 'utf8'), /__BUILD__|__PRECACHE__/, 'dist/sw.js still has its placeholders');
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

// ---------------------------------------------------------------- helpers

/**
 * A copy of dist/ served under PREFIX and a fresh persistent Chromium profile. `seen` records
 * every request the browser makes (the service worker's included) and every uncaught error.
 * With `proxy: true` the browser talks to a proxy in front of the server whose `hang` flag
 * makes it never answer page requests (a network that has stopped answering).
 */
async function startSite({ proxy = false, council = null } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reablement-offline-site-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reablement-offline-profile-'));
  fs.cpSync(distDir, dir, { recursive: true });
  if (council) fs.writeFileSync(path.join(dir, 'council.json'), JSON.stringify(council));
  const server = await serveStatic(dir, { prefix: PREFIX });
  const front = proxy ? await hangingProxy(server) : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
    viewport: { width: 1280, height: 900 },
  });
  const seen = { requests: [], errors: [] };
  context.on('request', (r) => seen.requests.push(r.url()));
  context.on('weberror', (e) => seen.errors.push(String(e.error()?.stack ?? e.error())));
  const page = context.pages()[0] ?? await context.newPage();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
    await front?.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  };
  cleanups.push(close);
  const url = front?.url ?? server.url;
  return {
    dir, server, front, context, page, seen, close, url,
    origin: new URL(url).origin,
    build: fs.readFileSync(path.join(dir, 'build.txt'), 'utf8').trim(),
  };
}

/** A proxy to `server`; while `hang` is true it holds page requests (no ?v=) unanswered. */
async function hangingProxy(server) {
  const held = [];
  const proxy = { hang: false };
  const front = http.createServer((req, res) => {
    const { pathname, search } = new URL(req.url, 'http://localhost');
    if (proxy.hang && !search && (pathname === PREFIX || pathname.endsWith('.html'))) {
      held.push(res);
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: server.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${front.address().port}${PREFIX}`;
  proxy.close = () => new Promise((resolve) => {
    for (const res of held) res.destroy();
    front.closeAllConnections?.();
    front.close(() => resolve());
  });
  return proxy;
}

/** Waits for `predicate` in the page; on failure says what the page shows. */
async function waitFor(page, what, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: APP_TIMEOUT });
  } catch (error) {
    const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '?');
    throw new Error(`waited ${APP_TIMEOUT / 1000} s for ${what}, in vain. Page text: ${JSON.stringify(text.slice(0, 400))}`, { cause: error });
  }
}

/** Opens (or reloads) the calculator and waits until the app has mounted. */
async function openApp(page, url) {
  if (url) await page.goto(url, { waitUntil: 'load' });
  else await page.reload({ waitUntil: 'load' });
  await waitFor(page, 'the app to mount into #reablement-app', appStarted);
}

/** Presses "Load Arthur's example" and waits for £295.23. */
async function arthur(page) {
  await page.getByRole('button', { name: "Load Arthur's example" }).click();
  await waitFor(page, '£295.23 on the page', () => document.body.innerText.includes('£295.23'));
}

/** Waits until a service worker controls the page; returns its scope. */
async function controlled(page) {
  return page.evaluate(async (ms) => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve, reject) => {
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
        setTimeout(() => reject(new Error('no service worker took control of the page')), ms);
      });
    }
    return registration.scope;
  }, APP_TIMEOUT);
}

/** The page's CacheStorage: cache names, and the keys of each as paths under `base`. */
async function caches(page, base) {
  return page.evaluate(async (base) => {
    const out = {};
    for (const name of await self.caches.keys()) {
      const cache = await self.caches.open(name);
      out[name] = (await cache.keys()).map((r) => r.url.startsWith(base) ? r.url.slice(base.length) : r.url).sort();
    }
    return out;
  }, base);
}

/** What the worker should keep for the copy of dist/ in `dir` (council.json when there is one). */
function expectedFiles(dir) {
  const snippets = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else snippets.push(rel);
    }
  };
  if (fs.existsSync(path.join(dir, 'snippets'))) walk('snippets');
  const council = fs.existsSync(path.join(dir, 'council.json')) ? ['council.json'] : [];
  return [...KEPT, ...council, ...snippets].sort();
}

/** Requests that went anywhere but the site's own origin and path. */
function outside(requests, site) {
  return requests.filter((url) => {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
    return u.origin !== site.origin || !u.pathname.startsWith(PREFIX);
  });
}

/** The ?v= of every resource the page loaded (stylesheet, module, snippets, wasm). */
async function loadedBuilds(page) {
  return page.evaluate(() => [...new Set(performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).searchParams.get('v'))
    .filter(Boolean))]);
}

// ---------------------------------------------------------------- tests

test('after one visit the app loads and calculates with the network off, and with the server gone', { timeout: TEST_TIMEOUT }, async () => {
  const site = await startSite();
  const { page, server } = site;
  try {
    await openApp(page, site.url);
    assert.equal(await controlled(page), site.url, 'the service worker\'s scope is the folder the app is in');
    assert.deepEqual(await caches(page, site.url), { [CACHE_PREFIX + site.build]: expectedFiles(site.dir) },
      'one cache, named after this build, with exactly the app\'s own files');

    const asked = server.requests.length;
    await site.context.setOffline(true);
    await openApp(page);
    await arthur(page);
    // Every other screen is in the whole app's module, never loaded by the visit above: the
    // worker kept it too.
    for (const [tab, heading] of [['Worked examples', 'Worked examples'], ['Whole service', 'Whole service'], ['Saved', 'Saved on this device']]) {
      await page.getByRole('button', { name: tab, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: APP_TIMEOUT });
    }
    assert.deepEqual(server.requests.slice(asked), [], 'offline, yet the server was asked for something');
    assert.deepEqual(await loadedBuilds(page), [site.build], 'the files came from this build');
    await site.context.setOffline(false);

    // No signal can also look like a server that refuses connections: the worker answers,
    // also for a view's own address (the page is at #/saved now).
    await server.close();
    await openApp(page);
    await page.getByRole('heading', { level: 1, name: 'Saved on this device' }).waitFor({ timeout: APP_TIMEOUT });
    await page.getByRole('button', { name: 'One person', exact: true }).click();
    await arthur(page);
    // A new tab, as when the app is opened from the home screen.
    const tab = await site.context.newPage();
    await openApp(tab, site.url);
    await arthur(tab);
    assert.deepEqual(site.seen.errors, [], 'uncaught errors in the page');
  } finally {
    await site.close();
  }
});

test('a new release is in use on the next load, and the old build\'s cache is deleted', { timeout: TEST_TIMEOUT }, async () => {
  const site = await startSite();
  const { page, dir } = site;
  try {
    await openApp(page, site.url);
    await controlled(page);
    const old = site.build;

    // A new build, as make dist would write it: a new hash in build.txt, the pages' ?v=, the
    // glue's snippet imports and sw.js; and a changed stylesheet (inline in index.html), glue
    // and snippet, each of which leaves a mark on the page (a snippet keeps its path from build
    // to build).
    const next = crypto.randomBytes(6).toString('hex');
    const rewrite = (file, change) => fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(dir, file), 'utf8')));
    for (const file of ['index.html', 'privacy.html', 'reablement_start.js', 'reablement.js', 'sw.js', 'build.txt']) {
      rewrite(file, (text) => {
        assert.ok(text.includes(old), `dist/${file} does not mention the build ${old}`);
        return text.replaceAll(old, next);
      });
    }
    rewrite('index.html', (text) => text.replace('</style>', `:root { --offline-test-release: "${next}"; }\n</style>`));
    const snippet = expectedFiles(dir).find((file) => file.startsWith('snippets/'));
    for (const file of ['reablement_start.js', snippet].filter(Boolean)) {
      rewrite(file, (text) => `${text}\n(globalThis.offlineTestRelease ??= []).push(${JSON.stringify(`${file} ${next}`)});\n`);
    }
    const marks = () => ({
      css: getComputedStyle(document.documentElement).getPropertyValue('--offline-test-release').trim(),
      js: [...(globalThis.offlineTestRelease ?? [])].sort(),
    });
    const expected = {
      css: `"${next}"`,
      js: ['reablement_start.js', snippet].filter(Boolean).map((file) => `${file} ${next}`).sort(),
    };

    // The next load: the old worker fetches the page from the network first, and leaves the
    // new build's files (another ?v=) to the network.
    await openApp(page);
    assert.deepEqual(await page.evaluate(marks), expected, 'the next load does not use the new stylesheet, glue and snippet');
    assert.deepEqual(await loadedBuilds(page), [next], 'the next load mixed files from two builds');
    await arthur(page);

    // Meanwhile the new worker installs, takes over at once and deletes the old cache.
    const deadline = Date.now() + APP_TIMEOUT;
    let state;
    for (;;) {
      state = await caches(page, site.url);
      if (Object.keys(state).join() === CACHE_PREFIX + next) break;
      assert.ok(Date.now() < deadline, `the new worker did not replace the old cache: ${JSON.stringify(Object.keys(state))}`);
      await page.waitForTimeout(200);
    }
    assert.deepEqual(state[CACHE_PREFIX + next], expectedFiles(dir));
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting), null,
      'a new worker is left waiting');

    // And offline from then on, the new build is what opens.
    await site.context.setOffline(true);
    await openApp(page);
    assert.deepEqual(await page.evaluate(marks), expected, 'offline, the old build opened');
    assert.deepEqual(await loadedBuilds(page), [next]);
    await arthur(page);
    assert.deepEqual(site.seen.errors, [], 'uncaught errors in the page');
  } finally {
    await site.close();
  }
});

test('a half-finished deployment (a new sw.js, the old index.html) is not installed, and the working copy stays', { timeout: TEST_TIMEOUT }, async () => {
  const site = await startSite();
  const { page, dir } = site;
  try {
    await openApp(page, site.url);
    await controlled(page);
    const next = crypto.randomBytes(6).toString('hex');
    const sw = path.join(dir, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replaceAll(site.build, next));
    await openApp(page);
    // The new worker fetches index.html, sees it is not its build, and gives up.
    const deadline = Date.now() + APP_TIMEOUT;
    for (;;) {
      const asked = site.server.requests.some((r) => r.path === `${PREFIX}index.html?v=${next}`);
      const installing = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return Boolean(registration?.installing || registration?.waiting);
      });
      if (asked && !installing) break;
      assert.ok(Date.now() < deadline, 'the new worker did not finish trying to install');
      await page.waitForTimeout(200);
    }
    assert.deepEqual(Object.keys(await caches(page, site.url)), [CACHE_PREFIX + site.build], 'the working cache was replaced or a half-filled one left behind');
    await site.context.setOffline(true);
    await openApp(page);
    assert.deepEqual(await loadedBuilds(page), [site.build]);
    await arthur(page);
  } finally {
    await site.close();
  }
});

test('on a network that never answers, a page waits a few seconds and then comes from the cache', { timeout: TEST_TIMEOUT }, async () => {
  const site = await startSite({ proxy: true });
  const { page } = site;
  try {
    await openApp(page, site.url);
    await controlled(page);
    site.front.hang = true;
    const started = Date.now();
    await openApp(page);
    const waited = Date.now() - started;
    await arthur(page);
    assert.ok(waited >= 2_500, `the page came from the cache after ${waited} ms, without giving the network a chance`);
    assert.ok(waited < 15_000, `the page took ${waited} ms: the cache should answer after about 3 s`);
  } finally {
    await site.close();
  }
});

test('the manifest is linked and parses, its icons are PNGs of the stated sizes, and nothing stops installation', { timeout: TEST_TIMEOUT }, async () => {
  const site = await startSite();
  const { page } = site;
  try {
    await openApp(page, site.url);
    await controlled(page);
    const head = await page.evaluate(() => ({
      manifest: document.querySelector('link[rel="manifest"]')?.href,
      themeColor: document.querySelector('meta[name="theme-color"]')?.content,
      appleTouchIcon: document.querySelector('link[rel="apple-touch-icon"]')?.href,
      brand: getComputedStyle(document.documentElement).getPropertyValue('--rc-brand').trim(),
      background: getComputedStyle(document.documentElement).getPropertyValue('--rc-background').trim(),
    }));
    assert.equal(head.manifest, `${site.url}manifest.webmanifest`);

    const response = await fetch(head.manifest);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/manifest\+json/);
    const manifest = await response.json();
    assert.equal(manifest.name, 'Reablement outcome calculator');
    assert.equal(manifest.short_name, 'Reablement');
    assert.equal(new URL(manifest.start_url, head.manifest).href, site.url);
    assert.equal(new URL(manifest.scope, head.manifest).href, site.url);
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.theme_color, head.brand, 'theme_color is not app.css\'s --rc-brand');
    assert.equal(head.themeColor, head.brand, 'the theme-color meta is not app.css\'s --rc-brand');
    assert.equal(manifest.background_color, head.background, 'background_color is not app.css\'s --rc-background');

    // Chromium's own reading of it.
    const cdp = await site.context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    assert.equal(parsed.url, head.manifest);
    assert.deepEqual(parsed.errors, [], 'Chromium found errors in the manifest');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Chromium would not offer to install the app');

    // The icons, as the browser would draw them.
    const icons = [
      ...manifest.icons.map((icon) => ({ ...icon, url: new URL(icon.src, head.manifest).href })),
      { url: head.appleTouchIcon, sizes: '180x180', type: 'image/png', purpose: 'apple-touch-icon' },
    ];
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort();
    assert.deepEqual(sizes, ['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const answer = await fetch(icon.url);
      assert.equal(answer.status, 200, icon.url);
      assert.equal(answer.headers.get('content-type'), 'image/png', icon.url);
      const bytes = Buffer.from(await answer.arrayBuffer());
      assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${icon.url} is not a PNG`);
      const [width, height] = icon.sizes.split('x').map(Number);
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [width, height], `${icon.url}: size in the PNG header`);

      const drawn = await page.evaluate(async ({ url, maskable }) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
        const g = canvas.getContext('2d');
        g.drawImage(image, 0, 0);
        const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
        let white = 0;
        let markOutsideSafeZone = 0;
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const i = 4 * (y * width + x);
            const isWhite = data[i] > 200 && data[i + 1] > 200 && data[i + 2] > 200 && data[i + 3] > 200;
            if (isWhite) white++;
            // A maskable icon may be cropped to a circle of 40% of its width: the mark stays inside.
            if (maskable && isWhite && Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2) > 0.4 * width) markOutsideSafeZone++;
          }
        }
        const centre = 4 * (Math.floor(height / 2) * width + Math.floor(width / 10));
        return { width: image.naturalWidth, height: image.naturalHeight, white: white / (width * height), markOutsideSafeZone, edge: [...data.slice(centre, centre + 4)] };
      }, { url: icon.url, maskable: icon.purpose === 'maskable' });
      assert.deepEqual([drawn.width, drawn.height], [width, height], `${icon.url}: decoded size`);
      assert.ok(drawn.white > 0.05 && drawn.white < 0.5, `${icon.url}: the white mark covers ${(100 * drawn.white).toFixed(1)}% of the icon`);
      assert.equal(drawn.markOutsideSafeZone, 0, `${icon.url}: the mark leaves the maskable safe zone`);
      assert.deepEqual(drawn.edge, [0x1d, 0x4f, 0x91, 255], `${icon.url}: the background is not the brand blue`);
    }
  } finally {
    await site.close();
  }
});

test('the privacy page: linked from the calculator, no axe-core violations, says how to clear the data, opens offline', { timeout: TEST_TIMEOUT }, async () => {
  const site = await startSite();
  const { page } = site;
  try {
    await openApp(page, site.url);
    await controlled(page);
    const link = await page.evaluate(() => {
      const a = [...document.querySelectorAll('a')].find((e) => e.textContent.includes('Privacy'));
      return a && {
        href: a.href,
        text: a.textContent.trim(),
        inApp: a.closest('#reablement-app') != null,
        landmark: a.closest('footer')?.parentElement === document.body ? 'contentinfo' : a.closest('main, header, footer, nav, aside')?.localName,
      };
    });
    assert.ok(link, 'the calculator\'s page has no link to the privacy page');
    assert.deepEqual(link, { href: `${site.url}privacy.html`, text: 'Privacy: what this calculator stores', inApp: false, landmark: 'contentinfo' });

    await site.context.setOffline(true);
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(link.href, { waitUntil: 'load' });
      const facts = await page.evaluate(() => ({
        text: document.body.innerText,
        lang: document.documentElement.lang,
        h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
        landmarks: ['header', 'main', 'footer'].filter((tag) => document.querySelectorAll(tag).length === 1),
        back: [...document.querySelectorAll('a')].map((a) => a.href),
        styled: getComputedStyle(document.querySelector('.inset')).borderLeftWidth,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.equal(facts.lang, 'en-GB');
      assert.deepEqual(facts.h1, ['Privacy: what this calculator stores']);
      assert.deepEqual(facts.landmarks, ['header', 'main', 'footer']);
      assert.ok(facts.back.includes(site.url), 'no link back to the calculator');
      assert.equal(facts.styled, '6px', 'offline, app.css did not load');
      assert.ok(facts.scrollWidth <= facts.clientWidth, `at ${width} px the page is ${facts.scrollWidth} px wide`);
      for (const words of ['Clear data on this device', 'reablement-calculator:', 'after the #', 'no analytics', 'no cookies', 'case reference', 'NHS number']) {
        assert.ok(facts.text.includes(words), `the privacy page does not say "${words}"`);
      }
      const violations = await runAxe(page, { tags: AXE_TAGS });
      assert.equal(violations.length, 0, `axe-core (WCAG 2.2 AA) found ${violations.length} kind(s) of violation at ${width} px:\n${formatViolations(violations)}`);
      const all = await runAxe(page);
      assert.equal(all.length, 0, `axe-core (all rules) found ${all.length} kind(s) of violation at ${width} px:\n${formatViolations(all)}`);
    }
    await page.getByRole('link', { name: 'Back to the calculator' }).first().click();
    await waitFor(page, 'the app to mount', appStarted);
    await arthur(page);
  } finally {
    await site.close();
  }
});

test('no request ever leaves the local server, the service worker\'s included; demo and embed pages are not kept', { timeout: TEST_TIMEOUT }, async () => {
  const site = await startSite();
  const { page, server } = site;
  try {
    await openApp(page, site.url);
    await controlled(page);
    await arthur(page);
    await page.goto(`${site.url}privacy.html`, { waitUntil: 'load' });
    await page.goto(site.url, { waitUntil: 'load' });
    await waitFor(page, 'the app to mount', appStarted);
    // Anything late (an update check, icons, analytics) has a moment to show up.
    await page.waitForTimeout(1_500);

    assert.ok(site.seen.requests.some((url) => url.endsWith('/sw.js')), 'the service worker\'s own requests were not recorded');
    assert.deepEqual(outside(site.seen.requests, site), [], 'requests that left the local server (or the site\'s own path)');
    const asked = [...new Set(server.requests.map((r) => r.path.slice(PREFIX.length).split('?')[0]))];
    // council.json is asked for, and is not there: that 404 is how the app knows.
    const unexpected = asked.filter((file) => !['', 'sw.js', 'council.json', ...expectedFiles(site.dir)].includes(file));
    assert.deepEqual(unexpected, [], 'the server was asked for files that are not the app\'s own');
    assert.deepEqual(server.requests.filter((r) => r.status >= 400), [], 'requests that failed');
    assert.deepEqual(site.seen.errors, [], 'uncaught errors in the page');
  } finally {
    await site.close();
  }
});

test('a council\'s own figures are kept for offline use, and a newer council.json replaces them', { timeout: TEST_TIMEOUT }, async () => {
  const council = {
    council: 'Rutland County Council', baseline_weekly: '35.20', baseline_source: 'Rutland reablement review, March 2025',
    hourly_rate: '26.40', hourly_rate_source: 'Rutland home care framework rate, April 2025',
  };
  const site = await startSite({ council });
  const { page } = site;
  const baseline = (value) => waitFor(page, `a baseline of ${value} in the form`,
    (v) => document.querySelector('#f-settings-baseline_weekly')?.value === v, value);
  try {
    await openApp(page, site.url);
    await controlled(page);
    await baseline('35.20');
    assert.deepEqual(await caches(page, site.url), { [CACHE_PREFIX + site.build]: expectedFiles(site.dir) },
      'council.json is not kept with the app\'s files');

    await site.context.setOffline(true);
    await openApp(page);
    await baseline('35.20');
    await site.context.setOffline(false);

    // The council changes its figures without a new build: in use online, then kept offline.
    fs.writeFileSync(path.join(site.dir, 'council.json'), JSON.stringify({ ...council, baseline_weekly: '36.00' }));
    await openApp(page);
    await baseline('36.00');
    await site.context.setOffline(true);
    await openApp(page);
    await baseline('36.00');
    assert.deepEqual(site.seen.errors, [], 'uncaught errors in the page');
  } finally {
    await site.close();
  }
});
