// embed.html: one <reablement-calculator>, set up from the page's query string, that tells
// the page around it how tall it is, so that page can size the iframe to fit. Where the page
// around it is on the same origin and left the iframe unsized (no width or height in an
// attribute, its style or the host's style sheet: a content system that strips them), this
// page sizes the iframe itself: the full width, and the height of its content (never below
// embed-frame.css's minimum). From another origin it cannot: there the host's few lines of
// script do it (docs/embedding.md), and a frame left at the browser's 300×150 shows its own
// heading and a link that opens it in a new tab (embed-frame.css).
//
// The message is { type: 'reablement-calculator:height', height } (CSS pixels), posted to the
// parent each time the height changes. It goes to the parent's origin where the browser says
// what it is, and carries nothing but a number; the parent must still check event.origin and
// event.source (docs/embedding.md has the snippet).

const MESSAGE = 'reablement-calculator:height';
const element = document.querySelector('reablement-calculator');
const params = new URLSearchParams(location.search);

for (const name of ['mode', 'baseline', 'hourly-rate', 'example', 'weeks', 'heading-level', 'intro']) {
  if (params.has(name)) element.setAttribute(name, params.get(name));
}
// Brand colour and corner radius: an iframe cannot take the host page's CSS, so these come in
// the URL. Values the browser does not accept as a colour or a length are ignored.
const brand = params.get('brand');
if (brand && CSS.supports('color', brand)) element.style.setProperty('--rc-brand', brand);
const radius = params.get('radius');
if (radius && CSS.supports('border-radius', radius)) element.style.setProperty('--rc-radius', radius);

// "Open in a new tab" (shown only in a frame too short to use) opens this page as it is
// (set before the calculator loads, so it holds even if that fails).
document.querySelector('.frame-open a')?.setAttribute('href', location.href);

// The element is defined only now, with its attributes set, so it loads only the module its
// mode needs (the explainer's or the whole calculator's), not first the other one.
await import('./embed.js?v=__BUILD__');

/** The origin of the page around this frame, when the browser tells; '*' otherwise. */
function parentOrigin() {
  const ancestor = location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor;
  try {
    if (document.referrer) return new URL(document.referrer).origin;
  } catch {}
  return '*';
}

/**
 * The iframe around this page and which of its sides the host left unsized, when the page
 * around it is on the same origin (from another origin the browser does not say: null). A side
 * is unsized when it has no attribute, no inline style and the browser's default (300×150
 * CSS pixels): a host's style sheet that sizes the frame is left alone.
 */
function unsizedFrame() {
  let frame = null;
  try {
    frame = window.frameElement;
  } catch {}
  if (!frame || frame.localName !== 'iframe') return null;
  const style = getComputedStyle(frame);
  const unsized = (name, fallback) => !frame.hasAttribute(name) && frame.style.getPropertyValue(name) === ''
    && style.getPropertyValue(name) === fallback;
  const sides = { width: unsized('width', '300px'), height: unsized('height', '150px') };
  return sides.width || sides.height ? { frame, ...sides } : null;
}

if (window.parent !== window) {
  const target = parentOrigin();
  const own = unsizedFrame();
  // Sized here, the frame keeps its border (the browser's, or the host's) outside its
  // content: the full width with it, and the height of the content inside it.
  if (own?.width) {
    const style = getComputedStyle(own.frame);
    const border = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    own.frame.style.setProperty('width', style.boxSizing === 'border-box' || !border ? '100%' : `calc(100% - ${border}px)`);
  }
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    if (own?.height) own.frame.style.setProperty('height', `${height}px`);
    window.parent.postMessage({ type: MESSAGE, height }, target);
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}
