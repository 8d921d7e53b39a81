// The ratchet (issue 20, decided by the team): the first screen's WebAssembly and the
// explainer's must not grow past these sizes, brotli quality 11 (as `brotli -q 11` measures
// them). A feature that adds to a module pays for itself by moving something else out.
// Used by `make test` (tests/e2e/module-sizes.test.mjs) and `make bench`
// (tests/bench/explainer-load.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { distDir } from './wasm.mjs';

/** Each module under the ratchet: its file in dist/, what it is, and its limit in bytes (brotli 11). */
export const RATCHET = [
  { file: 'reablement_start_bg.wasm', what: "the first screen's module", limit: 182_000 },
  { file: 'embed/reablement_embed_bg.wasm', what: "the explainer's module", limit: 97_280 },
];

/** Bytes of `bytes` with brotli quality 11 (the window and mode the brotli tool uses by default). */
export function brotli11(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

/** Each module under the ratchet as built in dist/: { file, what, limit, raw, gzip, brotli, over }. */
export function weighModules(dir = distDir) {
  return RATCHET.map((entry) => {
    const file = path.join(dir, entry.file);
    if (!fs.existsSync(file)) throw new Error(`dist/${entry.file} is missing: run \`make dist\` first`);
    const bytes = fs.readFileSync(file);
    const weight = brotli11(bytes);
    return { ...entry, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, brotli: weight, over: weight - entry.limit };
  });
}

/** One line per module: what it weighs and whether it is within its limit. */
export function describeWeights(weights) {
  const n = (v) => v.toLocaleString('en-GB');
  return weights.map((w) => `  ${w.file.padEnd(32)} ${n(w.raw).padStart(9)} B raw, ${n(w.gzip).padStart(8)} B gzip -9, ${n(w.brotli).padStart(8)} B brotli 11` +
    ` (${(w.brotli / 1024).toFixed(1)} KiB); limit ${n(w.limit)} B: ${w.over > 0 ? `OVER by ${n(w.over)} B` : `within, ${n(-w.over)} B to spare`}`).join('\n');
}
