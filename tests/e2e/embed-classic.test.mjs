// The embed however it is pasted (issue 19): `<script src=".../embed.js">` as a classic script
// (the way most embed snippets are written, and what a CMS editor pastes), `type="module"`, the
// script twice, and a CMS that copies the script's text into the page. Each shows the explainer
// from embed.js's first paint, then the module takes over and a tick changes the cost; where
// it cannot start, the element keeps its fallback link and one console line says what to change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expectProblems, launchChromium, runAxe, AXE_TAGS, formatViolations, OUTPUT } from './lib/browser.mjs';
import { useBuiltSite } from './lib/site.mjs';
import { distDir } from './lib/wasm.mjs';

const TEST_TIMEOUT = 60_000;
const TIMEOUT = 20_000;
const site = useBuiltSite({ files: ['embed.js', 'embed/reablement_embed.js', 'embed/reablement_embed_bg.wasm'] });

/** A council's page with the element and `script` (the snippet as pasted) in its head. */
const hostPage = (script) => `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Help at home after hospital – Anytown Council</title>
  <link rel="icon" href="data:,">
  ${script}
</head>
<body>
  <main>
    <h1>Help at home after a stay in hospital</h1>
    <reablement-calculator example="arthur"><p><a href="./index.html">Open the reablement calculator</a></p></reablement-calculator>
  </main>
</body>
</html>`;

async function openHost(name, script, { width = 1280 } = {}) {
  site.server.extra[name] = hostPage(script);
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  return { context, page, warnings };
}

/** The explainer shows, the module takes over, and ticking Arthur's lunch gives £210.88. */
async function explainerWorks(page) {
  const root = page.locator('reablement-calculator');
  await root.getByRole('heading', { level: 2, name: 'What is reablement?' }).waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(() => document.querySelector('reablement-calculator')?.shadowRoot?.querySelector('.rc-embed:not([data-prerendered]) input[type=checkbox]'), null, { timeout: TIMEOUT });
  await root.getByRole('checkbox', { name: 'Make my own lunch' }).check();
  await root.locator('.explainer__now', { hasText: '£210.88' }).waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator('reablement-calculator').count(), 1);
}

const SNIPPETS = {
  classic: '<script src="./embed.js" defer></script>',
  'classic, no defer, at the top': '<script src="./embed.js"></script>',
  module: '<script type="module" src="./embed.js"></script>',
  'pasted twice, classic and module': '<script src="./embed.js" defer></script>\n  <script type="module" src="./embed.js"></script>',
};

for (const [how, script] of Object.entries(SNIPPETS)) {
  test(`embed.js pasted as ${how}: the explainer shows and works, with no console error or warning`, { timeout: TEST_TIMEOUT }, async () => {
    const name = `host-${how.replace(/[^a-z]+/g, '-')}.html`;
    const { context, page, warnings } = await openHost(name, script);
    try {
      await page.goto(`${site.server.url}${name}`);
      await explainerWorks(page);
      assert.deepEqual(warnings, []);
      if (how === 'classic') {
        const violations = await runAxe(page, { tags: AXE_TAGS });
        assert.equal(violations.length, 0, formatViolations(violations));
        await page.screenshot({ path: path.join(OUTPUT, 'embed-classic-1280.png') });
      }
    } finally {
      await context.close();
    }
  });
}

test('a CMS that copies the script\'s text into the page: the fallback link stays and one line says what to paste instead', { timeout: TEST_TIMEOUT }, async () => {
  const text = fs.readFileSync(path.join(distDir, 'embed.js'), 'utf8');
  const { context, page, warnings } = await openHost('host-inline.html', `<script>${text.replaceAll('</script', '<\\/script')}</script>`, { width: 375 });
  try {
    await page.goto(`${site.server.url}host-inline.html`);
    await page.waitForTimeout(500);
    const link = page.getByRole('link', { name: 'Open the reablement calculator' });
    assert.ok(await link.isVisible(), 'the fallback link is not shown');
    assert.equal(await page.evaluate(() => customElements.get('reablement-calculator')), undefined);
    assert.equal(warnings.length, 1, `console: ${warnings.join(' | ')}`);
    assert.match(warnings[0], /embed\.js could not find its own address.*<script src="https:\/\/YOUR-HOST\/reablement\/embed\.js" defer><\/script>.*docs\/embedding\.md/);
  } finally {
    await context.close();
  }
});

test('the watch every browser test relies on: a 404 no test expected fails the browser, one expected does not', { timeout: TEST_TIMEOUT }, async () => {
  const missing = '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"><link rel="stylesheet" href="./no-such.css"></head><body><main><h1>t</h1></main></body></html>';
  site.server.extra['host-missing.html'] = missing;
  for (const expected of [false, true]) {
    const browser = await launchChromium();
    const page = await browser.newPage();
    if (expected) expectProblems(page, /no-such\.css/);
    await page.goto(`${site.server.url}host-missing.html`, { waitUntil: 'load' });
    if (expected) await browser.close();
    else await assert.rejects(browser.close(), /problem\(s\) no test expected:[\s\S]*- HTTP 404: .*no-such\.css/);
  }
});
