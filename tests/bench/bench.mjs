// Sizes of the built files and speed of the JS API, in Node 20 without a DOM.
//   node tests/bench/bench.mjs        (after `make dist`; `make bench` does both)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadWasm, moduleFiles, MODULES, distDir, repoRoot } from '../e2e/lib/wasm.mjs';

const CALC_WARMUP = 500;
const CALC_ITERATIONS = 2000;
const COHORT_ROWS = 100_000;
const COHORT_RUNS = 7;

// ------------------------------------------------------------------ sizes

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);

console.log('Sizes (bytes; KiB = 1024 bytes): the three modules make dist builds');
console.log(`  ${'file'.padEnd(32)} ${'raw'.padStart(18)} ${'gzip -9'.padStart(18)} ${'brotli q11'.padStart(18)}`);
const wasmBrotli = {};
for (const name of Object.keys(MODULES)) {
  const { js, wasm } = moduleFiles(name);
  for (const file of [js, wasm]) {
    const bytes = fs.readFileSync(file);
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    const brotli = zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length;
    if (file.endsWith('.wasm')) wasmBrotli[name] = brotli;
    const cell = (n) => `${String(n).padStart(7)} ${kb(n)}`;
    console.log(`  ${path.relative(distDir, file).padEnd(32)} ${cell(bytes.length)} ${cell(gzip)} ${cell(brotli)}`);
  }
}
console.log('  Budget for a module: 100 KB (102,400 B) brotli. ' + Object.entries(wasmBrotli)
  .map(([name, n]) => `${name}: ${n <= 102_400 ? 'within' : `over by ${(n - 102_400).toLocaleString('en-GB')} B`}`).join('; '));

// ------------------------------------------------------------------ speed

console.log(`\nNode ${process.version}`);

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const examplePath = path.resolve(repoRoot, 'tests', 'examples', 'arthur.json');
const arthur = JSON.parse(fs.readFileSync(examplePath, 'utf8'));

// A cohort of generated rows, mixing the money forms the contract accepts.
function cohortInput(n) {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const rows = new Array(n);
  for (let i = 0; i < n; i += 1) {
    const before = Math.floor(rand() * 60000) + 1000; // pence
    const after = rand() < 0.5 ? 0 : Math.floor(rand() * before);
    const text = (p) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
    rows[i] = {
      reference: `R-${i}`,
      before_weekly: i % 3 === 0 ? before / 100 : text(before),
      after_weekly: i % 2 === 0 ? text(after) : `£${text(after)}`,
    };
  }
  return { rows, baseline_weekly: '38.13', people_per_week: '77.25', package_weeks: 52, weeks_per_year: 52 };
}

const input = cohortInput(COHORT_ROWS);
// The same rows with end dates over 520 weeks (contract 1.2): the service over time's cost.
const FIRST_DAY = Date.UTC(2016, 0, 4); // a Monday
const datedInput = {
  ...input,
  rows: input.rows.map((row, i) => ({
    ...row,
    ended: new Date(FIRST_DAY + ((i * 7919) % (520 * 7)) * 86_400_000).toISOString().slice(0, 10),
  })),
  target_per_week: 200,
};
const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;

// Through the app's module (what the page and Node users of dist/reablement.js call) and the
// API-only module: the same core, so the times should agree.
for (const name of ['reablement', 'reablement_api']) {
  const api = await loadWasm(name);
  console.log(`${name} (version ${api.version()}):`);
  const check = api.calculate(arthur.input);
  if (!check.ok || check.result.before.weekly_pence !== 29523) {
    throw new Error(`calculate(arthur) gave an unexpected answer: ${JSON.stringify(check).slice(0, 300)}`);
  }
  for (let i = 0; i < CALC_WARMUP; i += 1) api.calculate(arthur.input);
  const times = [];
  for (let i = 0; i < CALC_ITERATIONS; i += 1) {
    const t0 = performance.now();
    api.calculate(arthur.input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  calculate(arthur): median ${us(percentile(times, 50))}, p95 ${us(percentile(times, 95))}` +
    ` (${CALC_ITERATIONS} calls after ${CALC_WARMUP} warm-up)`,
  );
  const first = api.calculateCohort(input);
  if (!first.ok || first.result.count !== COHORT_ROWS) {
    throw new Error(`calculateCohort gave an unexpected answer: ${JSON.stringify(first).slice(0, 300)}`);
  }
  const runs = [];
  for (let i = 0; i < COHORT_RUNS; i += 1) {
    const t0 = performance.now();
    api.calculateCohort(input);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `  calculateCohort(${COHORT_ROWS.toLocaleString('en-GB')} rows): median ${percentile(runs, 50).toFixed(1)} ms` +
    ` (min ${runs[0].toFixed(1)}, max ${runs[runs.length - 1].toFixed(1)}; ${COHORT_RUNS} runs after 1 warm-up)`,
  );
  const dated = api.calculateCohort(datedInput);
  if (!dated.ok || dated.result.over_time?.periods.length !== 520) {
    throw new Error(`calculateCohort with dates gave an unexpected answer: ${JSON.stringify(dated).slice(0, 300)}`);
  }
  const datedRuns = [];
  for (let i = 0; i < COHORT_RUNS; i += 1) {
    const t0 = performance.now();
    api.calculateCohort(datedInput);
    datedRuns.push(performance.now() - t0);
  }
  datedRuns.sort((a, b) => a - b);
  const ratio = percentile(datedRuns, 50) / percentile(runs, 50);
  console.log(
    `  calculateCohort(${COHORT_ROWS.toLocaleString('en-GB')} dated rows, 520 weeks): median ${percentile(datedRuns, 50).toFixed(1)} ms` +
    ` (min ${datedRuns[0].toFixed(1)}, max ${datedRuns[datedRuns.length - 1].toFixed(1)}): ${ratio.toFixed(2)}× the rows without dates` +
    ` (budget 1.5×${ratio <= 1.5 ? ': holds' : ': OVER'})`,
  );
  if (ratio > 1.5) process.exitCode = 1;
}

// ---------------------------------------------------------------- in the browser
// The whole-service view, as a service manager uses it: a 100,000-row CSV file chosen in
// headless Chromium, timed from the file being chosen to the result on the page, with the
// longest gap between frames meanwhile (how long the page could not respond).
{
  const { serveStatic } = await import('../e2e/lib/server.mjs');
  const { launchChromium } = await import('../e2e/lib/browser.mjs');
  const os = await import('node:os');
  const lines = ['reference,before_weekly,after_weekly'];
  // The same rows as a council's export: semicolons, decimal commas, UK dates over 520 weeks.
  const datedLines = ['Client ID;Discharge date;Weekly cost at start;Weekly cost at 28 days'];
  for (let i = 0; i < COHORT_ROWS; i += 1) {
    const before = 1000 + ((i * 7919) % 60000);
    const after = i % 2 ? 0 : (i * 104729) % Math.min(before, 20000);
    const cash = (p, point) => `${Math.floor(p / 100)}${point}${String(p % 100).padStart(2, '0')}`;
    lines.push(`B-${i},${cash(before, '.')},${cash(after, '.')}`);
    const day = new Date(FIRST_DAY + ((i * 7919) % (520 * 7)) * 86_400_000);
    const uk = `${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()} 00:00`;
    datedLines.push(`B-${i};${uk};${cash(before, ',')};${cash(after, ',')}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reablement-bench-'));
  const files = [['', path.join(dir, 'cohort-100k.csv'), lines], [' (dated, semicolons, UK dates: 520 weeks over time)', path.join(dir, 'cohort-100k-dated.csv'), datedLines]];
  for (const [, file, text] of files) fs.writeFileSync(file, text.join('\n') + '\n');
  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  try {
  for (const [what, file] of files) {
  const results = [];
    for (let run = 0; run < 3; run += 1) {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Whole service' }).click();
      await page.getByRole('heading', { level: 1, name: 'Whole service' }).waitFor();
      // Timed until the result is on the page and, for a dated file, the service over time
      // (drawn in the frame after the result) too.
      await page.evaluate((dated) => {
        window.__bench = { chosen: null, shown: null, longest: 0 };
        document.getElementById('service-file').addEventListener('change', () => { window.__bench.chosen = performance.now(); }, { capture: true });
        const status = document.querySelector('[data-testid="service-status"]');
        const done = () => status.textContent.includes('100,000 rows read') &&
          (!dated || document.querySelector('[data-testid="service-over-time"] table') != null);
        let last = performance.now();
        const tick = (t) => {
          if (window.__bench.chosen != null && window.__bench.shown == null) {
            window.__bench.longest = Math.max(window.__bench.longest, t - last);
            if (done()) window.__bench.shown = performance.now();
          }
          last = t;
          if (window.__bench.shown == null) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, what !== '');
      await page.getByLabel('Choose a CSV file').setInputFiles(file);
      await page.waitForFunction(() => window.__bench.shown != null, null, { timeout: 60_000 });
      const { chosen, shown, longest } = await page.evaluate(() => window.__bench);
      results.push({ ms: shown - chosen, longest });
      await page.close();
    }
  results.sort((a, b) => a.ms - b.ms);
  const median = results[1];
  console.log(
    `In Chromium: a ${COHORT_ROWS.toLocaleString('en-GB')}-row CSV file${what} chosen → result shown: median ${median.ms.toFixed(0)} ms ` +
    `(${results.map((r) => r.ms.toFixed(0)).join(', ')}); longest gap between frames meanwhile ${Math.max(...results.map((r) => r.longest)).toFixed(0)} ms`,
  );
  }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
