// Views in the browser's history, in headless Chromium: each view has its own address (a
// hash route, under a sub-path), Back and Forward move between views, an address opens its
// view (also after a reload), and switching view or opening an example goes to the top of
// the page with focus on the view's heading. A share link still opens its scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const TEST_TIMEOUT = 120_000;
const site = useBuiltSite({ prefix: '/tools/reablement/' });

const open = (width = 1280, hash = '') => openSite(site, { width, height: 800, hash });

const hash = (page) => page.evaluate(() => location.hash);
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return `${el.tagName.toLowerCase()}: ${el.textContent.trim()}`;
});
const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

test('each view has its own address; Back and Forward move between views, the heading taking focus', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    assert.equal(await hash(page), '', 'the calculator is the app\'s own address');
    const length = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Worked examples' }).click();
    await heading(page, 'Worked examples');
    assert.equal(await hash(page), '#/examples');
    assert.equal(page.url(), `${site.server.url}#/examples`, 'the path (any path) is kept');
    assert.equal(await focused(page), 'h1: Worked examples');
    assert.equal(await page.title(), 'Worked examples – Reablement outcome calculator');
    await page.getByRole('button', { name: 'Whole service' }).click();
    await heading(page, 'Whole service');
    assert.equal(await hash(page), '#/service');
    assert.equal(await focused(page), 'h1: Whole service', 'the hidden views\' headings are skipped');
    assert.equal(await page.evaluate(() => history.length), length + 2);

    await page.goBack();
    await heading(page, 'Worked examples');
    assert.equal(await hash(page), '#/examples');
    assert.equal(await focused(page), 'h1: Worked examples');
    await page.goBack();
    await heading(page, 'Work out what reablement achieved');
    assert.equal(await hash(page), '');
    assert.equal(await focused(page), 'h1: Work out what reablement achieved');
    assert.equal(await page.title(), 'Reablement outcome calculator');
    await page.goForward();
    await heading(page, 'Worked examples');
    assert.equal(await page.locator('.nav__item--current').innerText(), 'Worked examples');
    assert.equal(await page.evaluate(() => history.length), length + 2, 'Back and Forward add no entries');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('an address opens its view, also after a reload, and a typed address changes the view', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open(1280, '#/examples');
  try {
    await heading(page, 'Worked examples');
    assert.ok(await page.evaluate(() => document.activeElement === document.body), 'a page load does not move focus');
    await page.getByRole('button', { name: 'Whole service' }).click();
    await page.reload();
    await heading(page, 'Whole service');
    assert.equal(await page.locator('.nav__item--current').innerText(), 'Whole service');
    await page.evaluate(() => { location.hash = '#/examples'; });
    await heading(page, 'Worked examples');
    await page.evaluate(() => { location.hash = '#/nowhere'; });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.nav__item--current').innerText(), 'Worked examples', 'an unknown address changes nothing');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('opening an example goes to the top of the calculator, with focus on its heading; Back returns to the examples', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [375, 1280]) {
    const { context, page, errors } = await open(width, '#/examples');
    try {
      await heading(page, 'Worked examples');
      const button = page.getByRole('button', { name: 'Open in the calculator for Ken' });
      await button.scrollIntoViewIfNeeded();
      assert.ok(await page.evaluate(() => window.scrollY) > 100, `${width} px: the examples page is scrolled`);
      await button.click();
      await heading(page, 'Work out what reablement achieved');
      assert.equal(await page.evaluate(() => window.scrollY), 0, `${width} px: the calculator opens at its top`);
      assert.equal(await focused(page), 'h1: Work out what reablement achieved');
      assert.equal(await page.locator('#f-reference').inputValue(), 'SC-0412', 'Ken\'s example is in the form');
      assert.match(await page.locator('.notice').innerText(), /Ken's example is loaded/, 'the notice says so');
      const violations = await runAxe(page, { tags: AXE_TAGS });
      assert.equal(violations.length, 0, `${width} px:\n${formatViolations(violations)}`);
      await page.screenshot({ path: path.join(OUTPUT, `nav-example-opened-${width}.png`) });
      await page.goBack();
      await heading(page, 'Worked examples');
      assert.equal(await focused(page), 'h1: Worked examples');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('a share link still opens the shared scenario, and then the calculator has the app\'s own address', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await page.getByRole('button', { name: "Load Arthur's example" }).click();
    await page.getByRole('button', { name: 'Copy a share link' }).click();
    await page.locator('#share-link').waitFor();
    const link = await page.locator('#share-link').inputValue();
    assert.match(link, /#s=/);
    const other = await context.newPage();
    await other.goto(link);
    await other.getByRole('heading', { name: 'This link contains a scenario. Open it?' }).waitFor();
    assert.equal(await other.evaluate(() => location.hash), '', 'the code leaves the address');
    await other.getByRole('button', { name: 'Open it' }).click();
    assert.equal(await other.locator('#f-reference').inputValue(), 'AR-0002');
    // Pasted into the address bar of an open page, a link asks too.
    await page.getByRole('button', { name: 'Worked examples' }).click();
    await page.evaluate((link) => { location.href = link; }, link);
    await page.getByRole('heading', { name: 'This link contains a scenario. Open it?' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('answers an example replaced can still be put back after another view (the whole app taking over), and the form comes along even where storage is refused', { timeout: TEST_TIMEOUT }, async () => {
  for (const refused of [false, true]) {
    // Storage refused, as in some locked-down browsers: the draft cannot travel by the device.
    const init = refused ? () => { Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('refused', 'SecurityError'); } }); } : undefined;
    const { context, page, errors } = await openSite(site, { width: 1280, height: 800, init });
    const label = refused ? 'storage refused' : 'storage allowed';
    try {
      await page.fill('#f-reference', 'MINE-1');
      await page.getByRole('button', { name: "Load Arthur's example" }).click();
      await page.getByRole('button', { name: 'Put back my previous answers' }).first().waitFor();
      await page.getByRole('button', { name: 'Worked examples' }).click();
      await heading(page, 'Worked examples');
      assert.equal(await page.getByRole('button', { name: 'Put back my previous answers' }).count(), 0, `${label}: the offer is the calculator's`);
      await page.getByRole('button', { name: 'One person' }).click();
      await heading(page, 'Work out what reablement achieved');
      assert.equal(await page.locator('#f-reference').inputValue(), 'AR-0002', `${label}: Arthur's example is still in the form`);
      assert.match(await page.locator('.notice').first().innerText(), /The answers you had before are kept: you can still put them back/);
      await page.getByRole('button', { name: 'Put back my previous answers' }).first().click();
      await page.locator('#f-reference[value="MINE-1"], #f-reference').first().waitFor();
      assert.equal(await page.locator('#f-reference').inputValue(), 'MINE-1', `${label}: the previous answers are back`);
      assert.deepEqual(errors.filter((e) => !/refused/.test(e)), [], `${label}: the page reported errors`);
    } finally {
      await context.close();
    }
  }
});
