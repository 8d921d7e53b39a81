//! The histogram's bands: how many people's care 28 days after reablement falls in each
//! weekly cost band. The bands are fixed £25 steps up to £200 plus one open band, and the
//! baseline is always one of the band edges (the band it falls in is split there), so every
//! band is wholly at or below the baseline or wholly above it. Counting compares whole pence.

use crate::calc::money::Pence;

/// The fixed upper edges of the bands, in pence: £0 (no ongoing care), then £25 steps.
const EDGES: [i64; 9] = [0, 2_500, 5_000, 7_500, 10_000, 12_500, 15_000, 17_500, 20_000];

/// One band of weekly cost: above `lower` (exclusive) up to `upper` (inclusive). The first
/// band is exactly £0 (`lower` is `None`); the last is open (`upper` is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub lower: Option<Pence>,
    pub upper: Option<Pence>,
    pub count: usize,
}

impl Band {
    /// `£0.00`, `£0.01 to £25.00`, `Over £200.00`.
    pub fn label(&self) -> String {
        match (self.lower, self.upper) {
            (None, Some(upper)) => upper.display(),
            // The lowest amount in the band is one penny above the edge below it.
            (Some(lower), Some(upper)) => format!("{} to {}", Pence(lower.0 + 1).display(), upper.display()),
            (Some(lower), None) => format!("Over {}", lower.display()),
            (None, None) => String::new(),
        }
    }

    /// Whether every amount in the band is at or below `baseline`.
    pub fn at_or_below(&self, baseline: Pence) -> bool {
        self.upper.is_some_and(|u| u <= baseline)
    }
}

/// The bands for a baseline (negative baselines are treated as £0), each with how many of
/// `amounts` fall in it.
pub fn count_bands(amounts: impl IntoIterator<Item = Pence>, baseline: Pence) -> Vec<Band> {
    let baseline = baseline.0.max(0);
    let mut uppers: Vec<i64> = EDGES.to_vec();
    if let Err(at) = uppers.binary_search(&baseline) {
        uppers.insert(at, baseline);
    }
    let mut counts = vec![0usize; uppers.len() + 1];
    for amount in amounts {
        // The first band whose upper edge is at or above the amount; past the end: open band.
        counts[uppers.partition_point(|u| *u < amount.0)] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| Band {
            lower: (i > 0).then(|| Pence(uppers[i - 1])),
            upper: uppers.get(i).map(|u| Pence(*u)),
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pence: &[i64]) -> Vec<Pence> {
        pence.iter().map(|p| Pence(*p)).collect()
    }

    #[test]
    fn the_band_holding_the_baseline_is_split_at_it() {
        let bands = count_bands(p(&[0, 0, 1, 2500, 2501, 3813, 3814, 5000, 20_000, 20_001, 10_000_000]), Pence(3813));
        let labels: Vec<String> = bands.iter().map(Band::label).collect();
        assert_eq!(
            labels,
            [
                "£0.00",
                "£0.01 to £25.00",
                "£25.01 to £38.13",
                "£38.14 to £50.00",
                "£50.01 to £75.00",
                "£75.01 to £100.00",
                "£100.01 to £125.00",
                "£125.01 to £150.00",
                "£150.01 to £175.00",
                "£175.01 to £200.00",
                "Over £200.00"
            ]
        );
        let counts: Vec<usize> = bands.iter().map(|b| b.count).collect();
        assert_eq!(counts, [2, 2, 2, 2, 0, 0, 0, 0, 0, 1, 2]);
        let below: Vec<bool> = bands.iter().map(|b| b.at_or_below(Pence(3813))).collect();
        assert_eq!(below, [true, true, true, false, false, false, false, false, false, false, false]);
    }

    #[test]
    fn a_baseline_on_an_edge_adds_no_band() {
        let bands = count_bands(p(&[2500, 2501]), Pence(2500));
        assert_eq!(bands.len(), 10);
        assert_eq!(bands[1].count, 1);
        assert_eq!(bands[2].count, 1);
        assert!(bands[1].at_or_below(Pence(2500)) && !bands[2].at_or_below(Pence(2500)));
    }

    #[test]
    fn zero_and_high_baselines() {
        let bands = count_bands(p(&[0, 5]), Pence(0));
        assert_eq!(bands.len(), 10);
        assert_eq!((bands[0].count, bands[1].count), (1, 1));
        assert!(bands[0].at_or_below(Pence(0)) && !bands[1].at_or_below(Pence(0)));
        let bands = count_bands(p(&[25_000, 1_000_000, 1_000_001]), Pence(1_000_000));
        assert_eq!(bands.len(), 11);
        assert_eq!(bands[9].label(), "£200.01 to £10,000.00");
        assert_eq!(bands[9].count, 2);
        assert_eq!(bands[10].label(), "Over £10,000.00");
        assert_eq!(bands[10].count, 1);
    }

    #[test]
    fn every_amount_is_counted_once() {
        let amounts: Vec<Pence> = (0..20_000).map(|i| Pence(i * 137 % 30_000)).collect();
        let bands = count_bands(amounts.iter().copied(), Pence(3813));
        assert_eq!(bands.iter().map(|b| b.count).sum::<usize>(), amounts.len());
        for band in &bands {
            let inside = amounts
                .iter()
                .filter(|a| band.lower.is_none_or(|l| **a > l) && band.upper.is_none_or(|u| **a <= u))
                .count();
            assert_eq!(inside, band.count, "{}", band.label());
        }
    }
}
