// The browser every end-to-end test uses: Debian's chromium driven by playwright-core (no
// browser download), with the flags that keep it off the network, and axe-core for checks.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './wasm.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Screenshots go here (gitignored). */
export const OUTPUT = path.join(repoRoot, 'test-output');
/** WCAG 2.2 AA, as the project checks it. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Every page this browser opens is watched for what a user or a council's web team would see
 * go wrong: an uncaught error, a console error, a request the server refused (HTTP 400 or
 * more) or one that failed (not one the browser called off as the page moved on). There are no exceptions: `browser.close()` throws, listing them,
 * when any happened that a test did not expect with `expectProblems`. A test cannot forget
 * the check, since every test file closes its browser.
 */
export async function launchChromium() {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  const problems = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('page', (page) => watchPage(page, problems));
    return context;
  };
  browser.newPage = async (...args) => {
    const context = await browser.newContext(...args);
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    const unexpected = problems.filter((p) => !p.expected);
    if (unexpected.length > 0) {
      throw new Error(`the browser saw ${unexpected.length} problem(s) no test expected:\n${unexpected.map((p) => `- ${p.text} (on ${p.page})`).join('\n')}`);
    }
  };
  return browser;
}

const EXPECTED = Symbol('expected problems');
const UNEXPECTED = Symbol('problems no test expected');

/**
 * Records `page`'s errors and failed requests in `problems`, marked when a test expected them;
 * the ones not expected are also kept on the page, for `problemsOf`.
 */
function watchPage(page, problems) {
  page[EXPECTED] = [];
  page[UNEXPECTED] = [];
  const add = (text) => {
    let at = '';
    try { at = page.url(); } catch { /* closed */ }
    const expected = page[EXPECTED].some((pattern) => pattern.test(text));
    problems.push({ text, page: at, expected });
    if (!expected) page[UNEXPECTED].push(text);
  };
  page.on('pageerror', (e) => add(`uncaught: ${String(e?.message ?? e)}`));
  page.on('console', (m) => { if (m.type() === 'error') add(`console error: ${m.text()} ${m.location()?.url ?? ''}`.trim()); });
  page.on('response', (r) => { if (r.status() >= 400) add(`HTTP ${r.status()}: ${r.url()}`); });
  // A request the browser itself called off (net::ERR_ABORTED: the page went to another
  // address or closed while it loaded) is no failure anyone sees; every other one counts.
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? 'no reason';
    if (reason !== 'net::ERR_ABORTED') add(`request failed (${reason}): ${r.url()}`);
  });
}

/**
 * The problems `page` has shown so far that no test expected (uncaught errors, console errors,
 * refused or failed requests), as lines: a live list, for a test to assert empty.
 */
export function problemsOf(page) {
  if (!page[UNEXPECTED]) throw new Error('problemsOf: the page was not opened by launchChromium\'s browser');
  return page[UNEXPECTED];
}

/**
 * Says that `page` will show problems matching `patterns` on purpose (a test of what happens
 * when a file is missing, say): they are then not counted against the browser.
 */
export function expectProblems(page, ...patterns) {
  if (!page[EXPECTED]) throw new Error('expectProblems: the page was not opened by launchChromium\'s browser');
  page[EXPECTED].push(...patterns);
}

let axeSource;
/** axe-core's violations in the page (all rules, or only those with `tags`), shadow roots included. */
export async function runAxe(page, { tags } = {}) {
  axeSource ??= fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
  const { violations } = await page.evaluate((tags) => window.axe.run(document, {
    ...(tags ? { runOnly: { type: 'tag', values: tags } } : {}),
    resultTypes: ['violations'],
  }), tags ?? null);
  return violations;
}

/** Violations as readable lines: rule, impact, help, and where. */
export function formatViolations(violations) {
  return violations.map((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    `  ${v.helpUrl}`,
    ...v.nodes.slice(0, 8).map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s*\n\s*/g, ' / ')}`),
    v.nodes.length > 8 ? `    … and ${v.nodes.length - 8} more` : null,
  ].filter(Boolean).join('\n')).join('\n');
}
