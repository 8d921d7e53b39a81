// A worked example's printable handout, in headless Chromium: "Print a handout" on the
// worked examples page opens the browser's print dialog (window.print, recorded here) with
// the handout alone on the page: the story, the goals and which visit serves which goal, the
// result in plain words and the working. Chromium's own PDF of it is one A4 page, for every
// example; after the dialog the page prints as before. axe-core at 375 and 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const TEST_TIMEOUT = 180_000;
const site = useBuiltSite({ prefix: '/tools/reablement/' });
const NAMES = ['Arthur', 'Beryl', 'Dev', 'Cora', 'Doris', 'Ken'];

// The print dialog is the browser's: record that it was asked for, and leave the page as it is.
const recordPrint = () => {
  window.__printed = 0;
  window.print = () => { window.__printed += 1; };
};

/** The PDF's pages and the size of each (points), from its page objects. */
function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map((m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
  return { pages, boxes };
}

test('"Print a handout": the handout alone, on one A4 page, for every worked example; the page prints as before afterwards', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await openSite(site, { width: 1280, hash: '#/examples', init: recordPrint });
  try {
    await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
    for (const name of NAMES) {
      const card = page.locator('.example', { has: page.getByRole('heading', { name: new RegExp(`^${name}:`) }) });
      const story = await card.locator('p').first().innerText();
      const printed = await page.evaluate(() => window.__printed);
      await page.getByRole('button', { name: `Print a handout for ${name}` }).click();
      await page.waitForFunction((n) => window.__printed === n + 1, printed);
      const handout = page.locator('.handout');
      assert.equal(await handout.isVisible(), false, `${name}: the handout is for print only`);
      assert.equal(await focused(page), `button: Print a handout for ${name}`, 'focus stays on the button');

      await page.emulateMedia({ media: 'print' });
      assert.equal(await handout.isVisible(), true, `${name}: the handout prints`);
      assert.equal(await page.locator('.examples').isVisible(), false, `${name}: the list of examples does not print with it`);
      const text = await handout.innerText();
      assert.ok(text.includes(story), `${name}: the story`);
      assert.match(text, new RegExp(`${name}'s goals`));
      assert.match(text, new RegExp(`${name}'s care now costs £[\\d,]+\\.\\d\\d a week: `), `${name}: the result in plain words`);
      assert.match(text, /The working/);
      assert.match(text, /Cost before reablement: £[\d,.]+ care \+ £[\d,.]+ other costs = £[\d,.]+ a week\./, `${name}: the working`);
      if (name === 'Arthur') {
        assert.match(text, /Wash myself: achieved in week 2\./);
        assert.match(text, /Morning: personal care and dressing — 45 minutes, every day — for “Wash myself” and “Get dressed and undressed”\./);
        assert.match(text, /Arthur's care now costs £0\.00 a week: £38\.13 below the baseline\./);
        assert.match(text, /Week 2: Morning: personal care and dressing, Lunch: meal preparation stopped|Week 2: .*stopped/);
      }
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: path.join(OUTPUT, `handout-${name.toLowerCase()}-print.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // (Chromium's PDF follows the emulated media: print, as the dialog would.)
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      if (name === 'Arthur' || name === 'Beryl') fs.writeFileSync(path.join(OUTPUT, `handout-${name.toLowerCase()}.pdf`), pdf);
      fs.writeFileSync(path.join(OUTPUT, 'handout-last.pdf'), pdf);
      const { pages, boxes } = pdfPages(pdf);
      assert.equal(pages, 1, `${name}: the handout is ${pages} pages`);
      for (const [w, h] of boxes) {
        assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `${name}: the page is ${w}×${h} pt, not A4 (595×842)`);
      }

      // After the dialog, the handout is gone: printing the page prints the list again.
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await handout.waitFor({ state: 'detached' });
      assert.equal(await page.locator('.examples').isVisible(), true, `${name}: after the dialog the page prints as it is`);
      await page.emulateMedia({ media: 'screen' });
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the handout buttons: axe-core finds nothing at 375 and 1280 px, nothing scrolls sideways', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [375, 1280]) {
    const { context, page, errors } = await openSite(site, { width, hash: '#/examples', init: recordPrint });
    try {
      await page.getByRole('heading', { level: 1, name: 'Worked examples' }).waitFor();
      await page.getByRole('button', { name: 'Print a handout for Ken' }).click();
      await page.waitForFunction(() => window.__printed === 1);
      for (const media of ['screen', 'print']) {
        await page.emulateMedia({ media });
        const violations = await runAxe(page, { tags: AXE_TAGS });
        assert.equal(violations.length, 0, `${width} px, ${media}:\n${formatViolations(violations)}`);
      }
      await page.emulateMedia({ media: 'screen' });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width} px scrolls sideways`);
      await page.screenshot({ path: path.join(OUTPUT, `handout-buttons-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return `${el.tagName.toLowerCase()}: ${el.textContent.trim()}`;
});
