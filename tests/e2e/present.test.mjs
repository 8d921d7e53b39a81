// Presentation mode as a trainer uses it, in headless Chromium: a clicker's Page Down and
// Page Up, the arrows, Space, Home and End work wherever focus is inside presentation mode
// (after a mouse click on "Next step" too); Esc and Back leave and return focus to the
// button that started it; every slide names the person and counts the steps; full screen
// hides the site's navigation. axe-core finds nothing at 375 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const TEST_TIMEOUT = 120_000;
const site = useBuiltSite({ prefix: '/tools/reablement/' });

const open = (width = 1280, hash = '#/examples') => openSite(site, { width, height: 800, hash });

async function present(page, name) {
  await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
  await page.getByRole('button', { name: `Present step by step for ${name}` }).click();
  await page.locator('.present__stage').waitFor();
}

/** [step, of] from "Step 3 of 24". */
async function count(page) {
  return (await page.locator('.present__count').innerText()).match(/^Step (\d+) of (\d+)$/).slice(1).map(Number);
}
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return `${el.tagName.toLowerCase()}: ${el.textContent.trim()}`;
});

test('a clicker\'s Page Down works after a mouse click on "Next step", and Esc returns focus to where it started', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await present(page, 'Beryl');
    assert.equal(await page.evaluate(() => location.hash), '#/present');
    const [, total] = await count(page);
    await page.keyboard.press('PageDown');
    assert.deepEqual(await count(page), [2, total], 'the keys work at once');

    await page.getByRole('button', { name: 'Next step' }).click();
    assert.deepEqual(await count(page), [3, total]);
    assert.equal(await focused(page), 'button: Next step', 'the click left focus on the button');
    await page.keyboard.press('PageDown');
    assert.deepEqual(await count(page), [4, total], 'Page Down after a click on "Next step"');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await count(page), [5, total]);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await count(page), [3, total]);
    await page.keyboard.press('Space');
    assert.deepEqual(await count(page), [4, total], 'Space on "Next step" presses it once');
    // A click on blank space leaves focus on the page's body: the keys still work.
    await page.mouse.click(5, 790);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Space');
    assert.deepEqual(await count(page), [6, total]);
    await page.keyboard.press('End');
    assert.deepEqual(await count(page), [total, total]);
    // aria-disabled rather than disabled, so that it keeps focus (Playwright will not click it unforced).
    await page.getByRole('button', { name: 'Next step' }).click({ force: true });
    assert.deepEqual(await count(page), [total, total], 'no step after the last');
    assert.equal(await focused(page), 'button: Next step', 'the button keeps focus at the last step');
    await page.keyboard.press('Home');
    assert.deepEqual(await count(page), [1, total]);

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
    assert.equal(await focused(page), 'button: Present step by step for Beryl', 'focus is back where it started');
    assert.equal(await page.evaluate(() => location.hash), '#/examples');
    assert.match(await page.locator('.notice').innerText(), /Beryl's example is loaded/, 'the notice waited');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('every slide names the person and counts the steps: an example\'s own name, else the case reference', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await present(page, 'Dev');
    const [, total] = await count(page);
    for (let step = 1; step <= total; step += 1) {
      assert.equal(await page.locator('.present__who').innerText(), 'Dev', `step ${step}`);
      assert.deepEqual(await count(page), [step, total]);
      await page.keyboard.press('PageDown');
    }
    // Back (the browser's) leaves too, with focus back on the button.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
    assert.equal(await focused(page), 'button: Present step by step for Dev');

    // Changed, it is no longer the built-in example: the scenario's case reference shows.
    await page.getByRole('button', { name: 'Open in the calculator for Dev' }).click();
    await page.locator('#f-reference').fill('TRAIN-42');
    await page.getByRole('button', { name: 'Present the working step by step' }).click();
    assert.equal(await page.locator('.present__who').innerText(), 'TRAIN-42');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Work out what reablement achieved' }).waitFor();
    assert.equal(await focused(page), 'button: Present the working step by step');
    // No case reference: no name is made up.
    await page.locator('#f-reference').fill('');
    await page.getByRole('button', { name: 'Present the working step by step' }).click();
    await page.locator('.present__count').waitFor();
    assert.equal(await page.locator('.present__who').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('full screen: the presentation alone fills the screen, without the site\'s navigation', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await present(page, 'Arthur');
    await page.getByRole('button', { name: 'Full screen' }).click();
    await page.getByRole('button', { name: 'Leave full screen' }).waitFor();
    assert.equal(await page.evaluate(() => document.fullscreenElement?.className), 'present');
    // What is on screen where the navigation was is the presentation.
    const atNav = await page.evaluate(() => {
      const nav = document.querySelector('.nav').getBoundingClientRect();
      return document.elementFromPoint(nav.left + 5, nav.top + 5)?.closest('.present') != null;
    });
    assert.ok(atNav, 'the navigation is out of sight');
    await page.keyboard.press('PageDown');
    assert.deepEqual((await count(page))[0], 2, 'the keys work in full screen');
    const violations = await runAxe(page, { tags: AXE_TAGS });
    assert.equal(violations.length, 0, formatViolations(violations));
    await page.screenshot({ path: path.join(OUTPUT, 'present-fullscreen-1280.png') });
    await page.getByRole('button', { name: 'Leave full screen' }).click();
    await page.getByRole('button', { name: 'Full screen' }).waitFor();
    assert.equal(await page.evaluate(() => document.fullscreenElement), null);
    // Leaving presentation mode ends full screen too.
    await page.getByRole('button', { name: 'Full screen' }).click();
    await page.getByRole('button', { name: 'Leave full screen' }).waitFor();
    await page.getByRole('button', { name: 'Leave presentation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
    await page.waitForFunction(() => document.fullscreenElement === null);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('axe-core: no violations in presentation mode at 375 and 1280 px, nothing scrolls sideways; screenshots', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [375, 1280]) {
    const { context, page } = await open(width);
    try {
      await present(page, 'Ken');
      for (const key of ['Home', 'End']) {
        await page.keyboard.press(key);
        const violations = await runAxe(page, { tags: AXE_TAGS });
        assert.equal(violations.length, 0, `${width} px, ${key}:\n${formatViolations(violations)}`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width} px scrolls sideways`);
        await page.screenshot({ path: path.join(OUTPUT, `present-${key === 'Home' ? 'first' : 'last'}-${width}.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  }
});

test('presenting from the first screen (the whole app takes over): Esc puts focus back on "Present the working step by step"', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open(1280, '');
  try {
    await page.getByRole('button', { name: "Load Arthur's example" }).click();
    await page.getByRole('button', { name: 'Present the working step by step' }).click();
    await page.locator('.present__stage').waitFor();
    assert.equal(await page.locator('.present__who').innerText(), 'Arthur');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Work out what reablement achieved' }).waitFor();
    assert.equal(await focused(page), 'button: Present the working step by step');
    assert.equal(await page.locator('#f-reference').inputValue(), 'AR-0002');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** What the slide says: its section and its body's text. */
const slide = (page) => page.evaluate(() => ({
  section: document.querySelector('.present__section').textContent,
  body: document.querySelector('.present__body').innerText.trim(),
  items: [...document.querySelectorAll('.present__body li')].map((li) => li.textContent),
}));

test('a story a classroom can follow: who Arthur is and his goals first, then the working, a plain-words ending and the next example; at 375 and 1280 px, axe at each', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [375, 1280]) {
    const { context, page, errors } = await open(width);
    try {
      // The story on the slide is the worked example's own, as the examples page tells it.
      await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
      const story = await page.locator('.example', { has: page.getByRole('heading', { name: /^Arthur:/ }) }).locator('p').first().innerText();
      assert.match(story, /^Arthur had 3 calls a day/);
      await present(page, 'Arthur');
      const [, total] = await count(page);
      const first = await slide(page);
      assert.deepEqual([first.section, first.body], ['Who Arthur is', story], `${width} px: the story comes first`);
      const check = async (what) => {
        const violations = await runAxe(page, { tags: AXE_TAGS });
        assert.equal(violations.length, 0, `${width} px, ${what}:\n${formatViolations(violations)}`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width} px scrolls sideways (${what})`);
      };
      await check('the story');
      await page.screenshot({ path: path.join(OUTPUT, `present-story-${width}.png`), fullPage: true });
      await page.keyboard.press('PageDown');
      assert.deepEqual(await slide(page), {
        section: "Arthur's goals",
        body: 'Wash myself: achieved in week 2.\nGet dressed and undressed: achieved in week 1.\nMake my own lunch: achieved in week 2.',
        items: ['Wash myself: achieved in week 2.', 'Get dressed and undressed: achieved in week 1.', 'Make my own lunch: achieved in week 2.'],
      });
      await page.keyboard.press('PageDown');
      const visits = await slide(page);
      assert.equal(visits.section, 'Which visit serves which goal');
      assert.deepEqual(visits.items, [
        'Morning: personal care and dressing — 45 minutes, every day — for “Wash myself” and “Get dressed and undressed”.',
        'Lunch: meal preparation — 30 minutes, every day — for “Make my own lunch”.',
        'Evening: undressing — 30 minutes, every day — for “Get dressed and undressed”.',
      ]);
      await check('which visit serves which goal');
      assert.equal(await page.locator('.present .chart').count(), 0, 'no chart before the working');
      await page.keyboard.press('PageDown');
      assert.equal((await slide(page)).section, 'Before reablement', 'then the working');

      // The ending, in plain words, with the whole chart; then the next example.
      await page.keyboard.press('End');
      await page.keyboard.press('PageUp');
      assert.deepEqual(await count(page), [total - 1, total]);
      const ending = await slide(page);
      assert.equal(ending.section, 'In plain words');
      assert.equal(await page.locator('.present__ending').innerText(), "Arthur's care now costs £0.00 a week: £38.13 below the baseline.");
      assert.match(ending.body, /Before reablement it cost £295\.23 a week: £295\.23 a week less now\./);
      assert.match(await page.locator('#present-chart-desc').textContent(), /After 28 days: £0\.00 a week; Baseline: £38\.13 a week\.$/);
      await check('the ending');
      await page.screenshot({ path: path.join(OUTPUT, `present-ending-${width}.png`), fullPage: true });
      await page.keyboard.press('PageDown');
      assert.deepEqual(await count(page), [total, total]);
      assert.equal((await slide(page)).section, 'Next example');
      assert.match((await slide(page)).body, /^Beryl: Some goals achieved: some calls carry on\./);
      await check('the next example');

      // The next example starts from its own story, with focus on the slide so the keys go on.
      await page.getByRole('button', { name: "Present Beryl's example" }).click();
      const beryl = await slide(page);
      assert.equal(beryl.section, 'Who Beryl is');
      assert.match(beryl.body, /^Beryl had 5 calls a day and telecare\./);
      assert.equal((await count(page))[0], 1);
      assert.equal(await page.locator('.present__who').innerText(), 'Beryl');
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains('present__stage')), true, 'focus is on the slide');
      await page.keyboard.press('Space');
      assert.equal((await slide(page)).section, "Beryl's goals", 'Space goes on');
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
      assert.equal(await focused(page), 'button: Present step by step for Beryl', 'back on the example presented last');
      assert.match(await page.locator('.notice').innerText(), /Beryl's example is loaded/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('full screen at 1280×800 and 1024×768: focus goes to the slide, Space goes on, and every slide of every example fits the screen with the chart in the room left', { timeout: 600_000 }, async () => {
  const names = ['Arthur', 'Beryl', 'Dev', 'Cora', 'Doris', 'Ken'];
  for (const [width, height] of [[1280, 800], [1024, 768]]) {
    const { context, page, errors } = await openSite(site, { width, height, hash: '#/examples' });
    try {
      for (const name of names) {
        await present(page, name);
        await page.getByRole('button', { name: 'Full screen' }).click();
        await page.getByRole('button', { name: 'Leave full screen' }).waitFor();
        assert.equal(await page.evaluate(() => document.activeElement.classList.contains('present__stage')), true,
          `${width}×${height}, ${name}: after "Full screen" focus is on the slide, not on "Leave full screen" (${await focused(page)})`);
        const [, total] = await count(page);
        for (let step = 1; step <= total; step += 1) {
          assert.deepEqual(await count(page), [step, total], `${name}: Space goes on`);
          const fit = await page.evaluate(() => {
            const root = document.fullscreenElement;
            const out = [...root.querySelectorAll('*')]
              .map((el) => ({ el, r: el.getBoundingClientRect() }))
              .filter(({ r }) => r.width > 0 && r.height > 0 && (r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5))
              .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} to ${Math.round(r.bottom)}×${Math.round(r.right)}`);
            const svg = root.querySelector('.chart svg')?.getBoundingClientRect();
            const baseline = [...root.querySelectorAll('.chart__label')].find((t) => t.textContent === 'Baseline')?.getBoundingClientRect();
            return {
              out,
              scrolls: root.scrollHeight > root.clientHeight,
              section: root.querySelector('.present__section').textContent,
              chart: svg ? Math.round(svg.height) : 0,
              baseline: baseline ? baseline.bottom <= innerHeight && baseline.top >= 0 : null,
            };
          });
          const where = `${width}×${height}, ${name}, slide ${step} of ${total} (${fit.section})`;
          assert.deepEqual(fit.out, [], `${where}: below or beside the screen`);
          assert.equal(fit.scrolls, false, `${where}: the slide scrolls`);
          if (fit.section === 'In plain words') {
            assert.equal(fit.baseline, true, `${where}: the baseline's label is in sight`);
            assert.ok(fit.chart >= 200, `${where}: the chart is drawn in the room left, ${fit.chart} px tall`);
            if (name === 'Ken') {
              const violations = await runAxe(page, { tags: AXE_TAGS });
              assert.equal(violations.length, 0, `${where}:\n${formatViolations(violations)}`);
              await page.screenshot({ path: path.join(OUTPUT, `present-fullscreen-ending-${width}x${height}.png`) });
            }
          }
          if (step < total) await page.keyboard.press('Space');
        }
        await page.keyboard.press('Home');
        await page.screenshot({ path: path.join(OUTPUT, `present-fullscreen-story-${name}-${width}x${height}.png`) });
        await page.getByRole('button', { name: 'Leave presentation' }).click();
        await page.waitForFunction(() => document.fullscreenElement === null);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
