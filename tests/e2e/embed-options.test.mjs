// The explainer's place in the host page (www/demo.html from dist/, in headless Chromium):
// heading-level (2 to 6) and intro="off" on the element, the bars in the host's brand colours
// with at least 3:1 against their track, and on a phone the cost in sight after a goal is
// ticked. axe-core finds nothing at 375 and 1280 px in each state. Screenshots in test-output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBuiltSite } from './lib/site.mjs';
import { AXE_TAGS, OUTPUT, formatViolations, runAxe } from './lib/browser.mjs';

const TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;
const site = useBuiltSite({ prefix: '/tools/reablement/', files: ['demo.html', 'embed.js', 'embed.css', 'embed/reablement_embed.js'] });

async function openDemo(width = 1280, height = 900) {
  const context = await site.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.server.url}demo.html`);
  for (const id of ['calculator-arthur', 'calculator-beryl']) {
    // The module started (not the first paint, which only keeps ticks for it).
    await page.locator(`#${id} .rc-embed:not([data-prerendered]) input[type=checkbox]`).first().waitFor({ timeout: TIMEOUT });
  }
  return { context, page, errors };
}

/** Each heading inside an element's shadow root, as "h3 What is reablement?". */
const headings = (page, id) => page.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .map((h) => `${h.tagName.toLowerCase()} ${h.textContent}`), id);

/** The sRGB channels (0–1) of a computed colour: rgb(…) or color(srgb …). */
function channels(css) {
  let m = css.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/);
  if (m) return m.slice(1, 4).map((v) => Number(v) / 255);
  m = css.match(/^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/);
  if (m) return m.slice(1, 4).map(Number);
  throw new Error(`not a colour this test reads: ${css}`);
}
function luminance(css) {
  const [r, g, b] = channels(css).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** The bars' fill and outline colours, and their track's background. */
const barColours = (page, id) => page.evaluate((id) => {
  const root = document.getElementById(id).shadowRoot;
  const of = (which) => {
    const rect = root.querySelector(`.explainer__bar--${which} .explainer__bar-fill`);
    const style = getComputedStyle(rect);
    return { fill: style.fill, stroke: style.stroke, track: getComputedStyle(rect.closest('svg')).backgroundColor };
  };
  return { before: of('before'), after: of('after') };
}, id);

test('heading-level sets the headings\' level (subheadings one lower), intro="off" leaves the introduction out', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await openDemo();
  try {
    // Arthur's sits under the article's <h2>: it starts at <h3>, with the introduction.
    assert.deepEqual(await headings(page, 'calculator-arthur'), [
      'h3 What is reablement?', 'h3 How do we know if it worked?', "h3 Try it: Arthur's story",
      'h4 What the care costs each week', "h4 Arthur's care",
    ]);
    // Beryl's is the second on the page: no introduction again.
    assert.deepEqual(await headings(page, 'calculator-beryl'), [
      "h3 Try it: Beryl's story", 'h4 What the care costs each week', "h4 Beryl's care",
    ]);
    assert.equal(await page.locator('#calculator-beryl').getByText('Reablement is help at home').count(), 0);
    // Changed on the element: the explainer follows; level 6 keeps its subheadings at 6.
    await page.locator('#calculator-arthur').evaluate((el) => el.setAttribute('heading-level', '6'));
    await page.locator('#calculator-arthur h6', { hasText: 'What is reablement?' }).waitFor({ timeout: TIMEOUT });
    assert.deepEqual((await headings(page, 'calculator-arthur')).map((h) => h.slice(0, 2)), ['h6', 'h6', 'h6', 'h6', 'h6']);
    await page.locator('#calculator-beryl').evaluate((el) => el.setAttribute('intro', 'on'));
    await page.locator('#calculator-beryl h3', { hasText: 'What is reablement?' }).waitFor({ timeout: TIMEOUT });
    // Wrong values: a note for the page's editors, and the default.
    await page.locator('#calculator-arthur').evaluate((el) => { el.setAttribute('heading-level', '1'); el.setAttribute('intro', 'no'); });
    const notes = page.locator('#calculator-arthur .embed-notes');
    await notes.waitFor({ timeout: TIMEOUT });
    assert.match(await notes.innerText(), /The heading level “1” is not a number from 2 to 6, so the headings start at level 2/);
    assert.match(await notes.innerText(), /The intro “no” is not “on” or “off”, so the introduction is shown/);
    assert.equal((await headings(page, 'calculator-arthur'))[0], 'h2 What is reablement?');
    const violations = await runAxe(page, { tags: AXE_TAGS });
    assert.equal(violations.length, 0, formatViolations(violations));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the bars follow the brand colour, and --rc-before and --rc-after, with 3:1 or more against their track', { timeout: TEST_TIMEOUT }, async () => {
  const { context, page, errors } = await openDemo();
  try {
    // Beryl's element has a purple brand (#5a2a82): no blue and green bars.
    const purple = await barColours(page, 'calculator-beryl');
    assert.equal(channels(purple.after.fill).map((c) => Math.round(c * 255)).join(','), '90,42,130', purple.after.fill);
    assert.notEqual(purple.before.fill, purple.after.fill, 'before and after differ');
    for (const [which, c] of Object.entries(purple)) {
      assert.ok(contrast(c.fill, c.track) >= 3, `${which}: ${c.fill} on ${c.track} is ${contrast(c.fill, c.track).toFixed(2)}:1`);
    }
    // Arthur's green brand (#1b5e4a).
    const green = await barColours(page, 'calculator-arthur');
    assert.equal(channels(green.after.fill).map((c) => Math.round(c * 255)).join(','), '27,94,74', green.after.fill);
    // The host's own bar colours win; pale ones still have an outline of 3:1 or more.
    await page.locator('#calculator-beryl').evaluate((el) => { el.style.setProperty('--rc-before', '#ffd7a8'); el.style.setProperty('--rc-after', '#c8f0d2'); });
    const pale = await barColours(page, 'calculator-beryl');
    assert.equal(pale.before.fill, 'rgb(255, 215, 168)');
    assert.equal(pale.after.fill, 'rgb(200, 240, 210)');
    for (const [which, c] of Object.entries(pale)) {
      assert.ok(contrast(c.stroke, c.track) >= 3, `${which}: the outline ${c.stroke} on ${c.track}`);
    }
    await page.locator('#calculator-beryl').scrollIntoViewIfNeeded();
    await page.locator('#calculator-beryl').getByRole('checkbox', { name: 'Heat up my own meals' }).check();
    await page.locator('#calculator-beryl .explainer__bars').screenshot({ path: path.join(OUTPUT, 'embed-bars-pale-1280.png') });
    await page.locator('#calculator-beryl').evaluate((el) => { el.style.removeProperty('--rc-before'); el.style.removeProperty('--rc-after'); });
    await page.locator('#calculator-beryl .explainer__result').screenshot({ path: path.join(OUTPUT, 'embed-bars-purple-1280.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a phone the cost is in sight after each goal is ticked; axe-core finds nothing at 375 and 1280 px', { timeout: TEST_TIMEOUT }, async () => {
  for (const [width, height] of [[375, 667], [1280, 900]]) {
    const { context, page, errors } = await openDemo(width, height);
    try {
      const beryl = page.locator('#calculator-beryl');
      const boxes = beryl.getByRole('checkbox');
      const count = await boxes.count();
      assert.ok(count >= 3);
      for (let i = 0; i < count; i += 1) {
        await boxes.nth(i).scrollIntoViewIfNeeded();
        await boxes.nth(i).check();
        const cost = beryl.locator('.explainer__now');
        await page.waitForFunction((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }, await cost.elementHandle(), { timeout: 5000 }).catch(() => {});
        const rect = await cost.boundingBox();
        assert.ok(rect.y >= 0 && rect.y + rect.height <= height + 1, `${width} px, goal ${i + 1}: the cost is at ${rect.y}–${rect.y + rect.height}, the screen is ${height} high`);
        const box = await boxes.nth(i).boundingBox();
        assert.ok(box.y >= 0 && box.y + box.height <= height, `${width} px, goal ${i + 1}: the ticked goal went out of sight`);
      }
      await page.screenshot({ path: path.join(OUTPUT, `embed-beryl-ticked-${width}.png`) });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width} px scrolls sideways`);
      const violations = await runAxe(page, { tags: AXE_TAGS });
      assert.equal(violations.length, 0, `${width} px:\n${formatViolations(violations)}`);
      await page.locator('#calculator-arthur').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUTPUT, `embed-arthur-${width}.png`) });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
