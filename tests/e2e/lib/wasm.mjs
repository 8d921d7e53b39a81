// Loads the built module (dist/reablement.js + dist/reablement_bg.wasm) in Node, without a
// DOM, the way the contract says any host can: initSync({ module: bytes }).
//
// The glue is copied to a temporary .mjs file first, so Node treats it as an ES module
// without the MODULE_TYPELESS_PACKAGE_JSON warning.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const distDir = path.join(repoRoot, 'dist');

let loaded;

/** Returns the module's exports ({ calculate, calculateCohort, version, ... }), initialised once. */
export async function loadWasm() {
  if (!loaded) loaded = load();
  return loaded;
}

async function load() {
  const js = path.join(distDir, 'reablement.js');
  const wasm = path.join(distDir, 'reablement_bg.wasm');
  for (const file of [js, wasm]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`make dist\` first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reablement-'));
  const copy = path.join(dir, 'reablement.mjs');
  fs.copyFileSync(js, copy);
  // The glue imports its JS snippets (wasm-bindgen inline_js) by relative path.
  const snippets = path.join(distDir, 'snippets');
  if (fs.existsSync(snippets)) fs.cpSync(snippets, path.join(dir, 'snippets'), { recursive: true });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const mod = await import(pathToFileURL(copy).href);
  mod.initSync({ module: fs.readFileSync(wasm) });
  return mod;
}
