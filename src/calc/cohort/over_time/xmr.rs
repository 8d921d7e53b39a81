//! XmR charts as NHS England's "Making Data Count" draws them (contract 1.2, "The two
//! charts"; the NHS-R community's `NHSRplotthedots` 0.2 is the reference): the mean, the
//! screened average moving range, the process limits, each point's special cause and type,
//! and assurance against a target. Exact: every value is an integer, and every comparison
//! is made over one common denominator, so nothing is rounded until it is reported.

use crate::calc::money::div_round;

/// Which way is better: the outcome (a cost) is better lower, the volume higher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Lower,
    Higher,
}

impl Better {
    fn direction(self) -> i64 {
        match self {
            Better::Lower => -1,
            Better::Higher => 1,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointType {
    CommonCause,
    Improvement,
    Concern,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assurance {
    Pass,
    Fail,
    HitAndMiss,
}

/// Why a point shows special cause, in the order the contract takes its direction from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Outside,
    Trend,
    TwoOfThree,
    Run,
}

/// One chart, as the contract reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub points: usize,
    pub short: bool,
    pub mean: i64,
    pub upper_limit: i64,
    pub lower_limit: i64,
    pub target: Option<i64>,
    /// One per period; `None` where the period has no point.
    pub point_types: Vec<Option<PointType>>,
    pub variation: PointType,
    pub assurance: Option<Assurance>,
    /// Why each point (not period) is special cause, for the words beside the chart (not in
    /// the API's answer).
    pub rules: Vec<Option<Rule>>,
}

/// Points fewer than this make the limits a rough guide.
pub const SHORT: usize = 12;
/// Points in a run on one side of the mean, or in a trend, that make special cause.
const RUN: usize = 7;

/// The chart of `values` (one per period; `None` for a period without a point), or `None`
/// with fewer than 2 points.
///
/// Integers are `i64`: a point is at most £100,000.00 (10⁷ pence, a row's largest amount) or
/// 100,000 people a week (10⁷ hundredths), and there are at most 520 points, so the largest
/// product below (a point × the common denominator, 300 × 520 × 519) is under 10¹⁵, far
/// inside `i64`. (`i128` arithmetic made this code half as large again in WebAssembly.)
pub fn chart(values: &[Option<i64>], better: Better, target: Option<i64>) -> Option<Chart> {
    let x: Vec<i64> = values.iter().flatten().copied().collect();
    let k = x.len() as i64;
    if k < 2 {
        return None;
    }
    let sum: i64 = x.iter().sum();
    let range = |i: usize| (x[i] - x[i - 1]).abs();
    let n = k - 1;
    let range_sum: i64 = (1..x.len()).map(range).sum();
    // Screening: keep mR < 3.267 × (ΣmR ÷ (k − 1)), that is mR × (k − 1) × 1000 < 3267 × ΣmR.
    // When every mR is 0, all are kept.
    let (mut kept_sum, mut kept) = (0, 0);
    for i in 1..x.len() {
        let r = range(i);
        if range_sum == 0 || r * n * 1000 < 3267 * range_sum {
            kept_sum += r;
            kept += 1;
        }
    }
    // Over the common denominator D = 300 × k × kept: mean = Σx·300·kept ÷ D, and
    // 2.66 × amR = 2.66 × kept_sum ÷ kept = 798·k·kept_sum ÷ D (near: 532·k·kept_sum ÷ D).
    let d = 300 * k * kept;
    let mean = sum * 300 * kept;
    let spread = 798 * k * kept_sum;
    let near_spread = 532 * k * kept_sum;
    let (upper, lower) = (mean + spread, mean - spread);
    let side = |i: usize| (x[i] * d - mean).signum();
    let outside = |i: usize| (x[i] * d - mean).abs() > spread;
    let near = |i: usize| !outside(i) && (x[i] * d - mean).abs() > near_spread;
    let len = x.len();
    let in_run = runs(len, &|i| side(i) != 0 && side(i) == side(i - 1));
    let rising = runs(len, &|i| x[i] > x[i - 1]);
    let falling = runs(len, &|i| x[i] < x[i - 1]);
    let in_trend = |i: usize| rising[i] || falling[i];
    // Near, and one of 3 consecutive points, at least 2 of them near, all on one side.
    let two_of_three = |i: usize| {
        near(i)
            && len >= 3
            && (i.saturating_sub(2)..=i.min(len - 3)).any(|s| {
                (s..s + 3).filter(|&j| near(j)).count() >= 2 && (s..s + 3).all(|j| side(j) != 0 && side(j) == side(s))
            })
    };
    let step = |a: usize, b: usize| (x[b] - x[a]).signum();
    let mut rules = Vec::with_capacity(len);
    let mut types = Vec::with_capacity(len);
    for (i, &run) in in_run.iter().enumerate() {
        let (rule, direction) = if outside(i) {
            (Some(Rule::Outside), side(i))
        } else if in_trend(i) {
            (Some(Rule::Trend), if i + 1 < len && in_trend(i + 1) { step(i, i + 1) } else { step(i - 1, i) })
        } else if two_of_three(i) {
            (Some(Rule::TwoOfThree), side(i))
        } else if run {
            (Some(Rule::Run), side(i))
        } else {
            (None, 0)
        };
        types.push(match rule {
            None => PointType::CommonCause,
            Some(_) if direction == better.direction() => PointType::Improvement,
            Some(_) => PointType::Concern,
        });
        rules.push(rule);
    }

    // A target equal to a limit is hit and miss.
    let assurance = target.map(|t| {
        let t = t * d;
        let (passes, fails) = match better {
            Better::Lower => (t > upper, t < lower),
            Better::Higher => (t < lower, t > upper),
        };
        match (passes, fails) {
            (true, _) => Assurance::Pass,
            (_, true) => Assurance::Fail,
            _ => Assurance::HitAndMiss,
        }
    });
    let report = |v: i64| div_round(i128::from(v), i128::from(d)) as i64;
    let mut point = types.iter();
    let point_types = values.iter().map(|v| v.and_then(|_| point.next().copied())).collect();
    Some(Chart {
        points: len,
        short: len < SHORT,
        mean: report(mean),
        upper_limit: report(upper),
        lower_limit: report(lower),
        target,
        point_types,
        variation: types[len - 1],
        assurance,
        rules,
    })
}

/// Marks every point of each run of at least [`RUN`] consecutive points in which each point
/// after the first is `joined` to the one before it.
fn runs(k: usize, joined: &dyn Fn(usize) -> bool) -> Vec<bool> {
    let mut marked = vec![false; k];
    let mut start = 0;
    for i in 1..=k {
        if i == k || !joined(i) {
            if i - start >= RUN {
                marked[start..i].iter_mut().for_each(|m| *m = true);
            }
            start = i;
        }
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;
    use PointType::{CommonCause as C, Concern as X, Improvement as I};

    fn lower(values: &[i64]) -> Chart {
        chart(&values.iter().map(|&v| Some(v)).collect::<Vec<_>>(), Better::Lower, None).unwrap()
    }

    fn types(c: &Chart) -> Vec<PointType> {
        c.point_types.iter().flatten().copied().collect()
    }

    #[test]
    fn fewer_than_two_points_is_no_chart() {
        assert_eq!(chart(&[], Better::Lower, None), None);
        assert_eq!(chart(&[Some(5), None, None], Better::Lower, None), None);
        assert!(chart(&[Some(5), None, Some(6)], Better::Lower, None).is_some());
    }

    #[test]
    fn mean_and_limits_are_exact_and_rounded_once() {
        // mean 20; mRs 10, 10; amR 10; limits 20 ± 26.6.
        let c = lower(&[10, 20, 30]);
        assert_eq!((c.mean, c.upper_limit, c.lower_limit), (20, 47, -7));
        assert!(c.short);
        // mean 1/3 rounds to 0; amR 0.5; UL 1/3 + 1.33 = 1.666… → 2, LL −0.996… → −1.
        let c = lower(&[0, 0, 1]);
        assert_eq!((c.mean, c.upper_limit, c.lower_limit), (0, 2, -1));
    }

    #[test]
    fn an_outlying_moving_range_is_screened_out() {
        // Eleven 100s and one 1000: mRs are ten 0s and one 900 (amR 900/11 ≈ 81.8, and
        // 900 ≥ 3.267 × 81.8 = 267.3), so the 900 is screened out and amR is 0.
        let mut values = vec![100; 11];
        values.push(1000);
        let c = lower(&values);
        // mean 2100/12 = 175; limits = mean (amR 0), so the 1000 is outside: concern (higher).
        assert_eq!((c.mean, c.upper_limit, c.lower_limit), (175, 175, 175));
        assert_eq!(types(&c)[11], X);
        assert_eq!(c.rules[11], Some(Rule::Outside));
        // Without screening amR would be 81.8 and the upper limit 175 + 217.6 = 393.
        assert!(!c.short);
    }

    #[test]
    fn a_flat_series_is_all_common_cause() {
        let c = lower(&[500; 15]);
        assert_eq!((c.mean, c.upper_limit, c.lower_limit), (500, 500, 500));
        assert!(types(&c).iter().all(|t| *t == C), "side 0 breaks every run: {:?}", types(&c));
        assert_eq!(c.variation, C);
    }

    fn higher(values: &[i64]) -> Chart {
        chart(&values.iter().map(|&v| Some(v)).collect::<Vec<_>>(), Better::Higher, None).unwrap()
    }

    #[test]
    fn a_run_of_seven_on_one_side_is_special_cause_and_six_is_not() {
        // Alternating about the mean, then 7 points just below it (none near a limit).
        let mut v = vec![60, 40, 60, 40, 60, 40, 60, 40, 60];
        v.extend([44, 42, 45, 41, 44, 42, 45]);
        let c = lower(&v);
        let t = types(&c);
        assert!(t[..9].iter().all(|x| *x == C), "{t:?}");
        assert!(t[9..].iter().all(|x| *x == I), "below the mean, lower is better: {t:?}");
        assert_eq!(c.rules[9], Some(Rule::Run));
        assert_eq!(higher(&v).variation, X, "below the mean, higher is better");
        // Six only: no run.
        let c = lower(&v[..15]);
        assert!(types(&c).iter().all(|x| *x == C), "{:?}", types(&c));
    }

    #[test]
    fn a_trend_of_seven_falling_points_is_special_cause_and_an_equal_pair_breaks_it() {
        // 65, 60, … 35: six falls in a row, inside the limits.
        let v = [50, 30, 70, 35, 65, 60, 55, 50, 45, 40, 35];
        let c = higher(&v);
        let t = types(&c);
        assert!(t[..4].iter().all(|x| *x == C), "{t:?}");
        assert!(t[4..].iter().all(|x| *x == X), "falling, higher is better: {t:?}");
        assert_eq!(c.rules[4], Some(Rule::Trend));
        assert_eq!(lower(&v).variation, I);
        let broken = [50, 30, 70, 35, 65, 60, 55, 55, 45, 40, 35];
        assert!(higher(&broken).rules.iter().all(Option::is_none), "{:?}", higher(&broken).rules);
        // Five falls after the first point of the run is not a trend either.
        assert!(higher(&v[..10]).rules.iter().all(Option::is_none));
    }

    #[test]
    fn a_point_in_two_trends_takes_the_step_to_the_next_point() {
        // Six rises to 60 (index 11), then six falls: the peak is in both and takes the fall.
        let v = [40, 20, 60, 25, 55, 30, 35, 40, 45, 50, 55, 60, 55, 50, 45, 40, 35, 30, 45];
        let c = higher(&v);
        let t = types(&c);
        assert!(t[..5].iter().all(|x| *x == C), "{t:?}");
        assert!(t[5..11].iter().all(|x| *x == I), "rising: {t:?}");
        assert!(t[11..18].iter().all(|x| *x == X), "the peak and the fall: {t:?}");
        assert_eq!(t[18], C);
    }

    #[test]
    fn two_of_three_near_a_limit_on_one_side() {
        // Steady at 48/52, then 62, 56, 62: the 62s are near the upper limit (61.69 to 66.47).
        let v = [48, 52, 48, 52, 48, 52, 48, 52, 48, 52, 62, 56, 62, 50];
        let c = lower(&v);
        let t = types(&c);
        assert_eq!(c.rules[10], Some(Rule::TwoOfThree), "{:?} {c:?}", c.rules);
        assert_eq!((t[10], t[11], t[12]), (X, C, X), "only the near points, and higher is worse: {t:?}");
        // Near points on opposite sides of the mean are not special cause.
        let v = [48, 52, 48, 52, 48, 52, 48, 52, 48, 52, 62, 50, 38, 50];
        let c = lower(&v);
        assert!(c.rules.iter().all(Option::is_none), "{:?}", c.rules);
    }

    #[test]
    fn a_point_outside_the_limits_is_special_cause_in_its_own_direction() {
        let v = [50, 40, 60, 50, 40, 60, 50, 40, 60, 50, 40, 60, 0];
        let c = lower(&v);
        assert_eq!(c.rules[12], Some(Rule::Outside));
        assert_eq!(c.variation, I, "below the lower limit, lower is better");
        assert_eq!(higher(&v).variation, X);
        assert!(c.rules[..12].iter().all(Option::is_none));
    }

    #[test]
    fn a_gap_leaves_the_period_without_a_type_and_joins_its_neighbours() {
        let values = [Some(10), None, Some(30), Some(20)];
        let c = chart(&values, Better::Lower, None).unwrap();
        assert_eq!(c.points, 3);
        assert_eq!(c.point_types, vec![Some(C), None, Some(C), Some(C)]);
        // mRs 20 and 10 (10 → 30 are neighbours): amR 15, mean 20, UL 20 + 39.9.
        assert_eq!(c.upper_limit, 60);
    }

    #[test]
    fn assurance_at_a_limit_is_hit_and_miss() {
        // mean 20, amR 10: limits exactly −6.6 and 46.6 — use values making integer limits:
        // [0, 100]: mean 50, amR 100, limits 50 ± 266: 316 and −216.
        let at = |target: i64, better: Better| chart(&[Some(0), Some(100)], better, Some(target)).unwrap().assurance;
        assert_eq!(at(316, Better::Lower), Some(Assurance::HitAndMiss), "at the upper limit");
        assert_eq!(at(317, Better::Lower), Some(Assurance::Pass));
        assert_eq!(at(-217, Better::Lower), Some(Assurance::Fail));
        assert_eq!(at(-216, Better::Lower), Some(Assurance::HitAndMiss), "at the lower limit");
        assert_eq!(at(-217, Better::Higher), Some(Assurance::Pass));
        assert_eq!(at(317, Better::Higher), Some(Assurance::Fail));
        assert_eq!(at(316, Better::Higher), Some(Assurance::HitAndMiss));
        assert_eq!(chart(&[Some(0), Some(100)], Better::Lower, None).unwrap().assurance, None);
    }
}
