// <reablement-calculator>: the reablement outcome calculator for any web page.
//
//   <script type="module" src="https://YOUR-HOST/reablement/embed.js"></script>
//   <reablement-calculator mode="explainer" example="arthur"></reablement-calculator>
//
// Attributes: mode ("explainer" or "full"), baseline and hourly-rate (pounds, like 38.13),
// example (a worked example's key: arthur, partial-goals, double-handed,
// explicit-after-telecare, needs-grew, short-calls). Theming: the --rc-* custom properties
// (--rc-brand, --rc-font, --rc-radius, …) set on the element. See docs/embedding.md.
//
// A good guest: everything it shows is inside the element's open shadow root, with its own
// stylesheets; it never changes the page's title, URL, history or storage, and never adds
// anything outside the element. The WebAssembly is loaded once, however many elements there
// are, and only when the first one is on the page. Content inside the element (a link, say)
// is the fallback shown where the script cannot run.
// `?v=__BUILD__` becomes the build's hash in dist/ (make dist), so a release never mixes files.
import init, { mountEmbed } from './reablement.js?v=__BUILD__';

const TAG = 'reablement-calculator';
const ATTRIBUTES = ['mode', 'baseline', 'hourly-rate', 'example'];
const STYLESHEETS = ['app.css', 'embed.css'].map((file) => new URL(`${file}?v=__BUILD__`, import.meta.url).href);
const WASM = new URL('reablement_bg.wasm?v=__BUILD__', import.meta.url);

let ready;
/** Loads and starts the WebAssembly, once for every element on the page. */
function loadOnce() {
  ready ??= init({ module_or_path: WASM });
  return ready;
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

  #attributes() {
    return ATTRIBUTES.map((name) => this.getAttribute(name));
  }

  async connectedCallback() {
    const generation = ++this.#generation;
    try {
      await Promise.all([loadOnce(), this.#styles]);
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
    this.#handle = mountEmbed(this.#mount, ...this.#attributes());
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
    if (this.#handle && oldValue !== newValue) this.#handle.update(...this.#attributes());
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, ReablementCalculator);
