// The iframe pasted into a council's content system that strips the iframe's `style`,
// `height`, `width`, `id` and `title` (issue 21, item 6), in headless Chromium:
// - on the calculator's own origin, the frame sizes itself: the full width, the height of its
//   content, never below a sensible minimum, with the whole first heading in sight;
// - from another origin, docs/embedding.md's sizing snippet (run here as the docs print it)
//   finds the frame without an `id` and fits it to the height messages;
// - from another origin with no script at all, the browser's 300×150 box shows the frame's own
//   heading in full and a link that opens the calculator in a new tab;
// - the frame's page names itself (<title> and an <h1>), and axe-core finds nothing (on the
//   host and in the frame) where the host kept `title`, at 375 and 1280 px. Screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from './lib/server.mjs';
import { AXE_TAGS, OUTPUT, expectProblems, formatViolations, launchChromium, runAxe } from './lib/browser.mjs';
import { distDir, repoRoot } from './lib/wasm.mjs';

const TEST_TIMEOUT = 120_000;
const TIMEOUT = 30_000;
const PREFIX = '/reablement/';
const COUNCIL = 'http://council.test/news/reablement.html';
let server;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(distDir, 'embed.html')), 'dist/embed.html is missing: run `make dist` first');
  server = await serveStatic(distDir, { prefix: PREFIX });
  browser = await launchChromium();
});
after(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.close();
  }
});

/** A council's news page, as its content system leaves it: `frame` and `script` in its text. */
const hostPage = (frame, script = '') => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reablement: getting back on your feet – Eastmoor District Council</title>
<style>body { font: 16px/1.5 Arial, sans-serif; margin: 0; } main { max-width: 960px; margin: 0 auto; padding: 16px; }</style>
</head><body><main><h1>Getting back on your feet</h1><p>Reablement is short-term help at home.</p>
${frame}
${script}
<p>Questions? Call adult social care.</p></main></body></html>`;

/** docs/embedding.md's sizing snippet, as printed there, for frames served from `origin`. */
function docsSnippet(origin) {
  const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'embedding.md'), 'utf8');
  const blocks = [...docs.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  const block = blocks.find((b) => b.includes('reablement-calculator:height') && b.includes('<script>'));
  assert.ok(block, 'docs/embedding.md has the sizing snippet');
  const script = block.slice(block.indexOf('<script>'));
  assert.ok(!/getElementById|\bid=/.test(script), 'the snippet does not need the iframe\'s id (content systems strip it)');
  assert.ok(script.includes("'https://tools.example.gov.uk'"), 'the snippet names the calculator\'s origin once, to be replaced');
  return script.replaceAll("'https://tools.example.gov.uk'", `'${origin}'`);
}

/**
 * Opens a host page with the iframe; returns the page, the iframe's box, and the frame.
 * `sameOrigin`: the host page is on the calculator's own server, else on council.test.
 */
async function openHost({ width = 1280, height = 900, frame, script = '', sameOrigin = true, axe = false }) {
  // embed.html's own Content-Security-Policy would block axe-core's injected script.
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP: axe });
  const errors = [];
  const html = hostPage(frame, script);
  const url = sameOrigin ? `${server.url}council-news.html` : COUNCIL;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  // Chromium blocks a page on a public name from framing 127.0.0.1 (Private Network Access):
  // the calculator's files come through the test's own routing, as from a public host.
  if (!sameOrigin) await context.route(`${server.origin}/**`, async (route) => route.fulfill({ response: await route.fetch() }));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const inner = await (await page.waitForSelector('iframe')).contentFrame();
  return { context, page, errors, frame: inner };
}

/** The iframe's box on the host page, and its content's own height. */
const frameBox = (page) => page.evaluate(() => {
  const frame = document.querySelector('iframe');
  const r = frame.getBoundingClientRect();
  const container = document.querySelector('main').getBoundingClientRect();
  // height: what the page inside has (the frame's inside, its border not counted).
  return { width: r.width, outerHeight: r.height, height: frame.clientHeight, containerWidth: container.width - 32 };
});

/** The first heading in the frame that is shown on screen, and where it is in the frame. */
const firstHeading = (frame) => frame.evaluate(() => {
  const seen = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && style.clipPath === 'none';
  };
  // Light DOM and the calculator's open shadow root.
  const all = [...document.querySelectorAll('h1, h2, h3')];
  for (const host of document.querySelectorAll('reablement-calculator')) {
    if (host.shadowRoot) all.push(...host.shadowRoot.querySelectorAll('h1, h2, h3'));
  }
  const heading = all.find(seen);
  if (!heading) return null;
  const r = heading.getBoundingClientRect();
  return { text: heading.textContent.trim(), top: r.top, bottom: r.bottom, viewport: innerHeight, scrolls: document.documentElement.scrollHeight > innerHeight + 1 };
});

const STRIPPED = '<iframe src="./embed.html?example=arthur"></iframe>';

test('on the calculator\'s own origin the stripped iframe sizes itself: full width, the height of its content, the whole first heading in sight', { timeout: TEST_TIMEOUT }, async () => {
  for (const width of [375, 1280]) {
    const { context, page, errors, frame } = await openHost({ width, frame: STRIPPED });
    try {
      await frame.locator('reablement-calculator').getByRole('checkbox').first().waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => document.querySelector('iframe').style.height !== '', null, { timeout: TIMEOUT });
      const box = await frameBox(page);
      assert.ok(Math.abs(box.width - box.containerWidth) <= 1, `${width} px: the frame is the full width (${box.width} of ${box.containerWidth})`);
      assert.ok(box.height >= 400, `${width} px: never below the minimum (${box.height} px)`);
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.ok(Math.abs(box.height - content) <= 1, `${width} px: the frame is as tall as its content (${box.height} for ${content})`);
      const heading = await firstHeading(frame);
      assert.ok(heading, 'a heading is shown');
      assert.ok(heading.top >= 0 && heading.bottom <= box.height, `${width} px: the whole first heading ("${heading.text}") is in the frame`);
      assert.equal(heading.scrolls, false, `${width} px: nothing inside the frame scrolls out of sight`);
      // Ticking a goal grows or shrinks the explainer: the frame follows.
      await frame.getByRole('checkbox').first().check();
      await frame.getByText('How the cost is worked out').click();
      await page.waitForFunction(() => {
        const frameEl = document.querySelector('iframe');
        const inner = frameEl.contentDocument.documentElement.getBoundingClientRect().height;
        return Math.abs(frameEl.clientHeight - Math.ceil(inner)) <= 1;
      }, null, { timeout: TIMEOUT });
      assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight + 1), false, 'the working open: still no scrolling inside');
      await page.screenshot({ path: path.join(OUTPUT, `embed-stripped-same-origin-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('a frame the host sized itself (a height, or a class in its style sheet) is left as the host made it', { timeout: TEST_TIMEOUT }, async () => {
  const frames = [
    ['a height attribute', '<iframe src="./embed.html?example=arthur" title="Reablement calculator" height="700"></iframe>', 700],
    ['a class', '<style>.council-frame { width: 100%; height: 640px; border: 0 }</style><iframe class="council-frame" src="./embed.html?example=arthur" title="Reablement calculator"></iframe>', 640],
  ];
  for (const [what, frameHtml, expected] of frames) {
    const { context, page, errors, frame } = await openHost({ frame: frameHtml });
    try {
      await frame.locator('reablement-calculator').getByRole('checkbox').first().waitFor({ timeout: TIMEOUT });
      // Give the frame's height messages time to arrive.
      await page.waitForTimeout(300);
      assert.equal((await frameBox(page)).height, expected, `${what}: the host's height stays`);
      assert.equal(await page.evaluate(() => document.querySelector('iframe').style.height), '', `${what}: no style added`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('from another origin, docs/embedding.md\'s snippet sizes the stripped iframe without its id', { timeout: TEST_TIMEOUT }, async () => {
  const script = docsSnippet(server.origin);
  const frameHtml = `<iframe src="${server.url}embed.html?example=arthur"></iframe>`;
  for (const width of [375, 1280]) {
    const { context, page, errors, frame } = await openHost({ width, frame: frameHtml, script, sameOrigin: false });
    try {
      await frame.locator('reablement-calculator').getByRole('checkbox').first().waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height >= 400, null, { timeout: TIMEOUT });
      const box = await frameBox(page);
      assert.ok(Math.abs(box.width - box.containerWidth) <= 1, `${width} px: the snippet makes the frame the full width (${box.width})`);
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.ok(Math.abs(box.height - content) <= 1, `${width} px: as tall as its content (${box.height} for ${content})`);
      const heading = await firstHeading(frame);
      assert.ok(heading.top >= 0 && heading.bottom <= box.height, `${width} px: the whole first heading ("${heading.text}") is in the frame`);
      await page.screenshot({ path: path.join(OUTPUT, `embed-stripped-snippet-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('from another origin with no script: the browser\'s 300×150 box shows the frame\'s own heading whole and a link to open it in a new tab', { timeout: TEST_TIMEOUT }, async () => {
  const frameHtml = `<iframe src="${server.url}embed.html?example=arthur"></iframe>`;
  const { context, page, errors, frame } = await openHost({ frame: frameHtml, sameOrigin: false, axe: true });
  try {
    await frame.locator('reablement-calculator').getByRole('checkbox').first().waitFor({ timeout: TIMEOUT });
    const box = await frameBox(page);
    // Inside the small box (the host lost its title: axe's frame-title is the host's to keep).
    const violations = await runAxe(frame, { tags: AXE_TAGS });
    assert.equal(violations.length, 0, `in the 300×150 frame:\n${formatViolations(violations)}`);
    assert.deepEqual([box.width, box.height], [304, 150], 'the browser\'s default box (300×150 inside its 2 px border): nothing could size it');
    const heading = await firstHeading(frame);
    assert.equal(heading.text, 'Reablement calculator', 'the frame\'s own heading shows');
    assert.ok(heading.top >= 0 && heading.bottom <= heading.viewport, 'the whole heading is in the box');
    const link = frame.getByRole('link', { name: 'Open the reablement calculator in a new tab' });
    const r = await link.boundingBox();
    const frameTop = (await page.locator('iframe').boundingBox()).y;
    assert.ok(r && r.y - frameTop >= 0 && r.y + r.height - frameTop <= 152, 'the link is in the box');
    assert.equal(await link.getAttribute('href'), `${server.url}embed.html?example=arthur`, 'it opens this calculator, with its settings');
    assert.equal(await link.getAttribute('target'), '_blank');
    await page.screenshot({ path: path.join(OUTPUT, 'embed-stripped-no-script-1280.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the frame\'s page names itself; axe-core finds nothing where the host kept title, at 375 and 1280 px', { timeout: TEST_TIMEOUT }, async () => {
  const html = fs.readFileSync(path.join(distDir, 'embed.html'), 'utf8');
  assert.match(html, /<title>Reablement calculator<\/title>/);
  assert.match(html, /<h1 [^>]*>Reablement calculator<\/h1>/);
  // style, height, width and id stripped; title kept.
  const frameHtml = '<iframe src="./embed.html?example=arthur" title="Reablement calculator"></iframe>';
  for (const width of [375, 1280]) {
    const { context, page, errors, frame } = await openHost({ width, frame: frameHtml, axe: true });
    try {
      await frame.locator('reablement-calculator').getByRole('checkbox').first().waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => document.querySelector('iframe').style.height !== '', null, { timeout: TIMEOUT });
      assert.equal(await frame.title(), 'Reablement calculator');
      for (const [where, target] of [['the host', page], ['the frame', frame]]) {
        const violations = await runAxe(target, { tags: AXE_TAGS });
        assert.equal(violations.length, 0, `${width} px, ${where}:\n${formatViolations(violations)}`);
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width} px scrolls sideways`);
      await page.screenshot({ path: path.join(OUTPUT, `embed-stripped-titled-${width}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('docs/embedding.md is right about a cross-origin element without the CORS header: only the link inside it shows, no "Loading…"', { timeout: TEST_TIMEOUT }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const html = hostPage(`<script type="module" src="${server.url}embed.js"></script>
<reablement-calculator example="arthur"><p><a href="${server.url}index.html">Open the reablement calculator</a></p></reablement-calculator>`);
  await context.route(COUNCIL, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  // What this test is about: the browser blocks embed.js and says so in the console.
  expectProblems(page, /CORS/, /net::ERR_FAILED.*embed\.js/);
  const blocked = [];
  page.on('console', (m) => { if (m.type() === 'error') blocked.push(m.text()); });
  try {
    await page.goto(COUNCIL);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('embed.js')), null, { timeout: TIMEOUT });
    await page.waitForTimeout(1000);
    assert.ok(blocked.some((t) => /CORS/.test(t)), `the console says CORS blocked it: ${blocked.join(' / ')}`);
    assert.equal(await page.evaluate(() => customElements.get('reablement-calculator')), undefined, 'the script never ran');
    assert.equal(await page.evaluate(() => document.querySelector('reablement-calculator').shadowRoot), null);
    assert.ok(await page.getByRole('link', { name: 'Open the reablement calculator' }).isVisible(), 'the link inside the element shows');
    assert.doesNotMatch(await page.locator('body').innerText(), /Loading/);
    const docs = fs.readFileSync(path.join(repoRoot, 'docs', 'embedding.md'), 'utf8');
    assert.doesNotMatch(docs, /element stays at "Loading…"/);
  } finally {
    await context.close();
  }
});
