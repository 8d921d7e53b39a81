// The calculator embedded in someone else's page: www/demo.html (a mock council news article
// with two <reablement-calculator> elements and one iframe) from dist/, in headless Chromium.
//
// - both elements render and calculate independently, with the figures the JS API gives;
// - a good guest: the page's title, URL, history, storage and cookies are unchanged, and
//   nothing is added to the page outside the elements' shadow roots;
// - a hostile host stylesheet does not change how the calculators look or work;
// - wrong attribute values get a polite note and the default; attribute changes re-render;
// - the iframe sizes itself to its content, and messages from anywhere else are ignored;
// - it works under the Content-Security-Policy docs/embedding.md gives, and from another
//   origin with the CORS header the docs ask for;
// - axe-core finds nothing, inside the shadow roots and the iframe included;
// - the bytes a host page downloads for one embed, and the time until it is interactive.
//
// Run with `node --test tests/e2e/embed.test.mjs` after `make dist`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { useBuiltSite } from './lib/site.mjs';
import { runAxe, formatViolations, OUTPUT } from './lib/browser.mjs';
import { distDir, repoRoot, loadWasm } from './lib/wasm.mjs';

const PREFIX = '/tools/reablement/';
const TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;
const HEIGHT_MESSAGE = 'reablement-calculator:height';

const site = useBuiltSite({ prefix: PREFIX, files: ['demo.html', 'embed.js', 'embed.css', 'embed.html', 'reablement.js', 'embed/reablement_embed.js'] });

// ---------------------------------------------------------------- helpers

/**
 * Serves dist/ as a static host with compression would: brotli (quality 11) when the browser
 * accepts it. Only for the timing over a slow connection; the other tests use serveStatic.
 */
async function serveBrotli(root, prefix) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  // Compressed before serving, as a host would store them, so the timing is not the
  // compression's.
  const compressed = new Map();
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(root)) {
    compressed.set(file, zlib.brotliCompressSync(fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, pathname.slice(prefix.length));
    if (!pathname.startsWith(prefix) || !file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    let body = fs.readFileSync(file);
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') && compressed.has(file)) {
      body = compressed.get(file);
      headers['Content-Encoding'] = 'br';
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/** £1,234.56 from pence, as the calculator writes it. */
function pounds(pence) {
  const abs = Math.abs(pence);
  const whole = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${pence < 0 ? '−' : ''}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** The weekly cost after, from the JS API, of a worked example with these goals done. */
async function expectedAfter(key, doneIds, settings = {}) {
  const { calculate } = await loadWasm();
  const scenario = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'ui', 'examples', 'data', `${key}.json`), 'utf8'));
  scenario.after = null;
  scenario.settings = { ...scenario.settings, ...settings };
  // The ticking part of the explainer is about the goals, not the weeks (contract 1.1).
  delete scenario.reablement_weeks;
  for (const goal of scenario.goals) {
    goal.status = doneIds.includes(goal.id) ? 'achieved' : 'not_achieved';
    delete goal.achieved_week;
  }
  const answer = calculate(scenario);
  assert.ok(answer.ok, JSON.stringify(answer));
  return answer.result;
}

/**
 * Records what a page does to its host: calls to storage, cookies, IndexedDB, history and
 * the title, and every change to the light DOM after parsing. Runs in every frame.
 */
function guestSpy() {
  const log = [];
  Object.defineProperty(window, '__guestLog', { value: log });
  const wrap = (object, name, label) => {
    const original = object[name];
    object[name] = function (...args) {
      log.push(`${label}(${args.map((a) => String(a).slice(0, 40)).join(', ')})`);
      return original.apply(this, args);
    };
  };
  for (const name of ['setItem', 'removeItem', 'clear']) wrap(Storage.prototype, name, `Storage.${name}`);
  for (const name of ['pushState', 'replaceState', 'back', 'forward', 'go']) wrap(History.prototype, name, `history.${name}`);
  wrap(IDBFactory.prototype, 'open', 'indexedDB.open');
  wrap(IDBFactory.prototype, 'deleteDatabase', 'indexedDB.deleteDatabase');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    get() { return cookie.get.call(this); },
    set(value) { log.push(`document.cookie = ${String(value).slice(0, 40)}`); cookie.set.call(this, value); },
  });
  const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
  Object.defineProperty(Document.prototype, 'title', {
    get() { return title.get.call(this); },
    set(value) { log.push(`document.title = ${value}`); title.set.call(this, value); },
  });
  // Light-DOM changes once the parser is done (the host's own iframe-sizing snippet may set
  // the frame's style; nothing else may change).
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.attributeName === 'style' && r.target.id === 'calculator-frame') continue;
        const where = r.target.nodeName + (r.target.id ? `#${r.target.id}` : '');
        log.push(`DOM ${r.type} on ${where}: +${r.addedNodes.length} −${r.removedNodes.length} ${r.attributeName ?? ''}`.trim());
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Opens the demo page in a fresh context; resolves once both calculators can be used. */
async function openDemo({ width = 1280, height = 900, spy = false, url = `${site.server.url}demo.html`, context: given } = {}) {
  const context = given ?? await site.browser.newContext({ viewport: { width, height } });
  if (spy) await context.addInitScript(guestSpy);
  const page = await context.newPage();
  const seen = { pageErrors: [], consoleErrors: [], failed: [] };
  page.on('pageerror', (e) => seen.pageErrors.push(String(e?.stack ?? e)));
  page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('requestfailed', (r) => seen.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) seen.failed.push(`${r.url()}: HTTP ${r.status()}`); });
  await page.goto(url, { waitUntil: 'load' });
  try {
    await interactive(page, '#calculator-arthur');
    await interactive(page, '#calculator-beryl');
  } catch (error) {
    const text = await page.evaluate(() => [...document.querySelectorAll('reablement-calculator')].map((e) => e.shadowRoot?.textContent.slice(0, 200))).catch(() => '?');
    throw new Error(`the calculators did not start: ${JSON.stringify(text)}\nerrors: ${[...seen.pageErrors, ...seen.consoleErrors, ...seen.failed].join('\n')}`, { cause: error });
  }
  return { page, context, seen, close: () => (given ? page.close() : context.close()) };
}

/**
 * Waits until the element's first goal can be ticked with its module started (not the first
 * paint, `data-prerendered`, which keeps ticks for the module); returns ms since navigation began.
 */
async function interactive(page, selector) {
  const handle = await page.waitForFunction((selector) => {
    const box = document.querySelector(selector)?.shadowRoot?.querySelector('.rc-embed:not([data-prerendered]) input[type=checkbox]');
    return box && !box.disabled && box.getBoundingClientRect().height > 0 ? performance.now() : false;
  }, selector, { timeout: TIMEOUT, polling: 'raf' });
  return handle.jsonValue();
}

const statusOf = (page, selector) => page.locator(`${selector} .explainer__now`).textContent();

/** Everything the host page shows of itself that an embed must leave alone. */
function hostState(page) {
  return page.evaluate(async () => ({
    title: document.title,
    url: location.href,
    historyLength: history.length,
    localStorage: JSON.stringify(Object.entries(localStorage)),
    sessionStorage: JSON.stringify(Object.entries(sessionStorage)),
    cookie: document.cookie,
    databases: JSON.stringify((await indexedDB.databases?.()) ?? []),
    head: document.head.children.length,
    lightDom: document.body.getElementsByTagName('*').length,
  }));
}

/** Ticks goals and opens the working in both calculators, and uses the full app in the iframe. */
async function useEverything(page) {
  await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Make my own lunch' }).check();
  await page.locator('#calculator-arthur').getByText('How the cost is worked out').click();
  await page.locator('#calculator-beryl').getByRole('checkbox', { name: 'Heat up my own meals' }).check();
  const frame = page.frameLocator('#calculator-frame');
  await frame.getByRole('button', { name: "Load Arthur's example" }).click();
  await frame.getByRole('button', { name: 'Worked examples' }).click();
  await frame.getByRole('button', { name: 'One person' }).click();
  await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Make my own lunch' }).uncheck();
}

// ---------------------------------------------------------------- tests

test('both calculators render and calculate independently, with the JS API\'s figures', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close, seen } = await openDemo();
  try {
    const arthur0 = await expectedAfter('arthur', []);
    const beryl0 = await expectedAfter('partial-goals', [], { hourly_rate: '25.80' });
    assert.match(await statusOf(page, '#calculator-arthur'), new RegExp(`still costs ${pounds(arthur0.after.weekly_pence)} a week`));
    assert.match(await statusOf(page, '#calculator-beryl'), new RegExp(`still costs ${pounds(beryl0.after.weekly_pence)} a week`));
    assert.equal(arthur0.after.weekly_pence, 29_523, 'Arthur at the default £24.10 an hour');
    assert.notEqual(beryl0.after.weekly_pence, (await expectedAfter('partial-goals', [])).after.weekly_pence, 'hourly-rate="25.80" is used');
    const berylBefore = await statusOf(page, '#calculator-beryl');

    // Tick a goal in Arthur's: only Arthur's changes.
    await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Make my own lunch' }).check();
    const arthur1 = await expectedAfter('arthur', ['lunch']);
    await page.locator('#calculator-arthur .explainer__now', { hasText: pounds(arthur1.after.weekly_pence) }).waitFor({ timeout: TIMEOUT });
    assert.equal(pounds(arthur1.after.weekly_pence), '£210.88');
    assert.equal(await statusOf(page, '#calculator-beryl'), berylBefore, 'ticking a goal in one calculator changed the other');
    assert.match(await page.locator('#calculator-arthur .explainer__visit--stops').textContent(), /Lunch: meal preparation.*Stops/);

    // Tick one in Beryl's: only Beryl's changes.
    const arthurNow = await statusOf(page, '#calculator-arthur');
    await page.locator('#calculator-beryl').getByRole('checkbox', { name: 'Heat up my own meals' }).check();
    const beryl1 = await expectedAfter('partial-goals', ['meals'], { hourly_rate: '25.80' });
    await page.locator('#calculator-beryl .explainer__now', { hasText: pounds(beryl1.after.weekly_pence) }).waitFor({ timeout: TIMEOUT });
    assert.equal(await statusOf(page, '#calculator-arthur'), arthurNow, 'ticking a goal in one calculator changed the other');

    // By keyboard: Tab from one goal to the next and tick it with Space; Enter opens the working.
    await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Wash myself' }).check();
    await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Wash myself' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.labels?.[0]?.textContent),
      'Get dressed and undressed', 'Tab does not move to the next goal');
    await page.keyboard.press('Space');
    const summary = page.locator('#calculator-arthur .explainer__summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#calculator-arthur details').evaluate((d) => d.open), true, 'Enter does not open the working');
    await page.locator('#calculator-arthur .explainer__now', { hasText: 'needs no more care' }).waitFor({ timeout: TIMEOUT });
    assert.match(await page.locator('#calculator-arthur .explainer__result').textContent(), /£38\.13 a week less than the baseline/);
    assert.deepEqual([...seen.pageErrors, ...seen.consoleErrors, ...seen.failed], []);
  } finally {
    await close();
  }
});

test('a good guest: title, URL, history, storage and the page outside the elements are unchanged', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openDemo({ spy: true });
  const requested = new Set();
  page.context().on('request', (r) => requested.add(new URL(r.url()).origin));
  try {
    // The iframe's full app is mounted too.
    await page.frameLocator('#calculator-frame').getByRole('button', { name: "Load Arthur's example" }).waitFor({ timeout: TIMEOUT });
    const start = await hostState(page);
    await useEverything(page);
    // Attribute changes, and an element removed and put back, are part of using it too.
    await page.evaluate(() => {
      const el = document.getElementById('calculator-beryl');
      const parent = el.parentNode;
      el.remove();
      parent.append(el);
    });
    await interactive(page, '#calculator-beryl');
    await page.waitForTimeout(500);
    const end = await hostState(page);
    assert.deepEqual(end, { ...start, lightDom: end.lightDom }, 'the host page changed');
    // The remove-and-append above is the test's own doing: two records, nothing else.
    const logs = await Promise.all(page.frames().map((f) => f.evaluate(() => window.__guestLog ?? []).catch(() => ['(frame unreadable)'])));
    const [top, ...frames] = logs;
    assert.deepEqual(top.filter((l) => !/^DOM childList on FIGURE: \+[01] −[01]$/.test(l)), [], 'the embed touched the host page');
    assert.equal(end.lightDom, start.lightDom, 'elements were added to or removed from the host page');
    // The iframe's page is the calculator's own (it sets up its element from the query string).
    assert.deepEqual(frames.flat().filter((l) => !l.startsWith('DOM ')), [], 'the iframe page touched storage, history, cookies or the title');
    assert.equal(start.localStorage, '[]');
    assert.deepEqual([...requested].filter((o) => o !== site.server.origin), [], 'requests to anywhere but the calculator\'s own server');
  } finally {
    await close();
  }
});

test('a hostile host stylesheet changes nothing inside the calculators', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openDemo();
  const measure = () => page.evaluate(() => [...document.querySelectorAll('reablement-calculator')].map((el) => {
    const root = el.shadowRoot;
    const style = (selector) => {
      const node = root.querySelector(selector);
      const s = getComputedStyle(node);
      const r = node.getBoundingClientRect();
      return {
        font: `${s.fontStyle} ${s.fontWeight} ${s.fontSize}/${s.lineHeight} ${s.fontFamily}`,
        color: s.color, letterSpacing: s.letterSpacing, textTransform: s.textTransform, display: s.display, visibility: s.visibility,
        width: Math.round(r.width), height: Math.round(r.height),
      };
    };
    return {
      heading: style('.explainer__heading'),
      paragraph: style('.rc-explainer p'),
      label: style('.checkbox__label'),
      checkbox: style('.checkbox__input'),
      summary: style('.explainer__summary'),
      bars: style('.explainer__bars'),
      status: style('.explainer__now'),
      explainer: style('.rc-explainer'),
    };
  }));
  try {
    const calm = await measure();
    await page.addStyleTag({ content: `
      * { all: unset !important; }
      html { font-size: 62.5% !important; }
      body { color: red !important; line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important; font-family: "Comic Sans MS", cursive !important; text-align: center !important; }
      div, p, section, dl, ul, li, fieldset, svg { display: none !important; }
      button, input, summary, label { font-size: 50px !important; width: 2px !important; height: 2px !important; display: none !important; }
      h1, h2, h3 { font-size: 80px !important; color: hotpink !important; }
      reablement-calculator { font: 40px/5 serif !important; color: red !important; word-spacing: 20px !important; }
    ` });
    const hostile = await measure();
    // The hostile sheet also undoes the host's own layout (its column width), so only sizes
    // that do not depend on the width the host gives are compared.
    const styleOnly = (parts) => Object.fromEntries(Object.entries(parts).map(([k, { width, height, ...style }]) => [k, style]));
    for (const [i, name] of ['Arthur', 'Beryl'].entries()) {
      assert.deepEqual(styleOnly(hostile[i]), styleOnly(calm[i]), `${name}'s calculator looks different under the hostile stylesheet`);
      assert.deepEqual(hostile[i].checkbox, calm[i].checkbox, `${name}'s checkboxes changed size`);
      assert.equal(hostile[i].summary.height, calm[i].summary.height, `${name}'s "How the cost is worked out" changed size`);
      assert.ok(hostile[i].explainer.width >= 280, `${name}'s calculator is ${hostile[i].explainer.width} px wide`);
      for (const part of ['checkbox', 'summary', 'label']) {
        const box = hostile[i][part];
        assert.ok(box.width >= 24 && box.height >= 24, `${name}: the ${part} is ${box.width}×${box.height} px (< 24)`);
      }
    }
    // And it still works.
    await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Make my own lunch' }).check();
    await page.locator('#calculator-arthur .explainer__now', { hasText: '£210.88' }).waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: path.join(OUTPUT, 'embed-hostile.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('wrong attributes get a polite note and the default; changed attributes re-render; full mode', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close, seen } = await openDemo();
  try {
    await page.evaluate(() => {
      const el = document.createElement('reablement-calculator');
      el.id = 'calculator-test';
      for (const [k, v] of Object.entries({ mode: 'kiosk', baseline: 'abc', 'hourly-rate': '0', example: 'zed' })) el.setAttribute(k, v);
      document.querySelector('article').append(el);
    });
    await interactive(page, '#calculator-test');
    const note = page.locator('#calculator-test [role=status].embed-notes');
    const text = await note.textContent();
    for (const words of [
      'The mode “kiosk” is not one this calculator knows, so the explainer is shown.',
      'There is no worked example called “zed”, so Arthur\'s example is shown.',
      'The baseline “abc” is not an amount in pounds, so the default £38.13 is used.',
      'The hourly rate “0” is too small, so the default £24.10 is used. Hourly rate must be between £0.01 and £999.99.',
    ]) assert.ok(text.includes(words), `the note does not say: ${words}\nit says: ${text}`);
    assert.match(await statusOf(page, '#calculator-test'), /Arthur's care still costs £295\.23 a week/);
    assert.match(await page.locator('#calculator-test .explainer__result').textContent(), /baseline of £38\.13 a week/);

    // Put the attributes right: the notes go, and the new figures are used.
    await page.evaluate(() => {
      const el = document.getElementById('calculator-test');
      el.setAttribute('baseline', '50');
      el.setAttribute('hourly-rate', '30');
      el.removeAttribute('mode');
      el.setAttribute('example', 'short-calls');
    });
    await page.locator('#calculator-test .explainer__now', { hasText: 'Ken' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await note.count(), 0, 'the note is still there');
    const ken = await expectedAfter('short-calls', [], { hourly_rate: '30', baseline_weekly: '50' });
    assert.match(await statusOf(page, '#calculator-test'), new RegExp(`still costs ${pounds(ken.after.weekly_pence)} a week`));
    assert.match(await page.locator('#calculator-test .explainer__result').textContent(), /baseline of £50\.00 a week/);

    // Full mode: the whole calculator, inside the element.
    await page.evaluate(() => document.getElementById('calculator-test').setAttribute('mode', 'full'));
    await page.locator('#calculator-test').getByRole('heading', { name: 'Work out what reablement achieved' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await page.locator('#calculator-test').getByRole('button', { name: 'Clear data on this device' }).count(), 0,
      'an embed offers to clear data on the device, which it never stores');

    // And back: the explainer again (from the explainer's own module), with its figures.
    await page.evaluate(() => document.getElementById('calculator-test').setAttribute('mode', 'Explainer'));
    await page.locator('#calculator-test .explainer__now', { hasText: 'Ken' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await page.locator('#calculator-test').getByRole('heading', { name: 'Work out what reablement achieved' }).count(), 0);
    assert.match(await page.locator('#calculator-test .explainer__result').textContent(), /baseline of £50\.00 a week/);

    // Removed: gone without errors.
    await page.evaluate(() => document.getElementById('calculator-test').remove());
    await page.waitForTimeout(200);
    assert.deepEqual([...seen.pageErrors, ...seen.consoleErrors, ...seen.failed], []);
  } finally {
    await close();
  }
});

test('full mode starts from the element\'s example, baseline and hourly rate', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openDemo();
  try {
    await page.evaluate(() => {
      const el = document.createElement('reablement-calculator');
      el.id = 'calculator-full';
      for (const [k, v] of Object.entries({ mode: 'full', example: 'arthur', baseline: '40', 'hourly-rate': '25.50' })) el.setAttribute(k, v);
      document.querySelector('article').append(el);
    });
    const full = page.locator('#calculator-full');
    await full.getByRole('heading', { name: 'Work out what reablement achieved' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await full.locator('#f-goals-0-description').inputValue(), 'Wash myself');
    assert.equal(await full.locator('#f-settings-baseline_weekly').inputValue(), '40.00');
    assert.equal(await full.locator('#f-settings-hourly_rate').inputValue(), '25.50');
  } finally {
    await close();
  }
});

test('the iframe sizes itself to its content, and ignores messages from anywhere else', { timeout: TEST_TIMEOUT }, async () => {
  const { page, close } = await openDemo();
  const heights = () => page.evaluate(() => {
    const frame = document.getElementById('calculator-frame');
    return {
      frame: frame.getBoundingClientRect().height - frame.clientTop * 2,
      content: frame.contentDocument.documentElement.getBoundingClientRect().height,
    };
  });
  const fits = async (what) => {
    await page.waitForFunction(() => {
      const frame = document.getElementById('calculator-frame');
      const content = frame.contentDocument?.documentElement.getBoundingClientRect().height;
      return content > 300 && Math.abs(frame.getBoundingClientRect().height - frame.clientTop * 2 - content) <= 2;
    }, null, { timeout: TIMEOUT }).catch(async (error) => {
      throw new Error(`the iframe does not fit its content ${what}: ${JSON.stringify(await heights())}`, { cause: error });
    });
    return heights();
  };
  try {
    const frame = page.frameLocator('#calculator-frame');
    await frame.getByRole('button', { name: "Load Arthur's example" }).waitFor({ timeout: TIMEOUT });
    const first = await fits('when it has loaded');
    assert.notEqual(first.frame, 1200, 'the iframe kept the height the page gave it');

    await frame.getByRole('button', { name: 'Worked examples' }).click();
    const second = await fits('after changing view');
    assert.ok(Math.abs(second.frame - first.frame) > 50, `the height did not change: ${first.frame} → ${second.frame}`);

    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = await fits('at 360 px wide');
    assert.ok(narrow.frame > second.frame, `narrower content should be taller: ${second.frame} → ${narrow.frame}`);

    // Messages from another origin, or from this page itself, are ignored.
    const before = (await heights()).frame;
    await page.route('http://elsewhere.test/**', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<script>parent.postMessage({ type: '${HEIGHT_MESSAGE}', height: 5 }, '*');</script>`,
    }));
    await page.evaluate(() => new Promise((resolve) => {
      const other = document.createElement('iframe');
      other.src = 'http://elsewhere.test/post.html';
      other.title = 'another site';
      other.onload = resolve;
      document.body.append(other);
    }));
    await page.evaluate((type) => window.postMessage({ type, height: 7 }, '*'), HEIGHT_MESSAGE);
    await page.waitForTimeout(300);
    assert.equal((await heights()).frame, before, 'a message from elsewhere changed the iframe\'s height');
  } finally {
    await close();
  }
});

test('it works under the Content-Security-Policy in docs/embedding.md', { timeout: TEST_TIMEOUT }, async () => {
  // The host page's own inline script and style are allowed by their hashes, as a council
  // site would; the embed itself needs only what the docs list.
  const html = fs.readFileSync(path.join(distDir, 'demo.html'), 'utf8');
  const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
  const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => hash(m[1]));
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline('script').join(' ')}`,
    `style-src 'self' ${inline('style').join(' ')}`,
    "connect-src 'self'",
    "frame-src 'self'",
    "img-src 'self' data:",
  ].join('; ');
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await context.route(`${site.server.url}demo.html`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  const { page, close } = await openDemo({ context });
  try {
    await page.frameLocator('#calculator-frame').getByRole('button', { name: "Load Arthur's example" }).waitFor({ timeout: TIMEOUT });
    await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Make my own lunch' }).check();
    await page.locator('#calculator-arthur .explainer__now', { hasText: '£210.88' }).waitFor({ timeout: TIMEOUT });
    const violations = await Promise.all(page.frames().map((f) => f.evaluate(() => window.__violations ?? [])));
    assert.deepEqual(violations.flat(), [], 'Content-Security-Policy violations');
  } finally {
    await close();
    await context.close();
  }
});

test('it works from another origin when the files are served with Access-Control-Allow-Origin', { timeout: TEST_TIMEOUT }, async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The council's page on its own site; the calculator's files on the test server, with the
  // CORS header the docs ask for (module scripts and the WebAssembly are fetched with CORS).
  const host = 'http://council.test/news/article.html';
  const html = fs.readFileSync(path.join(distDir, 'demo.html'), 'utf8')
    .replaceAll('./embed.js', `${site.server.url}embed.js`)
    .replaceAll('./embed.html', `${site.server.url}embed.html`)
    .replaceAll('./index.html', `${site.server.url}index.html`);
  await context.route(host, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await context.route(`${site.server.origin}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
  });
  const { page, close, seen } = await openDemo({ context, url: host });
  try {
    await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Make my own lunch' }).check();
    await page.locator('#calculator-arthur .explainer__now', { hasText: '£210.88' }).waitFor({ timeout: TIMEOUT });
    // The iframe on the calculator's origin still sizes the frame (origin checked against its src).
    await page.waitForFunction(() => document.getElementById('calculator-frame').style.height !== '', null, { timeout: TIMEOUT });
    assert.deepEqual([...seen.pageErrors, ...seen.failed], []);
  } finally {
    await close();
    await context.close();
  }
});

test('axe-core finds no violations, inside the shadow roots and the iframe included', { timeout: TEST_TIMEOUT }, async () => {
  // embed.html's own Content-Security-Policy would block axe-core's injected script.
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const { page, close } = await openDemo({ context });
  try {
    const check = async (state) => {
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, `axe-core (${state}):\n${formatViolations(violations)}`);
      const frame = page.frame({ url: /embed\.html/ });
      const inFrame = await runAxe(frame);
      assert.equal(inFrame.length, 0, `axe-core in the iframe (${state}):\n${formatViolations(inFrame)}`);
    };
    await page.frameLocator('#calculator-frame').getByRole('button', { name: "Load Arthur's example" }).waitFor({ timeout: TIMEOUT });
    await check('as loaded');
    await page.locator('#calculator-arthur').getByRole('checkbox', { name: 'Make my own lunch' }).check();
    await page.locator('#calculator-arthur').getByText('How the cost is worked out').click();
    await page.evaluate(() => {
      const el = document.createElement('reablement-calculator');
      el.setAttribute('baseline', 'abc');
      el.id = 'calculator-test';
      document.querySelector('article').append(el);
    });
    await interactive(page, '#calculator-test');
    await check('a goal ticked, the working open, and a note about a wrong attribute');
    // axe looks inside open shadow roots: a shadow node's target is a list of selectors
    // (host, then inside). Check it really saw the calculators' checkboxes.
    const labelled = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['label'] }))
      .passes.flatMap((p) => p.nodes.map((n) => n.target)));
    assert.ok(labelled.filter((target) => Array.isArray(target[0])).length >= 8,
      `axe did not check the checkboxes inside the shadow roots: ${JSON.stringify(labelled)}`);
  } finally {
    await close();
    await context.close();
  }
});

test('size of one embed (brotli) and time until it is interactive; screenshots at 320 and 1280 px', { timeout: TEST_TIMEOUT }, async () => {
  // What a host page downloads for one <reablement-calculator>: the responses for the embed's
  // own files (not the host page, not the iframe's page).
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const files = new Map();
  const inFrame = new Set();
  page.on('response', async (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith(PREFIX) && r.frame() !== page.mainFrame()) inFrame.add(url.pathname.slice(PREFIX.length));
    if (!url.pathname.startsWith(PREFIX) || r.frame() !== page.mainFrame()) return;
    const name = url.pathname.slice(PREFIX.length);
    if (name.endsWith('.js') || name.endsWith('.wasm') || name.endsWith('.css')) files.set(name, r);
  });
  const started = Date.now();
  await page.goto(`${site.server.url}demo.html`);
  const ms = await interactive(page, '#calculator-arthur');
  const wall = Date.now() - started;
  await interactive(page, '#calculator-beryl');
  let raw = 0;
  let brotli = 0;
  const rows = [];
  for (const [name, response] of [...files].sort()) {
    const body = await response.body();
    const mode = name.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT;
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: mode } }).length;
    raw += body.length;
    brotli += br;
    rows.push(`  ${String(body.length).padStart(8)}  ${String(br).padStart(7)}  ${name}`);
  }
  // Explainers need only the explainer's own module: the whole calculator's is not fetched.
  for (const file of ['embed.js', 'embed/reablement_embed.js', 'embed/reablement_embed_bg.wasm']) {
    assert.ok(files.has(file), `${file} was not downloaded`);
  }
  // The stylesheets come inside embed.js, with the explainer's first paint (issue 20).
  for (const file of ['app.css', 'embed.css']) {
    assert.ok(!files.has(file), `${file} was downloaded, although embed.js has it`);
  }
  for (const file of ['reablement.js', 'reablement_bg.wasm']) {
    assert.ok(!files.has(file), `${file} (the whole calculator) was downloaded for two explainers`);
  }
  // And the iframe (mode=full) loads the whole calculator's module only, not the explainer's first.
  await page.frameLocator('#calculator-frame').getByRole('button', { name: "Load Arthur's example" }).waitFor({ timeout: TIMEOUT });
  assert.ok(inFrame.has('reablement_bg.wasm'), `the iframe did not load the whole calculator: ${[...inFrame].join(', ')}`);
  assert.ok(![...inFrame].some((file) => file.startsWith('embed/')), `the iframe loaded the explainer's module too: ${[...inFrame].join(', ')}`);
  console.log([
    `One embed downloads ${files.size} files: ${(raw / 1024).toFixed(1)} KiB, ${(brotli / 1024).toFixed(1)} KiB with brotli (quality 11):`,
    '       raw   brotli  file',
    ...rows,
    `First calculator interactive ${Math.round(ms)} ms after navigation began (performance.now(); ${wall} ms by the test's clock), on localhost with no network delay.`,
  ].join('\n'));
  assert.ok(brotli < 400 * 1024, `one embed is ${Math.round(brotli / 1024)} KiB with brotli: more than the 400 KiB budget`);

  // The same page from a host that serves brotli, over a slow 4G connection (1.6 Mbit/s
  // down, 150 ms round trip, as Lighthouse simulates a mobile connection).
  const compressing = await serveBrotli(distDir, PREFIX);
  try {
    const slow = await context.newPage();
    const cdp = await context.newCDPSession(slow);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await slow.goto(`${compressing.url}demo.html`);
    const slowMs = await interactive(slow, '#calculator-arthur');
    console.log(`Served with brotli over slow 4G (1.6 Mbit/s, 150 ms round trip): first calculator interactive after ${Math.round(slowMs)} ms.`);
    await slow.close();
  } finally {
    await compressing.close();
  }

  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.frameLocator('#calculator-frame').getByRole('button', { name: "Load Arthur's example" }).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, `the demo page scrolls sideways at ${width} px (${scrollWidth} > ${clientWidth})`);
    const small = await page.evaluate(() => [...document.querySelectorAll('reablement-calculator')].flatMap((el) =>
      [...el.shadowRoot.querySelectorAll('button, input, select, summary, a[href]')].map((node) => {
        const r = node.getBoundingClientRect();
        return { what: `${el.id} ${node.outerHTML.slice(0, 60)}`, w: Math.round(r.width), h: Math.round(r.height) };
      }).filter(({ w, h }) => w < 24 || h < 24)));
    assert.deepEqual(small, [], `targets smaller than 24×24 px at ${width} px`);
    if (width === 320) {
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, `axe-core at 320 px:\n${formatViolations(violations)}`);
    }
    await page.screenshot({ path: path.join(OUTPUT, `embed-${width}.png`), fullPage: true });
  }
  await context.close();
});
