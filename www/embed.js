// <reablement-calculator>: the reablement outcome calculator for any web page.
//
//   <script type="module" src="https://YOUR-HOST/reablement/embed.js"></script>
//   <reablement-calculator mode="explainer" example="arthur"></reablement-calculator>
//
// Attributes: mode ("explainer" or "full"), baseline and hourly-rate (pounds, like 38.13),
// example (a worked example's key: arthur, partial-goals, double-handed,
// explicit-after-telecare, needs-grew, short-calls), weeks ("on": the example's weeks of
// reablement too, for the examples that have them), heading-level (2 to 6: the level of the
// explainer's first headings) and intro ("off" leaves out the introduction). Theming: the --rc-* custom properties
// (--rc-brand, --rc-font, --rc-radius, …) set on the element. See docs/embedding.md.
//
// A good guest: everything it shows is inside the element's open shadow root, with its own
// stylesheets; it never changes the page's title, URL, history or storage, and never adds
// anything outside the element. The WebAssembly is loaded once, however many elements there
// are, and only when the first one is on the page. Content inside the element (a link, say)
// is the fallback shown where the script cannot run.
//
// Two modules: the explainer's own (small: the explainer and the calculation, nothing else)
// and the whole calculator's (mode="full"). Each is loaded once for the page, and only when
// an element needs it.
// Until the explainer's module has started, the element shows the explainer as HTML written at
// build time, with its stylesheets, all inside this file ("The first paint", below).
// `?v=__BUILD__` becomes the build's hash in dist/ (make dist), so a release never mixes files.
const TAG = 'reablement-calculator';
const ATTRIBUTES = ['mode', 'baseline', 'hourly-rate', 'example', 'weeks', 'heading-level', 'intro'];
const STYLESHEETS = ['app.css', 'embed.css'].map((file) => new URL(`${file}?v=__BUILD__`, import.meta.url).href);
const MODULES = {
  explainer: ['embed/reablement_embed.js', 'embed/reablement_embed_bg.wasm'],
  full: ['reablement.js', 'reablement_bg.wasm'],
};
// The JS snippets the explainer's glue imports (make dist lists them, each with its ?v=).
const EMBED_SNIPPETS = /* __EMBED_SNIPPETS__ */ [];

/** Which module an element needs, from its mode attribute (as the calculator reads it). */
function moduleFor(mode) {
  return mode?.trim().toLowerCase() === 'full' ? 'full' : 'explainer';
}

const loading = {};
/** Loads and starts one module, once for every element on the page; resolves to its exports. */
function loadOnce(kind) {
  loading[kind] ??= (async () => {
    const [glue, wasm] = MODULES[kind].map((file) => new URL(`${file}?v=__BUILD__`, import.meta.url).href);
    // The WebAssembly and the glue's snippets are asked for beside the glue, not after it
    // (issue 20: sooner to the first tick).
    if (kind === 'explainer') for (const file of EMBED_SNIPPETS) import(new URL(file, import.meta.url).href).catch(() => {});
    const response = fetch(wasm);
    response.catch(() => {}); // its failure is reported where it is awaited
    const module = await import(glue);
    await module.default({ module_or_path: response });
    return module;
  })();
  return loading[kind];
}

/** Resolves when a <link rel="stylesheet"> has loaded (or failed: the text still shows). */
function loaded(link) {
  return new Promise((resolve) => {
    if (link.sheet) return resolve();
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
}

// ---------------------------------------------------------------- the first paint (issue 20)
//
// `make dist` writes here the explainer as Yew's server renderer draws it before any goal is
// ticked, for each worked example, in parts (src/ui/embed/first_paint.rs checks that the parts
// give back every rendering), and the text of app.css and embed.css. So the explainer can be
// on screen as soon as this script has run, one round trip before its WebAssembly: no other
// file is needed for it. The element's defaults and the values that give no note get a first
// paint; a baseline or hourly rate (other figures), mode="full", or a value the explainer
// would write a note about keep the loading message until the module has started.
//
// What the reader does meanwhile is kept: a goal ticked (the cost sentence then says the
// calculator is starting), the working opened, a table scrolled, the focus. The module
// renders the same explainer into a new element, away from the page; in one task that element
// takes the first paint's place and what was ticked is ticked again, so it takes effect. The
// step chart's drawing (weeks="on") carries on where it was, rather than starting again.
const FIRST_PAINT = /* __FIRST_PAINT__ */ null;
const STARTING = 'The calculator is starting: the cost will change in a moment.';

/** An attribute's value as the calculator compares it (ASCII spaces trimmed, ASCII letters in lower case); null when absent. */
function plain(value) {
  return value == null ? null : value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** The key of the example the attributes name (the default when none), or null for a name the calculator would not know. */
function exampleOf(attributes) {
  const name = plain(attributes.example);
  if (!FIRST_PAINT) return null;
  if (name === null) return FIRST_PAINT.default;
  return Object.hasOwn(FIRST_PAINT.names, name) ? FIRST_PAINT.names[name] : null;
}

/**
 * The first paint for these attributes: { id, example, html }, or null when the explainer
 * would not look exactly like it (other figures, full mode, a note about a wrong value).
 */
function firstPaintFor(attributes) {
  const [mode, weeks, intro, level] = ['mode', 'weeks', 'intro', 'heading-level'].map((name) => plain(attributes[name]));
  const example = exampleOf(attributes);
  if (!example || (mode !== null && mode !== 'explainer') || attributes.baseline != null || attributes['hourly-rate'] != null) return null;
  const parts = FIRST_PAINT.examples[example];
  const withWeeks = { null: false, off: false, on: parts.weeks != null ? true : null }[weeks];
  const withIntro = { null: true, on: true, off: false }[intro];
  const heading = level === null ? 2 : /^h?[2-6]$/.test(level) ? Number(level.at(-1)) : null;
  if (withWeeks == null || withIntro == null || heading == null) return null;
  let html = FIRST_PAINT.open + (withIntro ? FIRST_PAINT.intro : '') + parts.try + (withWeeks ? parts.weeks : '') + FIRST_PAINT.close;
  // Rendered with its first headings at level 2: each heading goes as many levels lower as
  // asked, and never below 6 (as the explainer's subheadings do).
  if (heading !== 2) html = html.replace(/<(\/?)h([2-6])(?=[\s>])/g, (_, end, n) => `<${end}h${Math.min(6, Number(n) + heading - 2)}`);
  return { id: `${example} ${withIntro} ${withWeeks} ${heading}`, example, html };
}

let firstPaintSheet;
/** Gives the shadow root the explainer's stylesheets from this file; false where it cannot. */
function adoptStylesheets(root) {
  if (!FIRST_PAINT || !('adoptedStyleSheets' in ShadowRoot.prototype)) return false;
  try {
    if (!firstPaintSheet) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(FIRST_PAINT.css);
      firstPaintSheet = sheet;
    }
    root.adoptedStyleSheets = [firstPaintSheet];
    return true;
  } catch {
    return false;
  }
}

/** What the reader has done to an explainer on screen, to do again to the same explainer drawn anew. */
function keepState(mount, example) {
  const all = [...mount.querySelectorAll('*')];
  const active = mount.getRootNode().activeElement;
  return {
    example,
    tags: all.map((el) => el.tagName),
    ticked: [...mount.querySelectorAll('input[type=checkbox]')].map((box) => box.checked),
    open: [...mount.querySelectorAll('details')].map((details) => details.open),
    scrolled: all.map((el, i) => [i, el.scrollLeft, el.scrollTop]).filter(([, x, y]) => x || y),
    focus: active && mount.contains(active) ? all.indexOf(active) : -1,
    started: Math.min(...(mount.getAnimations?.({ subtree: true }) ?? []).map((a) => a.startTime ?? Infinity)),
  };
}

/**
 * Does again what `keepState` kept. `live`: the module's explainer, whose goals are ticked by
 * a click each (so the module works out the cost); otherwise another first paint.
 */
function restoreState(mount, kept, live) {
  const all = [...mount.querySelectorAll('*')];
  const same = (i) => all[i] && all[i].tagName === kept.tags[i];
  [...mount.querySelectorAll('input[type=checkbox]')].forEach((box, i) => {
    if (!kept.ticked[i] || box.checked) return;
    if (live) box.click();
    else box.checked = true;
  });
  if (!live && kept.ticked.some(Boolean)) startingNote(mount);
  [...mount.querySelectorAll('details')].forEach((details, i) => {
    if (kept.open[i]) details.open = true;
  });
  for (const [i, x, y] of kept.scrolled) {
    if (same(i)) all[i].scrollTo(x, y);
  }
  if (Number.isFinite(kept.started)) {
    for (const animation of mount.getAnimations?.({ subtree: true }) ?? []) animation.startTime = kept.started;
  }
  if (kept.focus >= 0 && same(kept.focus)) all[kept.focus].focus({ preventScroll: true });
}

/** A goal ticked before the module has started: the cost sentence says it will change. */
function startingNote(mount) {
  const now = mount.querySelector('.explainer__now');
  if (now && now.textContent !== STARTING) now.textContent = STARTING;
}

class ReablementCalculator extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #mount;
  #styles;
  #handle = null;
  /** The module the mounted calculator came from ('explainer' or 'full'). */
  #kind = null;
  /** Bumped on every connect and disconnect, so a slow start never mounts a removed element. */
  #generation = 0;
  /** The first paint on show ({ id, example, html }), until the module takes over. */
  #painted = null;

  constructor() {
    super();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.replaceChildren();
    // The stylesheets come with the first paint, in this file, where the browser can adopt them.
    const links = adoptStylesheets(root) ? [] : STYLESHEETS.map((href) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      return link;
    });
    this.#mount = document.createElement('div');
    this.#mount.className = 'rc-embed';
    this.#mount.append(this.#message('Loading the reablement calculator…'));
    root.append(...links, this.#mount);
    this.#styles = Promise.all(links.map(loaded));
    root.addEventListener('change', () => {
      if (this.#painted) startingNote(this.#mount);
    });
  }

  #message(text) {
    const p = document.createElement('p');
    p.className = 'rc-embed__message';
    p.textContent = text;
    return p;
  }

  /** Each attribute's value by its name (null when absent). */
  #attributes() {
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)]));
  }

  async connectedCallback() {
    const generation = ++this.#generation;
    if (!this.#handle) this.#paintFirst();
    let kind;
    let module;
    try {
      // The mode may change while a module loads: load until the one needed is there.
      do {
        kind = moduleFor(this.getAttribute('mode'));
        [module] = await Promise.all([loadOnce(kind), this.#styles]);
      } while (kind !== moduleFor(this.getAttribute('mode')));
    } catch (error) {
      console.error('reablement-calculator: the calculator could not start', error);
      if (generation === this.#generation) {
        const message = this.#message(
          'The calculator could not start in this browser. Try a recent version of Edge, Chrome, Firefox or Safari.',
        );
        // A first paint stays, to read; its goals can no longer be ticked.
        if (this.#painted) {
          this.#mount.querySelectorAll('input').forEach((input) => { input.disabled = true; });
          this.#mount.prepend(message);
        } else {
          this.#mount.replaceChildren(message);
        }
      }
      return;
    }
    if (generation !== this.#generation || this.#handle) return;
    this.#kind = kind;
    if (this.#painted) return this.#takeOver(module, generation);
    this.#handle = module.mountEmbed(this.#mount, this.#attributes());
  }

  /** Shows the first paint for the element's attributes (or the loading message when there is none). */
  #paintFirst() {
    const paint = firstPaintFor(this.#attributes());
    if (paint?.id === this.#painted?.id) return;
    const kept = paint && this.#painted?.example === paint.example ? keepState(this.#mount, paint.example) : null;
    if (paint) {
      try {
        this.#mount.innerHTML = paint.html;
      } catch {
        return; // a page that allows no HTML from scripts (Trusted Types): the loading message stays
      }
      this.#mount.setAttribute('data-prerendered', '');
      if (kept) restoreState(this.#mount, kept, false);
    } else if (this.#painted) {
      this.#mount.removeAttribute('data-prerendered');
      this.#mount.replaceChildren(this.#message('Loading the reablement calculator…'));
    }
    this.#painted = paint;
  }

  /**
   * The module takes over from the first paint: it renders into a new element away from the
   * page (Yew renders in microtasks of this task, so it is whole by the next task), which then
   * takes the first paint's place, with what the reader did to the first paint done again.
   */
  async #takeOver(module, generation) {
    const next = document.createElement('div');
    next.className = 'rc-embed';
    const handle = module.mountEmbed(next, this.#attributes());
    this.#handle = handle;
    await new Promise((resolve) => setTimeout(resolve));
    if (generation !== this.#generation || this.#handle !== handle) return;
    const old = this.#mount;
    const kept = keepState(old, this.#painted?.example);
    old.replaceWith(next);
    this.#mount = next;
    this.#painted = null;
    if (kept.example === exampleOf(this.#attributes())) restoreState(next, kept, true);
  }

  disconnectedCallback() {
    this.#generation++;
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle = null;
      this.#painted = null;
      this.#mount.removeAttribute('data-prerendered');
      this.#mount.replaceChildren(this.#message('Loading the reablement calculator…'));
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (!this.#handle) {
      if (this.isConnected) this.#paintFirst();
      return;
    }
    if (moduleFor(this.getAttribute('mode')) === this.#kind) {
      this.#handle.update(this.#attributes());
    } else {
      // The other mode lives in the other module: mount afresh with it.
      this.disconnectedCallback();
      this.connectedCallback();
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, ReablementCalculator);
