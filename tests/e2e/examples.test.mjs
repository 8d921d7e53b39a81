// Trainer mode in headless Chromium: every worked example shows the figures the JS API gives
// for the same scenario (the built module in Node), opens as an editable copy in the
// calculator, and presents its working one step at a time by keyboard, the chart building up.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBuiltSite, appStarted } from './lib/site.mjs';
import { AXE_TAGS, formatViolations, runAxe } from './lib/browser.mjs';
import { loadWasm, repoRoot } from './lib/wasm.mjs';

const TEST_TIMEOUT = 90_000;
const EXAMPLES_DIR = path.join(repoRoot, 'src', 'ui', 'examples', 'data');
// The six examples in the order the page lists them, with the name each story is about.
const EXAMPLES = [
  ['arthur', 'Arthur'], ['partial-goals', 'Beryl'], ['double-handed', 'Dev'],
  ['explicit-after-telecare', 'Cora'], ['needs-grew', 'Doris'], ['short-calls', 'Ken'],
];
const pounds = (pence) => `${pence < 0 ? '−' : ''}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;

const site = useBuiltSite({ prefix: '/tools/reablement/' });
let api;

before(async () => {
  api = await loadWasm();
});

async function openExamples(width = 1280) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.server.url);
  await page.waitForFunction(appStarted);
  await page.getByRole('button', { name: 'Worked examples' }).click();
  await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
  return { context, page, errors };
}

/** What calc says for an example file, through the built JS API. */
function expected(key) {
  const response = api.calculate(JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, `${key}.json`), 'utf8')));
  assert.equal(response.ok, true, `${key} is not a valid scenario: ${JSON.stringify(response.errors)}`);
  return response.result;
}

test('every worked example shows the figures calc gives, and opens as an editable copy', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await openExamples();
  try {
    const cards = page.locator('.example');
    assert.equal(await cards.count(), EXAMPLES.length);
    for (const [i, [key, name]] of EXAMPLES.entries()) {
      const result = expected(key);
      const card = cards.nth(i);
      assert.match(await card.locator('h2').innerText(), new RegExp(`^${name}: `));
      assert.ok((await card.locator('p').first().innerText()).length > 100, `${name} has no story`);
      assert.equal(
        await card.locator('.example__figures').innerText(),
        `Before ${pounds(result.before.weekly_pence)} a week, after ${pounds(result.after.weekly_pence)} a week.`,
        name,
      );
    }
    // Open one as an editable copy: the calculator shows the same figures, and can be changed.
    const dev = expected('double-handed');
    await page.getByRole('button', { name: 'Open in the calculator for Dev' }).click();
    assert.equal(await page.locator('[data-testid=before-weekly]').innerText(), pounds(dev.before.weekly_pence));
    assert.equal(await page.locator('[data-testid=after-weekly]').innerText(), pounds(dev.after.weekly_pence));
    await page.locator('#f-goals-0-status-achieved').check();
    assert.equal(await page.locator('[data-testid=after-weekly]').innerText(), '£0.00', 'the copy is editable');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('presentation mode steps through the working by keyboard, the chart building up', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await openExamples();
  try {
    const beryl = expected('partial-goals');
    await page.getByRole('button', { name: 'Present step by step for Beryl' }).click();
    const stage = page.locator('.present__stage');
    await stage.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Presentation: how the outcome is worked out',
      'its heading has focus, inside presentation mode, so the keys work at once');
    const count = async () => (await page.locator('.present__count').innerText()).match(/^Step (\d+) of (\d+)$/).slice(1).map(Number);
    const bars = () => page.locator('.present .chart g').count();
    const [first, total] = await count();
    assert.equal(first, 1);
    assert.ok(total > 10, `only ${total} steps`);
    assert.equal(await bars(), 0, 'no bar before the first total');
    assert.match(await page.locator('.present__section').innerText(), /^Who Beryl is$/, 'the story first (present.test.mjs has the rest of it)');

    // → walks forward; the "before" bar appears with the before total.
    let shown = '';
    for (let step = 1; step < total && !shown.startsWith('Cost before reablement'); step += 1) {
      await page.keyboard.press('ArrowRight');
      shown = await page.locator('.present__body').innerText();
    }
    assert.equal(shown, `Cost before reablement: £421.75 care + £4.50 other costs = ${pounds(beryl.before.weekly_pence)} a week.`);
    assert.equal(await bars(), 1);
    // End jumps to the last slide (the next example); ← goes back one: the ending, with all
    // three bars; one more: the working's last result line.
    await page.keyboard.press('End');
    assert.deepEqual(await count(), [total, total]);
    assert.equal(await page.locator('.present__section').innerText(), 'Next example');
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await count(), [total - 1, total]);
    assert.equal(await page.locator('.present__section').innerText(), 'In plain words');
    assert.equal(await bars(), 3);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await bars(), 3);
    assert.match(await page.locator('.present__body').innerText(), /^Break-even: £1,250\.00 ÷ £168\.70 saved a week = 8 weeks/);
    // Home to the start; the buttons agree.
    await page.keyboard.press('Home');
    assert.deepEqual(await count(), [1, total]);
    assert.equal(await page.getByRole('button', { name: 'Previous step' }).isDisabled(), true);
    await page.getByRole('button', { name: 'Next step' }).click();
    assert.deepEqual(await count(), [2, total]);

    const violations = await runAxe(page, { tags: AXE_TAGS });
    assert.equal(violations.length, 0, formatViolations(violations));
    await page.getByRole('button', { name: 'Leave presentation' }).click();
    await page.getByRole('heading', { name: 'Worked examples' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('axe-core: no violations on the worked examples at 320 and 1280 px, and nothing scrolls sideways', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [320, 1280]) {
    const { context, page } = await openExamples(width);
    try {
      const violations = await runAxe(page, { tags: AXE_TAGS });
      assert.equal(violations.length, 0, `${width} px:\n${formatViolations(violations)}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
    } finally {
      await context.close();
    }
  }
});
