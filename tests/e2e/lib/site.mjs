// The built site (dist/) served under a sub-path, and Debian's chromium, for a test file:
// started before its tests and closed after them. The sub-path checks that every URL in
// dist/ is relative.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from './server.mjs';
import { launchChromium } from './browser.mjs';
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
    await site.browser?.close();
    await site.server?.close();
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
