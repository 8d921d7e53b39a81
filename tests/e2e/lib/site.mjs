// The built site (dist/) served under a sub-path, and Debian's chromium, for a test file:
// started before its tests and closed after them. The sub-path checks that every URL in
// dist/ is relative.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from './server.mjs';
import { launchChromium, problemsOf } from './browser.mjs';
import { distDir } from './wasm.mjs';

/**
 * Registers the hooks; returns `{ server, browser }`, filled in once they have started.
 * `files` are the dist/ files the tests need: each one missing fails with "run make dist".
 */
export function useBuiltSite({ prefix = '/tools/reablement/', files = ['index.html'] } = {}) {
  const site = { server: null, browser: null };
  before(async () => {
    for (const file of files) {
      assert.ok(fs.existsSync(path.join(distDir, file)), `dist/${file} is missing: run \`make dist\` first`);
    }
    site.server = await serveStatic(distDir, { prefix });
    site.browser = await launchChromium();
  });
  after(async () => {
    try {
      await site.browser?.close();
    } finally {
      await site.server?.close();
    }
  });
  return site;
}

/**
 * For `page.waitForFunction`: the app has started on the page. Until then `#reablement-app`
 * holds the first screen as prerendered HTML (marked `data-prerendered`), which looks the same
 * but whose presses and typing are only kept for the app to do once it has started.
 */
export function appStarted() {
  const root = document.querySelector('#reablement-app');
  return root != null && !root.hasAttribute('data-prerendered') && root.firstElementChild != null;
}

/**
 * Opens the built site in a fresh browser context (its own storage) and waits for the app to
 * start. `hash` is added to the site's address (`#/examples`), or `url` replaces it; `init` is
 * a script run before the page's own. Downloads and the clipboard are allowed. `errors` is
 * the page's problems no test expected, as the browser watches them (`problemsOf`: uncaught
 * errors, console errors, refused or failed requests), a live list to assert empty; the
 * browser also fails the file on any of them when it closes. Close with `context.close()`.
 */
export async function openSite(site, { width = 1280, height = 900, viewport = { width, height }, hash = '', url = site.server.url + hash, init } = {}) {
  const context = await site.browser.newContext({ viewport, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = problemsOf(page);
  await page.goto(url);
  await page.waitForFunction(appStarted, null, { timeout: 30_000 });
  return { context, page, errors };
}
