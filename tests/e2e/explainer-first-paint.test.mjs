// The explainer's first paint (issue 20): embed.js puts the explainer into the element's
// shadow root as HTML written at build time (Yew's server renderer, src/ui/embed/first_paint.rs),
// with its stylesheets, before its WebAssembly has arrived; the module then takes over.
//
// Each test holds the explainer's module back (its glue and its WebAssembly are routed and
// answered only when the test says so), so what it checks is certainly before the module:
// - on a host page like a council's, the explainer's heading, Arthur's goals and his weekly
//   cost are there, styled, with no other file fetched for them; axe-core finds nothing;
// - a goal ticked, the working opened and the focus on a goal before the module arrives are
//   all still so once it has, and the tick has taken effect (the cost is worked out);
// - untouched, nothing moves when the module takes over (every landmark to the pixel, no
//   layout shift), and the step chart's drawing carries on rather than starting again;
// - for every example, intro, weeks and heading level, the first paint is exactly what the
//   module renders; other figures, full mode and wrong values keep the loading message;
// - with less motion asked for, the chart is not drawn step by step; with JavaScript off the
//   element's own content shows; the iframe page has the first paint too.
//
// Run with `node --test tests/e2e/explainer-first-paint.test.mjs` after `make dist`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBuiltSite } from './lib/site.mjs';
import { OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const TIMEOUT = 30_000;
const TEST_TIMEOUT = 180_000;
const STARTING = 'The calculator is starting: the cost will change in a moment.';
const LOADING = 'Loading the reablement calculator…';
const MODULE = /\/embed\/reablement_embed(?:_bg\.wasm|\.js)(?:\?|$)/;

const site = useBuiltSite({ files: ['embed.js', 'embed.html', 'embed/reablement_embed.js', 'embed/reablement_embed_bg.wasm'] });

/** A council's page as issue 20 describes it: a heading, a paragraph, the element, the script. */
const hostPage = (attributes = 'example="arthur"') => `<!doctype html>
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
    <reablement-calculator ${attributes}><p><a href="./index.html">Open the reablement calculator</a></p></reablement-calculator>
  </main>
</body>
</html>`;

/**
 * A fresh context and page whose explainer module is held back until `release()`. `requests`
 * lists the paths the page asked for; `held` counts the module's requests waiting.
 */
async function heldPage({ width = 1280, height = 900, reducedMotion = 'no-preference', javaScriptEnabled = true } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, reducedMotion, javaScriptEnabled });
  await context.addInitScript(() => {
    window.__shifts = [];
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput });
      }).observe({ type: 'layout-shift', buffered: true });
    } catch {}
  });
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const state = { held: 0, requests: [] };
  await context.route(MODULE, async (route) => {
    state.held += 1;
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => state.requests.push(new URL(r.url()).pathname.replace(/^.*\/tools\/reablement\//, '')));
  return { context, page, errors, state, release };
}

/** Opens the host page (with these attributes on the element) on a held page. */
async function openHost(held, attributes) {
  site.server.extra['host.html'] = hostPage(attributes);
  await held.page.goto(`${site.server.url}host.html`);
}

/** Resolves once every element on the page has its module started (no first paint left). */
const started = (page, selector = 'reablement-calculator') => page.waitForFunction((selector) => [...document.querySelectorAll(selector)]
  .every((el) => el.shadowRoot?.querySelector('.rc-embed:not([data-prerendered]) .rc-explainer')), selector, { timeout: TIMEOUT, polling: 100 });

/** The shadow root's explainer as a list of lines: each element (attributes sorted, checked/open), each run of text. */
function treeOf(host) {
  const mount = host.shadowRoot.querySelector('.rc-embed');
  const lines = [];
  let text = null;
  const flush = () => {
    if (text) lines.push(`"${text}"`);
    text = null;
  };
  const walk = (node, depth) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        text = (text ?? '') + child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        flush();
        const attributes = [...child.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
        const state = child.localName === 'input' ? ` checked=${child.checked} disabled=${child.disabled}` : child.localName === 'details' ? ` open=${child.open}` : '';
        lines.push(`${'  '.repeat(depth)}<${child.namespaceURI === 'http://www.w3.org/2000/svg' ? 'svg:' : ''}${child.localName} ${attributes}${state}>`);
        walk(child, depth + 1);
        flush();
      }
    }
  };
  walk(mount, 0);
  flush();
  return lines;
}

/** Where each landmark of the explainer is, to the pixel, in page coordinates. */
const landmarks = (page) => page.evaluate(() => {
  const root = document.querySelector('reablement-calculator').shadowRoot;
  return [...root.querySelectorAll('h2, h3, h4, input, label, .explainer__now, .explainer__bar, .explainer__visit, summary, .stepchart svg, table')]
    .map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.localName}.${el.className?.baseVal ?? el.className} ${[r.x, r.y + scrollY, r.width, r.height].map(Math.round).join(',')}`;
    });
});

const shadowText = (page, selector = 'reablement-calculator') => page.evaluate((selector) => document.querySelector(selector).shadowRoot.textContent, selector);

test('before its module: the explainer\'s heading, Arthur\'s goals and his weekly cost, styled, from embed.js alone; axe-core finds nothing', { timeout: TEST_TIMEOUT }, async () => {
  const held = await heldPage({ width: 375, height: 800 });
  const { page, context, errors, state } = held;
  try {
    await openHost(held);
    const root = page.locator('reablement-calculator');
    await root.getByRole('heading', { level: 2, name: 'What is reablement?' }).waitFor({ timeout: TIMEOUT });
    assert.ok(state.held >= 1, 'the module was not asked for (so not held back)');
    assert.equal(await page.locator('reablement-calculator .rc-embed[data-prerendered]').count(), 1, 'not the first paint');
    assert.ok(await root.getByRole('heading', { level: 2, name: "Try it: Arthur's story" }).isVisible());
    assert.ok(await root.getByRole('heading', { level: 3, name: 'What the care costs each week' }).isVisible());
    for (const goal of ['Wash myself', 'Get dressed and undressed', 'Make my own lunch']) {
      const box = root.getByRole('checkbox', { name: goal });
      assert.ok(await box.isVisible(), `no goal "${goal}"`);
      assert.equal(await box.isChecked(), false);
    }
    assert.equal(await root.locator('.explainer__now').textContent(), "Arthur's care still costs £295.23 a week, the same as before reablement.");
    assert.match(await root.locator('.explainer__bar--before').textContent(), /£295\.23 a week/);
    assert.match(await root.locator('.explainer__bar--baseline').textContent(), /£38\.13 a week/);
    // Styled by the explainer's own stylesheets (the brand rule on top, the goals' panel).
    const look = await page.evaluate(() => {
      const r = document.querySelector('reablement-calculator').shadowRoot;
      const explainer = getComputedStyle(r.querySelector('.rc-explainer'));
      return { top: explainer.borderTopWidth, box: getComputedStyle(r.querySelector('.explainer__goal .checkbox__input')).width };
    });
    assert.equal(look.top, '6px', 'the explainer is not styled');
    assert.equal(look.box, '28px', 'the goals are not styled');
    // Nothing but the page, embed.js and the module (held, with its glue's snippets) was asked
    // for: no stylesheet.
    const asked = state.requests.filter((r) => !MODULE.test(`/${r}`) && !r.startsWith('embed/snippets/'));
    assert.deepEqual(asked, ['host.html', 'embed.js'], `files fetched for the first paint: ${asked.join(', ')}`);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, `axe-core in the first paint:\n${formatViolations(violations)}`);
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      assert.ok(scrollWidth <= clientWidth, `the page scrolls sideways at ${width} px`);
      await page.screenshot({ path: path.join(OUTPUT, `explainer-first-paint-${width}.png`), fullPage: true });
    }
    assert.deepEqual(errors, []);
  } finally {
    held.release();
    await context.close();
  }
});

test('a goal ticked, the working opened and the focus kept before the module arrives: the tick takes effect once it has', { timeout: TEST_TIMEOUT }, async () => {
  const held = await heldPage({ width: 375, height: 800 });
  const { page, context, errors, release } = held;
  try {
    await openHost(held);
    const root = page.locator('reablement-calculator');
    await root.getByRole('checkbox', { name: 'Make my own lunch' }).waitFor({ timeout: TIMEOUT });
    await root.getByText('How the cost is worked out').click();
    // By keyboard: the reader tabs to the goal and presses space.
    await root.getByRole('checkbox', { name: 'Make my own lunch' }).focus();
    await page.keyboard.press('Space');
    assert.equal(await root.getByRole('checkbox', { name: 'Make my own lunch' }).isChecked(), true);
    // Until the module has started, the cost sentence says it will change.
    assert.equal(await root.locator('.explainer__now').textContent(), STARTING);
    assert.equal(await page.locator('reablement-calculator .rc-embed[data-prerendered]').count(), 1, 'the module started although held');
    const scrolled = await page.evaluate(() => scrollY);
    release();
    await started(page);
    await root.locator('.explainer__now', { hasText: '£210.88' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await root.locator('.explainer__now').textContent(), "Arthur's care now costs £210.88 a week. That is £84.35 a week less than before.");
    assert.equal(await root.getByRole('checkbox', { name: 'Make my own lunch' }).isChecked(), true);
    assert.equal(await root.getByRole('checkbox', { name: 'Wash myself' }).isChecked(), false);
    assert.match(await root.locator('.explainer__visit--stops').textContent(), /Lunch/);
    assert.equal(await root.locator('details.explainer__working').evaluate((d) => d.open), true, 'the working closed');
    assert.equal(await page.evaluate(() => document.querySelector('reablement-calculator').shadowRoot.activeElement?.id), 'explainer-goal-2', 'the focus was lost');
    // The cost sentence was in sight already, so the page stayed where it was.
    assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page jumped');
    // It goes on working: the next tick is the module's at once.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await root.locator('.explainer__now', { hasText: '£' }).filter({ hasNotText: '£210.88' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await root.getByRole('checkbox', { name: 'Get dressed and undressed' }).isChecked(), true);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, `axe-core after the module took over:\n${formatViolations(violations)}`);
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});

test('attributes changed and the element moved before the module arrives: the first paint follows, the tick is kept', { timeout: TEST_TIMEOUT }, async () => {
  const held = await heldPage({ width: 1280, height: 900 });
  const { page, context, errors, release } = held;
  try {
    await openHost(held);
    const root = page.locator('reablement-calculator');
    await root.getByRole('checkbox', { name: 'Wash myself' }).check();
    const element = page.locator('reablement-calculator');
    // A page's script sets the heading level and leaves out the introduction.
    await element.evaluate((el) => { el.setAttribute('heading-level', '3'); el.setAttribute('intro', 'off'); });
    await root.getByRole('heading', { level: 3, name: "Try it: Arthur's story" }).waitFor({ timeout: TIMEOUT });
    assert.equal(await root.getByRole('heading', { name: 'What is reablement?' }).count(), 0);
    assert.equal(await root.getByRole('checkbox', { name: 'Wash myself' }).isChecked(), true, 'the tick was lost when the attributes changed');
    assert.equal(await root.locator('.explainer__now').textContent(), STARTING);
    // Moved elsewhere on the page: the same first paint, still ticked.
    await element.evaluate((el) => document.querySelector('h1').before(el));
    assert.equal(await page.locator('reablement-calculator .rc-embed[data-prerendered]').count(), 1);
    assert.equal(await root.getByRole('checkbox', { name: 'Wash myself' }).isChecked(), true);
    // Figures the first paint does not have: the loading message, then the module's own.
    await element.evaluate((el) => el.setAttribute('baseline', '50'));
    assert.equal(await shadowText(page), LOADING);
    await element.evaluate((el) => el.removeAttribute('baseline'));
    await root.getByRole('heading', { level: 3, name: "Try it: Arthur's story" }).waitFor({ timeout: TIMEOUT });
    await root.getByRole('checkbox', { name: 'Make my own lunch' }).check();
    release();
    await started(page);
    await root.locator('.explainer__now', { hasText: '£210.88' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await root.getByRole('heading', { level: 3, name: "Try it: Arthur's story" }).count(), 1);
    assert.equal(await root.getByRole('checkbox', { name: 'Wash myself' }).isChecked(), false, 'a tick from before the loading message came back');
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});

test('untouched, nothing moves when the module takes over, and the step chart carries on drawing', { timeout: TEST_TIMEOUT }, async () => {
  const held = await heldPage({ width: 1280, height: 900 });
  const { page, context, errors, release } = held;
  try {
    await openHost(held, 'example="arthur" weeks="on"');
    const root = page.locator('reablement-calculator');
    await root.getByRole('heading', { name: "Week by week: how Arthur's care changed" }).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(1200);
    const before = await landmarks(page);
    const drawing = () => page.evaluate(() => document.querySelector('reablement-calculator').shadowRoot.querySelector('.stepchart')
      .getAnimations({ subtree: true }).map((a) => a.currentTime));
    const drawnBefore = await drawing();
    // (A step's animation that has finished stays at its end: 500 ms for the first step.)
    assert.ok(drawnBefore.length >= 3 && Math.max(...drawnBefore) >= 1000, `the chart is not being drawn: ${drawnBefore}`);
    release();
    await started(page);
    assert.deepEqual(await landmarks(page), before, 'something moved when the module took over');
    const drawnAfter = await drawing();
    assert.equal(drawnAfter.length, drawnBefore.length);
    assert.ok(drawnAfter.every((t, i) => t >= drawnBefore[i]), `the drawing started again: ${drawnBefore} then ${drawnAfter}`);
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = shifts.filter((s) => !s.input).reduce((sum, s) => sum + s.value, 0);
    assert.ok(cls < 0.05, `layout shift ${cls} from the explainer (budget 0.05): ${JSON.stringify(shifts)}`);
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});

test('for every example, intro, weeks and heading level the first paint is what the module renders; anything else keeps the loading message', { timeout: TEST_TIMEOUT }, async () => {
  const held = await heldPage({ width: 1280, height: 900 });
  const { page, context, errors, release } = held;
  const withWeeks = ['arthur', 'needs-grew', 'short-calls'];
  const painted = [];
  for (const example of ['arthur', 'partial-goals', 'double-handed', 'explicit-after-telecare', 'needs-grew', 'short-calls']) {
    for (const intro of [null, 'off']) {
      for (const weeks of withWeeks.includes(example) ? [null, 'on'] : [null]) {
        for (const level of [null, '3', '4', '5', '6']) painted.push({ example, intro, weeks, 'heading-level': level });
      }
    }
  }
  // The same, written as a page's editor might.
  painted.push({}, { example: 'Ken' }, { example: ' ARTHUR ', mode: 'Explainer' }, { 'heading-level': 'h4', weeks: 'OFF', intro: 'On' }, { example: 'doris', weeks: 'on' });
  // Other figures, the whole calculator's mode, values the explainer writes a note about.
  const loading = [{ baseline: '40' }, { 'hourly-rate': '25.00' }, { example: 'zed' }, { example: 'partial-goals', weeks: 'on' },
    { 'heading-level': '7' }, { 'heading-level': '+3' }, { intro: 'maybe' }, { weeks: 'yes' }, { mode: 'kiosk' }, { example: '\u212Aen' }];
  try {
    site.server.extra['empty.html'] = '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Explainers</title><link rel="icon" href="data:,"><script type="module" src="./embed.js"></script></head><body><main></main></body></html>';
    await page.goto(`${site.server.url}empty.html`);
    await page.waitForFunction(() => customElements.get('reablement-calculator'));
    await page.evaluate(({ painted, loading }) => {
      for (const [i, attributes] of [...painted, ...loading].entries()) {
        const el = document.createElement('reablement-calculator');
        for (const [name, value] of Object.entries(attributes)) if (value != null) el.setAttribute(name, value);
        el.id = `e${i}`;
        document.querySelector('main').append(el);
      }
    }, { painted, loading });
    const first = await page.evaluate(({ treeOf, count }) => {
      const tree = new Function(`return (${treeOf})`)();
      return [...document.querySelectorAll('reablement-calculator')].slice(0, count).map((el) => ({
        prerendered: el.shadowRoot.querySelector('.rc-embed').hasAttribute('data-prerendered'),
        tree: tree(el),
      }));
    }, { treeOf: treeOf.toString(), count: painted.length });
    for (const [i, attributes] of painted.entries()) assert.ok(first[i].prerendered, `no first paint for ${JSON.stringify(attributes)}`);
    for (const [i, attributes] of loading.entries()) {
      const id = `#e${painted.length + i}`;
      assert.equal(await shadowText(page, id), LOADING, `a first paint for ${JSON.stringify(attributes)}`);
    }
    release();
    await started(page);
    const after = await page.evaluate(({ treeOf, count }) => {
      const tree = new Function(`return (${treeOf})`)();
      return [...document.querySelectorAll('reablement-calculator')].slice(0, count).map((el) => tree(el));
    }, { treeOf: treeOf.toString(), count: painted.length });
    for (const [i, attributes] of painted.entries()) {
      const a = first[i].tree;
      const b = after[i];
      const at = a.findIndex((line, j) => line !== b[j]);
      assert.ok(at === -1 && a.length === b.length,
        `${JSON.stringify(attributes)}: the first paint differs from the module's at line ${at} of ${a.length}/${b.length}:\n  first paint: ${a[at]}\n  module:      ${b[at]}`);
    }
    // The headings really are at the level asked for (not just the same in both).
    const levels = await page.evaluate(() => [...document.querySelectorAll('reablement-calculator')].slice(0, 5)
      .map((el) => [...el.shadowRoot.querySelectorAll('h2, h3, h4, h5, h6')].map((h) => h.localName).join(' ')));
    assert.deepEqual(levels, ['h2 h2 h2 h3 h3', 'h3 h3 h3 h4 h4', 'h4 h4 h4 h5 h5', 'h5 h5 h5 h6 h6', 'h6 h6 h6 h6 h6']);
    // The fallbacks were the module's from the start: each with its note, or its figures.
    assert.match(await shadowText(page, `#e${painted.length}`), /£40\.00 a week/);
    assert.match(await shadowText(page, `#e${painted.length + 2}`), /There is no worked example called “zed”/);
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});

test('the stylesheets inside embed.js style the explainer exactly as app.css and embed.css do', { timeout: TEST_TIMEOUT }, async () => {
  // Without motion, so no drawing is half-way through in one of the two.
  const held = await heldPage({ width: 1280, height: 900, reducedMotion: 'reduce' });
  const { page, context, release } = held;
  try {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await openHost(held, 'example="short-calls" weeks="on"');
      await page.locator('reablement-calculator .stepchart').waitFor({ timeout: TIMEOUT });
      const differences = await page.evaluate(async () => {
        // The same HTML in a second shadow root, styled by the stylesheets' own files.
        const element = document.querySelector('reablement-calculator');
        const twin = document.createElement('div');
        element.after(twin);
        const root = twin.attachShadow({ mode: 'open' });
        const links = ['app.css', 'embed.css'].map((file) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `./${file}` }));
        const mount = element.shadowRoot.querySelector('.rc-embed').cloneNode(true);
        root.append(...links, mount);
        await Promise.all(links.map((link) => new Promise((resolve, reject) => { link.onload = resolve; link.onerror = reject; })));
        const ours = [element.shadowRoot.querySelector('.rc-embed'), ...element.shadowRoot.querySelectorAll('.rc-embed *')];
        const theirs = [mount, ...mount.querySelectorAll('*')];
        // The working opened in both: a closed one's content is not laid out when it is not shown.
        for (const details of [...ours, ...theirs].filter((el) => el.localName === 'details')) details.open = true;
        const found = [];
        ours.forEach((el, i) => {
          const a = getComputedStyle(el);
          const b = getComputedStyle(theirs[i]);
          for (const property of a) {
            // Where an absolutely placed element ends up depends on where its twin is on the page.
            if (/^(top|bottom|left|right|inset-.*)$/.test(property)) continue;
            const [x, y] = [a.getPropertyValue(property), b.getPropertyValue(property)];
            if (x !== y) found.push(`${el.localName}.${el.className?.baseVal ?? el.className} ${property}: ${x} against ${y}`);
          }
        });
        twin.remove();
        return { count: ours.length, found };
      });
      assert.ok(differences.count > 150, `only ${differences.count} elements compared`);
      assert.deepEqual(differences.found.slice(0, 20), [], `at ${width} px`);
    }
  } finally {
    release();
    await context.close();
  }
});

test('less motion asked for: the first paint\'s chart is not drawn step by step; with JavaScript off the element\'s own content shows', { timeout: TEST_TIMEOUT }, async () => {
  const still = await heldPage({ reducedMotion: 'reduce' });
  try {
    await openHost(still, 'example="short-calls" weeks="on"');
    await still.page.locator('reablement-calculator .stepchart').waitFor({ timeout: TIMEOUT });
    const animations = await still.page.evaluate(() => document.querySelector('reablement-calculator').shadowRoot.getAnimations().length);
    assert.equal(animations, 0, 'the chart moves although the reader asked for less motion');
  } finally {
    still.release();
    await still.context.close();
  }
  const off = await heldPage({ javaScriptEnabled: false });
  try {
    await openHost(off);
    await off.page.getByRole('link', { name: 'Open the reablement calculator' }).waitFor({ timeout: TIMEOUT });
    assert.ok(await off.page.getByRole('link', { name: 'Open the reablement calculator' }).isVisible());
    assert.equal(await off.page.evaluate(() => document.querySelector('reablement-calculator').shadowRoot), null);
  } finally {
    off.release();
    await off.context.close();
  }
});

test('the iframe page has the first paint too, at the heading level in its address, within its Content-Security-Policy', { timeout: TEST_TIMEOUT }, async () => {
  const held = await heldPage({ width: 375, height: 800 });
  const { page, context, errors, release } = held;
  try {
    await page.goto(`${site.server.url}embed.html?example=partial-goals&heading-level=3`);
    const root = page.locator('reablement-calculator');
    await root.getByRole('heading', { level: 3, name: "Try it: Beryl's story" }).waitFor({ timeout: TIMEOUT });
    assert.equal(await page.locator('reablement-calculator .rc-embed[data-prerendered]').count(), 1);
    assert.ok(await root.getByRole('heading', { level: 4, name: 'What the care costs each week' }).isVisible());
    assert.ok(await root.getByRole('checkbox', { name: 'Heat up my own meals' }).isVisible());
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('reablement-calculator').shadowRoot.querySelector('.rc-explainer')).borderTopWidth), '6px');
    await root.getByRole('checkbox', { name: 'Heat up my own meals' }).check();
    release();
    await started(page);
    await root.locator('.explainer__now', { hasText: 'less than before' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await root.getByRole('checkbox', { name: 'Heat up my own meals' }).isChecked(), true);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'Content-Security-Policy violations');
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});
