// Differential tests of the service over time (contract 1.2, "The service over time"): a
// second implementation here, written from the contract's text with exact fractions of
// BigInts (not the core's common denominator), and hundreds of generated dated cohorts —
// weeks and months, gaps, runs, trends, outliers, flat series, targets — compared with what
// every built module's calculateCohort answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWasm, MODULES } from './lib/wasm.mjs';

const COHORTS = 300;
const DAY = 86_400_000;

// ---------------------------------------------------------------- fractions

const abs = (n) => (n < 0n ? -n : n);
const gcd = (a, b) => { a = abs(a); b = abs(b); while (b) [a, b] = [b, a % b]; return a || 1n; };
const F = (n, d = 1n) => { if (d < 0n) { n = -n; d = -d; } const g = gcd(n, d); return { n: n / g, d: d / g }; };
const add = (a, b) => F(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a, b) => F(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a, b) => F(a.n * b.n, a.d * b.d);
const cmp = (a, b) => { const l = a.n * b.d; const r = b.n * a.d; return l < r ? -1 : l > r ? 1 : 0; };
const sign = (a) => (a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
/** round(n ÷ d), half away from zero. */
function divRound(n, d) {
  const negative = n < 0n;
  const m = (abs(n) * 2n + d) / (2n * d);
  return negative ? -m : m;
}
const round = (a) => Number(divRound(a.n, a.d));

// ---------------------------------------------------------------- the contract, again

function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

function periodOf(day, period) {
  if (period === 'week') {
    const dow = new Date(day * DAY).getUTCDay(); // 0 Sunday … 6 Saturday
    const monday = day - ((dow + 6) % 7);
    return { key: monday / 7, start: isoOf(monday), days: 7 };
  }
  const date = new Date(day * DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const days = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return { key: y * 12 + m, start: `${y}-${String(m + 1).padStart(2, '0')}-01`, days };
}

function nextPeriod(p, period) {
  if (period === 'week') {
    const monday = dayNumber(p.start) + 7;
    return { key: p.key + 1, start: isoOf(monday), days: 7 };
  }
  const [y, m] = p.start.split('-').map(Number);
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return { key: p.key + 1, start: `${ny}-${String(nm).padStart(2, '0')}-01`, days: new Date(Date.UTC(ny, nm, 0)).getUTCDate() };
}

/** One XmR chart from its points, as the contract's steps 1–8 say. */
function chart(values, lowerIsBetter, target) {
  const points = values.map((v, i) => ({ v, i })).filter((p) => p.v !== null);
  const k = points.length;
  if (k < 2) return null;
  const x = points.map((p) => F(BigInt(p.v)));
  const mean = F(x.reduce((s, v) => s + v.n, 0n), BigInt(k));
  const mr = x.slice(1).map((v, i) => abs(v.n - x[i].n));
  const amr = F(mr.reduce((a, b) => a + b, 0n), BigInt(k - 1));
  let kept = mr;
  if (amr.n !== 0n) kept = mr.filter((r) => cmp(F(r), mul(F(3267n, 1000n), amr)) < 0);
  const amr2 = F(kept.reduce((a, b) => a + b, 0n), BigInt(kept.length));
  const spread = mul(F(266n, 100n), amr2);
  const nearSpread = mul(F(2n, 3n), spread);
  const ul = add(mean, spread);
  const ll = sub(mean, spread);
  const side = x.map((v) => sign(sub(v, mean)));
  const outside = x.map((v) => cmp(v, ul) > 0 || cmp(v, ll) < 0);
  const near = x.map((v, i) => !outside[i] && (cmp(v, add(mean, nearSpread)) > 0 || cmp(v, sub(mean, nearSpread)) < 0));
  const inRuns = (joined) => {
    const marked = new Array(k).fill(false);
    let start = 0;
    for (let i = 1; i <= k; i += 1) {
      if (i === k || !joined(i)) {
        if (i - start >= 7) for (let j = start; j < i; j += 1) marked[j] = true;
        start = i;
      }
    }
    return marked;
  };
  const run = inRuns((i) => side[i] !== 0 && side[i] === side[i - 1]);
  const up = inRuns((i) => cmp(x[i], x[i - 1]) > 0);
  const down = inRuns((i) => cmp(x[i], x[i - 1]) < 0);
  const trend = x.map((_, i) => up[i] || down[i]);
  const twoOfThree = x.map((_, i) => {
    if (!near[i]) return false;
    for (let s = i - 2; s <= i; s += 1) {
      if (s < 0 || s + 2 >= k) continue;
      const w = [s, s + 1, s + 2];
      if (w.filter((j) => near[j]).length >= 2 && w.every((j) => side[j] !== 0 && side[j] === side[s])) return true;
    }
    return false;
  });
  const better = lowerIsBetter ? -1 : 1;
  const types = x.map((v, i) => {
    let direction = null;
    if (outside[i]) direction = side[i];
    else if (trend[i]) direction = (i + 1 < k && trend[i + 1]) ? sign(sub(x[i + 1], v)) : sign(sub(v, x[i - 1]));
    else if (twoOfThree[i] || run[i]) direction = side[i];
    if (direction === null) return 'common_cause';
    return direction === better ? 'improvement' : 'concern';
  });
  let assurance = null;
  if (target !== null) {
    const t = F(BigInt(target));
    const above = cmp(t, ul) > 0;
    const below = cmp(t, ll) < 0;
    assurance = lowerIsBetter ? (above ? 'pass' : below ? 'fail' : 'hit_and_miss') : (below ? 'pass' : above ? 'fail' : 'hit_and_miss');
  }
  const pointTypes = values.map(() => null);
  points.forEach((p, j) => { pointTypes[p.i] = types[j]; });
  return {
    points: k, short: k < 12, mean: round(mean), upper_limit: round(ul), lower_limit: round(ll),
    target, point_types: pointTypes, variation: types[k - 1], assurance,
  };
}

function expectedOverTime(rows, period, baselinePence, targetHundredths) {
  const dated = rows.filter((r) => r.ended);
  if (dated.length === 0) return null;
  const days = dated.map((r) => dayNumber(r.ended));
  let p = periodOf(Math.min(...days), period);
  const last = periodOf(Math.max(...days), period);
  const periods = [];
  for (;;) {
    const inIt = dated.filter((r) => periodOf(dayNumber(r.ended), period).key === p.key);
    const n = BigInt(inIt.length);
    const none = inIt.filter((r) => r.after === 0n).length;
    periods.push({
      start: p.start,
      count: inIt.length,
      mean_before_pence: n ? Number(divRound(inIt.reduce((s, r) => s + r.before, 0n), n)) : null,
      mean_after_pence: n ? Number(divRound(inIt.reduce((s, r) => s + r.after, 0n), n)) : null,
      no_ongoing_care_count: none,
      no_ongoing_care_percent: n ? Number(divRound(BigInt(none) * 1000n, n)) / 10 : null,
      people_per_week: Number(divRound(n * 700n, BigInt(p.days))) / 100,
    });
    if (p.key === last.key) break;
    p = nextPeriod(p, period);
  }
  return {
    period,
    undated_count: rows.length - dated.length,
    periods,
    after_chart: chart(periods.map((q) => q.mean_after_pence), true, baselinePence),
    volume_chart: chart(periods.map((q) => Math.round(q.people_per_week * 100)), false, targetHundredths),
  };
}

// ---------------------------------------------------------------- generated cohorts

function generator(seed) {
  let state = seed >>> 0;
  const next = () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 2 ** 32; };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return { int, chance: (p) => next() < p, pick: (a) => a[int(0, a.length - 1)] };
}

/** A cohort shaped to reach the rules: a level, then a shift, a trend, outliers or flat. */
function generate(seed) {
  const g = generator(seed);
  const period = g.chance(0.7) ? 'week' : 'month';
  const spanDays = period === 'week' ? g.int(0, 40) * 7 + g.int(0, 6) : g.int(0, 30) * 30;
  const first = Date.UTC(g.int(2000, 2090), g.int(0, 11), g.int(1, 28)) / DAY;
  const shape = g.pick(['noise', 'shift', 'trend', 'outlier', 'flat', 'sparse']);
  const rows = [];
  const n = shape === 'sparse' ? g.int(1, 12) : g.int(2, 160);
  for (let i = 0; i < n; i += 1) {
    const offset = spanDays ? g.int(0, spanDays) : 0;
    const at = offset / Math.max(1, spanDays);
    let after = shape === 'flat' ? 2500 : g.chance(0.4) ? 0 : g.int(500, 9000);
    if (shape === 'shift' && at > 0.5) after = Math.floor(after / 3);
    if (shape === 'trend') after = Math.floor(1000 + at * 8000 + g.int(0, 300));
    if (shape === 'outlier' && g.chance(0.03)) after = g.int(50_000, 150_000);
    const ended = g.chance(0.93) ? isoOf(first + offset) : null;
    rows.push({ before: BigInt(g.int(0, 60_000)), after: BigInt(after), ended });
  }
  const baseline = g.pick([3813, 2998, 0, 10_000, g.int(0, 20_000)]);
  const target = g.chance(0.6) ? g.int(0, 3000) : null;
  const input = {
    rows: rows.map((r, i) => ({ reference: `R-${i}`, before_weekly: `${r.before / 100n}.${String(r.before % 100n).padStart(2, '0')}`, after_weekly: Number(r.after) / 100, ended: r.ended })),
    baseline_weekly: `${Math.floor(baseline / 100)}.${String(baseline % 100).padStart(2, '0')}`,
    period,
    target_per_week: target === null ? null : `${Math.floor(target / 100)}.${String(target % 100).padStart(2, '0')}`,
  };
  return { input, expected: expectedOverTime(rows, period, baseline, target) };
}

for (const name of Object.keys(MODULES)) {
  test(`${name}: ${COHORTS} generated dated cohorts give the contract's over_time, worked out again here`, async () => {
    const api = await loadWasm(name);
    const kinds = new Set();
    for (let seed = 1; seed <= COHORTS; seed += 1) {
      const { input, expected } = generate(seed);
      const answer = api.calculateCohort(input);
      assert.equal(answer.ok, true, `seed ${seed}: ${JSON.stringify(answer.errors)}`);
      assert.deepEqual(answer.result.over_time, expected, `seed ${seed} (${input.period}, ${input.rows.length} rows)`);
      for (const c of [expected?.after_chart, expected?.volume_chart]) for (const t of c?.point_types ?? []) kinds.add(t);
      if (expected?.after_chart) kinds.add(`assurance:${expected.after_chart.assurance}`);
    }
    // The generated cohorts reach every point type and assurance, so the comparison can fail.
    for (const kind of ['common_cause', 'improvement', 'concern', null, 'assurance:pass', 'assurance:fail', 'assurance:hit_and_miss']) {
      assert.ok(kinds.has(kind), `no generated cohort gave ${kind}`);
    }
  });
}
