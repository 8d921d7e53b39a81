// Keep, compare and share, in headless Chromium against dist/ under a sub-path: saved
// scenarios (save, list, open, duplicate, rename, delete and undo, compare), scenario files
// (download then open gives the same scenario; each bad file says why and changes nothing),
// share links, the results CSV, and stored data that cannot be read. Real files throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSite, useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, formatViolations, runAxe } from './lib/browser.mjs';

const PREFIX = '/tools/reablement/';
const TEST_TIMEOUT = 60_000;
const site = useBuiltSite({ prefix: PREFIX });
let files;

before(async () => {
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'reablement-files-'));
});

after(async () => {
  if (files) fs.rmSync(files, { recursive: true, force: true });
});

/** A fresh context (fresh storage) with the calculator open; `init` runs before the page's scripts. */
async function open({ init, url, width = 1280 } = {}) {
  const opened = await openSite(site, { width, url, init });
  opened.page.on('dialog', (d) => { opened.errors.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  return opened;
}

const text = (page, selector) => page.locator(selector).innerText();

/** Opens the saved list: the whole app's module, loaded the first time another screen opens. */
async function showSaved(page) {
  await page.getByRole('button', { name: 'Saved', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Saved on this device' }).waitFor();
}

async function loadArthur(page) {
  await page.getByRole('button', { name: "Load Arthur's example" }).click();
  assert.equal(await text(page, '[data-testid=before-weekly]'), '£295.23');
}

/** Arthur with his third goal still in progress, under another reference: after is £84.35. */
async function arthurPartly(page) {
  await page.fill('#f-reference', 'AR-0003');
  await page.locator('#f-goals-2-status-in_progress').check();
  assert.equal(await text(page, '[data-testid=after-weekly]'), '£84.35');
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  const dir = fs.mkdtempSync(path.join(files, 'download-'));
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return { name: file.suggestedFilename(), path: target, text: fs.readFileSync(target, 'utf8') };
}

test('saved scenarios: save, newest first with figures, open, duplicate, rename, delete and undo, compare', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await loadArthur(page);
    await page.getByRole('button', { name: 'Save on this device' }).click();
    await arthurPartly(page);
    await page.getByRole('button', { name: 'Save on this device' }).click();
    await showSaved(page);

    const names = await page.locator('.saved__name').allInnerTexts();
    assert.deepEqual(names, ['AR-0003', 'AR-0002'], 'newest first');
    const figures = await page.locator('.saved__figures').allInnerTexts();
    assert.deepEqual(figures, ['Before £295.23 a week, after £84.35 a week', 'Before £295.23 a week, after £0.00 a week']);

    // Compare both: one table, one chart, each scenario a column.
    await page.getByRole('checkbox', { name: 'Compare AR-0002' }).check();
    await page.getByRole('checkbox', { name: 'Compare AR-0003' }).check();
    const table = await text(page, '.compare table');
    assert.match(table, /AR-0002\s+AR-0003/);
    assert.match(table, /28 days after, a week\s+£0\.00\s+£84\.35/);
    assert.match(table, /Goals achieved\s+3 of 3\s+2 of 3/);
    assert.equal(await page.locator('.compare svg[role=img]').count(), 1, 'one chart');

    // Duplicate and rename.
    await page.getByRole('button', { name: 'Duplicate AR-0002' }).click();
    assert.equal((await page.locator('.saved__name').allInnerTexts())[0], 'Copy of AR-0002');
    await page.getByRole('button', { name: 'Rename Copy of AR-0002' }).click();
    await page.getByRole('textbox', { name: 'New name for Copy of AR-0002' }).fill('Arthur at review');
    await page.getByRole('button', { name: 'Save the name' }).click();
    assert.equal((await page.locator('.saved__name').allInnerTexts())[0], 'Arthur at review');

    // Delete, then undo: it comes back where it was.
    await page.getByRole('button', { name: 'Delete AR-0003' }).click();
    assert.deepEqual(await page.locator('.saved__name').allInnerTexts(), ['Arthur at review', 'AR-0002']);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    assert.deepEqual(await page.locator('.saved__name').allInnerTexts(), ['Arthur at review', 'AR-0003', 'AR-0002']);

    // Kept on the device: still there after a reload; and Open puts it in the calculator.
    await page.reload();
    await showSaved(page);
    assert.equal(await page.locator('.saved__name').count(), 3);
    await page.getByRole('button', { name: 'Open AR-0003' }).click();
    assert.equal(await page.inputValue('#f-reference'), 'AR-0003');
    assert.equal(await text(page, '[data-testid=after-weekly]'), '£84.35');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a scenario downloaded as a file opens again as the same scenario', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open();
  try {
    await loadArthur(page);
    await arthurPartly(page);
    const file = await download(page, 'Download as a file');
    assert.equal(file.name, 'AR-0003.json');
    const scenario = JSON.parse(file.text);
    assert.equal(scenario.format, 'reablement-outcome-scenario');
    assert.equal(scenario.version, 1);
    assert.equal(scenario.goals[2].status, 'in_progress');
    assert.equal(scenario.before.visits.length, 3);

    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('button', { name: 'Yes, start again' }).click();
    assert.equal(await page.inputValue('#f-reference'), '');
    await page.setInputFiles('#open-file', file.path);
    await page.getByText('“AR-0003.json” is open.').waitFor();
    assert.equal(await page.inputValue('#f-reference'), 'AR-0003');
    assert.equal(await text(page, '[data-testid=after-weekly]'), '£84.35');
    // Downloading it again gives the same scenario.
    const again = await download(page, 'Download as a file');
    assert.deepEqual(JSON.parse(again.text), scenario);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('each bad scenario file says why, and changes nothing', { timeout: TEST_TIMEOUT }, async () => {
  const arthur = JSON.parse(fs.readFileSync(new URL('../examples/arthur.json', import.meta.url))).input;
  const bad = [
    ['not-json.json', 'hello, this is not JSON', /not a scenario file: its text is not JSON/],
    ['other.json', JSON.stringify({ format: 'something-else', version: 1 }), /This is not a reablement outcome scenario file/],
    ['newer.json', JSON.stringify({ ...arthur, version: 2 }), /This file was made by a newer version of the calculator/],
    ['deep.json', '['.repeat(200_000) + ']'.repeat(200_000), /nested too deeply/],
    ['huge.json', JSON.stringify({ ...arthur, padding: 'x'.repeat(1_200_000) }), /too large to be a scenario file/],
    ['hostile.json', JSON.stringify({ ...arthur, before: { visits: [{ minutes: '<img src=x onerror="window.hacked=1">', carers: 1, days_per_week: 7 }] } }),
      /Visit length must be a whole number of minutes between 1 and 720 \(at before\.visits\[0\]\.minutes\)/],
  ];
  const { context, page, errors } = await open();
  try {
    await loadArthur(page);
    await page.fill('#f-reference', 'MINE-1');
    for (const [name, content, message] of bad) {
      const file = path.join(files, name);
      fs.writeFileSync(file, content);
      await page.setInputFiles('#open-file', file);
      const problem = page.locator('.keep .error-summary');
      await problem.getByText(`“${name}” could not be opened`).waitFor();
      assert.match(await problem.innerText(), message, name);
      assert.match(await problem.innerText(), /Nothing has changed/);
      assert.equal(await page.inputValue('#f-reference'), 'MINE-1', `${name} changed the form`);
      assert.equal(await text(page, '[data-testid=before-weekly]'), '£295.23', `${name} changed the result`);
    }
    // Markup in a file that is otherwise valid is shown as text, never run.
    const marked = { ...arthur, reference: 'X-1', goals: [{ ...arthur.goals[0], description: '<img src=x onerror="window.hacked=1">Wash' }, ...arthur.goals.slice(1)] };
    fs.writeFileSync(path.join(files, 'markup.json'), JSON.stringify(marked));
    await page.setInputFiles('#open-file', path.join(files, 'markup.json'));
    await page.getByText('“markup.json” is open.').waitFor();
    assert.equal(await page.inputValue('#f-goals-0-description'), '<img src=x onerror="window.hacked=1">Wash');
    assert.equal(await page.evaluate(() => window.hacked), undefined, 'markup from a file ran');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a share link carries the scenario in its #fragment and asks before replacing a form', { timeout: TEST_TIMEOUT }, async () => {
  const sender = await open();
  let link;
  try {
    await loadArthur(sender.page);
    await arthurPartly(sender.page);
    await sender.page.getByRole('button', { name: 'Copy a share link' }).click();
    link = await sender.page.inputValue('#share-link');
    assert.ok(link.startsWith(`${site.server.url}`) && link.includes('#s='), link);
    assert.equal(await sender.page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
  } finally {
    await sender.context.close();
  }
  const requests = [];
  const receiver = await open({ url: link });
  try {
    const { page } = receiver;
    page.on('request', (r) => requests.push(r.url()));
    await page.getByRole('alertdialog', { name: 'This link contains a scenario. Open it?' }).waitFor();
    assert.match(await text(page, '.incoming'), /case reference AR-0003, 3 goals and 3 visits.*after £84\.35 a week/s);
    assert.ok(!page.url().includes('#s='), 'the code stays in the address bar');
    await page.getByRole('button', { name: 'Open it' }).click();
    assert.equal(await page.inputValue('#f-reference'), 'AR-0003');
    assert.equal(await text(page, '[data-testid=after-weekly]'), '£84.35');
    assert.ok(requests.every((u) => !u.includes('#s=') && !u.includes('s=')), 'the scenario went to a server');
  } finally {
    await receiver.context.close();
  }
  // A link that is not one of ours changes nothing and says so.
  const broken = await open({ url: `${site.server.url}#s=not-a-real-code` });
  try {
    await broken.page.getByText('This link could not be opened').waitFor();
    assert.equal(await broken.page.locator('.incoming').count(), 0);
  } finally {
    await broken.context.close();
  }
});

test('the results CSV starts with reference,before_weekly,after_weekly and cannot run formulas', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await open();
  try {
    await loadArthur(page);
    await page.fill('#f-reference', '=HYPERLINK("http://x")');
    const file = await download(page, 'Download the result as CSV');
    const lines = file.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.match(lines[0], /^reference,before_weekly,after_weekly,/);
    assert.equal(lines[1].split(',').slice(-9).join(','), '0.00,-295.23,100.0,38.13,-38.13,-15351.96,,3,3');
    assert.ok(lines[1].startsWith('"\'=HYPERLINK('), `the formula is not made safe: ${lines[1]}`);
  } finally {
    await context.close();
  }
});

test('stored data that cannot be read is set aside and reported; the app still works', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await open({
    init: () => {
      // The init script also runs on the first about:blank, which has no storage to plant in.
      if (location.protocol !== 'about:' && !sessionStorage.getItem('planted')) {
        localStorage.setItem('reablement-calculator:draft', '{"version":1,"draft":{not json');
        localStorage.setItem('reablement-calculator:saved', '[1,2,3]');
        sessionStorage.setItem('planted', '1');
      }
    },
  });
  try {
    await page.getByText('could not be read', { exact: false }).first().waitFor();
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('reablement-calculator:')).sort());
    assert.ok(kept.includes('reablement-calculator:unreadable-draft'), `the unreadable draft was not kept aside: ${kept}`);
    await loadArthur(page);
    await page.getByRole('button', { name: 'Save on this device' }).click();
    await showSaved(page);
    assert.equal(await page.locator('.saved__name').count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('axe-core: no violations on the saved list, the comparison, the keep-and-share section and a share question', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page } = await open({ width: 320 });
  try {
    const found = [];
    const check = async (state) => {
      const violations = await runAxe(page, { tags: AXE_TAGS });
      if (violations.length) found.push(`${state}:\n${formatViolations(violations)}`);
    };
    await loadArthur(page);
    await page.getByRole('button', { name: 'Save on this device' }).click();
    await arthurPartly(page);
    await page.getByRole('button', { name: 'Save on this device' }).click();
    await page.getByRole('button', { name: 'Copy a share link' }).click();
    await page.locator('#share-link').waitFor();
    await check('calculator with keep-and-share and a share link');
    await showSaved(page);
    await page.getByRole('checkbox', { name: 'Compare AR-0002' }).check();
    await page.getByRole('checkbox', { name: 'Compare AR-0003' }).check();
    await check('saved list with a comparison');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `the saved view is ${wide} px wide at 320 px`);
    assert.equal(found.length, 0, found.join('\n'));
  } finally {
    await context.close();
  }
});
