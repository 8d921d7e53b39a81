//! The API's answers as JSON, field for field as the contract names them and in the order
//! the contract lists them: `{ok: true, result}` or `{ok: false, errors}`, one person's
//! [`Outcome`] and a cohort's [`CohortResult`] with the service over time.

use super::writer::{json_object, ToJson};
use crate::calc::cohort::over_time::{Assurance, Chart, Day, OverTime, Period, PeriodResult, PointType};
use crate::calc::cohort::CohortResult;
use crate::calc::outcome::{AfterCost, Episode, EpisodeWeek, GoalCounts, Outcome, PackageCost};
use crate::calc::{FieldMessage, Pence, Response};

impl<T: ToJson> ToJson for Response<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Response::Ok { ok, result } => {
                out.push_str("{\"ok\":");
                ok.write_json(out);
                out.push_str(",\"result\":");
                result.write_json(out);
            }
            Response::Err { ok, errors } => {
                // Room for every error at once: 700,000 of them are 67 MB, which growing by
                // doubling would copy about twice over.
                out.reserve(errors.iter().map(|e| e.path.len() + e.message.len() + 24).sum());
                out.push_str("{\"ok\":");
                ok.write_json(out);
                out.push_str(",\"errors\":");
                errors.write_json(out);
            }
        }
        out.push('}');
    }
}

/// Whole pence, as a JSON integer.
impl ToJson for Pence {
    fn write_json(&self, out: &mut String) {
        self.0.write_json(out);
    }
}

/// `YYYY-MM-DD`.
impl ToJson for Day {
    fn write_json(&self, out: &mut String) {
        self.iso().write_json(out);
    }
}

/// The name of a unit variant, as the contract writes it.
fn write_name(out: &mut String, name: &str) {
    name.write_json(out);
}

impl ToJson for Period {
    fn write_json(&self, out: &mut String) {
        write_name(out, if *self == Period::Week { "week" } else { "month" });
    }
}

impl ToJson for PointType {
    fn write_json(&self, out: &mut String) {
        write_name(
            out,
            match self {
                PointType::CommonCause => "common_cause",
                PointType::Improvement => "improvement",
                PointType::Concern => "concern",
            },
        );
    }
}

impl ToJson for Assurance {
    fn write_json(&self, out: &mut String) {
        write_name(
            out,
            match self {
                Assurance::Pass => "pass",
                Assurance::Fail => "fail",
                Assurance::HitAndMiss => "hit_and_miss",
            },
        );
    }
}

json_object!(FieldMessage { path, message });

json_object!(PackageCost { weekly_pence, care_pence, other_pence, minutes_per_week });
json_object!(AfterCost { weekly_pence, care_pence, other_pence, minutes_per_week, derived, withdrawn_visits });
json_object!(GoalCounts { total, not_started, in_progress, achieved, not_achieved });
json_object!(EpisodeWeek { week, weekly_pence, minutes_per_week, withdrawn_visits });
json_object!(Episode { weeks, timeline, total_pence, unchanged_pence, saving_pence });
json_object!(Outcome {
    before,
    after,
    change_pence,
    reduction_percent,
    baseline_pence,
    after_vs_baseline_pence,
    weeks_per_year,
    annual_change_pence,
    break_even_weeks,
    goals,
    warnings,
    episode,
});

json_object!(CohortResult {
    count,
    mean_before_pence,
    mean_after_pence,
    after_vs_baseline_pence,
    no_ongoing_care_count,
    no_ongoing_care_percent,
    annual_effect_pence,
    over_time,
});
json_object!(OverTime { period, undated_count, periods, after_chart, volume_chart });
// `rules` (why each point is special cause) is for the screens' words, not the contract.
json_object!(Chart { points, short, mean, upper_limit, lower_limit, target, point_types, variation, assurance });

impl ToJson for PeriodResult {
    fn write_json(&self, out: &mut String) {
        out.push_str("{\"start\":");
        self.start.write_json(out);
        out.push_str(",\"count\":");
        self.count.write_json(out);
        out.push_str(",\"mean_before_pence\":");
        self.mean_before_pence.write_json(out);
        out.push_str(",\"mean_after_pence\":");
        self.mean_after_pence.write_json(out);
        out.push_str(",\"no_ongoing_care_count\":");
        self.no_ongoing_care_count.write_json(out);
        out.push_str(",\"no_ongoing_care_percent\":");
        self.no_ongoing_care_percent.write_json(out);
        // People a week are kept in exact hundredths; the contract has a number to 2 places.
        out.push_str(",\"people_per_week\":");
        (self.people_per_week as f64 / 100.0).write_json(out);
        out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::json::to_json_text;

    #[test]
    fn a_period_and_a_chart_in_the_contracts_words() {
        let period = PeriodResult {
            start: Day::parse_iso("2025-12-29").unwrap(),
            count: 2,
            mean_before_pence: Some(Pence(200)),
            mean_after_pence: None,
            no_ongoing_care_count: 1,
            no_ongoing_care_percent: Some(50.0),
            people_per_week: 250,
        };
        assert_eq!(
            to_json_text(&period),
            r#"{"start":"2025-12-29","count":2,"mean_before_pence":200,"mean_after_pence":null,"no_ongoing_care_count":1,"no_ongoing_care_percent":50.0,"people_per_week":2.5}"#
        );
        let chart = Chart {
            points: 2,
            short: true,
            mean: 5,
            upper_limit: 9,
            lower_limit: 1,
            target: None,
            point_types: vec![Some(PointType::CommonCause), None, Some(PointType::Improvement)],
            variation: PointType::Concern,
            assurance: Some(Assurance::HitAndMiss),
            rules: vec![None, None],
        };
        assert_eq!(
            to_json_text(&chart),
            r#"{"points":2,"short":true,"mean":5,"upper_limit":9,"lower_limit":1,"target":null,"point_types":["common_cause",null,"improvement"],"variation":"concern","assurance":"hit_and_miss"}"#
        );
        let errors: Response<Chart> =
            Response::Err { ok: false, errors: vec![FieldMessage::new("rows", "Enter rows")] };
        assert_eq!(to_json_text(&errors), r#"{"ok":false,"errors":[{"path":"rows","message":"Enter rows"}]}"#);
        assert_eq!(to_json_text(&Period::Month), r#""month""#);
    }
}
