// Storage that lasts (issue 19): on the first save the calculator asks the browser to keep the
// site's storage (navigator.storage.persist()), once, and only when it has not agreed already;
// the saved list and the privacy page say, in plain words, what the browser answered. Where
// the browser refuses or has no such question, saving works all the same.
//
// Headless Chromium answers for itself; the other answers a browser can give (refused, no
// storage manager) are what Firefox or an older browser say, given here by an init script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const TEST_TIMEOUT = 90_000;
const site = useBuiltSite({ prefix: '/tools/reablement/', files: ['index.html', 'privacy.html'] });

const WORDS = {
  kept: 'This browser has agreed to keep your saved scenarios until you clear them',
  refused: 'This browser has not agreed to keep your saved scenarios for certain',
  none: 'This browser does not say whether it will keep your saved scenarios',
};
const PRIVACY = {
  kept: 'This browser has agreed to keep what the calculator stores until you clear it',
  refused: 'This browser has not agreed to keep what the calculator stores for certain',
  none: 'This browser does not say whether it will keep what the calculator stores',
};

/** Counts the page's calls to navigator.storage.persist() and persisted(), calling the real ones. */
function countCalls() {
  window.__calls = { persist: 0, persisted: 0 };
  const storage = navigator.storage;
  if (!storage) return;
  for (const name of ['persist', 'persisted']) {
    const real = storage[name].bind(storage);
    storage[name] = () => { window.__calls[name] += 1; return real(); };
  }
}

/** A browser that will not keep the site's storage (as Firefox when the person says no). */
function refuses() {
  window.__calls = { persist: 0, persisted: 0 };
  navigator.storage.persist = () => { window.__calls.persist += 1; return Promise.resolve(false); };
  navigator.storage.persisted = () => { window.__calls.persisted += 1; return Promise.resolve(false); };
}

/** A browser with no storage manager at all. */
function noManager() {
  window.__calls = { persist: 0, persisted: 0 };
  Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined, configurable: true });
}

/** Saves the form and waits until the device holds it (under the reference typed). */
async function save(page) {
  const reference = await page.inputValue('#f-reference');
  await page.getByRole('button', { name: 'Save on this device' }).click();
  await page.waitForFunction((ref) => (localStorage.getItem('reablement-calculator:saved') ?? '').includes(ref), reference);
}

async function showSaved(page) {
  await page.getByRole('button', { name: 'Saved', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Saved on this device' }).waitFor();
  await page.locator('#saved-lasting').waitFor();
  return page.locator('#saved-lasting').innerText();
}

async function axeClean(page, what) {
  const violations = await runAxe(page, { tags: AXE_TAGS });
  assert.equal(violations.length, 0, `axe-core found ${violations.length} kind(s) of violation ${what}:\n${formatViolations(violations)}`);
}

test('the first save asks the browser once to keep the storage; the saved list and the privacy page say what it answered', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [375, 1280]) {
    const { context, page, errors } = await openSite(site, { width, init: countCalls });
    try {
      await page.getByRole('button', { name: "Load Arthur's example" }).click();
      assert.deepEqual(await page.evaluate(() => window.__calls), { persist: 0, persisted: 0 }, 'asked before anything was saved');
      await save(page);
      await page.waitForFunction(() => window.__calls.persisted >= 1);
      const kept = await page.evaluate(() => navigator.storage.persisted());
      await page.fill('#f-reference', 'AR-0009');
      await save(page);
      await page.waitForTimeout(200);
      const calls = await page.evaluate(() => window.__calls);
      // persisted() once at the first save (and once more for the check above); persist() only if it was not kept already.
      assert.ok(calls.persist <= 1, `persist() called ${calls.persist} times for two saves`);
      if (!kept) assert.equal(calls.persist, 1, 'the browser had not agreed, and was never asked');

      const said = await showSaved(page);
      assert.ok(said.startsWith(kept ? WORDS.kept : WORDS.refused), `the saved list says "${said}" where the browser answered ${kept}`);
      await axeClean(page, `on the saved list at ${width} px`);
      await page.screenshot({ path: path.join(OUTPUT, `lasting-saved-${width}.png`), fullPage: true });

      await page.goto(new URL('privacy.html', page.url()).href);
      await page.locator('#lasting').waitFor();
      const privacy = await page.locator('#lasting').innerText();
      assert.ok(privacy.startsWith(kept ? PRIVACY.kept : PRIVACY.refused), `the privacy page says "${privacy}"`);
      await axeClean(page, `on the privacy page at ${width} px`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('a browser that refuses, or cannot be asked: the words say so, and the scenarios are saved and kept all the same', { timeout: TEST_TIMEOUT }, async () => {
  for (const [answer, init] of [['refused', refuses], ['none', noManager]]) {
    const { context, page, errors } = await openSite(site, { width: 375, init });
    try {
      await page.getByRole('button', { name: "Load Arthur's example" }).click();
      await save(page);
      await page.waitForTimeout(200);
      const said = await showSaved(page);
      assert.ok(said.startsWith(WORDS[answer]), `(${answer}) the saved list says "${said}"`);
      assert.match(said, /open it and use “Download as a file”/);
      if (answer === 'refused') assert.equal(await page.evaluate(() => window.__calls.persist), 1, 'the browser was not asked');
      await page.reload();
      await page.getByRole('button', { name: 'Saved', exact: true }).click();
      assert.deepEqual(await page.locator('.saved__name').allInnerTexts(), ['AR-0002'], `(${answer}) the saved scenario is not kept`);
      await page.goto(new URL('privacy.html', page.url()).href);
      await page.locator('#lasting').waitFor();
      assert.ok((await page.locator('#lasting').innerText()).startsWith(PRIVACY[answer]));
      await axeClean(page, `on the privacy page (${answer})`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
