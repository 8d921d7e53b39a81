// The calculator as staff really use it (issue 13), in headless Chromium against dist/ under a
// sub-path, at 375×812 (a phone) and 1280×900: each button's confirmation beside it, saving a
// reference twice, the result in view while the form scrolls, the wording of the result and
// the error summary, the skip link — with axe-core in each state and screenshots in
// test-output/. Run with `node --test tests/e2e/staff.test.mjs` after `make dist`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const TEST_TIMEOUT = 90_000;
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const site = useBuiltSite();

/** A fresh context (fresh storage) with the calculator open; page errors are collected. */
const open = (viewport, { url } = {}) => openSite(site, { viewport, url });

const button = (page, name) => page.getByRole('button', { name, exact: true });
const text = (page, selector) => page.locator(selector).innerText();

async function loadArthur(page) {
  await button(page, "Load Arthur's example").click();
  await page.locator('[data-testid=before-weekly]', { hasText: '£295.23' }).waitFor();
}

/** The element's box in the viewport, and whether all of it is inside the viewport. */
function box(page, selector) {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, inView: r.top >= 0 && r.bottom <= innerHeight && r.height > 0 };
  });
}

async function expectAxeClean(page, state) {
  const violations = await runAxe(page, { tags: AXE_TAGS });
  assert.equal(violations.length, 0, `axe-core, ${state}:\n${formatViolations(violations)}`);
}

/** The saved list as stored on the device: names, newest first. */
const savedNames = (page) => page.evaluate(() => {
  const stored = localStorage.getItem('reablement-calculator:saved');
  return stored ? JSON.parse(stored).scenarios.map((s) => s.name) : [];
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`${viewport.width} px: save, download and copy a link each confirm beside the button; the same form saved again is updated; another with the same reference asks "Replace it or keep both?"`, { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, errors } = await open(viewport);
    try {
      await loadArthur(page);
      await page.fill('#f-reference', 'AR-0001');
      const save = button(page, 'Save on this device');
      await save.click();
      const status = page.locator('[data-testid=keep-status]');
      await status.filter({ hasText: '“AR-0001” is saved on this device.' }).waitFor();
      const [s, b] = [await box(page, '[data-testid=keep-status]'), await save.boundingBox()];
      assert.ok(s.inView, `the save confirmation is outside the window: ${JSON.stringify(s)}`);
      // Right under the row of buttons the save button is in (on a phone they stack).
      const group = await box(page, '.keep .button-group');
      assert.ok(s.top >= b.y && s.top - group.bottom < 40, `the confirmation is ${Math.round(s.top - group.bottom)} px below the buttons`);
      assert.equal(await page.locator('.notice', { hasText: 'saved' }).count(), 0, 'a notice at the top of the page as well');
      assert.equal(await status.getAttribute('role'), 'status', 'not announced to screen readers');
      if (viewport === PHONE) await page.screenshot({ path: path.join(OUTPUT, `staff-${viewport.width}-saved.png`) });

      // Saved again, the same form: that entry is updated, with no question (issue 21).
      await page.locator('#f-goals-2-status-in_progress').check();
      await save.click();
      await status.filter({ hasText: 'Updated “AR-0001” on this device.' }).waitFor();
      assert.equal(await page.getByRole('alertdialog').count(), 0, 'a question for the scenario saved');
      assert.deepEqual(await savedNames(page), ['AR-0001']);

      // A different scenario with the same reference: a question, "Replace it" has focus,
      // Enter replaces.
      const another = async () => {
        await loadArthur(page);
        await page.fill('#f-reference', 'AR-0001');
        await save.click();
      };
      await another();
      const question = page.getByRole('alertdialog', { name: /“AR-0001” is already saved on this device\. Replace it or keep both\?/ });
      await question.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.innerText), 'Replace it', 'focus is not on the default answer');
      assert.ok((await box(page, '[role=alertdialog]')).inView, 'the question is outside the window');
      assert.equal(await status.innerText(), 'Not saved yet');
      await expectAxeClean(page, 'the "Replace it or keep both?" question');
      await page.screenshot({ path: path.join(OUTPUT, `staff-${viewport.width}-replace-question.png`) });
      await page.keyboard.press('Enter');
      await status.filter({ hasText: 'in place of the earlier one' }).waitFor();
      assert.deepEqual(await savedNames(page), ['AR-0001'], 'saving the same reference twice left two entries');
      assert.equal(await page.evaluate(() => document.activeElement?.innerText), 'Save on this device', 'focus did not return to the save button');

      // Keep both: a second entry with a name of its own.
      await another();
      await button(page, 'Keep both').click();
      await status.filter({ hasText: 'Saved on this device as “AR-0001 (2)”' }).waitFor();
      assert.deepEqual(await savedNames(page), ['AR-0001 (2)', 'AR-0001']);
      // Cancel saves nothing, and says so.
      await another();
      await button(page, 'Cancel').click();
      await status.filter({ hasText: 'Not saved yet' }).waitFor();
      assert.deepEqual(await savedNames(page), ['AR-0001 (2)', 'AR-0001'], 'Cancel saved something');

      // Download: confirmed beside the button.
      const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Download as a file').click()]);
      assert.equal(download.suggestedFilename(), 'AR-0001.json');
      await status.filter({ hasText: '“AR-0001.json” is downloaded' }).waitFor();
      assert.ok((await box(page, '[data-testid=keep-status]')).inView, 'the download confirmation is outside the window');

      // Copy a share link: confirmed on screen, not only to screen readers.
      await button(page, 'Copy a share link').click();
      await status.filter({ hasText: 'The link is copied.' }).waitFor();
      assert.ok(await status.isVisible(), 'the link confirmation is not visible');
      assert.ok((await box(page, '[data-testid=keep-status]')).inView, 'the link confirmation is outside the window');

      // Changing the form takes the old confirmation (and the old link) away.
      await page.locator('#f-reference').fill('AR-0003');
      await page.waitForFunction(() => document.querySelector('[data-testid=keep-status]').innerText.trim() === '');
      assert.equal(await page.locator('#share-link').count(), 0, 'a link to the old scenario is still shown');
      await expectAxeClean(page, 'after saving, downloading and copying a link');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('375 px: opening a file confirms beside the file field, which can put the previous answers back', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open(PHONE);
  try {
    await page.fill('#f-reference', 'MINE');
    await page.locator('#open-file').scrollIntoViewIfNeeded();
    await page.locator('#open-file').setInputFiles({
      name: 'AR-0009.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'reablement-outcome-scenario', version: 1, reference: 'AR-0009', settings: {}, goals: [], before: { visits: [{ minutes: 30, carers: 1, days_per_week: 7, goals: [] }], other_costs: [] }, after: null })),
    });
    const opened = page.locator('[data-testid=open-status]');
    await opened.filter({ hasText: '“AR-0009.json” is open.' }).waitFor();
    assert.ok((await box(page, '[data-testid=open-status]')).inView, 'the confirmation is outside the window');
    assert.equal(await page.locator('.notice').count(), 0, 'a notice at the top of the page as well');
    assert.equal(await page.inputValue('#f-reference'), 'AR-0009');
    await opened.getByRole('button', { name: 'Put back my previous answers' }).click();
    await opened.filter({ hasText: 'Your previous answers are back' }).waitFor();
    assert.equal(await page.inputValue('#f-reference'), 'MINE');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('375×812: the result bar stays in the window, updates live, and never covers the field being edited', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open(PHONE);
  try {
    await loadArthur(page);
    // Deep in the form: the third visit's length, reached with Tab from its name.
    await page.locator('#f-before-visits-2-label').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-before-visits-2-minutes');
    const bar = await box(page, '[data-testid=result-bar]');
    const field = await box(page, '#f-before-visits-2-minutes');
    assert.ok(bar.inView, `the result bar is not in the window: ${JSON.stringify(bar)}`);
    assert.ok(field.inView && field.bottom <= bar.top, `the focused field (${field.top}–${field.bottom}) is under the bar (from ${bar.top})`);
    assert.equal(await text(page, '[data-testid=bar-before]'), '£295.23');
    assert.equal(await text(page, '[data-testid=bar-after]'), '£0.00');
    assert.equal(await text(page, '[data-testid=bar-change]'), '£295.23 less');
    await page.screenshot({ path: path.join(OUTPUT, 'staff-375-bar-editing.png') });

    // Typing changes the figures in view at once.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('60');
    await page.locator('[data-testid=bar-before]', { hasText: '£379.58' }).waitFor(); // (45 + 30 + 60) × 7 minutes at £24.10
    assert.ok((await box(page, '[data-testid=result-bar]')).inView);

    // Ticking a goal's status deep in the form shows its effect in view.
    const lunch = page.locator('#f-goals-2-status-in_progress');
    await lunch.scrollIntoViewIfNeeded();
    await lunch.check();
    await page.locator('[data-testid=bar-after]', { hasText: '£84.35' }).waitFor();
    assert.ok((await box(page, '[data-testid=bar-after]')).inView, 'the new after figure is not in the window');

    // Announced politely, once: one live region holds the result, and the bar is not one.
    const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]
      .filter((e) => /Before reablement £/.test(e.textContent)).length);
    assert.equal(live, 1, 'the result is in more (or fewer) than one live region');
    assert.equal(await page.locator('[data-testid=result-bar] [aria-live], [data-testid=result-bar][aria-live]').count(), 0);
    await expectAxeClean(page, 'the result bar at 375 px');

    // At the end of the form the bar lands above the full result instead of covering it.
    await page.locator('#results-heading').scrollIntoViewIfNeeded();
    const heading = await box(page, '#results-heading');
    const landed = await box(page, '[data-testid=result-bar]');
    assert.ok(landed.bottom <= heading.top + 1, 'the bar covers the result heading');
    await page.screenshot({ path: path.join(OUTPUT, 'staff-375-bar-landed.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** Is the element's centre the top element there (in the window and not covered)? */
const onTop = (page, selector) => page.evaluate((selector) => {
  const el = document.querySelector(selector);
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  return y >= 0 && y < innerHeight && el.contains(document.elementFromPoint(x, y));
}, selector);

test('1280×900: the result summary is sticky beside the form while its end is edited, and hidden behind the full result while that is in view', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open(DESKTOP);
  try {
    await loadArthur(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await onTop(page, '[data-testid=before-weekly]'), 'the full result is in view at the top of the page');
    assert.equal(await onTop(page, '[data-testid=result-bar]'), false, 'the summary shows beside the full result, twice the same figures');
    await page.locator('#f-settings-hourly_rate').scrollIntoViewIfNeeded();
    await page.locator('#f-settings-hourly_rate').fill('30.00');
    await page.locator('[data-testid=bar-before]', { hasText: '£367.50' }).waitFor();
    const bar = await box(page, '[data-testid=result-bar]');
    const field = await box(page, '#f-settings-hourly_rate');
    assert.ok(bar.inView, `the summary scrolled away: ${JSON.stringify(bar)}`);
    assert.ok(await onTop(page, '[data-testid=result-bar]'), 'the summary is hidden while the form\'s end is edited');
    assert.ok(bar.left >= field.right, 'the summary is over the form');
    await page.screenshot({ path: path.join(OUTPUT, 'staff-1280-bar-sticky.png') });
    await expectAxeClean(page, 'the sticky summary at 1280 px');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('wording: the reason each visit carries on, "No care", "No change" alone, and the baseline note only above it', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open(DESKTOP);
  try {
    await loadArthur(page);
    // Every goal achieved: no care after, below the baseline, no "not a failure" note.
    assert.match(await text(page, '.figure--after .figure__note'), /^No care\./);
    assert.equal(await page.locator('[data-testid=baseline-note]').count(), 0, 'the baseline note shows below the baseline');

    await page.locator('#f-goals-2-status-not_achieved').check();
    await page.locator('#f-goals-1-status-in_progress').check();
    const fates = await page.locator('.fates').innerText();
    assert.match(fates, /Lunch: meal preparation carries on: “Make my own lunch” is not achieved/);
    assert.match(fates, /Evening: undressing carries on: “Get dressed and undressed” is in progress/);
    assert.match(fates, /Morning: personal care and dressing carries on: “Get dressed and undressed” is in progress/);
    assert.doesNotMatch(fates, /not yet achieved/);
    const working = await page.locator('.working').innerText();
    assert.match(working, /Lunch: meal preparation carries on: “Make my own lunch” is not achieved\./);

    // Nothing achieved (every goal not achieved; not started is a plan, visits.test.mjs):
    // the package carries on unchanged.
    for (const g of [0, 1, 2]) await page.locator(`#f-goals-${g}-status-not_achieved`).check();
    assert.equal(await text(page, '[data-testid=change]'), 'No change');
    assert.equal(await page.locator('.figure:has([data-testid=change]) .figure__note').count(), 0, 'a percentage beside "No change"');
    assert.match(await page.locator('.fates').innerText(), /Morning: personal care and dressing carries on: “Wash myself” and “Get dressed and undressed” are not achieved/);
    assert.match(await text(page, '[data-testid=baseline-note]'), /is not a failure/);
    await page.screenshot({ path: path.join(OUTPUT, 'staff-1280-no-change.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('375×812: a skip link to the form, and the error summary names each visit and shows its legend', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open(PHONE);
  try {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.innerText), 'Skip to the form');
    assert.ok((await box(page, '.skip-link')).inView, 'the focused skip link is not visible');
    await expectAxeClean(page, 'the skip link focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-reference', 'the skip link did not reach the first field');

    await loadArthur(page);
    await page.fill('#f-before-visits-1-minutes', '3o');
    await page.fill('#f-before-visits-2-label', '');
    await page.fill('#f-before-visits-2-days_per_week', '9');
    await button(page, 'Show the result').click();
    const links = await page.locator('.error-summary__list a').allInnerTexts();
    assert.deepEqual(links, [
      'Lunch: meal preparation: Visit length must be a whole number of minutes between 1 and 720',
      'Visit 3: Days a week must be between 1 and 7',
    ]);
    await page.locator('.error-summary__list a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-before-visits-1-minutes');
    const legend = await box(page, 'fieldset.card:has(#f-before-visits-1-minutes) > legend');
    const field = await box(page, '#f-before-visits-1-minutes');
    const bar = await box(page, '[data-testid=result-bar]');
    assert.ok(legend.inView && legend.top >= 8, `the visit's legend is hidden or against the top edge: ${JSON.stringify(legend)}`);
    assert.ok(field.inView && field.bottom <= bar.top, 'the field is under the result bar');
    await page.screenshot({ path: path.join(OUTPUT, 'staff-375-error-link.png') });
    await expectAxeClean(page, 'errors showing at 375 px');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- a council's own figures

const RUTLAND = {
  council: 'Rutland County Council',
  baseline_weekly: '35.20',
  baseline_source: 'Rutland reablement review, March 2025',
  hourly_rate: '26.40',
  hourly_rate_source: 'Rutland home care framework rate, April 2025',
};

/** Serves `council.json` (text, or nothing with `null`) for the length of `body`. */
async function withCouncil(text, body) {
  if (text == null) delete site.server.extra['council.json'];
  else site.server.extra['council.json'] = text;
  try {
    await body();
  } finally {
    delete site.server.extra['council.json'];
  }
}

const baselineHint = (page) => page.locator('#f-settings-baseline_weekly-hint').innerText();

for (const viewport of [PHONE, DESKTOP]) {
  test(`${viewport.width} px: a council.json with a baseline of 35.20 gives a new scenario £35.20 and its source; a file keeps its own figures`, { timeout: TEST_TIMEOUT }, async () => {
    await withCouncil(JSON.stringify(RUTLAND), async () => {
      const { context, page, errors } = await open(viewport);
      try {
        await page.waitForFunction(() => document.querySelector('#f-settings-baseline_weekly')?.value === '35.20');
        assert.equal(await page.inputValue('#f-settings-hourly_rate'), '26.40');
        assert.match(await baselineHint(page), /Rutland County Council: Rutland reablement review, March 2025/);
        assert.match(await page.locator('#f-settings-hourly_rate-hint').innerText(), /Rutland home care framework rate, April 2025/);
        // A package costed with the council's figures, against its baseline.
        await button(page, 'Add a visit').click();
        await page.fill('#f-before-visits-0-days_per_week', '7');
        await page.locator('[data-testid=baseline-gap]').waitFor();
        assert.equal(await text(page, '[data-testid=before-weekly]'), '£92.40'); // 30 min × 7 at £26.40
        assert.match(await text(page, '[data-testid=baseline-gap]'), /the £35\.20 baseline/);
        await page.locator('#settings-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(OUTPUT, `staff-${viewport.width}-council.png`) });
        await expectAxeClean(page, 'with a council\'s figures');

        // "Start again" starts from the council's figures; Arthur's example keeps its own.
        await button(page, 'Start again').click();
        await button(page, 'Yes, start again').click();
        assert.equal(await page.inputValue('#f-settings-baseline_weekly'), '35.20');
        await loadArthur(page);
        assert.equal(await page.inputValue('#f-settings-baseline_weekly'), '38.13', 'the example lost its own figures');

        // The whole-service view starts from the council's baseline too.
        await button(page, 'Whole service').click();
        await page.waitForFunction(() => document.querySelector('#service-baseline')?.value === '35.20');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  });
}

test('an invalid council.json: the calculator\'s own figures, and a note saying which field is wrong', { timeout: TEST_TIMEOUT }, async () => {
  await withCouncil(JSON.stringify({ ...RUTLAND, baseline_weekly: '35,20' }), async () => {
    const { context, page, errors } = await open(PHONE);
    try {
      const note = page.locator('[data-testid=council-note]');
      await note.waitFor();
      assert.match(await note.innerText(), /council\.json\) could not be used/);
      assert.match(await note.innerText(), /“baseline_weekly” must be an amount in pounds from £0\.00 to £10,000\.00/);
      assert.equal(await page.inputValue('#f-settings-baseline_weekly'), '38.13');
      assert.match(await baselineHint(page), /Leicestershire County Council/);
      await note.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUTPUT, 'staff-375-council-invalid.png') });
      await expectAxeClean(page, 'with an invalid council.json');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
