// The service over time (contract 1.2) in the whole-service view, in headless Chromium
// against dist/: a council-style export (semicolon separated, decimal commas, UK day-first
// dates with a time, headings such as "Client ID" and "Discharge date", a row without a date
// and one with an impossible date) gives the weeks' table (worked out here independently, in
// integer pence), both XmR charts with their words, the months view, the periods' CSV; the
// made-up preset shows special cause; axe is clean and nothing scrolls sideways at 375 px.
// Screenshots: test-output/over-time-375.png and over-time-1280.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useBuiltSite, openSite } from './lib/site.mjs';
import { runAxe, formatViolations, OUTPUT } from './lib/browser.mjs';

const site = useBuiltSite();
let tmp;
before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'over-time-')); });
after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

// 15 weeks from Monday 16 December 2024 (across the new year); nobody in the 6th week.
const FIRST_MONDAY = Date.UTC(2024, 11, 16);
const WEEKS = 15;
const EMPTY_WEEK = 5;
const DAY = 86_400_000;

function ukDate(ms) {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The export, and the rows as pence with their week, for working the answers out here. */
function councilExport() {
  const lines = ['Client ID;Discharge date;Weekly cost at start;Weekly cost at 28 days'];
  const rows = [];
  let n = 0;
  for (let week = 0; week < WEEKS; week += 1) {
    if (week === EMPTY_WEEK) continue;
    for (let i = 0; i < 3; i += 1) {
      n += 1;
      const before = 20_000 + 1_000 * ((n * 7) % 9);
      const after = (n % 3 === 0) ? 0 : 2_000 + 250 * ((n * 5) % 11);
      const day = FIRST_MONDAY + (week * 7 + (n % 7)) * DAY;
      const cash = (p) => `${Math.floor(p / 100)},${String(p % 100).padStart(2, '0')}`;
      lines.push(`RB${1000 + n};${ukDate(day)} 00:00;${cash(before)};${cash(after)}`);
      rows.push({ week, before, after, day });
    }
  }
  lines.push('RB9001;;150,00;0,00');          // no date: counted in the totals only
  lines.push('RB9002;31/02/2025;150,00;0,00'); // not a date: the row is left out
  return { text: lines.join('\r\n') + '\r\n', rows };
}

const mean = (values) => Math.floor((2 * values.reduce((a, b) => a + b, 0) + values.length) / (2 * values.length));
const pounds = (p) => `£${String(Math.floor(p / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(p % 100).padStart(2, '0')}`;

async function openService(width) {
  const opened = await openSite(site, { width, height: 900, hash: '#/service' });
  await opened.page.getByRole('heading', { level: 1, name: 'Whole service' }).waitFor();
  return opened;
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

for (const width of [375, 1280]) {
  test(`a council's semicolon export with UK dates shows the service week by week and month by month (${width} px)`, { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openService(width);
    const { text, rows } = councilExport();
    const file = path.join(tmp, 'hart-discharges.csv');
    fs.writeFileSync(file, text);
    await page.setInputFiles('#service-file', file);
    const section = page.getByTestId('service-over-time');
    await section.waitFor({ timeout: 30_000 });

    // The bad date is a line problem quoting the value; the undated row counts apart.
    const problems = await page.getByTestId('service-problems').innerText();
    assert.match(problems, /\(RB9002\): End date "31\/02\/2025" must be a date, like 24\/09\/2019/);
    assert.equal(await page.getByTestId('service-count').innerText(), String(rows.length + 1));
    assert.equal(
      (await page.getByTestId('service-over-time-counts').innerText()).trim(),
      `${rows.length} people with an end date, in ${WEEKS} weeks. 1 row had no end date: it counts in the results above but not in these charts.`,
    );

    // The weeks' table: every week from the first to the last, the empty one said so.
    const table = section.getByRole('table', { name: 'Week by week' });
    const bodyRows = table.locator('tbody tr');
    assert.equal(await bodyRows.count(), WEEKS);
    assert.equal(await bodyRows.nth(0).locator('th').innerText(), '16 Dec 2024');
    assert.equal(await bodyRows.nth(3).locator('th').innerText(), '6 Jan 2025', 'Monday 6 January starts its own week');
    assert.match(await bodyRows.nth(EMPTY_WEEK).innerText(), /Nobody ended reablement this week/);
    for (const week of [0, 3, WEEKS - 1]) {
      const inWeek = rows.filter((r) => r.week === week);
      const cells = await bodyRows.nth(week).locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(0, 4), [
        String(inWeek.length), String(inWeek.length), pounds(mean(inWeek.map((r) => r.before))), pounds(mean(inWeek.map((r) => r.after))),
      ], `week ${week}`);
    }

    // Both charts, each with its words: variation, assurance, and "short" (fewer than 12 points? no: 14 and 15).
    const after = page.locator('#service-after-chart svg[role=img]:visible');
    const volume = page.locator('#service-volume-chart svg[role=img]:visible');
    assert.equal(await after.count(), 1, 'one drawing of the outcome chart shows');
    assert.equal(await volume.count(), 1);
    assert.match(await after.getAttribute('aria-labelledby'), /title .*desc/);
    assert.equal(await page.locator('#service-after-chart .xmr__svg .xmr__point:visible').count(), WEEKS - 1, 'no point for the empty week');
    assert.equal(await page.locator('#service-volume-chart .xmr__svg .xmr__point:visible').count(), WEEKS, 'the empty week is a real 0 people');
    const afterWords = await page.getByTestId('service-after-chart-words').innerText();
    assert.match(afterWords, /^(Common cause variation|Special cause improvement|Special cause concern): /);
    assert.match(afterWords, /(Consistently passes|Consistently fails|Hit and miss): the baseline \(£38\.13\)/);
    assert.doesNotMatch(afterWords, /Fewer than 12 points/);
    assert.match(await page.getByTestId('service-volume-chart-words').innerText(), /No target/);

    // A target for people a week gives the volume chart its assurance.
    await page.getByLabel('Target people a week (optional)').fill('2.5');
    await page.waitForFunction(() => /(Consistently passes|Hit and miss|Consistently fails): the target \(2\.5\)/
      .test(document.querySelector('[data-testid=service-volume-chart-words]')?.textContent ?? ''));

    const weeksCsv = await download(page, 'Download the weeks as CSV');
    assert.equal(weeksCsv.name, 'whole-service-weeks.csv');
    const csvLines = weeksCsv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(csvLines.length, 1 + WEEKS);
    assert.match(csvLines[1], /^2024-12-16,3,3,/);
    assert.match(csvLines[1 + EMPTY_WEEK], /^2025-01-20,0,0,,,,No point,/);

    let axe = await runAxe(page);
    assert.deepEqual(axe, [], formatViolations(axe));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing scrolls sideways');
    await section.screenshot({ path: path.join(OUTPUT, `over-time-${width}.png`) });

    // Months: December to March, people a week = count × 7 ÷ the month's days.
    await page.getByLabel('Month by month').check();
    const months = section.getByRole('table', { name: 'Month by month' });
    await months.waitFor();
    const monthNames = await months.locator('tbody th').allInnerTexts();
    assert.deepEqual(monthNames, ['December 2024', 'January 2025', 'February 2025', 'March 2025']);
    // January 2025 has 31 days: people a week = n × 7 ÷ 31, rounded once to 2 places.
    const inJanuary = rows.filter((r) => new Date(r.day).getUTCFullYear() === 2025 && new Date(r.day).getUTCMonth() === 0).length;
    const hundredths = Math.floor((2 * inJanuary * 700 + 31) / 62);
    const perWeek = hundredths % 100 === 0 ? String(hundredths / 100) : `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
    assert.deepEqual((await months.locator('tbody tr').nth(1).locator('td').allInnerTexts()).slice(0, 2), [String(inJanuary), perWeek]);
    const monthsCsv = await download(page, 'Download the months as CSV');
    assert.equal(monthsCsv.name, 'whole-service-months.csv');
    assert.match(monthsCsv.text, /^\uFEFFmonth_starting,people,people_a_week,/);
    axe = await runAxe(page);
    assert.deepEqual(axe, [], formatViolations(axe));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the made-up figures show a change as special cause, and say they are made up', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openService(1280);
  await page.getByRole('button', { name: /Made-up figures over 26 weeks/ }).click();
  await page.getByTestId('service-over-time').waitFor();
  assert.match(await page.getByTestId('service-status').innerText(), /^Made-up figures are in use/);
  assert.match(await page.getByTestId('service-after-chart-words').innerText(), /^Special cause improvement: the last \d+ weeks are all below the average\./);
  assert.equal(await page.locator('#service-after-chart .xmr__svg .xmr__point--improvement:visible').count() > 0, true);
  // The key names every mark, so colour is never the only cue.
  const key = await page.locator('#service-after-chart .xmr__key').innerText();
  assert.match(key, /Common cause/);
  assert.match(key, /Special cause improvement/);
  assert.match(key, /Baseline £38\.13/);
  // "How to read these charts" opens with the four rules.
  await page.getByText('How to read these charts').click();
  assert.match(await page.locator('.over-time__how').innerText(), /7 or more points in a row are all above, or all below, the average/);
  const axe = await runAxe(page);
  assert.deepEqual(axe, [], formatViolations(axe));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file without dates has no over-time section', { timeout: 120_000 }, async () => {
  const { context, page } = await openService(1280);
  await page.getByRole('button', { name: /Leicestershire redesigned service/ }).click();
  await page.getByTestId('service-count').waitFor();
  assert.equal(await page.getByTestId('service-over-time').count(), 0);
  await context.close();
});
