//! The calculation for one person: the cost of the package before reablement and 28 days
//! after it (given, or derived from the goals), the change, and the warnings. Alongside the
//! contract's result it keeps the [`Working`]: every step, for the screens to show.

use super::money::{div_ceil, div_round, percent_one_place, Pence};
use super::scenario::{FieldMessage, GoalStatus, Package, Scenario, Visit};

/// A package over this a week gets a warning: roughly a council-funded nursing home place.
pub const NURSING_HOME_WEEKLY: Pence = Pence(126_700);
/// A visit longer than this gets a warning.
pub const LONG_VISIT_MINUTES: u32 = 180;

pub mod warn {
    pub const LONG_VISIT: &str = "This visit is longer than 3 hours — check the length";
    pub const NURSING_HOME: &str = "This package costs more a week than an average nursing home place";
    pub const DEARER_AFTER: &str = "The package after reablement costs more than before — check this is right";
    pub const REFERENCE: &str = "Use a case reference, not a name or NHS number";
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageCost {
    pub weekly_pence: Pence,
    pub care_pence: Pence,
    pub other_pence: Pence,
    pub minutes_per_week: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AfterCost {
    pub weekly_pence: Pence,
    pub care_pence: Pence,
    pub other_pence: Pence,
    pub minutes_per_week: i64,
    pub derived: bool,
    pub withdrawn_visits: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalCounts {
    pub total: usize,
    pub not_started: usize,
    pub in_progress: usize,
    pub achieved: usize,
    pub not_achieved: usize,
}

/// The contract's result, field for field.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub before: PackageCost,
    pub after: AfterCost,
    pub change_pence: Pence,
    pub reduction_percent: Option<f64>,
    pub baseline_pence: Pence,
    pub after_vs_baseline_pence: Pence,
    pub weeks_per_year: u32,
    pub annual_change_pence: Pence,
    pub break_even_weeks: Option<i64>,
    pub goals: GoalCounts,
    pub warnings: Vec<FieldMessage>,
    /// Contract 1.1: the weeks of reablement, when `reablement_weeks` is given.
    pub episode: Option<Episode>,
}

/// One week of reablement: the package before, less the visits whose goals were all achieved
/// in an earlier week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EpisodeWeek {
    pub week: u32,
    pub weekly_pence: Pence,
    pub minutes_per_week: i64,
    /// Indices into `before.visits`, ascending.
    pub withdrawn_visits: Vec<usize>,
}

/// The weeks of reablement (contract 1.1, "The reablement weeks").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Episode {
    pub weeks: u32,
    pub timeline: Vec<EpisodeWeek>,
    /// Σ of the weeks' cost.
    pub total_pence: Pence,
    /// The same weeks had nothing changed: the before package × weeks.
    pub unchanged_pence: Pence,
    /// `unchanged_pence − total_pence`; never negative, as a week only ever loses visits.
    pub saving_pence: Pence,
}

/// One visit's line of working: `minutes × carers × days = minutes a week`, then
/// `× rate ÷ 60` as an exact amount (`cost_sixtieths` is pence × 60, not yet rounded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitWorking {
    pub index: usize,
    pub label: String,
    pub minutes: u32,
    pub carers: u32,
    pub days_per_week: u32,
    pub minutes_per_week: i64,
    pub rate: Pence,
    /// True when the visit has its own hourly rate rather than the settings rate.
    pub own_rate: bool,
    pub cost_sixtieths: i128,
}

/// The working for one package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageWorking {
    pub visits: Vec<VisitWorking>,
    /// Σ of every visit's `cost_sixtieths`, before the one rounding.
    pub care_sixtieths: i128,
    pub other_costs: Vec<(String, Pence)>,
    pub cost: PackageCost,
}

/// Why a visit of the before package is or is not in the derived after package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VisitFate {
    /// Linked to goals, all achieved.
    Withdrawn,
    /// Linked to goals of which these (ids) are not achieved yet.
    ContinuesGoalsOpen(Vec<String>),
    /// Not linked to any goal, so nothing says it can stop.
    ContinuesNoGoals,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Working {
    pub before: PackageWorking,
    pub after: PackageWorking,
    /// For a derived after package: the fate of each before visit, by index. Empty otherwise.
    pub fates: Vec<VisitFate>,
}

/// The result and its working, from one call, so the page, the API, the CSV and the printed
/// summary can never disagree.
#[derive(Clone, Debug, PartialEq)]
pub struct Calculation {
    pub outcome: Outcome,
    pub working: Working,
}

pub fn calculate(scenario: &Scenario) -> Calculation {
    let settings = &scenario.settings;
    let before = package_working(&scenario.before, settings.hourly_rate, |_| true);

    let (after, fates, derived) = match &scenario.after {
        Some(after) => (package_working(after, settings.hourly_rate, |_| true), Vec::new(), false),
        None => {
            let fates: Vec<VisitFate> = scenario.before.visits.iter().map(|v| fate(v, scenario)).collect();
            let after = package_working(&scenario.before, settings.hourly_rate, |i| fates[i] != VisitFate::Withdrawn);
            (after, fates, true)
        }
    };
    let withdrawn_visits: Vec<usize> =
        fates.iter().enumerate().filter(|(_, f)| **f == VisitFate::Withdrawn).map(|(i, _)| i).collect();

    let before_weekly = before.cost.weekly_pence;
    let after_weekly = after.cost.weekly_pence;
    let change_pence = after_weekly - before_weekly;
    let saving = -change_pence;
    let reduction_percent =
        (before_weekly != Pence::ZERO).then(|| percent_one_place(saving.0.into(), before_weekly.0.into()));
    let break_even_weeks = match scenario.reablement_cost {
        Some(cost) if saving > Pence::ZERO => Some(div_ceil(cost.0.into(), saving.0.into()) as i64),
        _ => None,
    };

    let mut goals = GoalCounts { total: scenario.goals.len(), ..GoalCounts::default() };
    for goal in &scenario.goals {
        match goal.status {
            GoalStatus::NotStarted => goals.not_started += 1,
            GoalStatus::InProgress => goals.in_progress += 1,
            GoalStatus::Achieved => goals.achieved += 1,
            GoalStatus::NotAchieved => goals.not_achieved += 1,
        }
    }

    let outcome = Outcome {
        before: before.cost.clone(),
        after: AfterCost {
            weekly_pence: after.cost.weekly_pence,
            care_pence: after.cost.care_pence,
            other_pence: after.cost.other_pence,
            minutes_per_week: after.cost.minutes_per_week,
            derived,
            withdrawn_visits,
        },
        change_pence,
        reduction_percent,
        baseline_pence: settings.baseline_weekly,
        after_vs_baseline_pence: after_weekly - settings.baseline_weekly,
        weeks_per_year: settings.weeks_per_year,
        annual_change_pence: change_pence * i64::from(settings.weeks_per_year),
        break_even_weeks,
        goals,
        warnings: warnings(scenario, &before.cost, &after.cost),
        episode: scenario.reablement_weeks.map(|weeks| episode(scenario, weeks, before_weekly)),
    };
    Calculation { outcome, working: Working { before, after, fates } }
}

/// A visit is withdrawn when it is linked to at least one goal and every goal it is linked
/// to is achieved.
fn fate(visit: &Visit, scenario: &Scenario) -> VisitFate {
    if visit.goals.is_empty() {
        return VisitFate::ContinuesNoGoals;
    }
    let open: Vec<String> = visit
        .goals
        .iter()
        .filter(|id| scenario.goals.iter().any(|g| &g.id == *id && g.status != GoalStatus::Achieved))
        .cloned()
        .collect();
    if open.is_empty() {
        VisitFate::Withdrawn
    } else {
        VisitFate::ContinuesGoalsOpen(open)
    }
}

/// The weeks of reablement. They always follow the package before (also when an after package
/// is entered): in week `w` a visit is withdrawn when it is linked to at least one goal and
/// every goal it is linked to was achieved in a week before `w`. Each week is a package of
/// its own, rounded once.
fn episode(scenario: &Scenario, weeks: u32, before_weekly: Pence) -> Episode {
    let timeline: Vec<EpisodeWeek> = (1..=weeks)
        .map(|week| {
            let stopped = |visit: &Visit| {
                !visit.goals.is_empty()
                    && visit.goals.iter().all(|id| {
                        scenario.goals.iter().any(|g| {
                            &g.id == id
                                && g.status == GoalStatus::Achieved
                                && g.achieved_week.is_some_and(|achieved| achieved < week)
                        })
                    })
            };
            let withdrawn_visits: Vec<usize> =
                scenario.before.visits.iter().enumerate().filter(|(_, v)| stopped(v)).map(|(i, _)| i).collect();
            let cost = package_working(&scenario.before, scenario.settings.hourly_rate, |i| {
                withdrawn_visits.binary_search(&i).is_err()
            })
            .cost;
            EpisodeWeek {
                week,
                weekly_pence: cost.weekly_pence,
                minutes_per_week: cost.minutes_per_week,
                withdrawn_visits,
            }
        })
        .collect();
    let total_pence: Pence = timeline.iter().map(|w| w.weekly_pence).sum();
    let unchanged_pence = before_weekly * i64::from(weeks);
    Episode { weeks, timeline, total_pence, unchanged_pence, saving_pence: unchanged_pence - total_pence }
}

/// Costs the visits of `package` for which `keep(index)` is true, and all its other costs.
fn package_working(package: &Package, settings_rate: Pence, keep: impl Fn(usize) -> bool) -> PackageWorking {
    let visits: Vec<VisitWorking> = package
        .visits
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(index, v)| {
            let minutes_per_week = i64::from(v.minutes) * i64::from(v.carers) * i64::from(v.days_per_week);
            let rate = v.hourly_rate.unwrap_or(settings_rate);
            VisitWorking {
                index,
                label: v.label.clone(),
                minutes: v.minutes,
                carers: v.carers,
                days_per_week: v.days_per_week,
                minutes_per_week,
                rate,
                own_rate: v.hourly_rate.is_some(),
                cost_sixtieths: i128::from(minutes_per_week) * i128::from(rate.0),
            }
        })
        .collect();
    let care_sixtieths: i128 = visits.iter().map(|v| v.cost_sixtieths).sum();
    // Bounded by the format: at most 50 × 720 × 4 × 7 minutes at £999.99, so it fits an i64.
    let care_pence = Pence(div_round(care_sixtieths, 60) as i64);
    let other_costs: Vec<(String, Pence)> = package.other_costs.iter().map(|c| (c.label.clone(), c.weekly)).collect();
    let other_pence: Pence = other_costs.iter().map(|(_, p)| *p).sum();
    let cost = PackageCost {
        weekly_pence: care_pence + other_pence,
        care_pence,
        other_pence,
        minutes_per_week: visits.iter().map(|v| v.minutes_per_week).sum(),
    };
    PackageWorking { visits, care_sixtieths, other_costs, cost }
}

fn warnings(scenario: &Scenario, before: &PackageCost, after: &PackageCost) -> Vec<FieldMessage> {
    let mut warnings = Vec::new();
    if looks_identifiable(&scenario.reference) {
        warnings.push(FieldMessage::new("reference", warn::REFERENCE));
    }
    let mut package_warnings = |package: &Package, path: &str, cost: &PackageCost| {
        for (i, visit) in package.visits.iter().enumerate() {
            if visit.minutes > LONG_VISIT_MINUTES {
                warnings.push(FieldMessage::new(format!("{path}.visits[{i}].minutes"), warn::LONG_VISIT));
            }
        }
        if cost.weekly_pence > NURSING_HOME_WEEKLY {
            warnings.push(FieldMessage::new(path, warn::NURSING_HOME));
        }
    };
    package_warnings(&scenario.before, "before", before);
    if let Some(explicit_after) = &scenario.after {
        package_warnings(explicit_after, "after", after);
        if after.weekly_pence > before.weekly_pence {
            warnings.push(FieldMessage::new("after", warn::DEARER_AFTER));
        }
    }
    warnings
}

/// True when a reference looks like an NHS number (10 digits once inner spaces are removed)
/// or a name (two or more words, no digits, each an ASCII capital then letters, apostrophes
/// or hyphens, with at least one lower-case letter). "Letters" after the capital include
/// accented ones (`Zoë Smith`): the safer reading when the point is to keep names out.
pub fn looks_identifiable(reference: &str) -> bool {
    let reference = reference.trim();
    let digits: String = reference.chars().filter(|c| *c != ' ').collect();
    if digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let words: Vec<&str> = reference.split_whitespace().collect();
    words.len() >= 2
        && !reference.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|word| {
            let mut chars = word.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase())
                && chars.clone().all(|c| c.is_alphabetic() || c == '\'' || c == '-')
                && chars.any(char::is_lowercase)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_that_looks_like_an_nhs_number_or_name() {
        for identifiable in [
            "943 476 5919",
            "9434765919",
            " 943 476 5919 ",
            "Arthur Smith",
            "Mary O'Brien",
            "Jean-Paul Sartre",
            "Ann Lee Smith",
            "Zoë Smith",
        ] {
            assert!(looks_identifiable(identifiable), "{identifiable:?}");
        }
        for fine in [
            "AB-1234",
            "HART team",
            "arthur smith",
            "",
            "Arthur",
            "ARTHUR SMITH",
            "943 476 591",
            "94347659190",
            "Mary O'Brien 2",
            "Élodie Martin",
        ] {
            assert!(!looks_identifiable(fine), "{fine:?}");
        }
    }
}
