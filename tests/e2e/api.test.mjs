// The JavaScript API of every built module (dist/), loaded in Node without a DOM: the app's,
// the explainer embed's and the API-only one. Every example in tests/examples (the contract's) must
// come out exactly as expected from each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadWasm, MODULES, repoRoot } from './lib/wasm.mjs';

// REABLEMENT_EXAMPLES_DIR runs the same checks over another folder of examples.
const examplesDir = path.resolve(process.env.REABLEMENT_EXAMPLES_DIR || path.join(repoRoot, 'tests', 'examples'));
const exampleFiles = fs.existsSync(examplesDir)
  ? fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort()
  : [];
const examples = exampleFiles.map((file) => ({
  file,
  ...JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')),
}));

// ------------------------------------------------------------------ comparison helpers

/** Every object in the value is a plain object (not a Map, not a class instance). */
function assertPlain(value, where = '$') {
  if (value === null || typeof value !== 'object') {
    assert.ok(
      ['string', 'number', 'boolean'].includes(typeof value) || value === null,
      `${where}: ${typeof value} is not a JSON value`,
    );
    if (typeof value === 'number') assert.ok(Number.isFinite(value), `${where}: ${value} is not a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlain(v, `${where}[${i}]`));
    return;
  }
  assert.equal(
    Object.getPrototypeOf(value),
    Object.prototype,
    `${where}: expected a plain object, got ${Object.prototype.toString.call(value)}`,
  );
  for (const [k, v] of Object.entries(value)) assertPlain(v, `${where}.${k}`);
}

const SET_KEYS = new Set(['errors', 'warnings']);

/** A copy in which every `errors` / `warnings` list is sorted, so they compare as sets. */
function normalise(value, key) {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v));
    if (SET_KEYS.has(key)) {
      items.sort((a, b) => {
        const ka = JSON.stringify([a?.path, a?.message]);
        const kb = JSON.stringify([b?.path, b?.message]);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    }
    return items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, k)]));
  }
  return value;
}

/** Fails with the messages that are missing and the ones that should not be there. */
function explainSetDifference(actual, expected, label) {
  const key = (m) => JSON.stringify({ path: m?.path, message: m?.message });
  const a = (actual ?? []).map(key);
  const e = (expected ?? []).map(key);
  const missing = e.filter((x) => !a.includes(x));
  const extra = a.filter((x) => !e.includes(x));
  if (missing.length || extra.length || a.length !== e.length) {
    return `${label} differ:\n  missing: ${missing.join('\n           ') || '-'}\n  extra:   ${extra.join('\n           ') || '-'}`;
  }
  return null;
}

function assertMatchesExpected(actual, expected) {
  assertPlain(actual);
  const problems = [
    explainSetDifference(actual?.errors, expected.errors, 'errors'),
    explainSetDifference(actual?.result?.warnings, expected.result?.warnings, 'warnings'),
  ].filter(Boolean);
  assert.deepStrictEqual(
    normalise(actual),
    normalise(expected),
    problems.length ? problems.join('\n') : 'result differs from the expected result',
  );
}

for (const name of Object.keys(MODULES)) {
  const api = await loadWasm(name);

  function run(kind, input) {
    if (kind === 'scenario') return api.calculate(input);
    if (kind === 'cohort') return api.calculateCohort(input);
    throw new Error(`unknown example kind ${JSON.stringify(kind)}`);
  }

  // ------------------------------------------------------------------ the examples

  test(`${name}: the contract's examples are there`, () => {
    assert.ok(examples.length > 0, `no example files in ${examplesDir}`);
  });

  for (const example of examples) {
    test(`${name}: ${example.name ?? example.file}`, () => {
      const actual = run(example.kind, structuredClone(example.input));
      assertMatchesExpected(actual, example.expected);
    });
  }

  // ------------------------------------------------------------------ version

  test(`${name}: version() is the package version from Cargo.toml`, () => {
    const cargo = fs.readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8');
    const pkg = cargo.split(/^\[/m).find((section) => section.startsWith('package]'));
    const match = pkg && pkg.match(/^version\s*=\s*"([^"]+)"/m);
    assert.ok(match, 'no version in the [package] section of Cargo.toml');
    const v = api.version();
    assert.equal(typeof v, 'string');
    assert.ok(v.length > 0, 'version() is empty');
    assert.equal(v, match[1]);
  });

  // ------------------------------------------------------------------ hostile input

  function nested(depth, make) {
    let value = 'bottom';
    for (let i = 0; i < depth; i += 1) value = make(value);
    return value;
  }

  const arthur = examples.find((e) => e.name === 'arthur');

  const hostile = [
    ['undefined', () => undefined],
    ['null', () => null],
    ['a number', () => 42],
    ['a string', () => 'text'],
    ['an empty array', () => []],
    ['an empty object', () => ({})],
    ['a function', () => () => 1],
    ['an object nested 10,000 levels', () => nested(10_000, (v) => ({ a: v }))],
    ['an array nested 10,000 levels', () => nested(10_000, (v) => [v])],
    [
      'a scenario with a field nested 10,000 levels',
      () => ({ ...structuredClone(arthur?.input ?? {}), extra: nested(10_000, (v) => ({ a: v })) }),
    ],
    ['a scenario whose visits are a string', () => ({ ...structuredClone(arthur?.input ?? {}), before: { visits: 'lots' } })],
    ['a scenario with huge numbers', () => ({ ...structuredClone(arthur?.input ?? {}), version: 1e308, settings: { weeks_per_year: Number.MAX_SAFE_INTEGER * 4 } })],
    ['NaN and Infinity', () => ({ ...structuredClone(arthur?.input ?? {}), settings: { hourly_rate: NaN, baseline_weekly: Infinity } })],
  ];

  function assertErrorResponse(response, label) {
    assert.ok(response !== null && typeof response === 'object', `${label}: the response is not an object`);
    assertPlain(response);
    assert.equal(response.ok, false, `${label}: expected ok: false, got ${JSON.stringify(response).slice(0, 300)}`);
    assert.ok(Array.isArray(response.errors) && response.errors.length > 0, `${label}: expected at least one error`);
    for (const error of response.errors) {
      assert.deepEqual(Object.keys(error).sort(), ['message', 'path'], `${label}: an error is not {path, message}`);
      assert.equal(typeof error.path, 'string');
      assert.equal(typeof error.message, 'string');
      assert.ok(error.message.length > 0, `${label}: an empty error message`);
    }
  }

  for (const [label, make] of hostile) {
    test(`${name}: calculate() does not throw on ${label}`, () => {
      let response;
      assert.doesNotThrow(() => {
        response = api.calculate(make());
      });
      assertErrorResponse(response, label);
    });
  }

  for (const [label, make] of hostile.slice(0, 9)) {
    test(`${name}: calculateCohort() does not throw on ${label}`, () => {
      let response;
      assert.doesNotThrow(() => {
        response = api.calculateCohort(make());
      });
      assert.ok(response !== null && typeof response === 'object', 'the response is not an object');
      assertPlain(response);
      assert.equal(typeof response.ok, 'boolean');
      // `{}` may be a valid empty cohort (every input has a default); anything else is not.
      if (label !== 'an empty object') assertErrorResponse(response, label);
    });
  }

  // Errors cross from WebAssembly as paths, distinct messages and an index each (src/api.rs):
  // each error must still get its own message, in the core's order, whatever the mix.
  test(`${name}: each of many errors, of every kind and mixed, has its own path and message in order`, () => {
    const SCENARIO = { format: 'reablement-outcome-scenario', version: 1 };
    const badGoal = (i) => ({ id: i, description: '', outcome: 'x', status: 'y', [`odd ${i}`]: 1 });
    const badVisit = { label: 3, minutes: 0, carers: 0, days_per_week: 0, hourly_rate: 'x', goals: ['nowhere'] };
    const answer = api.calculate({
      ...SCENARIO,
      'line\nbreak': true,
      goals: [badGoal(0), badGoal(1)],
      before: { visits: [badVisit, badVisit], other_costs: [{ weekly: 'lots' }] },
      reablement_weeks: 99,
    });
    assert.equal(answer.ok, false);
    const unknown = (f) => `Unknown field '${f}'`;
    const goal = (i) => [
      [`goals[${i}].odd ${i}`, unknown(`odd ${i}`)],
      [`goals[${i}].id`, 'Each goal needs its own short id'],
      [`goals[${i}].description`, 'Enter what the person wants to be able to do'],
      [`goals[${i}].outcome`, 'Choose which outcome this goal is about'],
      [`goals[${i}].status`, "Choose the goal's status"],
    ];
    const visit = (i) => [
      [`before.visits[${i}].label`, 'Visit name must be 80 characters or fewer'],
      [`before.visits[${i}].minutes`, 'Visit length must be a whole number of minutes between 1 and 720'],
      [`before.visits[${i}].carers`, 'Number of carers must be between 1 and 4'],
      [`before.visits[${i}].days_per_week`, 'Days a week must be between 1 and 7'],
      [`before.visits[${i}].hourly_rate`, 'Hourly rate must be between £0.01 and £999.99'],
      [`before.visits[${i}].goals[0]`, 'This visit refers to a goal that does not exist'],
    ];
    assert.deepEqual(answer.errors.map((e) => [e.path, e.message]), [
      ['line\nbreak', unknown('line\nbreak')],
      ['reablement_weeks', 'Weeks of reablement must be a whole number between 1 and 12'],
      ...goal(0),
      ...goal(1),
      ...visit(0),
      ...visit(1),
      ['before.other_costs[0].weekly', 'Weekly cost must be an amount in pounds, like 4.50'],
    ]);
    // Without the newline the errors take the compact way; the same answer, less the first error.
    const compact = api.calculate({ ...SCENARIO, goals: [badGoal(0), badGoal(1)], before: { visits: [badVisit, badVisit], other_costs: [{ weekly: 'lots' }] }, reablement_weeks: 99 });
    assert.deepEqual(compact.errors, answer.errors.slice(1));
    const rows = api.calculateCohort({ rows: [{ before_weekly: 'x', after_weekly: 1 }, 7, { before_weekly: 1, after_weekly: 'y', ended: 'z' }] });
    assert.deepEqual(rows.errors.map((e) => [e.path, e.message]), [
      ['rows[0].before_weekly', 'Before must be an amount in pounds, like 38.13'],
      ['rows[1]', 'Each row needs a before_weekly and an after_weekly amount'],
      ['rows[2].after_weekly', 'After must be an amount in pounds, like 29.98'],
      ['rows[2].ended', 'End date must be a real date, like 2019-09-24'],
    ]);
  });

  test(`${name}: the module still calculates correctly after hostile input`, () => {
    assert.ok(arthur, 'the arthur example is missing');
    for (const [, make] of hostile) {
      try { api.calculate(make()); } catch { /* reported by the tests above */ }
    }
    assertMatchesExpected(api.calculate(structuredClone(arthur.input)), arthur.expected);
  });

  // NaN and ±Infinity would be written as null by JSON.stringify, and null means "use the
  // default": each must instead get its own field's error, wherever and however it is held.
  test(`${name}: a number that is not finite gets its field\'s error, never the default`, () => {
    assert.ok(arthur, 'the arthur example is missing');
    const withField = (edit) => {
      const input = structuredClone(arthur.input);
      edit(input);
      return input;
    };
    const cases = [
      ['settings.hourly_rate', withField((s) => { s.settings = { hourly_rate: NaN }; })],
      ['settings.hourly_rate', withField((s) => { s.settings = { hourly_rate: new Number(Infinity) }; })],
      ['settings.weeks_per_year', withField((s) => { s.settings = { toJSON: () => ({ weeks_per_year: -Infinity }) }; })],
      ['before.visits[0].minutes', withField((s) => { s.before.visits[0].minutes = NaN; })],
      ['reablement_cost', withField((s) => { s.reablement_cost = Infinity; })],
    ];
    for (const [path, input] of cases) {
      const response = api.calculate(input);
      assert.equal(response.ok, false, `${path}: a non-finite number was accepted: ${JSON.stringify(response).slice(0, 200)}`);
      assert.ok(response.errors.some((e) => e.path === path), `${path}: errors were ${JSON.stringify(response.errors)}`);
    }
    const cohort = api.calculateCohort({ rows: [{ reference: null, before_weekly: NaN, after_weekly: 0 }] });
    assert.deepEqual(cohort.errors?.map((e) => e.path), ['rows[0].before_weekly']);
  });

  // ------------------------------------------------------------------ plain objects

  test(`${name}: results are plain objects, not Maps`, () => {
    assert.ok(arthur, 'the arthur example is missing');
    const response = api.calculate(structuredClone(arthur.input));
    assert.equal(Object.getPrototypeOf(response), Object.prototype);
    assert.equal(Object.getPrototypeOf(response.result), Object.prototype);
    assert.equal(Object.getPrototypeOf(response.result.before), Object.prototype);
    assert.equal(Object.getPrototypeOf(response.result.after), Object.prototype);
    assert.equal(Object.getPrototypeOf(response.result.goals), Object.prototype);
    assertPlain(response);
    assert.equal(JSON.stringify(JSON.parse(JSON.stringify(response))), JSON.stringify(response), 'not JSON round-trippable');

    const bad = api.calculate({});
    assert.equal(Object.getPrototypeOf(bad), Object.prototype);
    for (const error of bad.errors) assert.equal(Object.getPrototypeOf(error), Object.prototype);
  });

  test(`${name}: the input object is not modified`, () => {
    assert.ok(arthur, 'the arthur example is missing');
    const input = structuredClone(arthur.input);
    api.calculate(input);
    assert.deepStrictEqual(input, arthur.input);
  });
}
