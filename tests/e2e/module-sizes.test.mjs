// The ratchet on the modules' sizes (issue 20): the first screen's WebAssembly
// (dist/reablement_start_bg.wasm) no more than 182,000 B with brotli quality 11, the
// explainer's (dist/embed/reablement_embed_bg.wasm) no more than 97,280 B (95 KiB). A feature
// that adds to a module pays for itself by moving something else out. Sizes are stable, so
// this is a test; `make bench` checks the same (tests/bench/explainer-load.mjs).
//
// Run with `node --test tests/e2e/module-sizes.test.mjs` after `make dist`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeWeights, weighModules } from './lib/sizes.mjs';

test('the first screen\'s and the explainer\'s WebAssembly are within the ratchet (brotli 11)', () => {
  const weights = weighModules();
  console.log(`The modules under the ratchet:\n${describeWeights(weights)}`);
  for (const w of weights) {
    assert.ok(w.brotli <= w.limit,
      `${w.what} (dist/${w.file}) is ${w.brotli.toLocaleString('en-GB')} B with brotli 11: ${w.over.toLocaleString('en-GB')} B over its ${w.limit.toLocaleString('en-GB')} B. Move something out of it rather than raise the limit.`);
  }
});
