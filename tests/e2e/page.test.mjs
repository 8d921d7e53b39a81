// The built site (dist/) in headless Chromium: it shows Arthur's example, loads nothing
// from anywhere but its own server, passes axe-core, and is screenshotted at 320 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBuiltSite, appStarted } from './lib/site.mjs';
import { OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

// dist/ is served under a sub-path, to check that every URL in it is relative.
const PREFIX = '/tools/reablement/';
const APP_TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;

const site = useBuiltSite({ prefix: PREFIX });

/**
 * Opens the site in a fresh page and records what it does. Waits until the app has mounted
 * (the mount point has content), and, with `arthur: true`, presses "Load Arthur's example"
 * (one click, as a trainer would) and waits until it shows £295.23.
 */
async function openSite({ width = 1280, height = 900, arthur = false } = {}) {
  const page = await site.browser.newPage({ viewport: { width, height } });
  const seen = { requests: [], failed: [], pageErrors: [], consoleErrors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('requestfailed', (r) => seen.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) seen.failed.push(`${r.url()}: HTTP ${r.status()}`); });
  page.on('pageerror', (e) => seen.pageErrors.push(String(e?.stack ?? e)));
  page.on('console', (m) => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  await page.goto(site.server.url, { waitUntil: 'load' });
  const waits = [
    ['the app to mount into #reablement-app', appStarted],
  ];
  if (arthur) waits.push(['£295.23 on the page', () => document.body.innerText.includes('£295.23')]);
  for (const [what, predicate] of waits) {
    if (what.startsWith('£295.23')) await page.getByRole('button', { name: "Load Arthur's example" }).click();
    try {
      await page.waitForFunction(predicate, null, { timeout: APP_TIMEOUT });
    } catch (error) {
      const text = await page.evaluate(() => document.body.innerText).catch(() => '?');
      await page.close();
      throw new Error(
        `waited ${APP_TIMEOUT / 1000} s for ${what}, in vain.\n` +
        `page text: ${JSON.stringify(text.slice(0, 500))}\n` +
        `page errors: ${seen.pageErrors.join('\n') || '-'}\nconsole errors: ${seen.consoleErrors.join('\n') || '-'}\n` +
        `failed requests: ${seen.failed.join('\n') || '-'}`,
        { cause: error },
      );
    }
  }
  // Let the first render settle (fonts, layout) before anything is measured.
  await page.evaluate(() => document.fonts?.ready);
  return { page, seen };
}



test('Arthur\'s example loads in one click from the first page: £295.23 before, £0.00 after', { timeout: TEST_TIMEOUT }, async () => {
  const { page, seen } = await openSite({ arthur: true });
  try {
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.includes('£295.23'), 'the page does not show £295.23 (before)');
    assert.ok(text.includes('£0.00'), 'the page does not show £0.00 (after)');
    assert.deepEqual(seen.pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(seen.failed, [], 'requests that failed');
  } finally {
    await page.close();
  }
});

test('every request goes to the local server only', { timeout: TEST_TIMEOUT }, async () => {
  const { page, seen } = await openSite();
  try {
    // Give anything loaded late (fonts, analytics, a service worker) a moment to show up.
    await page.waitForTimeout(1_500);
    assert.ok(seen.requests.length > 0, 'no requests were recorded');
    const outside = seen.requests.filter((url) => {
      const u = new URL(url);
      if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
      return u.origin !== site.server.origin || !u.pathname.startsWith(PREFIX);
    });
    assert.deepEqual(outside, [], 'requests that left the local server (or the site\'s own path)');
    const served = site.server.requests.map((r) => r.path.split('?')[0]);
    for (const file of ['reablement.js', 'reablement_bg.wasm']) {
      assert.ok(served.includes(PREFIX + file), `${file} was not loaded from the local server`);
    }
  } finally {
    await page.close();
  }
});

for (const width of [320, 1280]) {
  test(`no axe-core violations at ${width} px; screenshot in test-output/`, { timeout: TEST_TIMEOUT }, async () => {
    const { page } = await openSite({ width, height: 800 });
    try {
      await page.screenshot({ path: path.join(OUTPUT, `page-${width}.png`), fullPage: true });
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, `axe-core found ${violations.length} kind(s) of violation at ${width} px:\n${formatViolations(violations)}`);
    } finally {
      await page.close();
    }
  });
}

test('nothing scrolls sideways at 320 px (WCAG 1.4.10 reflow)', { timeout: TEST_TIMEOUT }, async () => {
  const { page } = await openSite({ width: 320, height: 800 });
  try {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `the page is ${scrollWidth} px wide in a ${clientWidth} px window`);
  } finally {
    await page.close();
  }
});
