// A support worker's visits (issue 21, items 2–4), in headless Chromium against dist/ under a
// sub-path, at 375×812 and 1280×900: the review visit (a scenario opened from the saved list is
// updated, "Updated", no question; the question only for a different scenario with the same
// reference, and "Not saved yet" while it waits), the welcome visit (a plan in the future tense,
// with what it would cost "if these goals are achieved", checked against figures worked out
// here), the week message with its range, nothing announced for an empty form, and the
// "starting" notice in the page's typography. axe-core in each state; screenshots in
// test-output/. Run with `node --test tests/e2e/visits.test.mjs` after `make dist`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';
import { loadWasm, repoRoot } from './lib/wasm.mjs';

const TEST_TIMEOUT = 90_000;
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const site = useBuiltSite();

const open = (viewport) => openSite(site, { viewport });
const button = (page, name) => page.getByRole('button', { name, exact: true });
const text = (page, selector) => page.locator(selector).innerText();
const shot = (page, name, viewport) => page.screenshot({ path: path.join(OUTPUT, `visits-${viewport.width}-${name}.png`), fullPage: true });

async function expectAxeClean(page, state) {
  const violations = await runAxe(page, { tags: AXE_TAGS });
  assert.equal(violations.length, 0, `axe-core, ${state}:\n${formatViolations(violations)}`);
}

/** The saved list as stored on the device: name and scenario, newest first. */
const stored = (page) => page.evaluate(() => {
  const s = localStorage.getItem('reablement-calculator:saved');
  return s ? JSON.parse(s).scenarios.map((e) => ({ name: e.name, scenario: typeof e.scenario === 'string' ? JSON.parse(e.scenario) : e.scenario })) : [];
});

async function loadArthur(page) {
  await button(page, "Load Arthur's example").click();
  await page.locator('[data-testid=before-weekly]', { hasText: '£295.23' }).waitFor();
}

async function showSaved(page) {
  await button(page, 'Saved').click();
  await page.getByRole('heading', { level: 1, name: 'Saved on this device' }).waitFor();
}

async function showCalculator(page) {
  await button(page, 'One person').click();
  await page.locator('#f-reference').waitFor();
}

/** A scenario file opened through the page's own file field. */
async function openFile(page, name, scenario) {
  await page.locator('#open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.locator('[data-testid=open-status]', { hasText: `“${name}” is open.` }).waitFor();
}

// ---------------------------------------------------------------- the welcome visit's figures

const RATE_PENCE = 2250; // £22.50 an hour, in the file
const BASELINE_PENCE = 3813; // the calculator's default baseline, £38.13
/** At the welcome visit: nothing achieved yet. The bedtime call is for no goal. */
const WELCOME = {
  format: 'reablement-outcome-scenario', version: 1, reference: 'WV-0101', settings: {},
  goals: [
    { id: 'wash', description: 'Wash myself', outcome: 'personal_hygiene', status: 'not_started' },
    { id: 'meal', description: 'Make a hot meal', outcome: 'nutrition', status: 'in_progress' },
  ],
  before: {
    visits: [
      { label: 'Morning: washing', minutes: 45, carers: 1, days_per_week: 7, hourly_rate: '22.50', goals: ['wash'] },
      { label: 'Tea: a hot meal', minutes: 30, carers: 1, days_per_week: 7, hourly_rate: '22.50', goals: ['meal'] },
      { label: 'Bedtime: medication', minutes: 15, carers: 2, days_per_week: 5, hourly_rate: '22.50', goals: [] },
    ],
    other_costs: [],
  },
  after: null,
  reablement_weeks: 6,
};

/** Pence a week for these visits at the file's rate: minutes × carers × days × rate ÷ 60, rounded once (half up). */
function weeklyPence(visits) {
  const carerMinutes = visits.reduce((sum, v) => sum + v.minutes * v.carers * v.days_per_week, 0);
  return Math.floor((2 * carerMinutes * RATE_PENCE + 60) / 120);
}
const pounds = (pence) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
// Worked out here, not by the calculator: every goal achieved stops the visits linked to goals;
// the bedtime call, linked to none, carries on.
const NOW = weeklyPence(WELCOME.before.visits);
const IF_ACHIEVED = weeklyPence(WELCOME.before.visits.filter((v) => v.goals.length === 0));

test('the figures the welcome-visit test expects, worked out by hand', () => {
  // 45×7 + 30×7 + 15×2×5 = 675 carer-minutes a week = 11.25 hours × £22.50 = £253.125, so £253.13.
  assert.equal(NOW, 25313);
  // 15×2×5 = 150 minutes = 2.5 hours × £22.50 = £56.25.
  assert.equal(IF_ACHIEVED, 5625);
});

for (const viewport of [PHONE, DESKTOP]) {
  test(`${viewport.width} px: a scenario opened from the saved list is updated ("Updated", no question); a different one with the same reference asks, and waits with "Not saved yet"`, { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, errors } = await open(viewport);
    try {
      // The welcome visit, saved: the lunch goal still in progress.
      await loadArthur(page);
      await page.fill('#f-reference', 'MK-0412');
      await page.locator('#f-goals-2-status-in_progress').check();
      const save = button(page, 'Save on this device');
      const status = page.locator('[data-testid=keep-status]');
      await save.click();
      await status.filter({ hasText: '“MK-0412” is saved on this device.' }).waitFor();

      // The review visit: opened from the saved list, the goal ticked achieved, saved.
      await showSaved(page);
      await button(page, 'Open MK-0412').click();
      assert.equal(await page.inputValue('#f-reference'), 'MK-0412');
      await page.locator('#f-goals-2-status-achieved').check();
      await page.fill('#f-goals-2-achieved_week', '2');
      await page.locator('[data-testid=after-weekly]', { hasText: '£0.00' }).waitFor();
      await save.click();
      await status.filter({ hasText: 'Updated “MK-0412” on this device.' }).waitFor();
      assert.equal(await page.getByRole('alertdialog').count(), 0, 'a question for the scenario that was opened');
      const afterReview = await stored(page);
      assert.deepEqual(afterReview.map((e) => e.name), ['MK-0412'], 'the list should hold one entry');
      const lunch = afterReview[0].scenario.goals.find((g) => g.id === 'lunch');
      assert.equal(lunch.status, 'achieved', 'the change was not saved');
      await expectAxeClean(page, 'after "Updated"');
      await shot(page, 'updated', viewport);
      await showSaved(page);
      assert.deepEqual(await page.locator('.saved__name').allInnerTexts(), ['MK-0412']);
      assert.deepEqual(await page.locator('.saved__figures').allInnerTexts(), ['Before £295.23 a week, after £0.00 a week']);

      // A different scenario (Arthur's example loaded afresh) with the same reference: asked.
      await showCalculator(page);
      await loadArthur(page);
      await page.fill('#f-reference', 'MK-0412');
      await page.locator('#f-goals-0-status-not_achieved').check();
      await save.click();
      const question = page.getByRole('alertdialog', { name: '“MK-0412” is already saved on this device. Replace it or keep both?' });
      await question.waitFor();
      assert.equal(await status.innerText(), 'Not saved yet');
      await expectAxeClean(page, 'the question');
      await shot(page, 'question', viewport);

      // Left unanswered: another view and back. The change is still in the form, the question
      // still waits, "Not saved yet" is beside the button, and nothing was saved.
      await showSaved(page);
      assert.deepEqual(await page.locator('.saved__figures').allInnerTexts(), ['Before £295.23 a week, after £0.00 a week'], 'saved without an answer');
      await showCalculator(page);
      await question.waitFor();
      assert.equal(await status.innerText(), 'Not saved yet');
      assert.ok(await page.locator('#f-goals-0-status-not_achieved').isChecked(), 'the change was lost');
      assert.ok(await save.isDisabled(), 'the save button is live beside an open question');
      assert.equal((await stored(page)).length, 1);
      await expectAxeClean(page, 'the question, still waiting');
      await shot(page, 'not-saved-yet', viewport);

      // Answered: Keep both.
      await button(page, 'Keep both').click();
      await status.filter({ hasText: 'Saved on this device as “MK-0412 (2)”, beside the earlier one.' }).waitFor();
      assert.equal(await question.count(), 0);
      const both = await stored(page);
      assert.deepEqual(both.map((e) => e.name), ['MK-0412 (2)', 'MK-0412']);
      assert.equal(both[0].scenario.goals[0].status, 'not_achieved');
      assert.equal(both[1].scenario.goals[0].status, 'achieved', 'the reviewed entry was changed');
      // And that one, saved again, is updated in its turn.
      await page.locator('#f-goals-0-status-achieved').check();
      await save.click();
      await status.filter({ hasText: 'Updated “MK-0412 (2)” on this device.' }).waitFor();
      assert.equal((await stored(page)).length, 2);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${viewport.width} px: at the welcome visit the result is a plan, with the cost if these goals are achieved; once a goal has an outcome, the result as it is`, { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, errors } = await open(viewport);
    try {
      await openFile(page, 'WV-0101.json', WELCOME);
      await page.locator('[data-testid=plan-note]').waitFor();
      assert.match(await text(page, '[data-testid=plan-note]'), /A plan: no goal is achieved or not achieved yet\. These figures say what the care would cost if these goals are achieved\./);
      const figures = await text(page, '.results .figures');
      assert.match(figures, /The package now\s+£253\.13 a week/);
      assert.match(figures, /If these goals are achieved\s+£56\.25 a week/);
      assert.match(figures, /2 visits would stop/);
      assert.doesNotMatch(figures, /28 days after|Before reablement/, 'worded as an outcome already reached');
      assert.equal(await text(page, '[data-testid=before-weekly]'), pounds(NOW));
      assert.equal(await text(page, '[data-testid=after-weekly]'), pounds(IF_ACHIEVED));
      const saving = NOW - IF_ACHIEVED;
      assert.match(figures, new RegExp(`Would be ${pounds(saving).replace('.', '\\.')} a week less`));
      assert.equal(await text(page, '[data-testid=baseline-gap]'), `It would be ${pounds(IF_ACHIEVED - BASELINE_PENCE)} above the £38.13 baseline.`);
      assert.match(await text(page, '[data-testid=annual]'), new RegExp(`^${pounds(saving * 52).replace(/[.]/g, '\\.')} would be saved over 52 weeks$`));
      assert.equal(await text(page, '[data-testid=goals]'), '0 of 2');
      assert.equal(await text(page, '[data-testid=weeks-brief]'), 'Reablement is planned to last 6 weeks. Each visit stops once the goals it is for are achieved.');
      assert.equal(await text(page, '[data-testid=result-live]'),
        `A plan. The package now ${pounds(NOW)} a week. If these goals are achieved, ${pounds(IF_ACHIEVED)} a week. It would be ${pounds(IF_ACHIEVED - BASELINE_PENCE)} above the £38.13 baseline.`);
      if (viewport === PHONE) {
        // The strip that stays in view as the form scrolls says the same.
        assert.match(await text(page, '[data-testid=result-bar]'), /Now\s+£253\.13\s+If achieved\s+£56\.25/);
      }
      // The contract's result is as it was: nothing achieved yet, so the after is the before.
      const api = await loadWasm('reablement');
      const contract = api.calculate(WELCOME);
      assert.equal(contract.ok, true);
      assert.equal(contract.result.after.weekly_pence, NOW);
      assert.equal(contract.result.before.weekly_pence, NOW);
      assert.equal(contract.result.plan, undefined, 'a field added to the contract\'s result');
      // No week by week yet (no goal has a week); the working is the plan's, and says so.
      assert.equal(await page.locator('[data-testid=weeks]').count(), 0, 'a week by week in a plan');
      assert.equal(await page.getByRole('link', { name: 'See the cost week by week' }).count(), 0);
      assert.match(await text(page, '[data-testid=working-plan]'), /^A plan: this is worked out with every goal taken as achieved/);
      const working = await text(page, '.working');
      assert.doesNotMatch(working, /Week by week/);
      assert.match(working, new RegExp(`Change: ${pounds(IF_ACHIEVED).replace('.', '\\.')} − ${pounds(NOW).replace('.', '\\.')}`));
      await expectAxeClean(page, 'the plan');
      await shot(page, 'plan', viewport);
      // Saved, the list says it is a plan.
      await button(page, 'Save on this device').click();
      await page.locator('[data-testid=keep-status]', { hasText: '“WV-0101” is saved on this device.' }).waitFor();
      await showSaved(page);
      assert.deepEqual(await page.locator('.saved__figures').allInnerTexts(), [`A plan: ${pounds(NOW)} a week now, ${pounds(IF_ACHIEVED)} a week if the goals are achieved`]);
      await expectAxeClean(page, 'a plan in the saved list');
      await showCalculator(page);

      // A goal achieved in week 2: the result as it is, in today's words.
      await page.locator('#f-goals-0-status-achieved').check();
      await page.fill('#f-goals-0-achieved_week', '2');
      await page.locator('[data-testid=plan-note]').waitFor({ state: 'detached' });
      const outcome = await text(page, '.results .figures');
      assert.match(outcome, /Before reablement\s+£253\.13 a week/);
      // The morning call stops: tea and bedtime carry on.
      const after = weeklyPence(WELCOME.before.visits.slice(1));
      assert.match(outcome, new RegExp(`28 days after\\s+${pounds(after).replace('.', '\\.')} a week`));
      assert.doesNotMatch(outcome, /would/i);
      assert.match(await text(page, '[data-testid=result-live]'), /^Before reablement £253\.13 a week\. After £.* a week\./);
      await expectAxeClean(page, 'the outcome after a goal is achieved');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test(`${viewport.width} px: the week message gives the range on the page (the API keeps the contract's); an empty form announces nothing`, { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, errors } = await open(viewport);
    try {
      // An empty form: "Add the visits…" on screen, and nothing in any live region.
      await page.locator('.results .hint', { hasText: 'Add the visits' }).waitFor();
      const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]
        .filter((e) => !e.closest('[hidden]')).map((e) => e.textContent.trim()).filter(Boolean));
      assert.deepEqual(live, [], 'announced for an empty form');
      await expectAxeClean(page, 'an empty form');

      await loadArthur(page);
      await page.fill('#f-reablement_weeks', '6');
      await page.fill('#f-goals-0-achieved_week', '7');
      await button(page, 'Show the result').click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      const message = 'Week achieved must be between 1 and 6, the weeks of reablement';
      assert.deepEqual((await summary.locator('a').allInnerTexts()).map((t) => t.trim()), [`Goal 1: ${message}`]);
      assert.match(await page.locator('.field', { has: page.locator('#f-goals-0-achieved_week') }).innerText(), new RegExp(message));
      await expectAxeClean(page, 'the week message');
      await shot(page, 'week-message', viewport);
      // The contract's message at the API, as the contract says.
      const api = await loadWasm('reablement');
      const scenario = { ...JSON.parse(fs.readFileSync(path.join(repoRoot, 'src/ui/examples/data/arthur.json'), 'utf8')), reablement_weeks: 6 };
      scenario.goals = scenario.goals.map((g, i) => (i === 0 ? { ...g, achieved_week: 7 } : g));
      const answer = api.calculate(scenario);
      assert.equal(answer.ok, false);
      assert.deepEqual(answer.errors.map((e) => [e.path, e.message]), [['goals[0].achieved_week', 'Week achieved must be within the weeks of reablement']]);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the "starting" notice is in the page\'s own typography', { timeout: TEST_TIMEOUT }, async () => {
  // The module held back, so a press on the prerendered page shows the notice.
  const context = await site.browser.newContext({ viewport: DESKTOP });
  try {
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/reablement_start_bg\.wasm/, async (route) => { await held; await route.continue(); });
    await page.goto(site.server.url);
    await button(page, "Load Arthur's example").click();
    const notice = page.locator('#rc-starting');
    await notice.waitFor({ state: 'visible' });
    const [font, pageFont] = await page.evaluate(() => [
      getComputedStyle(document.getElementById('rc-starting')).fontFamily,
      getComputedStyle(document.querySelector('.rc-page')).fontFamily,
    ]);
    assert.equal(font, pageFont, 'the notice is not in the page\'s font');
    await page.screenshot({ path: path.join(OUTPUT, 'visits-1280-starting.png') });
    release();
  } finally {
    await context.close();
  }
});
