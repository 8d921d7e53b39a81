//! The service over time (contract 1.2), in the whole-service view: weeks or months, the
//! outcome and volume XmR charts with their variation and assurance in Making Data Count's
//! words and in plain English, the periods' table (the charts' text alternative, and what a
//! performance team copies into its report), its CSV download, and how to read the charts.

use super::state::{Action, Figures, State};
use super::words::{hundredths, people};
use super::xmr_chart::{short_name, Unit, XmrChart};
use crate::calc::cohort::over_time::{Assurance, Chart, OverTime, PeriodResult, PointType, Rule};
use crate::calc::cohort::{Day, Period};
use crate::calc::money::{group_thousands, one_place};
use crate::ui::browser::files::{csv_text, download};
use crate::ui::widgets::fields::{FieldState, Radios};
use std::rc::Rc;
use yew::prelude::*;

/// `week`/`weeks` or `month`/`months`.
fn noun(period: Period, n: usize) -> &'static str {
    match (period, n == 1) {
        (Period::Week, true) => "week",
        (Period::Week, false) => "weeks",
        (Period::Month, true) => "month",
        (Period::Month, false) => "months",
    }
}

/// A period's first day in full: `1 Sep 2025` (a week), `September 2025` (a month).
pub fn long_name(start: Day, period: Period) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match period {
        Period::Week => {
            let (y, _, _) = start.ymd();
            format!("{} {y}", short_name(start, Period::Week))
        }
        Period::Month => {
            let (y, m, _) = start.ymd();
            format!("{} {y}", MONTHS[m as usize - 1])
        }
    }
}

/// Making Data Count's name for a point type.
pub fn type_name(kind: PointType) -> &'static str {
    match kind {
        PointType::CommonCause => "Common cause variation",
        PointType::Improvement => "Special cause improvement",
        PointType::Concern => "Special cause concern",
    }
}

/// How many points at the end of `x` are all on the last one's side of the mean (exactly:
/// x × k against Σx), or all rise or all fall, as the last one's rule says.
fn trailing(x: &[i64], rule: Rule) -> usize {
    let k = x.len() as i64;
    let sum: i64 = x.iter().sum();
    let side = |v: i64| (v * k - sum).signum();
    let last = x.len() - 1;
    let joined = |i: usize| match rule {
        Rule::Trend => (x[i + 1] - x[i]).signum() == (x[last] - x[last - 1]).signum(),
        _ => side(x[i]) == side(x[last]) && side(x[i]) != 0,
    };
    let mut n = 1;
    while n < x.len() && joined(last - n) {
        n += 1;
    }
    n
}

/// The variation in Making Data Count's words, then what made it so: `("Special cause
/// improvement", "the last 8 weeks are all below the average")`.
pub fn variation_words(chart: &Chart, values: &[Option<i64>], period: Period) -> (String, String) {
    let x: Vec<i64> = values.iter().flatten().copied().collect();
    let last = x.len() - 1;
    let above = x[last] as i128 * x.len() as i128 > x.iter().map(|v| *v as i128).sum::<i128>();
    let over = if above { "above" } else { "below" };
    let detail = match chart.rules[last] {
        None => format!(
            "the last {} is inside the process limits and part of no pattern, so the ups and downs are the usual ones",
            noun(period, 1)
        ),
        Some(Rule::Outside) => format!(
            "the last {} is {} process limit",
            noun(period, 1),
            if above { "above the upper" } else { "below the lower" }
        ),
        Some(Rule::Trend) => {
            let n = trailing(&x, Rule::Trend);
            let higher = if x[last] > x[last - 1] { "higher" } else { "lower" };
            format!("each of the last {n} {} is {higher} than the one before", noun(period, n))
        }
        Some(Rule::TwoOfThree) => format!(
            "2 of the last 3 {} are close to the {} process limit",
            noun(period, 3),
            if above { "upper" } else { "lower" }
        ),
        Some(Rule::Run) => {
            let n = trailing(&x, Rule::Run);
            format!("the last {n} {} are all {over} the average", noun(period, n))
        }
    };
    (type_name(chart.variation).to_string(), detail)
}

/// What the variation means, in plain English.
pub fn variation_meaning(kind: PointType) -> &'static str {
    match kind {
        PointType::CommonCause => "Nothing here is news: a point above or below the average is not by itself a sign that anything has changed.",
        PointType::Improvement => "Something has changed for the better: find out what, so it can be kept.",
        PointType::Concern => "Something has changed for the worse: find out why.",
    }
}

/// Assurance in Making Data Count's words and plain English, for a chart whose target is
/// `target` (`the baseline (£38.13)`), where `reach` is what a period does to it (`beat`).
pub fn assurance_words(chart: &Chart, unit: Unit, target_name: &str, reach: &str, period: Period) -> String {
    let one = noun(period, 1);
    let Some(target) = chart.target else {
        return "No target: enter a target people a week (section 2) to see whether the service can be expected to reach it.".into();
    };
    let target = format!("{target_name} ({})", unit.label(target));
    match chart.assurance {
        Some(Assurance::Pass) => {
            let (limit, side) = match reach {
                "beat" => ("upper", "above"),
                _ => ("lower", "below"),
            };
            format!("Consistently passes: {target} is {side} the {limit} process limit, so every {one} can be expected to {reach} it.")
        }
        Some(Assurance::Fail) => {
            let (limit, side) = match reach {
                "beat" => ("lower", "below"),
                _ => ("upper", "above"),
            };
            format!("Consistently fails: {target} is {side} the {limit} process limit, so no {one} can be expected to {reach} it until something about the service changes.")
        }
        _ => format!(
            "Hit and miss: {target} is inside the process limits, so some {} will {reach} it and some will not.",
            noun(period, 2)
        ),
    }
}

/// A point type in the table's words.
fn type_cell(kind: Option<PointType>) -> &'static str {
    match kind {
        None => "No point",
        Some(PointType::CommonCause) => "Common cause",
        Some(PointType::Improvement) => "Improvement",
        Some(PointType::Concern) => "Concern",
    }
}

/// Every period's figures as CSV, as the table shows them (amounts in pounds, people a week
/// and the percentage as plain numbers), and each chart's point type.
pub fn periods_csv(t: &OverTime) -> String {
    let amount = |p: Option<crate::calc::Pence>| p.map(|p| p.decimal()).unwrap_or_default();
    let types = |chart: &Option<Chart>, i: usize| {
        chart.as_ref().map(|c| type_cell(c.point_types[i]).to_string()).unwrap_or_default()
    };
    let first = if t.period == Period::Month { "month_starting" } else { "week_starting" };
    let header = [
        first,
        "people",
        "people_a_week",
        "mean_before_weekly",
        "mean_after_weekly",
        "no_ongoing_care_percent",
        "cost_after_point_type",
        "people_a_week_point_type",
    ];
    csv_text(std::iter::once(header.iter().map(|h| h.to_string()).collect()).chain(t.periods.iter().enumerate().map(
        |(i, p)| {
            vec![
                p.start.iso(),
                p.count.to_string(),
                hundredths(p.people_per_week),
                amount(p.mean_before_pence),
                amount(p.mean_after_pence),
                p.no_ongoing_care_percent.map(one_place).unwrap_or_default(),
                types(&t.after_chart, i),
                types(&t.volume_chart, i),
            ]
        },
    )))
}

/// One chart with its words, or why there is none.
fn chart_block(
    id: &'static str,
    heading: &'static str,
    chart: &Option<Chart>,
    values: Vec<Option<i64>>,
    t: &OverTime,
    unit: Unit,
    (target_name, reach): (&'static str, &'static str),
) -> Html {
    let heading_id = format!("{id}-heading");
    let Some(chart) = chart else {
        return html! {
            <div class="xmr-block">
                <h3 class="heading-s" id={heading_id}>{ heading }</h3>
                <p class="hint">{ format!("A chart needs at least 2 {} with people in them; these rows have fewer.", noun(t.period, 2)) }</p>
            </div>
        };
    };
    let (name, detail) = variation_words(chart, &values, t.period);
    let assurance = assurance_words(chart, unit, target_name, reach, t.period);
    let summary = format!(
        "{} {} from {} to {}: mean {}, process limits {} to {}. {name}: {detail}. {assurance}",
        chart.points,
        noun(t.period, chart.points),
        long_name(t.periods[0].start, t.period),
        long_name(t.periods[t.periods.len() - 1].start, t.period),
        unit.label(chart.mean),
        unit.label(chart.lower_limit),
        unit.label(chart.upper_limit),
    );
    let starts: Rc<Vec<Day>> = Rc::new(t.periods.iter().map(|p| p.start).collect());
    html! {
        <div class="xmr-block" role="group" aria-labelledby={heading_id.clone()}>
            <h3 class="heading-s" id={heading_id}>{ heading }</h3>
            <div class="xmr-words" data-testid={format!("{id}-words")}>
                <p class={classes!("xmr-words__variation", format!("xmr-words--{}", type_cell(Some(chart.variation)).to_ascii_lowercase().replace(' ', "-")))}>
                    <strong>{ format!("{name}: ") }</strong>{ format!("{detail}.") }
                    <br />{ variation_meaning(chart.variation) }
                </p>
                <p class="xmr-words__assurance">{ assurance }</p>
                if chart.short {
                    <p class="xmr-words__short">{ "Fewer than 12 points: treat the limits as a rough guide." }</p>
                }
            </div>
            <XmrChart id={AttrValue::from(id)} title={AttrValue::from(heading)} summary={AttrValue::from(summary)}
                chart={Rc::new(chart.clone())} values={Rc::new(values)} {starts} period={t.period} {unit}
                target_name={AttrValue::from(if target_name.starts_with("the baseline") { "Baseline" } else { "Target" })} />
        </div>
    }
}

fn table(t: &OverTime) -> Html {
    let one = noun(t.period, 1);
    let first = if t.period == Period::Month { "Month" } else { "Week starting" };
    let row = |(i, p): (usize, &PeriodResult)| {
        let name = long_name(p.start, t.period);
        let kind = t.after_chart.as_ref().and_then(|c| c.point_types[i]);
        html! {
            <tr>
                <th scope="row">{ name }</th>
                <td class="num">{ group_thousands(p.count as u64) }</td>
                <td class="num">{ hundredths(p.people_per_week) }</td>
                if let (Some(before), Some(after), Some(percent)) = (p.mean_before_pence, p.mean_after_pence, p.no_ongoing_care_percent) {
                    <td class="num">{ before.display() }</td>
                    <td class="num">{ after.display() }</td>
                    <td class="num">{ format!("{}%", one_place(percent)) }</td>
                    <td>{ if t.after_chart.is_some() { type_cell(kind) } else { "" } }</td>
                } else {
                    <td colspan="4" class="over-time__nobody">{ format!("Nobody ended reablement this {one}") }</td>
                }
            </tr>
        }
    };
    html! {
        <div class="table-wrap over-time__table" role="region" aria-labelledby="service-periods-caption" tabindex="0">
            <table class="weeks__table">
                <caption class="heading-s" id="service-periods-caption">{ if t.period == Period::Month { "Month by month" } else { "Week by week" } }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ first }</th>
                        <th scope="col" class="num">{ "People" }</th>
                        <th scope="col" class="num">{ "People a week" }</th>
                        <th scope="col" class="num">{ "Mean before" }</th>
                        <th scope="col" class="num">{ "Mean after" }</th>
                        <th scope="col" class="num">{ "No ongoing care" }</th>
                        <th scope="col">{ "Cost after: point" }</th>
                    </tr>
                </thead>
                <tbody>{ for t.periods.iter().enumerate().map(row) }</tbody>
            </table>
        </div>
    }
}

fn how_to_read() -> Html {
    html! {
        <details class="details over-time__how">
            <summary class="details__summary">{ "How to read these charts" }</summary>
            <div class="details__text">
                <p>{ "Each point is one week's (or month's) figure. The solid line is the average over all the points. The dashed lines are the process limits: worked out from how much the figure usually moves from one point to the next, they show how far it can go up and down by chance alone." }</p>
                <p>{ "A point inside the limits is not news, even when it is the highest or lowest for a while: figures always go up and down. Something has really changed (special cause) only when one of these happens:" }</p>
                <ul class="list">
                    <li>{ "a point is outside the process limits;" }</li>
                    <li>{ "7 or more points in a row are all above, or all below, the average;" }</li>
                    <li>{ "7 or more points in a row each go up, or each go down (a trend);" }</li>
                    <li>{ "2 of 3 points in a row are close to the same process limit (in the outer third between the average and the limit)." }</li>
                </ul>
                <p>{ "Special cause in the better direction is an improvement (a blue square), in the worse direction a concern (an orange diamond). Lower is better for the cost of care after reablement, higher for people a week." }</p>
                <p>{ "The target line (for the cost, the baseline) says whether the service can be relied on: if it is outside the limits on the good side, every week will pass; on the bad side, none will until something changes; inside the limits, some weeks will and some will not (hit and miss)." }</p>
                <p>{ "With fewer than 12 points the limits are a rough guide. These are XmR charts, drawn as NHS England's “Making Data Count” describes them." }</p>
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub figures: Rc<Figures>,
    pub period: Period,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The section, when a row has a date (or the dates cover too many periods). Its charts and
/// table (thousands of elements for 520 weeks) are drawn in the frame after the results, so
/// neither frame holds the page long; until then the last figures drawn stay.
#[component]
pub fn OverTimeSection(props: &Props) -> Html {
    let shown = use_state(|| None::<Rc<Figures>>);
    {
        let shown = shown.clone();
        use_effect_with(props.figures.clone(), move |figures| {
            let figures = figures.clone();
            crate::ui::browser::paint::after_paint(move || shown.set(Some(figures)));
        });
    }
    let Some(f) = (*shown).clone() else {
        return html! {
            <section class="section service-over-time" aria-labelledby="service-over-time-heading" data-testid="service-over-time-pending">
                <h2 class="heading-m" id="service-over-time-heading">{ "4. Over time" }</h2>
                <p>{ "Working out the service week by week…" }</p>
            </section>
        };
    };
    let f = &f;
    let onperiod = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |code: String| {
            dispatch.dispatch(Action::Period(if code == "month" { Period::Month } else { Period::Week }))
        })
    };
    let period = html! {
        <Radios field={FieldState::new("service-period", None::<String>)} legend={html! { "Show the service" }}
            value={AttrValue::Static(if props.period == Period::Month { "month" } else { "week" })}
            options={vec![("week", "Week by week (Monday to Sunday)"), ("month", "Month by month")]} onchange={onperiod} inline=true small=true />
    };
    let body = match (&f.result.over_time, f.span_error) {
        (_, Some(message)) => html! {
            <div class="notice notice--error" data-testid="service-over-time-error"><p>{ message }</p></div>
        },
        (Some(t), None) => {
            let download_periods = {
                let text = periods_csv(t);
                let name =
                    if t.period == Period::Month { "whole-service-months.csv" } else { "whole-service-weeks.csv" };
                Callback::from(move |_: MouseEvent| download(name, "text/csv;charset=utf-8", &text))
            };
            let after: Vec<Option<i64>> = t.periods.iter().map(|p| p.mean_after_pence.map(|m| m.0)).collect();
            let volume: Vec<Option<i64>> = t.periods.iter().map(|p| Some(p.people_per_week)).collect();
            let dated: usize = t.periods.iter().map(|p| p.count).sum();
            html! {
                <>
                    <p data-testid="service-over-time-counts">
                        { format!("{} with an end date, in {} {}.", people(dated), t.periods.len(), noun(t.period, t.periods.len())) }
                        if t.undated_count > 0 {
                            { format!(" {} had no end date: {} in the results above but not in these charts.",
                                if t.undated_count == 1 { "1 row".to_string() } else { format!("{} rows", group_thousands(t.undated_count as u64)) },
                                if t.undated_count == 1 { "it counts" } else { "they count" }) }
                        }
                    </p>
                    { chart_block("service-after-chart", "Cost of care 28 days after reablement, per person per week (lower is better)",
                        &t.after_chart, after, t, Unit::Pence, ("the baseline", "beat")) }
                    { chart_block("service-volume-chart", "People a week (higher is better)",
                        &t.volume_chart, volume, t, Unit::Hundredths, ("the target", "reach")) }
                    { table(t) }
                    <div class="button-group">
                        <button type="button" class="button button--secondary" onclick={download_periods}>
                            { if t.period == Period::Month { "Download the months as CSV" } else { "Download the weeks as CSV" } }
                        </button>
                    </div>
                    { how_to_read() }
                </>
            }
        }
        (None, None) => return html! {},
    };
    html! {
        <section class="section service-over-time" aria-labelledby="service-over-time-heading" data-testid="service-over-time">
            <h2 class="heading-m" id="service-over-time-heading">{ "4. Over time" }</h2>
            <p>{ "Each person is counted in the week (Monday to Sunday) or the calendar month their reablement ended. The charts tell a real change from the usual ups and downs, as NHS England's “Making Data Count” does." }</p>
            { period }
            { body }
        </section>
    }
}

/// The target field's use, for the figures section's hint.
pub const TARGET_HINT: &str = "For the chart of people a week, when the rows have end dates. Leave it empty for no target. Leicestershire's target was 87 a week.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::cohort::over_time::{self, xmr, Better};

    fn weeks(values: &[i64]) -> Vec<Option<i64>> {
        values.iter().map(|v| Some(*v)).collect()
    }

    #[test]
    fn variation_is_said_as_making_data_count_says_it() {
        let v = weeks(&[60, 40, 60, 40, 60, 40, 60, 40, 60, 44, 42, 45, 41, 44, 42, 45, 43]);
        let c = xmr::chart(&v, Better::Lower, Some(3813)).unwrap();
        assert_eq!(
            variation_words(&c, &v, Period::Week),
            ("Special cause improvement".to_string(), "the last 8 weeks are all below the average".to_string())
        );
        let v = weeks(&[50, 30, 70, 35, 65, 60, 55, 50, 45, 40, 35]);
        let c = xmr::chart(&v, Better::Higher, None).unwrap();
        assert_eq!(variation_words(&c, &v, Period::Month).1, "each of the last 7 months is lower than the one before");
        let v = weeks(&[50, 40, 60, 50, 40, 60, 50, 40, 60, 50, 40, 60, 0]);
        let c = xmr::chart(&v, Better::Lower, None).unwrap();
        assert_eq!(variation_words(&c, &v, Period::Week).1, "the last week is below the lower process limit");
        let v = weeks(&[48, 52, 48, 52, 48, 52, 48, 52, 48, 52, 62, 56, 62]);
        let c = xmr::chart(&v, Better::Lower, None).unwrap();
        assert_eq!(
            variation_words(&c, &v, Period::Week).1,
            "2 of the last 3 weeks are close to the upper process limit"
        );
        assert_eq!(c.variation, PointType::Concern);
    }

    #[test]
    fn assurance_says_whether_the_baseline_will_be_beaten() {
        let c = xmr::chart(&[Some(1000), Some(1200), Some(1100)], Better::Lower, Some(3813)).unwrap();
        assert_eq!(
            assurance_words(&c, Unit::Pence, "the baseline", "beat", Period::Week),
            "Consistently passes: the baseline (£38.13) is above the upper process limit, so every week can be expected to beat it."
        );
        let c = xmr::chart(&[Some(3000), Some(4500), Some(3900)], Better::Lower, Some(3813)).unwrap();
        assert_eq!(
            assurance_words(&c, Unit::Pence, "the baseline", "beat", Period::Week),
            "Hit and miss: the baseline (£38.13) is inside the process limits, so some weeks will beat it and some will not."
        );
        let c = xmr::chart(&[Some(800), Some(900), Some(850)], Better::Higher, Some(1200)).unwrap();
        assert!(assurance_words(&c, Unit::Hundredths, "the target", "reach", Period::Month)
            .starts_with("Consistently fails: the target (12) is above the upper process limit, so no month"));
        let c = xmr::chart(&[Some(800), Some(900)], Better::Higher, None).unwrap();
        assert!(assurance_words(&c, Unit::Hundredths, "the target", "reach", Period::Week).starts_with("No target"));
    }

    #[test]
    fn the_periods_download_has_every_period_and_neutralises_nothing_it_need_not() {
        let rows = crate::ui::service::illustrative::rows();
        let t = over_time::over_time(&rows, Period::Week, crate::calc::Pence(3813), Some(1000)).unwrap();
        let text = periods_csv(&t);
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 1 + t.periods.len());
        assert!(lines[0].ends_with("week_starting,people,people_a_week,mean_before_weekly,mean_after_weekly,no_ongoing_care_percent,cost_after_point_type,people_a_week_point_type"));
        assert!(lines[1].starts_with("2025-03-03,"), "{}", lines[1]);
        assert_eq!(long_name(t.periods[0].start, Period::Week), "3 Mar 2025");
        assert_eq!(long_name(t.periods[0].start, Period::Month), "March 2025");
    }
}
