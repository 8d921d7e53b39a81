// The first load (issue 11): the first screen is in dist/index.html as HTML, written at build
// time by Yew's server renderer, and the app takes it over when its module has started.
//
// - with JavaScript off, the page has the whole empty form, laid out by its stylesheet;
// - with JavaScript on, the app's first screen is where the prerendered one was: nothing moves;
// - under CPU and network throttling, "Load Arthur's example" pressed as soon as it shows, and
//   typing into a field, before the app has started, take effect once it has;
// - the other screens come from the whole app's module, loaded when first opened, and the
//   form is still there when the calculator is opened again.
//
// Run with `node --test tests/e2e/first-load.test.mjs` after `make dist`.
import { expectProblems } from './lib/browser.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBuiltSite, appStarted } from './lib/site.mjs';

const TIMEOUT = 60_000;
const TEST_TIMEOUT = 120_000;
const site = useBuiltSite({ files: ['index.html', 'reablement_start.js', 'reablement_start_bg.wasm', 'reablement.js'] });

/**
 * A fresh context, its page throttled through the DevTools protocol (slow CPU, slow network).
 * With `hold`, the first screen's module is held back until `release()` is called, so that
 * what the test does first is certainly done before the app has started.
 */
async function throttledPage({ hold = false } = {}) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  let release = () => {};
  if (hold) {
    const released = new Promise((resolve) => { release = resolve; });
    await page.route(/reablement_start_bg\.wasm/, async (route) => {
      await released;
      await route.continue();
    });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // 1.6 Mbps and 150 ms round trips: the module takes about a second to arrive.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  return { context, page, errors, release };
}

/** Where the first screen's landmarks are on the page, to the pixel. */
function layout(page) {
  return page.evaluate(() => Object.fromEntries(
    ['h1', '#case-heading', '#goals-heading', '#before-heading', '.rc-results', 'form.rc-form button[type=submit]']
      .map((selector) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        return [selector, r ? [r.x, r.y, r.width, r.height].map(Math.round) : null];
      })
      .concat([["Load Arthur's example", (() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === "Load Arthur's example");
        const r = button?.getBoundingClientRect();
        return r ? [r.x, r.y, r.width, r.height].map(Math.round) : null;
      })()]]),
  ));
}

test('with JavaScript off, the page has the first screen: heading, Arthur button, every section, laid out', { timeout: TEST_TIMEOUT }, async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    // JavaScript off: Chromium refuses the page's scripts (a failed request, "csp"), on purpose here.
    expectProblems(page, /^request failed \(csp\): .*\.js(?:\?v=\w+)?$/);
    await page.goto(site.server.url, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Work out what reablement achieved' }).waitFor({ timeout: TIMEOUT });
    assert.ok(await page.getByRole('button', { name: "Load Arthur's example" }).isVisible());
    for (const name of ['1. About this case', "2. The person's goals", '3. Care package before reablement']) {
      assert.ok(await page.getByRole('heading', { level: 2, name }).isVisible(), `no section "${name}"`);
    }
    for (const label of ['Case reference (optional)', 'Baseline cost per person per week', 'Hourly rate for home care']) {
      assert.ok(await page.getByLabel(label, { exact: false }).first().isVisible(), `no field "${label}"`);
    }
    assert.ok(await page.getByRole('button', { name: 'Show the result' }).isVisible());
    for (const tab of ['One person', 'Saved', 'Worked examples', 'Whole service']) {
      assert.ok(await page.getByRole('button', { name: tab, exact: true }).isVisible(), `no tab "${tab}"`);
    }
    assert.match(await page.locator('noscript').first().textContent(), /needs JavaScript and WebAssembly/);
    // Laid out by the stylesheet: the form and the result side by side at this width.
    const boxes = await layout(page);
    assert.ok(boxes['.rc-results'][0] > boxes['#case-heading'][0] + 300, `the result is not beside the form: ${JSON.stringify(boxes)}`);
  } finally {
    await context.close();
  }
});

test('the app takes over the prerendered first screen where it is: nothing moves', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors, release } = await throttledPage({ hold: true });
  try {
    await page.goto(site.server.url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Show the result' }).waitFor({ timeout: TIMEOUT });
    const before = await layout(page);
    assert.equal(await page.evaluate(() => document.querySelector('#reablement-app').hasAttribute('data-prerendered')), true);
    release();
    await page.waitForFunction(appStarted, null, { timeout: TIMEOUT });
    assert.deepEqual(await layout(page), before, 'the started app moved something on the first screen');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Load Arthur\'s example pressed as soon as it shows, under throttling, gives £295.23', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await throttledPage();
  try {
    await page.goto(site.server.url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: "Load Arthur's example" }).click({ timeout: TIMEOUT });
    await page.locator('[data-testid=before-weekly]', { hasText: '£295.23' }).waitFor({ timeout: TIMEOUT });
    assert.equal(await page.locator('[data-testid=after-weekly]').textContent(), '£0.00');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a press before start-up says the calculator is starting, then takes effect once it has', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors, release } = await throttledPage({ hold: true });
  try {
    await page.goto(site.server.url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: "Load Arthur's example" }).click({ timeout: TIMEOUT });
    assert.equal(await page.evaluate(() => document.querySelector('#reablement-app').hasAttribute('data-prerendered')), true);
    const status = page.locator('#rc-starting');
    assert.match(await status.textContent(), /The calculator is starting/);
    assert.equal(await status.getAttribute('role'), 'status');
    assert.ok(await status.isVisible());
    release();
    await page.locator('[data-testid=before-weekly]', { hasText: '£295.23' }).waitFor({ timeout: TIMEOUT });
    assert.deepEqual(await page.evaluate(() => window.reablementEarly.log), [{ press: "Load Arthur's example", nth: 0 }]);
    await page.waitForFunction(() => document.querySelector('#rc-starting').hidden, null, { timeout: TIMEOUT });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('what is typed and chosen before start-up is kept, and the field keeps focus', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors, release } = await throttledPage({ hold: true });
  try {
    await page.goto(site.server.url, { waitUntil: 'commit' });
    const reference = page.locator('#f-reference');
    await reference.waitFor({ timeout: TIMEOUT });
    await page.locator('#f-settings-hourly_rate').fill('25.00');
    await reference.fill('AB-1234');
    const early = await page.evaluate(() => document.querySelector('#reablement-app').hasAttribute('data-prerendered'));
    release();
    await page.waitForFunction(appStarted, null, { timeout: TIMEOUT });
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('reablement-calculator:draft') ?? '{}').draft?.reference === 'AB-1234', null, { timeout: TIMEOUT });
    assert.ok(early, 'the app had started before the fields were visible: the test did not type early');
    assert.equal(await reference.inputValue(), 'AB-1234');
    assert.equal(await page.locator('#f-settings-hourly_rate').inputValue(), '25.00');
    const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('reablement-calculator:draft')).draft);
    assert.equal(draft.hourly_rate, '25.00');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-reference', 'focus was lost when the app took over');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('another screen loads the whole app, which takes over with the form as it was', { timeout: TEST_TIMEOUT }, async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
    await page.goto(site.server.url, { waitUntil: 'load' });
    await page.waitForFunction(appStarted, null, { timeout: TIMEOUT });
    assert.ok(requested.includes('reablement_start_bg.wasm'));
    assert.ok(!requested.includes('reablement_bg.wasm'), 'the whole app was loaded for the first screen');
    await page.fill('#f-reference', 'CD-5678');
    await page.getByRole('button', { name: 'Worked examples' }).click();
    await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor({ timeout: TIMEOUT });
    assert.ok(requested.includes('reablement_bg.wasm'), 'the whole app was not loaded');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Worked examples', 'focus is not on the tab pressed');
    await page.getByRole('button', { name: 'One person' }).click();
    assert.equal(await page.locator('#f-reference').inputValue(), 'CD-5678');
    assert.equal(await page.getByRole('status').filter({ hasText: 'restored' }).count(), 0, 'a notice about a restored draft after changing screens');
    assert.equal(await page.locator('#reablement-app').count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
