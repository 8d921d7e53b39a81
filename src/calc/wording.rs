//! How a weekly cost is put against the baseline, in words: written once here and used by the
//! one-person result, the whole-service view and the public explainer.

use super::money::Pence;

/// Where a cost stands against the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgainstBaseline {
    Below(Pence),
    Same,
    Above(Pence),
}

impl AgainstBaseline {
    /// From `cost − baseline` in pence (`Outcome::after_vs_baseline_pence`, a cohort's
    /// `after_vs_baseline_pence`).
    pub fn from_gap(gap: Pence) -> AgainstBaseline {
        match gap.signum() {
            -1 => AgainstBaseline::Below(-gap),
            1 => AgainstBaseline::Above(gap),
            _ => AgainstBaseline::Same,
        }
    }

    /// `£8.15 below the £38.13 baseline`, `£1.00 above the £38.13 baseline`,
    /// `the same as the £38.13 baseline`.
    pub fn words(self, baseline: Pence) -> String {
        match self {
            AgainstBaseline::Below(p) => format!("{} below the {} baseline", p.display(), baseline.display()),
            AgainstBaseline::Above(p) => format!("{} above the {} baseline", p.display(), baseline.display()),
            AgainstBaseline::Same => format!("the same as the {} baseline", baseline.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_put_in_words() {
        let baseline = Pence(3813);
        assert_eq!(AgainstBaseline::from_gap(Pence(-815)).words(baseline), "£8.15 below the £38.13 baseline");
        assert_eq!(AgainstBaseline::from_gap(Pence(100)).words(baseline), "£1.00 above the £38.13 baseline");
        assert_eq!(AgainstBaseline::from_gap(Pence::ZERO).words(baseline), "the same as the £38.13 baseline");
    }
}
