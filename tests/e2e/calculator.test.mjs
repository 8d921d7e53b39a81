// The calculator as a new user meets it, in headless Chromium against dist/ under a sub-path:
// Arthur's case typed with the keyboard alone, errors and the way back from them, the draft
// kept over a reload, "Start again" and "Clear data on this device", axe-core in each state,
// 320 px reflow and target sizes, the printed page, and screenshots in test-output/.
//
// One browser for the file; a fresh context (so fresh localStorage) for each test.
// Run with `node --test tests/e2e/calculator.test.mjs` after `make dist`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const PREFIX = '/tools/reablement/';
const APP_TIMEOUT = 30_000;
const TEST_TIMEOUT = 60_000;
const STORAGE_PREFIX = 'reablement-calculator:';

// The contract's messages (docs/contract.md) for the two errors the tests make.
const MINUTES_MESSAGE = 'Visit length must be a whole number of minutes between 1 and 720';
const RATE_MESSAGE = 'Hourly rate must be between £0.01 and £999.99';

// Arthur's case, as in tests/examples/arthur.json, in the words a user would type.
const ARTHUR = {
  reference: 'AR-0001',
  goals: [
    { description: 'Wash myself', outcome: 'personal_hygiene' },
    { description: 'Get dressed and undressed', outcome: 'clothing' },
    { description: 'Make my own lunch', outcome: 'nutrition' },
  ],
  visits: [
    { label: 'Morning', minutes: '45', goals: [1, 2] },
    { label: 'Lunch', minutes: '30', goals: [3] },
    { label: 'Evening', minutes: '30', goals: [2] },
  ],
};

const site = useBuiltSite({ prefix: PREFIX });

// ---------------------------------------------------------------- helpers

/** Waits for `predicate` in the page; on time-out says what was awaited and what the page shows. */
async function waitFor(page, what, predicate, arg, timeout = 10_000) {
  try {
    await page.waitForFunction(predicate, arg, { timeout });
  } catch (error) {
    const text = await page.evaluate(() => document.body.innerText).catch(() => '?');
    throw new Error(`waited ${timeout / 1000} s for ${what}, in vain; the page says: ${JSON.stringify(text.slice(0, 600))}`, { cause: error });
  }
}

/** Waits until the app has mounted and shows its heading. */
async function waitForApp(page) {
  await waitFor(page, 'the calculator to start', () => document.querySelector('#reablement-app:not([data-prerendered])')?.innerText.includes('Work out what reablement achieved'), null, APP_TIMEOUT);
  await page.evaluate(() => document.fonts?.ready);
}

/**
 * A fresh browser context (its own localStorage) and page on the calculator. Uncaught page
 * errors are collected in `pageErrors`; call `close()` in a finally block.
 */
async function openCalculator({ width = 1280, height = 900 } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
  await page.goto(site.server.url, { waitUntil: 'load' });
  await waitForApp(page);
  return {
    page,
    pageErrors,
    close: () => context.close(),
    assertNoPageErrors: () => assert.deepEqual(pageErrors, [], 'the page reported errors'),
  };
}

const button = (page, name) => page.getByRole('button', { name, exact: true });

async function loadArthur(page) {
  await button(page, "Load Arthur's example").click();
  await expectText(page, '[data-testid=before-weekly]', '£295.23');
}

/** Waits until the element's text is (or, with a RegExp, matches) `expected`, then asserts it. */
async function expectText(page, selector, expected) {
  const matches = (text) => (expected instanceof RegExp ? expected.test(text) : text === expected);
  try {
    await page.waitForFunction(
      ([sel, source, flags, exact]) => {
        const text = document.querySelector(sel)?.innerText.trim();
        if (text == null) return false;
        return source != null ? new RegExp(source, flags).test(text) : text === exact;
      },
      [selector, expected instanceof RegExp ? expected.source : null, expected instanceof RegExp ? expected.flags : '', expected instanceof RegExp ? null : expected],
      { timeout: 5_000 },
    );
  } catch {
    // fall through to the assertion, which says what is there instead
  }
  const text = await page.evaluate((sel) => document.querySelector(sel)?.innerText.trim() ?? null, selector);
  assert.ok(text != null && matches(text), `${selector} shows ${JSON.stringify(text)}, expected ${expected}`);
}

/** What has keyboard focus, in words: tag, id, type, accessible-ish name, value, checked. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const words = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
    const name = e.labels?.length ? words(e.labels[0].innerText) : words(e.getAttribute('aria-label') || e.innerText);
    return {
      tag: e.tagName.toLowerCase(),
      id: e.id,
      type: e.type ?? null,
      name: name.slice(0, 80),
      value: 'value' in e ? e.value : null,
      checked: e.checked ?? null,
      inSummary: !!e.closest('.error-summary'),
    };
  });
}

const show = (f) => `${f.tag}${f.id ? '#' + f.id : ''}${f.type ? `[${f.type}]` : ''} "${f.name}"`;

/**
 * Presses Tab (or Shift+Tab with `back`) until `wanted(focused)` is true; fails, listing the
 * path taken, when it takes more than `max` presses. Keyboard only: no clicks, no .focus().
 */
async function tabTo(page, what, wanted, { back = false, max = 40 } = {}) {
  const route = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    route.push(show(f));
    if (wanted(f)) return f;
  }
  assert.fail(`${back ? 'Shift+Tab' : 'Tab'} never reached ${what} in ${max} presses; focus went: ${route.join(' → ')}`);
}

/** Waits until the element with `id` has focus (focus moves in an effect after a render). */
async function expectFocusOn(page, id, why) {
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5_000 });
  } catch {
    assert.fail(`${why}: focus is on ${show(await focused(page))}, not #${id}`);
  }
}

const value = (page, selector) => page.locator(selector).inputValue();
const isChecked = (page, selector) => page.locator(selector).isChecked();

/** Every localStorage key that belongs to this calculator. */
const storedKeys = (page) => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort(), STORAGE_PREFIX);

/** Makes the two errors of test 2: a visit length of "3o", and an hourly rate of "24.101". */
async function makeTwoErrors(page) {
  await page.locator('#f-before-visits-0-minutes').fill('3o');
  await page.locator('#f-settings-hourly_rate').fill('24.101');
  await button(page, 'Show the result').click();
  await waitFor(page, 'the error summary', () => document.querySelector('.error-summary') != null);
}



// ---------------------------------------------------------------- 1. keyboard only

test("keyboard only: Arthur's case typed in gives £295.23 before, £0.00 after, £38.13 below the baseline", { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    const kb = page.keyboard;

    // 1. About this case
    await tabTo(page, 'the case reference', (f) => f.id === 'f-reference');
    await kb.type(ARTHUR.reference);

    // 2. The person's goals
    for (const [g, goal] of ARTHUR.goals.entries()) {
      await tabTo(page, `"Add ${g === 0 ? 'a' : 'another'} goal"`, (f) => f.tag === 'button' && f.name === (g === 0 ? 'Add a goal' : 'Add another goal'));
      await kb.press('Space');
      await expectFocusOn(page, `f-goals-${g}-description`, `after "Add a goal", focus should be in goal ${g + 1}'s first field`);
      await kb.type(goal.description);

      await kb.press('Tab');
      let f = await focused(page);
      assert.equal(f.id, `f-goals-${g}-outcome`, `Tab from goal ${g + 1}'s description should reach its outcome, not ${show(f)}`);
      if (g === 0) {
        // Shift+Tab goes back to the description, with what was typed still there.
        await kb.press('Shift+Tab');
        f = await focused(page);
        assert.equal(f.id, 'f-goals-0-description', `Shift+Tab from the outcome went to ${show(f)}`);
        assert.equal(f.value, goal.description);
        await kb.press('Tab');
      }
      // A closed select changes with the arrow keys: count the presses from "Choose…".
      const options = await page.locator(`#f-goals-${g}-outcome option`).evaluateAll((os) => os.map((o) => o.value));
      const presses = options.indexOf(goal.outcome);
      assert.ok(presses > 0, `the outcome list has no ${goal.outcome}: ${options.join(', ')}`);
      for (let i = 0; i < presses; i++) await kb.press('ArrowDown');
      assert.equal(await value(page, `#f-goals-${g}-outcome`), goal.outcome, `arrow keys did not choose ${goal.outcome} for goal ${g + 1}`);

      // Status radios: Tab lands on the checked one ("Not started"); arrows move the choice.
      await kb.press('Tab');
      f = await focused(page);
      assert.equal(f.id, `f-goals-${g}-status`, `Tab from the outcome should reach the checked status radio ("Not started"), not ${show(f)}`);
      await kb.press('ArrowDown'); // In progress
      await kb.press('ArrowDown'); // Achieved
      f = await focused(page);
      assert.equal(f.id, `f-goals-${g}-status-achieved`, `two arrow presses should reach "Achieved", not ${show(f)}`);
      assert.ok(await isChecked(page, `#f-goals-${g}-status-achieved`), `goal ${g + 1} is not marked achieved`);
    }

    // 3. Care package before reablement
    for (const [v, visit] of ARTHUR.visits.entries()) {
      await tabTo(page, `"Add ${v === 0 ? 'a' : 'another'} visit"`, (f) => f.tag === 'button' && f.name === (v === 0 ? 'Add a visit' : 'Add another visit'));
      await kb.press('Space');
      await expectFocusOn(page, `f-before-visits-${v}-label`, `after "Add a visit", focus should be in visit ${v + 1}'s name`);
      await kb.type(visit.label);
      await kb.press('Tab');
      const f = await focused(page);
      assert.equal(f.id, `f-before-visits-${v}-minutes`, `Tab from the visit name should reach its length, not ${show(f)}`);
      assert.equal(f.value, '30', 'a new visit should start at 30 minutes');
      if (visit.minutes === '45') {
        // The quick choice, pressed with Space.
        await tabTo(page, 'the "45 minutes" quick choice', (x) => x.tag === 'button' && x.name === '45 minutes', { max: 5 });
        await kb.press('Space');
        assert.equal(await value(page, `#f-before-visits-${v}-minutes`), '45', 'the "45" quick choice did not set the length');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true', 'the "45" quick choice does not show as pressed');
      } else if (v === 2) {
        // Type over the default, as someone would who did not notice it.
        await kb.press('Control+A');
        await kb.type(visit.minutes);
      }
      for (const n of visit.goals) {
        const words = `Goal ${n}: ${ARTHUR.goals[n - 1].description}`;
        await tabTo(page, `visit ${v + 1}'s "${words}" checkbox`, (x) => x.type === 'checkbox' && x.id.startsWith(`f-before-visits-${v}-goal-`) && x.name === words, { max: 12 });
        await kb.press('Space');
        const after = await focused(page);
        assert.equal(after.checked, true, `Space did not tick "${words}" for visit ${v + 1}`);
      }
      assert.equal(await value(page, `#f-before-visits-${v}-minutes`), visit.minutes);
      assert.equal(await value(page, `#f-before-visits-${v}-carers`), '1', 'a new visit should have 1 carer');
      assert.equal(await value(page, `#f-before-visits-${v}-days_per_week`), '7', 'a new visit should be 7 days a week');
      assert.equal(await value(page, `#f-before-visits-${v}-hourly_rate`), '', 'a new visit should use the settings rate');
    }

    // 4 and 5 keep their defaults: work the package out from the goals, at £24.10 an hour.
    await tabTo(page, '"Show the result"', (f) => f.tag === 'button' && f.name === 'Show the result');
    await kb.press('Space');
    await expectFocusOn(page, 'results-heading', 'after "Show the result" with no errors, focus should move to the result');

    await expectText(page, '[data-testid=before-weekly]', '£295.23');
    await expectText(page, '[data-testid=after-weekly]', '£0.00');
    await expectText(page, '[data-testid=baseline-gap]', /^£38\.13 below the £38\.13 baseline\.$/);
    await expectText(page, '[data-testid=goals]', '3 of 3');
    // What a screen reader hears: the polite live region says the same in one sentence.
    await expectText(page, '[aria-live=polite]', 'Before reablement £295.23 a week. After £0.00 a week. £38.13 below the £38.13 baseline.');
    assert.equal(await page.locator('.error-summary').count(), 0, 'an error summary shows for a complete case');
    assert.ok(!(await page.title()).startsWith('Error'), 'the title says Error for a complete case');
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

// ---------------------------------------------------------------- 2. errors

test('errors: the summary takes focus, lists both messages, links to each field, keeps the form; fixing them shows £295.23', { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    // Nothing is called an error before the user asks for the result.
    await loadArthur(page);
    await page.locator('#f-before-visits-0-minutes').fill('3o');
    await page.locator('#f-settings-hourly_rate').fill('24.101');
    assert.equal(await page.locator('.error-summary, .error-message').count(), 0, 'errors show before "Show the result" was pressed');

    await button(page, 'Show the result').click();
    await waitFor(page, 'the error summary to take focus', () => document.activeElement?.classList.contains('error-summary'));
    const summary = page.locator('.error-summary');
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal((await summary.locator('h2').innerText()).trim(), 'There is a problem');
    assert.match(await page.title(), /^Error: /, 'the page title should start with "Error: " while errors show');

    const links = summary.locator('a');
    const texts = (await links.allInnerTexts()).map((t) => t.trim());
    assert.equal(texts.length, 2, `the summary should list exactly the 2 problems: ${JSON.stringify(texts)}`);
    assert.ok(texts[0].includes(MINUTES_MESSAGE), `first link: ${texts[0]}`);
    assert.ok(texts[0].startsWith('Morning: personal care and dressing: '), `the visit length error should name the visit: ${texts[0]}`);
    assert.ok(texts[1].includes(RATE_MESSAGE), `second link: ${texts[1]}`);

    // Inline messages under the two fields, and the fields marked invalid.
    for (const [id, message] of [['f-before-visits-0-minutes', MINUTES_MESSAGE], ['f-settings-hourly_rate', RATE_MESSAGE]]) {
      const field = page.locator(`#${id}`).locator('xpath=ancestor::div[contains(@class,"field")][1]');
      assert.ok((await field.locator('.error-message').innerText()).includes(message), `no inline "${message}" at #${id}`);
      assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', `#${id} is not marked invalid`);
    }
    assert.equal(await page.locator('.error-message').count(), 2, 'there should be exactly 2 inline messages');
    assert.equal(await page.locator('[data-testid=before-weekly]').count(), 0, 'a result shows although the answers have errors');

    // Clicking each link moves focus to its field, and brings the field into view.
    const targets = ['f-before-visits-0-minutes', 'f-settings-hourly_rate'];
    for (const [i, id] of targets.entries()) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await links.nth(i).click();
      await expectFocusOn(page, id, `clicking "${texts[i]}"`);
      // The field and its message are both on screen (a pixel of rounding allowed).
      const onScreen = await page.locator(`#${id}`).evaluate((e) => [e, document.getElementById(`${e.id}-error`)].every((x) => {
        const r = x?.getBoundingClientRect();
        return r != null && r.top >= -1 && r.bottom <= innerHeight + 1;
      }));
      assert.ok(onScreen, `#${id} has focus, but it or its error message is off screen`);
    }
    // And with the keyboard: from the focused summary, Tab to the link, Enter.
    for (const [i, id] of targets.entries()) {
      await button(page, 'Show the result').focus();
      await page.keyboard.press('Enter');
      await waitFor(page, 'the error summary to take focus again', () => document.activeElement?.classList.contains('error-summary'));
      for (let t = 0; t <= i; t++) await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.ok(f.tag === 'a' && f.inSummary && f.name === texts[i].slice(0, 80), `Tab ${i + 1}× from the summary reached ${show(f)}, not "${texts[i]}"`);
      await page.keyboard.press('Enter');
      await expectFocusOn(page, id, `Enter on "${texts[i]}"`);
    }

    // The rest of the form is as it was, and the wrong values are kept as typed.
    assert.equal(await value(page, '#f-reference'), 'AR-0002');
    assert.deepEqual(
      await Promise.all([0, 1, 2].map((g) => value(page, `#f-goals-${g}-description`))),
      ['Wash myself', 'Get dressed and undressed', 'Make my own lunch'],
    );
    for (const g of [0, 1, 2]) assert.ok(await isChecked(page, `#f-goals-${g}-status-achieved`), `goal ${g + 1} lost its status`);
    assert.deepEqual(await Promise.all([0, 1, 2].map((v) => value(page, `#f-before-visits-${v}-minutes`))), ['3o', '30', '30']);
    assert.equal(await page.locator('input[type=checkbox][id^="f-before-visits-"]:checked').count(), 4, 'visit-goal links were lost');
    assert.equal(await value(page, '#f-settings-hourly_rate'), '24.101');

    // Fix both, ask again: no summary, no inline errors, the title is plain, the result shows.
    await page.locator('#f-before-visits-0-minutes').fill('45');
    await page.locator('#f-settings-hourly_rate').fill('24.10');
    await button(page, 'Show the result').click();
    await expectFocusOn(page, 'results-heading', 'after fixing the errors, "Show the result" should move focus to the result');
    assert.equal(await page.locator('.error-summary, .error-message').count(), 0, 'errors still show after they were fixed');
    assert.ok(!(await page.title()).startsWith('Error'), `the title still says "${await page.title()}"`);
    await expectText(page, '[data-testid=before-weekly]', '£295.23');
    await expectText(page, '[data-testid=after-weekly]', '£0.00');
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

// ---------------------------------------------------------------- 3. reload

test('reload: the draft comes back as it was, with its result, and says it was restored', { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    await loadArthur(page);
    await page.locator('#f-reference').fill('AR-0003');
    await page.locator('#f-goals-2-status-in_progress').check(); // lunch not yet: the lunch visit carries on
    await page.locator('#f-reablement_cost').fill('1850');
    await expectText(page, '[data-testid=after-weekly]', '£84.35'); // 30 × 7 × £24.10 ÷ 60
    await expectText(page, '[data-testid=break-even]', /\b9 weeks\b/); // £1,850 ÷ £210.88 a week, rounded up

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    const notice = page.getByRole('status').filter({ hasText: 'Your draft from this device has been restored.' });
    assert.ok(await notice.isVisible(), 'no "Your draft from this device has been restored." notice after a reload');

    assert.equal(await value(page, '#f-reference'), 'AR-0003');
    assert.deepEqual(
      await Promise.all([0, 1, 2].map((g) => value(page, `#f-goals-${g}-description`))),
      ['Wash myself', 'Get dressed and undressed', 'Make my own lunch'],
    );
    assert.ok(await isChecked(page, '#f-goals-0-status-achieved'));
    assert.ok(await isChecked(page, '#f-goals-2-status-in_progress'), 'goal 3 lost its "In progress" status');
    assert.equal(await value(page, '#f-goals-1-outcome'), 'clothing');
    assert.deepEqual(await Promise.all([0, 1, 2].map((v) => value(page, `#f-before-visits-${v}-minutes`))), ['45', '30', '30']);
    assert.equal(await page.locator('input[type=checkbox][id^="f-before-visits-"]:checked').count(), 4, 'visit-goal links were lost');
    assert.equal(await value(page, '#f-reablement_cost'), '1850');
    await expectText(page, '[data-testid=before-weekly]', '£295.23');
    await expectText(page, '[data-testid=after-weekly]', '£84.35');
    await expectText(page, '[data-testid=break-even]', /\b9 weeks\b/);
    assert.equal(await page.locator('.error-summary').count(), 0, 'a restored draft should not open with errors');

    // "Hide this message" hides it.
    await notice.getByRole('button', { name: 'Hide this message' }).click();
    assert.equal(await page.getByText('Your draft from this device has been restored.').count(), 0, '"Hide this message" did not hide the notice');
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

// ---------------------------------------------------------------- 4. start again, clear data

test('"Start again" asks first; Cancel keeps everything; "Yes, start again" empties the form, also after a reload', { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    await loadArthur(page);
    await button(page, 'Start again').click();
    const question = page.getByRole('alertdialog');
    assert.match(await question.innerText(), /Start again\? Everything entered in the form will be removed\./);
    assert.ok(await button(page, 'Yes, start again').isVisible());
    assert.equal(await value(page, '#f-reference'), 'AR-0002', 'the form changed before the question was answered');

    await button(page, 'Cancel').click();
    assert.equal(await page.getByRole('alertdialog').count(), 0, 'the question is still there after Cancel');
    assert.equal(await value(page, '#f-reference'), 'AR-0002', 'Cancel lost the reference');
    assert.equal(await page.locator('[id^="f-goals-"][id$="-description"]').count(), 3, 'Cancel lost goals');
    await expectText(page, '[data-testid=before-weekly]', '£295.23');

    await button(page, 'Start again').click();
    await button(page, 'Yes, start again').click();
    await expectText(page, '.notice', /The form has been emptied\./);
    assert.equal(await value(page, '#f-reference'), '', 'the reference is still there');
    assert.equal(await page.locator('[id^="f-goals-"], [id^="f-before-visits-"]').count(), 0, 'goals or visits are still there');
    assert.ok(await button(page, 'Add a goal').isVisible(), '"Add a goal" should be back for an empty form');
    assert.equal(await page.locator('[data-testid=before-weekly]').count(), 0, 'a result still shows for an empty form');
    assert.deepEqual(await storedKeys(page), [], 'an empty form should leave nothing stored');

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    assert.equal(await value(page, '#f-reference'), '');
    assert.equal(await page.locator('[id^="f-goals-"], [id^="f-before-visits-"]').count(), 0, 'goals or visits came back after a reload');
    assert.equal(await page.getByText('Your draft from this device has been restored.').count(), 0, 'a draft was "restored" after Start again');
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

test('"Clear data on this device" asks first; Cancel keeps everything; "Yes, clear data" leaves no calculator data, also after a reload', { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    // Another site's data on the same origin must survive; a draft set aside earlier must not.
    await page.evaluate(() => {
      localStorage.setItem('another-tool:settings', 'keep me');
      localStorage.setItem('reablement-calculator:unreadable-draft', '{"version":0}');
    });
    await loadArthur(page);
    assert.ok((await storedKeys(page)).includes('reablement-calculator:draft'), 'the draft was not kept on the device');

    await button(page, 'Clear data on this device').click();
    assert.match(await page.getByRole('alertdialog').innerText(), /Clear data on this device\?/);
    await button(page, 'Cancel').click();
    assert.equal(await page.getByRole('alertdialog').count(), 0, 'the question is still there after Cancel');
    assert.equal(await value(page, '#f-reference'), 'AR-0002', 'Cancel lost the reference');
    await expectText(page, '[data-testid=before-weekly]', '£295.23');
    assert.deepEqual(await storedKeys(page), ['reablement-calculator:draft', 'reablement-calculator:unreadable-draft'], 'Cancel changed what is stored');

    await button(page, 'Clear data on this device').click();
    await button(page, 'Yes, clear data').click();
    await expectText(page, '.notice', /removed/);
    assert.equal(await value(page, '#f-reference'), '', 'the reference is still there');
    assert.equal(await page.locator('[id^="f-goals-"], [id^="f-before-visits-"]').count(), 0, 'goals or visits are still there');
    assert.deepEqual(await storedKeys(page), [], `keys starting with "${STORAGE_PREFIX}" are left`);
    assert.equal(await page.evaluate(() => localStorage.getItem('another-tool:settings')), 'keep me', "another tool's data was removed too");

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    assert.equal(await value(page, '#f-reference'), '');
    assert.equal(await page.locator('[id^="f-goals-"], [id^="f-before-visits-"]').count(), 0, 'goals or visits came back after a reload');
    assert.equal(await page.getByText('Your draft from this device has been restored.').count(), 0, 'a draft was "restored" after clearing');
    assert.deepEqual(await storedKeys(page), [], 'opening the page again stored something');
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

// Pressing "Start again" removes the focused button and shows the question: focus must move
// into the question (or a screen reader user hears nothing), and back after Cancel.
test('"Start again" with the keyboard: focus moves into the question, and Cancel returns it to "Start again"', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    await loadArthur(page);
    await button(page, 'Start again').focus();
    await page.keyboard.press('Space');
    await page.getByRole('alertdialog').waitFor();
    const f = await focused(page);
    assert.ok(
      await page.evaluate(() => !!document.activeElement.closest('[role=alertdialog]')),
      `after "Start again", focus is on ${show(f)}, not in the question`,
    );
    await button(page, 'Cancel').focus();
    await page.keyboard.press('Space');
    const g = await focused(page);
    assert.ok(g.tag === 'button' && g.name === 'Start again', `after Cancel, focus is on ${show(g)}, not "Start again"`);
  } finally {
    await app.close();
  }
});

// ---------------------------------------------------------------- 5. axe-core

test('axe-core: no WCAG 2.2 AA violations when empty, with Arthur, with errors, and with a question showing', { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    const found = [];
    const check = async (state) => {
      const violations = await runAxe(page, { tags: AXE_TAGS });
      if (violations.length) found.push(`${state}:\n${formatViolations(violations)}`);
    };
    await check('empty page');
    await loadArthur(page);
    await check("Arthur's example loaded");
    await makeTwoErrors(page);
    await check('errors showing');
    await button(page, 'Start again').click();
    await page.getByRole('alertdialog').waitFor();
    await check('"Start again?" question showing');
    assert.equal(found.length, 0, `axe-core (${AXE_TAGS.join(', ')}) found violations:\n${found.join('\n')}`);
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

// ---------------------------------------------------------------- 6. 320 px

test('at 320 px with Arthur loaded: nothing scrolls sideways, and every button, input and select is at least 24×24 px', { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator({ width: 320, height: 800 });
  const { page } = app;
  try {
    await loadArthur(page);
    const measure = () => page.evaluate(() => {
      const small = [];
      for (const e of document.querySelectorAll('button, input:not([type=hidden]), select')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not rendered
        if (r.width < 24 || r.height < 24) {
          const name = (e.labels?.[0]?.innerText ?? e.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
          small.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${name}": ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
        }
      }
      const wide = [...document.querySelectorAll('#reablement-app *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')}`);
      return { scrollWidth: document.documentElement.scrollWidth, small, wide };
    });
    let m = await measure();
    assert.ok(m.scrollWidth <= 320, `the page is ${m.scrollWidth} px wide at 320 px; too wide: ${m.wide.join(', ')}`);
    assert.deepEqual(m.small, [], 'targets smaller than 24×24 CSS px (WCAG 2.5.8)');

    // The longest Care Act outcome is cut off inside the select at this width: its whole
    // wording shows underneath, and leaves when a short one is chosen.
    const outcome = page.locator('#f-goals-0-outcome');
    const chosen = outcome.locator('xpath=following-sibling::p[contains(@class, "select__chosen")]');
    await outcome.selectOption('relationships');
    assert.equal(await chosen.innerText(), 'Developing and maintaining family or other personal relationships');
    assert.ok(await chosen.isVisible(), 'the whole outcome is not shown under the select at 320 px');
    await outcome.selectOption('other');
    assert.equal(await chosen.count(), 0, 'a short outcome is repeated under the select');
    await outcome.selectOption('personal_hygiene');

    // Error messages are longer than the fields they sit under: they must wrap, not widen the page.
    await makeTwoErrors(page);
    m = await measure();
    assert.ok(m.scrollWidth <= 320, `with errors showing the page is ${m.scrollWidth} px wide at 320 px; too wide: ${m.wide.join(', ')}`);
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

// ---------------------------------------------------------------- 7. print

test('print: the controls are hidden, the result figures and the working are printed', { timeout: TEST_TIMEOUT }, async () => {
  const app = await openCalculator();
  const { page } = app;
  try {
    await loadArthur(page);
    const controls = ["Load Arthur's example", 'Add another goal', 'Add another visit', 'Show the result', 'Start again', 'Print or save as PDF'];
    for (const name of controls) {
      assert.ok(await button(page, name).isVisible(), `"${name}" should show on screen`);
    }
    await page.emulateMedia({ media: 'print' });
    for (const name of controls) {
      const b = page.getByRole('button', { name, exact: true, includeHidden: true });
      assert.equal(await b.count(), 1, `"${name}" is gone from the page, not just hidden in print`);
      assert.equal(await b.isVisible(), false, `"${name}" shows on the printed page`);
    }
    for (const id of ['before-weekly', 'after-weekly', 'change', 'baseline-gap', 'annual', 'goals']) {
      assert.ok(await page.locator(`[data-testid=${id}]`).isVisible(), `the result's ${id} is not printed`);
    }
    await expectText(page, '[data-testid=before-weekly]', '£295.23');
    assert.ok(await page.getByRole('heading', { name: 'How this was worked out' }).isVisible(), 'the working heading is not printed');
    assert.ok(await page.locator('.working li').first().isVisible(), 'the steps of the working are not printed');
    // The answers themselves are printed too (as a compact summary, not the form): a printout
    // without them explains nothing.
    const summary = page.locator('.print-summary');
    assert.ok(await summary.isVisible(), 'the answers are not printed');
    const printed = await summary.innerText();
    for (const answer of ['AR-0002', 'Wash myself', 'Maintaining personal hygiene', 'Morning: personal care and dressing', '45 × 1 × 7', 'Withdrawn', 'Leicestershire County Council, 2019', 'estimate only']) {
      assert.ok(printed.includes(answer), `the printed summary lacks "${answer}":\n${printed}`);
    }
    assert.equal(await page.locator('#f-goals-0-description').isVisible(), false, 'the form itself is printed as well');
    // One A4 page for Arthur, as a PDF would have it.
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
    assert.equal(pages, 1, `Arthur's summary prints on ${pages} A4 pages, not 1`);
    app.assertNoPageErrors();
  } finally {
    await app.close();
  }
});

// ---------------------------------------------------------------- 8. screenshots

test('screenshots in test-output/: 320 and 1280 px with Arthur, with errors, and printed', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [320, 1280]) {
    const app = await openCalculator({ width, height: 900 });
    const { page } = app;
    try {
      await loadArthur(page);
      await page.screenshot({ path: path.join(OUTPUT, `calculator-${width}-arthur.png`), fullPage: true });
      await makeTwoErrors(page);
      await page.screenshot({ path: path.join(OUTPUT, `calculator-${width}-errors.png`), fullPage: true });
      app.assertNoPageErrors();
    } finally {
      await app.close();
    }
  }
  // Printed: about the width of A4 at 96 dpi.
  const app = await openCalculator({ width: 794, height: 1123 });
  try {
    await loadArthur(app.page);
    await app.page.emulateMedia({ media: 'print' });
    await app.page.screenshot({ path: path.join(OUTPUT, 'calculator-print.png'), fullPage: true });
  } finally {
    await app.close();
  }
  for (const name of ['calculator-320-arthur', 'calculator-1280-arthur', 'calculator-320-errors', 'calculator-1280-errors', 'calculator-print']) {
    assert.ok(fs.statSync(path.join(OUTPUT, `${name}.png`)).size > 10_000, `${name}.png is missing or blank`);
  }
});
