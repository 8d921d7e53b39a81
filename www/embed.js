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
// `?v=__BUILD__` becomes the build's hash in dist/ (make dist), so a release never mixes files.
const TAG = 'reablement-calculator';
const ATTRIBUTES = ['mode', 'baseline', 'hourly-rate', 'example', 'weeks', 'heading-level', 'intro'];
const STYLESHEETS = ['app.css', 'embed.css'].map((file) => new URL(`${file}?v=__BUILD__`, import.meta.url).href);
const MODULES = {
  explainer: ['embed/reablement_embed.js', 'embed/reablement_embed_bg.wasm'],
  full: ['reablement.js', 'reablement_bg.wasm'],
};

/** Which module an element needs, from its mode attribute (as the calculator reads it). */
function moduleFor(mode) {
  return mode?.trim().toLowerCase() === 'full' ? 'full' : 'explainer';
}

const loading = {};
/** Loads and starts one module, once for every element on the page; resolves to its exports. */
function loadOnce(kind) {
  loading[kind] ??= (async () => {
    const [glue, wasm] = MODULES[kind].map((file) => new URL(`${file}?v=__BUILD__`, import.meta.url).href);
    const module = await import(glue);
    await module.default({ module_or_path: wasm });
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

  constructor() {
    super();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.replaceChildren();
    const links = STYLESHEETS.map((href) => {
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
        this.#mount.replaceChildren(this.#message(
          'The calculator could not start in this browser. Try a recent version of Edge, Chrome, Firefox or Safari.',
        ));
      }
      return;
    }
    if (generation !== this.#generation || this.#handle) return;
    this.#kind = kind;
    this.#handle = module.mountEmbed(this.#mount, this.#attributes());
  }

  disconnectedCallback() {
    this.#generation++;
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle = null;
      this.#mount.replaceChildren(this.#message('Loading the reablement calculator…'));
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#handle || oldValue === newValue) return;
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
