// Loads a built module in Node, without a DOM, the way the contract says any host can:
// initSync({ module: bytes }). Every module make dist builds has the JS API:
//   reablement        dist/reablement.js, dist/reablement_bg.wasm            (the app)
//   reablement_embed  dist/embed/reablement_embed.js, …_bg.wasm              (the explainer embed)
//   reablement_api    dist/api/reablement_api.js, …_bg.wasm                  (the API alone)
//
// The glue is copied to a temporary .mjs file first, so Node treats it as an ES module
// without the MODULE_TYPELESS_PACKAGE_JSON warning.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const distDir = path.join(repoRoot, 'dist');

/** Each module's name and the directory of dist/ it is built into. */
export const MODULES = { reablement: '.', reablement_embed: 'embed', reablement_api: 'api' };

const loaded = new Map();

/** Returns a module's exports ({ calculate, calculateCohort, version, ... }), initialised once. */
export async function loadWasm(name = 'reablement') {
  if (!(name in MODULES)) throw new Error(`no module called ${name}`);
  if (!loaded.has(name)) loaded.set(name, load(name));
  return loaded.get(name);
}

/** The paths of a module's glue and wasm files in dist/. */
export function moduleFiles(name) {
  const dir = path.join(distDir, MODULES[name]);
  return { dir, js: path.join(dir, `${name}.js`), wasm: path.join(dir, `${name}_bg.wasm`) };
}

async function load(name) {
  const { dir: moduleDir, js, wasm } = moduleFiles(name);
  for (const file of [js, wasm]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`make dist\` first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const copy = path.join(dir, `${name}.mjs`);
  fs.copyFileSync(js, copy);
  // The glue imports its JS snippets (wasm-bindgen inline_js) by relative path.
  const snippets = path.join(moduleDir, 'snippets');
  if (fs.existsSync(snippets)) fs.cpSync(snippets, path.join(dir, 'snippets'), { recursive: true });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const mod = await import(pathToFileURL(copy).href);
  mod.initSync({ module: fs.readFileSync(wasm) });
  return mod;
}
