// Differential tests: hundreds of generated scenarios and cohorts, each worked out a second
// time here, straight from the contract's formulas (docs/contract.md), in
// BigInt, and compared with what every built module's JS API answers. The shared examples
// check chosen cases; this checks cases nobody chose, as further contract cases will.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWasm, MODULES } from './lib/wasm.mjs';

const SCENARIOS = 400;
const COHORTS = 100;

// ---------------------------------------------------------------- the contract, again

/** round(n ÷ d), half away from zero, for BigInts (d > 0). */
function divRound(n, d) {
  const negative = n < 0n;
  const magnitude = ((negative ? -n : n) * 2n + d) / (2n * d);
  return negative ? -magnitude : magnitude;
}

/** ⌈n ÷ d⌉ for n ≥ 0, d > 0. */
const divCeil = (n, d) => (n + d - 1n) / d;

/** A percentage to one place: whole tenths, rounded half away from zero, then ÷ 10. */
const percentOnePlace = (n, d) => Number(divRound(n * 1000n, d)) / 10;

const NURSING_HOME = 126_700n;
const WARN = {
  long: 'This visit is longer than 3 hours — check the length',
  nursing: 'This package costs more a week than an average nursing home place',
  dearer: 'The package after reablement costs more than before — check this is right',
  reference: 'Use a case reference, not a name or NHS number',
};

/** The package's costs; `keep(i)` says which visits count. */
function cost(pkg, settingsRate, keep = () => true) {
  let sixtieths = 0n;
  let minutes = 0n;
  pkg.visits.forEach((v, i) => {
    if (!keep(i)) return;
    const m = BigInt(v.minutes * v.carers * v.days_per_week);
    minutes += m;
    sixtieths += m * (v.ratePence ?? settingsRate);
  });
  const care = divRound(sixtieths, 60n);
  const other = pkg.other_costs.reduce((sum, c) => sum + c.weeklyPence, 0n);
  return { weekly_pence: Number(care + other), care_pence: Number(care), other_pence: Number(other), minutes_per_week: Number(minutes) };
}

function expectedScenario(s) {
  const rate = s.settings.ratePence;
  const before = cost(s.before, rate);
  let after;
  const warnings = [];
  if (s.reference.identifiable) warnings.push({ path: 'reference', message: WARN.reference });
  const visitWarnings = (pkg, path, weekly) => {
    pkg.visits.forEach((v, i) => {
      if (v.minutes > 180) warnings.push({ path: `${path}.visits[${i}].minutes`, message: WARN.long });
    });
    if (BigInt(weekly) > NURSING_HOME) warnings.push({ path, message: WARN.nursing });
  };
  visitWarnings(s.before, 'before', before.weekly_pence);
  if (s.after) {
    after = { ...cost(s.after, rate), derived: false, withdrawn_visits: [] };
    visitWarnings(s.after, 'after', after.weekly_pence);
    if (after.weekly_pence > before.weekly_pence) warnings.push({ path: 'after', message: WARN.dearer });
  } else {
    const status = Object.fromEntries(s.goals.map((g) => [g.id, g.status]));
    const withdrawn = s.before.visits
      .map((v, i) => (v.goals.length > 0 && v.goals.every((id) => status[id] === 'achieved') ? i : -1))
      .filter((i) => i >= 0);
    after = { ...cost(s.before, rate, (i) => !withdrawn.includes(i)), derived: true, withdrawn_visits: withdrawn };
  }
  const change = after.weekly_pence - before.weekly_pence;
  const saving = BigInt(-change);
  let episode = null;
  if (s.weeks !== null) {
    // Contract 1.1: in week w a visit stops when all its (≥ 1) goals were achieved in a week before w.
    const week = Object.fromEntries(s.goals.map((g) => [g.id, g.status === 'achieved' ? g.achieved_week : null]));
    const timeline = [];
    for (let w = 1; w <= s.weeks; w += 1) {
      const withdrawn = s.before.visits
        .map((v, i) => (v.goals.length > 0 && v.goals.every((id) => week[id] != null && week[id] < w) ? i : -1))
        .filter((i) => i >= 0);
      const c = cost(s.before, rate, (i) => !withdrawn.includes(i));
      timeline.push({ week: w, weekly_pence: c.weekly_pence, minutes_per_week: c.minutes_per_week, withdrawn_visits: withdrawn });
    }
    const total = timeline.reduce((sum, w) => sum + BigInt(w.weekly_pence), 0n);
    const unchanged = BigInt(before.weekly_pence) * BigInt(s.weeks);
    episode = { weeks: s.weeks, timeline, total_pence: Number(total), unchanged_pence: Number(unchanged), saving_pence: Number(unchanged - total) };
  }
  const goals = { total: s.goals.length, not_started: 0, in_progress: 0, achieved: 0, not_achieved: 0 };
  for (const g of s.goals) goals[g.status] += 1;
  return {
    ok: true,
    result: {
      before,
      after,
      change_pence: change,
      reduction_percent: before.weekly_pence === 0 ? null : percentOnePlace(saving, BigInt(before.weekly_pence)),
      baseline_pence: Number(s.settings.baselinePence),
      after_vs_baseline_pence: after.weekly_pence - Number(s.settings.baselinePence),
      weeks_per_year: s.settings.weeks,
      annual_change_pence: change * s.settings.weeks,
      break_even_weeks: s.costPence !== null && saving > 0n ? Number(divCeil(s.costPence, saving)) : null,
      goals,
      warnings,
      episode,
    },
  };
}

function expectedCohort(c) {
  const count = c.rows.length;
  const free = c.rows.filter((r) => r.afterPence === 0n).length;
  if (count === 0) {
    return { ok: true, result: { count, mean_before_pence: null, mean_after_pence: null, after_vs_baseline_pence: null, no_ongoing_care_count: free, no_ongoing_care_percent: null, annual_effect_pence: null, over_time: null } };
  }
  const n = BigInt(count);
  const meanBefore = divRound(c.rows.reduce((s, r) => s + r.beforePence, 0n), n);
  const meanAfter = divRound(c.rows.reduce((s, r) => s + r.afterPence, 0n), n);
  const annual = divRound(c.peopleHundredths * c.packageWeeks * (c.baselinePence - meanAfter) * c.weeks, 100n);
  return {
    ok: true,
    result: {
      count,
      mean_before_pence: Number(meanBefore),
      mean_after_pence: Number(meanAfter),
      after_vs_baseline_pence: Number(meanAfter - c.baselinePence),
      no_ongoing_care_count: free,
      no_ongoing_care_percent: percentOnePlace(BigInt(free), n),
      annual_effect_pence: Number(annual),
      over_time: null,
    },
  };
}

// ---------------------------------------------------------------- generated inputs

/** A seeded generator, so a failure names a case that can be run again. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (items) => items[int(0, items.length - 1)];
  const chance = (p) => next() < p;
  return { int, pick, chance };
}

/** Pence as any of the forms the contract accepts: a number, plain text, or £ with commas. */
function money(g, pence) {
  const p = Number(pence);
  const pounds = Math.floor(p / 100);
  const cents = String(p % 100).padStart(2, '0');
  switch (g.int(0, 3)) {
    case 0: return p / 100;
    case 1: return `${pounds}.${cents}`;
    case 2: return `£${pounds.toLocaleString('en-GB')}.${cents}`;
    default: return p % 100 === 0 ? `£${pounds.toLocaleString('en-GB')}` : ` ${pounds}.${cents} `;
  }
}

function generatePackage(g, goalIds) {
  const visits = Array.from({ length: g.int(0, 6) }, (_, i) => ({
    label: `Visit ${i + 1}`,
    minutes: g.chance(0.1) ? g.int(181, 720) : g.pick([15, 20, 30, 45, 60, 90]),
    carers: g.pick([1, 1, 1, 2, 3, 4]),
    days_per_week: g.int(1, 7),
    ratePence: g.chance(0.3) ? BigInt(g.int(1, 99_999)) : null,
    goals: goalIds.filter(() => g.chance(0.4)),
  }));
  const other = Array.from({ length: g.int(0, 2) }, (_, i) => ({ label: `Cost ${i + 1}`, weeklyPence: BigInt(g.int(0, g.chance(0.1) ? 1_000_000 : 5_000)) }));
  return { visits, other_costs: other };
}

function packageJson(g, pkg) {
  return {
    visits: pkg.visits.map((v) => ({
      label: v.label,
      minutes: v.minutes,
      carers: v.carers,
      days_per_week: v.days_per_week,
      hourly_rate: v.ratePence === null ? null : money(g, v.ratePence),
      goals: v.goals,
    })),
    other_costs: pkg.other_costs.map((c) => ({ label: c.label, weekly: money(g, c.weeklyPence) })),
  };
}

function generateScenario(seed) {
  const g = generator(seed);
  const goals = Array.from({ length: g.int(0, 5) }, (_, i) => ({
    id: `g${i + 1}`,
    description: `Goal ${i + 1}`,
    outcome: g.pick(['nutrition', 'personal_hygiene', 'clothing', 'home_safety', 'other']),
    status: g.pick(['not_started', 'in_progress', 'achieved', 'achieved', 'not_achieved']),
  }));
  // Contract 1.1: weeks of reablement on some, and a week on some of their achieved goals.
  const weeks = g.chance(0.5) ? g.int(1, 12) : null;
  if (weeks !== null) {
    for (const goal of goals) if (goal.status === 'achieved' && g.chance(0.7)) goal.achieved_week = g.int(1, weeks);
  }
  const ids = goals.map((x) => x.id);
  const reference = g.pick([
    { text: 'AR-0001', identifiable: false }, { text: '', identifiable: false }, { text: 'HART team', identifiable: false },
    { text: 'Arthur Smith', identifiable: true }, { text: '943 476 5919', identifiable: true },
  ]);
  const settings = {
    baselinePence: BigInt(g.chance(0.5) ? 3813 : g.int(0, 1_000_000)),
    ratePence: BigInt(g.chance(0.5) ? 2410 : g.int(1, 99_999)),
    weeks: g.pick([52, 52, 53, 1]),
  };
  const s = {
    reference,
    settings,
    goals,
    weeks,
    before: generatePackage(g, ids),
    after: g.chance(0.3) ? generatePackage(g, ids) : null,
    costPence: g.chance(0.6) ? BigInt(g.chance(0.1) ? 0 : g.int(1, 10_000_000)) : null,
  };
  const input = {
    format: 'reablement-outcome-scenario',
    version: 1,
    reference: reference.text,
    settings: { baseline_weekly: money(g, settings.baselinePence), hourly_rate: money(g, settings.ratePence), weeks_per_year: settings.weeks },
    goals,
    before: packageJson(g, s.before),
    after: s.after && packageJson(g, s.after),
    reablement_cost: s.costPence === null ? null : money(g, s.costPence),
    ...(weeks === null && g.chance(0.5) ? {} : { reablement_weeks: weeks }),
  };
  return { input, expected: expectedScenario(s) };
}

function generateCohort(seed) {
  const g = generator(seed);
  const rows = Array.from({ length: g.chance(0.05) ? 0 : g.int(1, 300) }, () => ({
    beforePence: BigInt(g.int(0, 10_000_000)),
    afterPence: BigInt(g.chance(0.4) ? 0 : g.int(0, 200_000)),
  }));
  const c = {
    rows,
    baselinePence: BigInt(g.int(0, 1_000_000)),
    peopleHundredths: BigInt(g.int(0, 100_000)),
    packageWeeks: BigInt(g.int(1, 520)),
    weeks: BigInt(g.pick([52, 53])),
  };
  const people = Number(c.peopleHundredths);
  const input = {
    rows: rows.map((r, i) => ({ reference: g.chance(0.2) ? null : `R-${i}`, before_weekly: money(g, r.beforePence), after_weekly: money(g, r.afterPence) })),
    baseline_weekly: money(g, c.baselinePence),
    people_per_week: g.chance(0.5) ? people / 100 : `${Math.floor(people / 100)}.${String(people % 100).padStart(2, '0')}`,
    package_weeks: Number(c.packageWeeks),
    weeks_per_year: Number(c.weeks),
  };
  return { input, expected: expectedCohort(c) };
}

// ---------------------------------------------------------------- the comparison

const bySet = (list) => [...list].sort((a, b) => (`${a.path}\n${a.message}` < `${b.path}\n${b.message}` ? -1 : 1));

for (const name of Object.keys(MODULES)) {
  const api = await loadWasm(name);

  test(`${name}: ${SCENARIOS} generated scenarios agree with the contract's formulas`, () => {
    let withWarnings = 0;
    let steppedDown = 0;
    for (let seed = 1; seed <= SCENARIOS; seed += 1) {
      const { input, expected } = generateScenario(seed);
      const actual = api.calculate(input);
      assert.equal(actual.ok, true, `scenario seed ${seed} was refused: ${JSON.stringify(actual.errors)}\n${JSON.stringify(input)}`);
      actual.result.warnings = bySet(actual.result.warnings);
      expected.result.warnings = bySet(expected.result.warnings);
      assert.deepStrictEqual(actual, expected, `scenario seed ${seed}: ${JSON.stringify(input)}`);
      if (expected.result.warnings.length) withWarnings += 1;
      if (expected.result.episode?.saving_pence > 0) steppedDown += 1;
    }
    // The generator reaches the cases that matter, not only the easy ones.
    assert.ok(withWarnings > SCENARIOS / 10, `only ${withWarnings} generated scenarios had warnings`);
    assert.ok(steppedDown > SCENARIOS / 20, `only ${steppedDown} generated scenarios had a week cheaper than the first`);
  });

  test(`${name}: ${COHORTS} generated cohorts agree with the contract's formulas`, () => {
    for (let seed = 1; seed <= COHORTS; seed += 1) {
      const { input, expected } = generateCohort(seed);
      assert.deepStrictEqual(api.calculateCohort(input), expected, `cohort seed ${seed}: ${JSON.stringify(input).slice(0, 400)}`);
    }
  });
}
