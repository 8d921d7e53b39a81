// The reablement weeks (contract 1.1, issue 14) in headless Chromium against dist/: Arthur's
// example week by week (£295.23, £210.88, £506.11, £84.35) with axe at 320 and 1280 px, weeks
// entered with the keyboard alone, the weeks' messages in the error summary, a week kept aside
// while its goal is not achieved, and the weeks on paper, in the weeks CSV, in the saved
// comparison, in a share link and in a file (and a 1.0 file opening unchanged).
// Run with `node --test tests/e2e/weeks.test.mjs` after `make dist`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';
import { repoRoot } from './lib/wasm.mjs';

const TEST_TIMEOUT = 90_000;
const site = useBuiltSite({ prefix: '/tools/reablement/' });
let files;

before(() => {
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'reablement-weeks-'));
});
after(() => {
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

/** A fresh context (fresh storage) with the calculator open. */
const open = ({ width = 1280, url } = {}) => openSite(site, { width, url });

const text = (page, selector) => page.locator(selector).innerText();

/** The week-by-week table's body as [week, what stopped, minutes, cost] rows. */
function weekRows(page) {
  return page.locator('[data-testid=weeks-table] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.innerText.trim())));
}

async function loadArthur(page) {
  await page.getByRole('button', { name: "Load Arthur's example" }).click();
  await page.locator('[data-testid=weeks]').waitFor();
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  const target = path.join(fs.mkdtempSync(path.join(files, 'download-')), file.suggestedFilename());
  await file.saveAs(target);
  return { name: file.suggestedFilename(), path: target, text: fs.readFileSync(target, 'utf8') };
}

test("Arthur's example week by week: £295.23, then £210.88; £506.11, £84.35 less; axe clean at 320 and 1280 px", { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [320, 1280]) {
    const { context, page, errors } = await open({ width });
    try {
      await loadArthur(page);
      // The two ends are as they always were.
      assert.equal(await text(page, '[data-testid=before-weekly]'), '£295.23');
      assert.equal(await text(page, '[data-testid=after-weekly]'), '£0.00');
      assert.deepEqual(await weekRows(page), [
        ['Week 1', 'Nothing yet: the package before', '735', '£295.23'],
        ['Week 2', 'Evening: undressing', '525', '£210.88'],
      ]);
      assert.equal(await text(page, '[data-testid=weeks-total]'), '£506.11');
      assert.equal(await text(page, '[data-testid=weeks-saving]'), '£84.35');
      const sentence = 'During the 2 weeks of reablement the package cost £506.11, £84.35 less than if nothing had changed; after it, £0.00 a week.';
      assert.equal(await text(page, '[data-testid=weeks-sentence]'), sentence);
      assert.equal(await text(page, '[data-testid=weeks-brief]'), sentence, 'the sentence is beside the result too');
      // The chart has a text alternative with every week, the before level and the baseline.
      const chart = page.locator('[data-testid=weeks] svg[role=img]').filter({ visible: true });
      assert.equal(await chart.count(), 1, 'one chart shows at a time');
      const desc = await chart.locator('desc').textContent();
      assert.match(desc, /Week 1: £295\.23 a week\. Week 2: £210\.88 a week\. After reablement: £0\.00 a week\. The package before cost £295\.23 a week; the baseline is £38\.13 a week\./);
      assert.ok(await chart.getByText('Baseline £38.13').isVisible(), 'the baseline is not marked on the chart');
      assert.ok(await chart.getByText('Before £295.23').isVisible(), 'the before level is not marked on the chart');
      // The working has the weeks.
      assert.match(await text(page, '.working'), /Week by week during reablement[\s\S]*Week 2: Evening: undressing stopped; 525 minutes a week \(8 hours 45 minutes\): £210\.88\./);
      // The link beside the result goes to the weeks.
      await page.getByRole('link', { name: 'See the cost week by week' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'weeks-heading');

      const violations = await runAxe(page, { tags: AXE_TAGS });
      assert.equal(violations.length, 0, `${width} px:\n${formatViolations(violations)}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `the page scrolls sideways at ${width} px`);
      const table = await page.locator('.weeks .table-wrap').evaluate((e) => [e.scrollWidth, e.clientWidth]);
      assert.ok(table[0] <= table[1], `the weeks' table is cut off at ${width} px: ${table}`);
      await page.locator('[data-testid=weeks]').screenshot({ path: path.join(OUTPUT, `weeks-${width}.png`) });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('keyboard only: weeks entered for two goals change the timeline; a week is kept aside while its goal is not achieved', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    const kb = page.keyboard;
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    const tabTo = async (id, max = 60) => {
      for (let i = 0; i < max; i++) {
        await kb.press('Tab');
        if ((await focusedId()) === id) return;
      }
      assert.fail(`Tab never reached #${id}`);
    };
    // Load Arthur with the keyboard.
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.innerText === "Load Arthur's example")); i++) await kb.press('Tab');
    await kb.press('Space');
    await page.locator('[data-testid=weeks]').waitFor();

    // 3 weeks of reablement instead of 2: a third week like the second.
    await tabTo('f-reablement_weeks');
    await kb.press('Control+A');
    await kb.type('3');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=weeks-table] tbody tr').length === 3);
    assert.deepEqual((await weekRows(page)).map((r) => r[3]), ['£295.23', '£210.88', '£0.00']);

    // Washing and lunch achieved in week 1, not week 2: the morning and lunch calls stop from week 2.
    await tabTo('f-goals-0-achieved_week');
    await kb.press('Control+A');
    await kb.type('1');
    await tabTo('f-goals-2-achieved_week');
    await kb.press('Control+A');
    await kb.type('1');
    await page.waitForFunction(() => document.querySelector('[data-testid=weeks-total]')?.innerText === '£295.23');
    assert.deepEqual(await weekRows(page), [
      ['Week 1', 'Nothing yet: the package before', '735', '£295.23'],
      ['Week 2', 'Morning: personal care and dressing, Lunch: meal preparation, Evening: undressing', '0', '£0.00'],
      ['Week 3', 'Nothing more', '0', '£0.00'],
    ]);
    assert.equal(await text(page, '[data-testid=weeks-saving]'), '£590.46');
    // What a screen reader hears: the sentence beside the result is a polite live region.
    const live = page.locator('[aria-live=polite]', { has: page.locator('[data-testid=weeks-brief]') });
    assert.equal(await live.getAttribute('aria-atomic'), 'true');
    assert.match(await live.innerText(), /During the 3 weeks of reablement the package cost £295\.23, £590\.46 less than if nothing had changed; after it, £0\.00 a week\./);

    // Lunch marked "In progress" with the arrow keys: its week is hidden and kept, no error.
    await kb.press('Shift+Tab');
    assert.equal(await focusedId(), 'f-goals-2-status-achieved', 'Shift+Tab from the week should reach its goal\'s "Achieved"');
    await kb.press('ArrowLeft');
    assert.ok(await page.locator('#f-goals-2-status-in_progress').isChecked());
    assert.equal(await page.locator('#f-goals-2-achieved_week').count(), 0, 'the week stays on screen for a goal not achieved');
    await page.waitForFunction(() => document.querySelector('[data-testid=weeks-total]')?.innerText === '£463.93');
    assert.deepEqual((await weekRows(page)).map((r) => r[3]), ['£295.23', '£84.35', '£84.35']);
    await kb.press('ArrowRight');
    assert.equal(await page.inputValue('#f-goals-2-achieved_week'), '1', 'the week did not come back with "Achieved"');
    await page.waitForFunction(() => document.querySelector('[data-testid=weeks-total]')?.innerText === '£295.23');
    assert.equal(await page.locator('.error-summary, .error-message').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the weeks' messages are in the error summary, each linking to its field", { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await loadArthur(page);
    await page.fill('#f-goals-0-achieved_week', '3');
    await page.fill('#f-goals-1-achieved_week', '13');
    await page.getByRole('button', { name: 'Show the result', exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const links = (await summary.locator('a').allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(links, [
      'Goal 1: Week achieved must be between 1 and 2, the weeks of reablement',
      'Goal 2: Week achieved must be a whole number between 1 and 12',
    ]);
    await summary.getByRole('link', { name: /Goal 1: Week achieved/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'f-goals-0-achieved_week');

    await page.fill('#f-goals-1-achieved_week', '1');
    await page.fill('#f-reablement_weeks', '');
    await page.getByRole('button', { name: 'Show the result', exact: true }).click();
    await summary.getByRole('link', { name: 'Enter how many weeks reablement lasted' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'f-reablement_weeks');
    await page.fill('#f-reablement_weeks', '0');
    await page.getByRole('button', { name: 'Show the result', exact: true }).click();
    await summary.getByRole('link', { name: 'Weeks of reablement must be a whole number between 1 and 12' }).waitFor();
    assert.equal(await page.locator('[data-testid=weeks]').count(), 0, 'a week-by-week view shows although the answers have errors');
    const violations = await runAxe(page, { tags: AXE_TAGS });
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on paper: the weeks sentence and table, goals with their week, still one A4 page for Arthur', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await open();
  try {
    await loadArthur(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('[data-testid=weeks-sentence]').isVisible(), 'the weeks are not printed');
    assert.deepEqual((await weekRows(page)).map((r) => r[3]), ['£295.23', '£210.88']);
    assert.ok(await page.locator('[data-testid=weeks-table] tbody').isVisible());
    const summary = await text(page, '.print-summary');
    assert.match(summary, /reablement lasted 2 weeks/);
    assert.match(summary, /Get dressed and undressed\s+Being appropriately clothed\s+Achieved in week 1/);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
    assert.equal(pages, 1, `Arthur with his weeks prints on ${pages} A4 pages, not 1`);
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.screenshot({ path: path.join(OUTPUT, 'weeks-print.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('the weeks as CSV: one line per week', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await open();
  try {
    await loadArthur(page);
    const file = await download(page, 'Download the weeks as CSV');
    assert.equal(file.name, 'AR-0002-weeks.csv');
    assert.deepEqual(file.text.replace(/^\uFEFF/, '').split('\r\n'), [
      'reference,week,weekly_cost,minutes_per_week,stopped_that_week',
      'AR-0002,1,295.23,735,',
      'AR-0002,2,210.88,525,Evening: undressing',
      '',
    ]);
    // Without weeks there is nothing to download.
    await page.fill('#f-reablement_weeks', '');
    for (const g of [0, 1, 2]) await page.fill(`#f-goals-${g}-achieved_week`, '');
    await page.locator('[data-testid=weeks]').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: 'Download the weeks as CSV' }).count(), 0);
  } finally {
    await context.close();
  }
});

test("saved scenarios compared side by side: the weeks' saving is a row", { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await loadArthur(page);
    await page.getByRole('button', { name: 'Save on this device' }).click();
    await page.fill('#f-reference', 'AR-NOWEEKS');
    await page.fill('#f-reablement_weeks', '');
    for (const g of [0, 1, 2]) await page.fill(`#f-goals-${g}-achieved_week`, '');
    await page.locator('[data-testid=weeks]').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save on this device' }).click();
    await page.getByRole('button', { name: 'Saved', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Compare AR-0002' }).check();
    await page.getByRole('checkbox', { name: 'Compare AR-NOWEEKS' }).check();
    const row = await page.locator('.compare tr', { hasText: 'Less during reablement' }).evaluate((r) => [...r.children].map((c) => c.innerText.trim()));
    assert.deepEqual(row, ['Less during reablement', '£84.35 over 2 weeks', 'Weeks not entered']);
    const violations = await runAxe(page, { tags: AXE_TAGS });
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the weeks survive a share link and a file; a 1.0 file opens unchanged', { timeout: TEST_TIMEOUT }, async () => {
  const sender = await open();
  let link;
  let file;
  try {
    await loadArthur(sender.page);
    await sender.page.fill('#f-reablement_weeks', '3');
    await sender.page.fill('#f-goals-0-achieved_week', '3');
    await sender.page.getByRole('button', { name: 'Copy a share link' }).click();
    link = await sender.page.inputValue('#share-link');
    file = await download(sender.page, 'Download as a file');
    const scenario = JSON.parse(file.text);
    assert.equal(scenario.reablement_weeks, 3);
    assert.deepEqual(scenario.goals.map((g) => g.achieved_week), [3, 1, 2]);
  } finally {
    await sender.context.close();
  }
  const receiver = await open({ url: link });
  try {
    const { page } = receiver;
    await page.getByRole('button', { name: 'Open it' }).click();
    assert.equal(await page.inputValue('#f-reablement_weeks'), '3');
    assert.equal(await page.inputValue('#f-goals-0-achieved_week'), '3');
    assert.deepEqual((await weekRows(page)).map((r) => r[3]), ['£295.23', '£210.88', '£126.53']);

    // The file opens again with its weeks.
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('button', { name: 'Yes, start again' }).click();
    await page.setInputFiles('#open-file', file.path);
    await page.getByText(`“${file.name}” is open.`).waitFor();
    assert.deepEqual((await weekRows(page)).map((r) => r[3]), ['£295.23', '£210.88', '£126.53']);

    // A contract 1.0 file (no weeks) opens as it is, with no week-by-week view, and is
    // downloaded again without any 1.1 field.
    const old = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'examples', 'arthur.json'), 'utf8')).input;
    const oldPath = path.join(files, 'arthur-1-0.json');
    fs.writeFileSync(oldPath, JSON.stringify(old));
    await page.setInputFiles('#open-file', oldPath);
    await page.getByText('“arthur-1-0.json” is open.').waitFor();
    assert.equal(await page.inputValue('#f-reference'), 'AR-0001');
    assert.equal(await page.inputValue('#f-reablement_weeks'), '');
    assert.equal(await text(page, '[data-testid=after-weekly]'), '£0.00');
    assert.equal(await page.locator('[data-testid=weeks]').count(), 0);
    const again = JSON.parse((await download(page, 'Download as a file')).text);
    assert.ok(!('reablement_weeks' in again) && again.goals.every((g) => !('achieved_week' in g)), `a 1.1 field in a 1.0 scenario: ${JSON.stringify(again)}`);
    assert.deepEqual(again.goals.map((g) => [g.id, g.status]), old.goals.map((g) => [g.id, g.status]));
    assert.deepEqual(receiver.errors, []);
  } finally {
    await receiver.context.close();
  }
});

test('presentation mode steps through the weeks, a bar for each week as it is reached', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await loadArthur(page);
    await page.getByRole('button', { name: 'Present the working step by step' }).click();
    await page.locator('.present__stage').waitFor();
    const labels = () => page.locator('.present .chart .chart__label').allTextContents();
    const step = () => page.locator('.present__body').innerText();
    let seen = [];
    for (let i = 0; i < 40 && !(await step()).startsWith('Week 2:'); i++) {
      await page.keyboard.press('ArrowRight');
      if ((await step()).startsWith('Week 1:')) seen = await labels();
    }
    assert.deepEqual(seen, ['Before', 'Week 1']);
    assert.equal(await step(), 'Week 2: Evening: undressing stopped; 525 minutes a week (8 hours 45 minutes): £210.88.');
    assert.equal(await page.locator('.present__section').innerText(), 'Week by week during reablement');
    assert.deepEqual(await labels(), ['Before', 'Week 1', 'Week 2']);
    // The ending (the slide before the last, which offers the next example) has every bar.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('.present__section').innerText(), 'In plain words');
    assert.deepEqual(await labels(), ['Before', 'Week 1', 'Week 2', 'After 28 days', 'Baseline']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the explainer\'s weeks="on": Arthur\'s weeks in plain words and a step-down that moves only when motion is welcome', { timeout: TEST_TIMEOUT }, async () => {
  for (const [width, reducedMotion] of [[320, 'reduce'], [1280, 'no-preference']]) {
    const context = await site.browser.newContext({ viewport: { width, height: 900 }, reducedMotion });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    try {
      await page.goto(`${site.server.url}embed.html?example=arthur&weeks=on`);
      const part = page.locator('.explainer__weeks');
      await part.getByRole('heading', { name: "Week by week: how Arthur's care changed" }).waitFor({ timeout: 30_000 });
      assert.deepEqual(await part.locator('.explainer__week-list li').allInnerTexts(), [
        'Week 1: carers came for every visit, as before. The care cost £295.23 that week.',
        'Week 2: Arthur could now do “Get dressed and undressed” without help, so the “Evening: undressing” visit stopped. The care cost £210.88 that week.',
      ]);
      assert.match(await part.innerText(), /After reablement, Arthur needed no more care: £0\.00 a week\./);
      assert.deepEqual((await weekRows(page)).map((r) => r[3]), ['£295.23', '£210.88']);
      assert.equal(await text(page, '[data-testid=weeks-total]'), '£506.11');
      assert.equal(await text(page, '[data-testid=weeks-saving]'), '£84.35');
      // Drawn step by step, unless the reader asks for less motion.
      const animation = await part.locator('.stepchart__step').filter({ visible: true }).nth(1)
        .evaluate((g) => getComputedStyle(g).animationName);
      assert.equal(animation, reducedMotion === 'reduce' ? 'none' : 'rc-step-in', `animation with prefers-reduced-motion: ${reducedMotion}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `the explainer scrolls sideways at ${width} px`);
      await part.screenshot({ path: path.join(OUTPUT, `weeks-explainer-${width}.png`), animations: 'disabled' });
      assert.deepEqual(errors, [], 'errors (a Content Security Policy violation among them) in the frame');
    } finally {
      await context.close();
    }
    // axe-core is a script added to the page, which the frame's policy rightly refuses.
    const checked = await site.browser.newContext({ viewport: { width, height: 900 }, reducedMotion, bypassCSP: true });
    try {
      const page = await checked.newPage();
      await page.goto(`${site.server.url}embed.html?example=arthur&weeks=on`);
      await page.locator('[data-testid=weeks-total]').waitFor({ timeout: 30_000 });
      const violations = await runAxe(page, { tags: AXE_TAGS });
      assert.equal(violations.length, 0, `${width} px:\n${formatViolations(violations)}`);
    } finally {
      await checked.close();
    }
  }
  // Without the attribute there are no weeks; a wrong value or an example without weeks says why.
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${site.server.url}embed.html?example=arthur`);
    await page.getByRole('heading', { name: "Try it: Arthur's story" }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.explainer__weeks').count(), 0);
    await page.goto(`${site.server.url}embed.html?example=partial-goals&weeks=on`);
    await page.getByText("Beryl's example has no weeks of reablement, so the weeks are not shown.").waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.explainer__weeks').count(), 0);
    await page.goto(`${site.server.url}embed.html?weeks=yes`);
    await page.getByText('The weeks option “yes” is not one this calculator knows').waitFor({ timeout: 30_000 });
  } finally {
    await context.close();
  }
});

test('the explainer\'s step chart follows its own width: the narrow drawing in a narrow column of a wide page', { timeout: TEST_TIMEOUT }, async () => {
  // The page's own style puts the element in a 330 px column (bypassCSP lets the test add it).
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  try {
    for (const [column, drawing] of [[null, 'wide'], ['330px', 'narrow']]) {
      await page.goto(`${site.server.url}embed.html?example=arthur&weeks=on`);
      if (column) await page.addStyleTag({ content: `reablement-calculator { display: block; max-width: ${column}; }` });
      await page.locator('.explainer__weeks .stepchart').waitFor({ timeout: 30_000 });
      const shown = await page.locator('.explainer__weeks .stepchart svg').evaluateAll((svgs) => svgs
        .filter((svg) => getComputedStyle(svg).display !== 'none').map((svg) => svg.getAttribute('class')));
      assert.deepEqual(shown, [`stepchart__svg stepchart__svg--${drawing}`], `in a ${column ?? 'full-width'} column`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 1280);
  } finally {
    await context.close();
  }
});
