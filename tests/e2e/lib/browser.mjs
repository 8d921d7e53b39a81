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
/**
 * The one file the app asks for that may well not be there: a council's own figures
 * (council.json, README). Its 404, and the console line Chromium writes for it, are expected.
 */
export const OPTIONAL_FILE = /\/council\.json(?:\?|$)/;
/** True for a console message or response about the optional file being missing. */
export const isOptionalMissing = (urlOrMessage) => OPTIONAL_FILE.test(
  typeof urlOrMessage === 'string' ? urlOrMessage : urlOrMessage.location?.()?.url ?? urlOrMessage.url?.() ?? '');

/** WCAG 2.2 AA, as the project checks it. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launchChromium() {
  fs.mkdirSync(OUTPUT, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
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
