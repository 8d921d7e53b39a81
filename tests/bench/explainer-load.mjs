// The explainer's first load on a council's page (issue 20), the third part of `make bench`:
//
// - a host page as a council's would be: a heading, a paragraph,
//   <reablement-calculator example="arthur"> and the module script, served from 127.0.0.1 with
//   dist/ as a static host with brotli serves it (tests/bench/serve.mjs);
// - headless Chromium, a fresh context per load (cache disabled, no service worker), both
//   throttling profiles as tests/bench/first-load.mjs has them;
// - from navigation start, in the page's own clock (requestAnimationFrame's timestamps): the
//   host page's own first heading rendered in the viewport; the explainer's first heading
//   rendered in the viewport; the goal "Make my own lunch" rendered (scrolled into sight and
//   clicked with a trusted mouse click at once); that tick taking effect, the frame in which
//   the cost sentence says £210.88; and the explainer's module started (no first paint left);
// - layout shift (CLS: layout-shift entries without recent input) until a second after the tick
//   took effect; the files one embed downloads, each with its size as sent.
//
// Budgets: the explainer's heading within 1.5× the host page's heading (default profile, the
// medians of one run); CLS under 0.05 in every load. Then the ratchet on the modules' sizes
// (tests/e2e/lib/sizes.mjs). It exits with 1 when a budget or the ratchet does not hold.
//
//   node tests/bench/explainer-load.mjs                         (after `make dist`)
//   EXPLAINER_LOAD_RUNS=9 node tests/bench/explainer-load.mjs   more loads per profile
//   EXPLAINER_LOAD_PROFILES=default node tests/bench/explainer-load.mjs
//   EXPLAINER_LOAD_BEFORE=/path/to/another/dist node tests/bench/explainer-load.mjs
//       also loads another build (an older dist/) in the same run, alternating, for a before
//       and after that can be compared (docs/performance.md)
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../e2e/lib/browser.mjs';
import { describeWeights, weighModules } from '../e2e/lib/sizes.mjs';
import { distDir } from '../e2e/lib/wasm.mjs';
import { PROFILES, serveBrotli } from './serve.mjs';

const RUNS = Math.max(1, Number(process.env.EXPLAINER_LOAD_RUNS ?? 5));
const VIEWPORT = { width: 1280, height: 720 };
const TIMEOUT_MS = 60_000;
const GOAL = 'Make my own lunch';
const RESULT = '£210.88';
const BUDGETS = { headingRatio: 1.5, cls: 0.05 };

const HOST_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Help at home after hospital – Anytown Council</title>
  <link rel="icon" href="data:,">
  <script type="module" src="./embed.js"></script>
</head>
<body>
  <main>
    <h1>Help at home after a stay in hospital</h1>
    <p>Our reablement team helps people do everyday things for themselves again. Here is how it works, and what it costs.</p>
    <reablement-calculator example="arthur"><p><a href="./index.html">Open the reablement calculator</a></p></reablement-calculator>
  </main>
</body>
</html>`;

// ---------------------------------------------------------------- in the page

/** Runs before the page's scripts: watches every animation frame (see the header). */
function probe({ goal, result }) {
  const state = (window.__explainerLoad = { host: null, heading: null, goal: null, started: null, result: null, clicked: false, shifts: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.shifts.push({ value: e.value, input: e.hadRecentInput, at: e.startTime });
  }).observe({ type: 'layout-shift', buffered: true });
  const boxed = (el) => {
    if (!el?.isConnected || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1 ? r : null;
  };
  const inView = (el) => {
    const r = boxed(el);
    return r && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  };
  const root = () => document.querySelector('reablement-calculator')?.shadowRoot;
  state.box = () => [...(root()?.querySelectorAll('input[type=checkbox]') ?? [])]
    .find((box) => box.labels?.[0]?.textContent.trim() === goal) ?? null;
  const frame = (t) => {
    if (state.host === null && inView(document.querySelector('h1'))) state.host = t;
    const shadow = root();
    if (shadow) {
      if (state.heading === null && inView(shadow.querySelector('h2, h3, h4, h5, h6'))) state.heading = t;
      if (state.goal === null && boxed(state.box())) {
        state.goal = t;
        window.__explainerGoal();
      }
      if (state.started === null && shadow.querySelector('.rc-embed:not([data-prerendered]) .rc-explainer')) state.started = t;
      if (state.clicked && state.result === null && boxed(shadow.querySelector('.explainer__now')) && shadow.querySelector('.explainer__now').textContent.includes(result)) {
        state.result = t;
        window.__explainerResult();
      }
    }
    if (state.result === null || state.started === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

// ---------------------------------------------------------------- one load

function deferred() {
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  return { promise, resolve };
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
const within = (promise, what) => Promise.race([promise, sleep(TIMEOUT_MS).then(() => { throw new Error(`${what} not within ${TIMEOUT_MS / 1000} s`); })]);

async function load(browser, url, profile) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.rtt, downloadThroughput: profile.down / 8, uploadThroughput: profile.up / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const goal = deferred();
    const result = deferred();
    await page.exposeBinding('__explainerGoal', () => goal.resolve());
    await page.exposeBinding('__explainerResult', () => result.resolve());
    await page.addInitScript(probe, { goal: GOAL, result: RESULT });
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await within(goal.promise, `"${GOAL}"`);
    // Tick it as a reader would, as soon as it is there: scrolled into sight, a mouse click on
    // it; again if the click did not tick it (the page moved under the pointer, say).
    let clicks = 0;
    let done = false;
    result.promise.then(() => { done = true; });
    const deadline = Date.now() + TIMEOUT_MS;
    while (!done) {
      if (Date.now() > deadline) throw new Error(`${RESULT} not shown within ${TIMEOUT_MS / 1000} s (${clicks} clicks)`);
      const at = await page.evaluate(() => {
        const box = window.__explainerLoad.box();
        if (!box || box.checked) return null;
        box.scrollIntoView({ block: 'center' });
        const r = box.getBoundingClientRect();
        window.__explainerLoad.clicked = true;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      if (at) {
        await page.mouse.click(at.x, at.y);
        clicks += 1;
      }
      await Promise.race([result.promise, sleep(1000)]);
    }
    await page.waitForFunction(() => window.__explainerLoad.started !== null, null, { timeout: TIMEOUT_MS });
    await sleep(1000);
    const measured = await page.evaluate(() => {
      const s = window.__explainerLoad;
      const files = performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname.slice(1), bytes: e.encodedBodySize, end: e.responseEnd }));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const script = performance.getEntriesByType('resource').find((e) => /\/embed\.js(\?|$)/.test(e.name));
      return { fcp, host: s.host, script: script?.responseEnd ?? null, heading: s.heading, goal: s.goal, started: s.started, result: s.result, shifts: s.shifts, files };
    });
    const cls = measured.shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0);
    return { ...measured, cls, clicks };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- the runs

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (n) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a').padStart(9);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const failures = [];

async function measure(browser, sites, name) {
  const profile = PROFILES[name];
  const names = Object.keys(sites);
  const loads = Object.fromEntries(names.map((site) => [site, []]));
  for (const site of names) await load(browser, sites[site], profile); // warm-up: the server compresses on first request
  for (let run = 0; run < RUNS; run += 1) {
    for (const site of run % 2 ? [...names].reverse() : names) loads[site].push(await load(browser, sites[site], profile));
  }
  console.log(`\n${name} profile (${profile.label}); medians of ${RUNS} loads${names.length > 1 ? ' each, alternating' : ''}, after one warm-up`);
  const rows = [
    ['first contentful paint', 'fcp'],
    ["the host page's heading", 'host'],
    ['embed.js arrived', 'script'],
    ["the explainer's heading", 'heading'],
    [`"${GOAL}" there (and clicked)`, 'goal'],
    ["the explainer's module started", 'started'],
    [`the tick taken effect (${RESULT})`, 'result'],
  ];
  console.log(`  ${''.padEnd(38)} ${names.map((n) => n.padStart(9)).join(' ')}`);
  for (const [label, key] of rows) console.log(`  ${label.padEnd(38)} ${names.map((site) => ms(median(loads[site].map((l) => l[key])))).join(' ')}`);
  for (const site of names) {
    const ratio = median(loads[site].map((l) => l.heading)) / median(loads[site].map((l) => l.host));
    const cls = Math.max(...loads[site].map((l) => l.cls));
    console.log(`  ${site}: host heading ${loads[site].map((l) => Math.round(l.host)).join(", ")} ms\n  ${site}: explainer's heading / host's heading ${ratio.toFixed(2)}×; heading ${loads[site].map((l) => Math.round(l.heading)).join(', ')} ms; ` +
      `tick taken effect ${loads[site].map((l) => Math.round(l.result)).join(', ')} ms; clicks ${loads[site].map((l) => l.clicks).join(', ')}; CLS at most ${cls.toFixed(4)}`);
    if (site === 'after') {
      const verdict = (ok) => (ok ? 'holds' : 'DOES NOT HOLD');
      const headingOk = name !== 'default' || ratio <= BUDGETS.headingRatio;
      const clsOk = cls < BUDGETS.cls;
      console.log(`  budgets: ${name === 'default' ? `explainer's heading ≤ ${BUDGETS.headingRatio}× the host's: ${ratio.toFixed(2)}×, ${verdict(headingOk)}; ` : ''}CLS < ${BUDGETS.cls}: ${cls.toFixed(4)}, ${verdict(clsOk)}`);
      if (!headingOk) failures.push(`${name} profile: the explainer's heading ${ratio.toFixed(2)}× the host page's (budget ${BUDGETS.headingRatio}×)`);
      if (!clsOk) failures.push(`${name} profile: layout shift ${cls.toFixed(4)} (budget under ${BUDGETS.cls})`);
    }
  }
  for (const site of names) {
    // What the median load (by the tick's time) downloaded, file by file, as sent (brotli).
    const sorted = [...loads[site]].sort((a, b) => a.result - b.result);
    const files = sorted[sorted.length >> 1].files.filter((f) => f.name !== 'host.html');
    const total = files.reduce((n, f) => n + f.bytes, 0);
    console.log(`  ${site}: one embed downloads ${files.length} files, ${total.toLocaleString('en-GB')} B (${kib(total)}): ` +
      files.map((f) => `${f.name.replace(/\?.*$/, '')} ${f.bytes.toLocaleString('en-GB')} B`).join(', '));
  }
}

if (!fs.existsSync(path.join(distDir, 'embed.js'))) throw new Error('dist/embed.js is missing: run `make dist` first');
const profiles = (process.env.EXPLAINER_LOAD_PROFILES ?? 'default,slow').split(',').map((p) => p.trim());
for (const p of profiles) if (!(p in PROFILES)) throw new Error(`no profile called ${p} (${Object.keys(PROFILES).join(', ')})`);

const servers = { after: await serveBrotli(distDir, { '/host.html': HOST_PAGE }) };
if (process.env.EXPLAINER_LOAD_BEFORE) servers.before = await serveBrotli(path.resolve(process.env.EXPLAINER_LOAD_BEFORE), { '/host.html': HOST_PAGE });
const sites = Object.fromEntries(['before', 'after'].filter((s) => servers[s]).map((s) => [s, `${servers[s].url}host.html`]));
const browser = await launchChromium();
try {
  console.log(`\nThe explainer on a council's page, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, headless ${browser.version()} at ${VIEWPORT.width}×${VIEWPORT.height}` +
    (servers.before ? ` (before: ${process.env.EXPLAINER_LOAD_BEFORE}; after: dist/)` : ''));
  for (const name of profiles) await measure(browser, sites, name);
} finally {
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
}

const weights = weighModules();
console.log(`\nThe ratchet (brotli 11):\n${describeWeights(weights)}`);
for (const w of weights) if (w.over > 0) failures.push(`${w.what} (dist/${w.file}) is ${w.over.toLocaleString('en-GB')} B over its ${w.limit.toLocaleString('en-GB')} B`);
if (failures.length) {
  console.log(`\nDOES NOT HOLD:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exitCode = 1;
}
