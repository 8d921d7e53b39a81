//! How many people's care 28 days after reablement falls in each weekly cost band, with the
//! baseline marked. The bands are fixed £25 steps up to £200 plus one open band, and the
//! baseline is always one of the band edges (the band it falls in is split there), so the
//! marker sits between two rows: every row above it is at or below the baseline, every row
//! below it is above. Counting compares whole pence; drawing is whole units of the viewBox.

use super::words::people;
use crate::calc::money::group_thousands;
use crate::calc::Pence;
use crate::ui::widgets::chart;
use yew::prelude::*;

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

#[derive(Properties, PartialEq)]
pub struct Props {
    pub bands: std::rc::Rc<Vec<Band>>,
    pub baseline: Pence,
    pub id: AttrValue,
}

/// Room for a label, in viewBox units: about 7 a character at the chart's 13 px text.
fn label_width(bands: &[Band]) -> i64 {
    7 * bands.iter().map(|b| b.label().chars().count() as i64).max().unwrap_or(0) + 8
}

const BAR_MAX: i64 = 96;
/// Room after the longest bar for its count (`100,000`).
const VALUE_W: i64 = 56;
const ROW_H: i64 = 27;
const BAR_H: i64 = 19;
const MARKER_H: i64 = 30;

/// The length of a bar for `count` when the largest is `max`: at least 2 units when above 0.
fn bar_length(count: usize, max: usize) -> i64 {
    chart::bar_length(count as i64, max as i64, BAR_MAX, 2)
}

/// The text alternative: every band's count, then where the baseline is.
pub fn describe(bands: &[Band], baseline: Pence) -> String {
    let mut text = bands.iter().map(|b| format!("{}: {}", b.label(), people(b.count))).collect::<Vec<_>>().join(". ");
    let at_or_below: usize = bands.iter().filter(|b| b.at_or_below(baseline)).map(|b| b.count).sum();
    let above: usize = bands.iter().filter(|b| !b.at_or_below(baseline)).map(|b| b.count).sum();
    text.push_str(&format!(
        ". The baseline is {}: {} at or below it, {} above it.",
        baseline.display(),
        people(at_or_below),
        people(above)
    ));
    text
}

#[component]
pub fn Histogram(props: &Props) -> Html {
    let bands = &props.bands;
    let max = bands.iter().map(|b| b.count).max().unwrap_or(0);
    let marker_after = bands.iter().rposition(|b| b.at_or_below(props.baseline));
    let height = 4 + ROW_H * bands.len() as i64 + MARKER_H;
    // As narrow as the labels allow, so the text stays near its 13 px on a 320 px screen.
    let label_w = label_width(bands);
    let width = label_w + BAR_MAX + VALUE_W;
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let mut y = 4;
    let mut parts: Vec<Html> = Vec::with_capacity(bands.len() + 1);
    for (i, band) in bands.iter().enumerate() {
        let w = bar_length(band.count, max);
        let class =
            if band.at_or_below(props.baseline) { "histogram__band histogram__band--below" } else { "histogram__band" };
        parts.push(html! {
            <g class={class}>
                <text class="chart__label" x="0" y={(y + 14).to_string()}>{ band.label() }</text>
                <rect class="histogram__bar" x={label_w.to_string()} y={y.to_string()} width={w.to_string()} height={BAR_H.to_string()} />
                <text class="chart__value" x={(label_w + w + 4).to_string()} y={(y + 14).to_string()}>{ group_thousands(band.count as u64) }</text>
            </g>
        });
        y += ROW_H;
        if marker_after == Some(i) {
            let line_y = y + 2;
            parts.push(html! {
                <g class="chart__marker">
                    <line x1="0" x2={width.to_string()} y1={line_y.to_string()} y2={line_y.to_string()} />
                    <text x="0" y={(line_y + 17).to_string()}>{ format!("Baseline {}", props.baseline.display()) }</text>
                </g>
            });
            y += MARKER_H;
        }
    }
    html! {
        <figure class="chart histogram">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id}>{ "Number of people in each band of weekly cost of care 28 days after reablement" }</title>
                <desc id={desc_id}>{ describe(bands, props.baseline) }</desc>
                { for parts }
            </svg>
        </figure>
    }
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

    #[test]
    fn description_lists_every_band_and_the_baseline() {
        let bands = count_bands(p(&[0, 0, 0, 0, 0, 4410, 5140, 6027, 7228, 7175]), Pence(3813));
        let text = describe(&bands, Pence(3813));
        assert!(
            text.starts_with(
                "£0.00: 5 people. £0.01 to £25.00: 0 people. £25.01 to £38.13: 0 people. £38.14 to £50.00: 1 person."
            ),
            "{text}"
        );
        assert!(text.ends_with("The baseline is £38.13: 5 people at or below it, 5 people above it."), "{text}");
        assert_eq!(bar_length(1, 100_000), 2);
        assert_eq!(bar_length(100_000, 100_000), BAR_MAX);
        assert_eq!(bar_length(0, 5), 0);
        assert_eq!(label_width(&bands), 7 * "£175.01 to £200.00".chars().count() as i64 + 8);
    }
}
