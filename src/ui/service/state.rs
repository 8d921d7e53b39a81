//! The whole-service view's state: the four figures as typed, the rows in use and where they
//! came from, the file being read, and what `calc::calculate_cohort` gives. One reducer.

use super::words::{gap_words, hundredths, lines_could_not_be_used};
use crate::calc::cohort::bands::{count_bands, Band};
use crate::calc::cohort::{lines_with_problems, over_time, CsvNote, CsvProblem, CsvRows, NoteKind, Period};
use crate::calc::limits::{
    DEFAULT_BASELINE, DEFAULT_PACKAGE_WEEKS, DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS, DEFAULT_WEEKS_PER_YEAR,
};
use crate::calc::money::group_thousands;
use crate::calc::{calculate_cohort, read_cohort_csv, Cohort, CohortResult, CohortRow, FieldMessage, Pence, Value};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Reducible;

/// Leicestershire's redesigned service: the 10 rows of the contract's example
/// `cohort-leicestershire.json`, as a spreadsheet would save them.
pub const EXAMPLE_CSV: &str = "reference,before_weekly,after_weekly
L-001,295.23,0
L-002,144.62,0
L-003,£180.75,0.00
L-004,379.58,£0
L-005,96.40,0
L-006,228.90,44.10
L-007,120.50,51.4
L-008,301.25,60.27
L-009,72.30,72.28
L-010,204.85,71.75
";

/// The most rows of a file kept on the device for a reload: about 200 KB, written in a few
/// milliseconds. A council's export is usually far smaller; a larger file is chosen again.
pub const MAX_KEPT_ROWS: usize = 5_000;

/// The figures the calculation uses, as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Baseline,
    PeoplePerWeek,
    PackageWeeks,
    WeeksPerYear,
    /// The volume chart's target (contract 1.2); optional.
    TargetPerWeek,
}

impl Field {
    /// The cohort's JSON path, where `calc` reports this field's error.
    pub(super) fn path(self) -> &'static str {
        match self {
            Field::Baseline => "baseline_weekly",
            Field::PeoplePerWeek => "people_per_week",
            Field::PackageWeeks => "package_weeks",
            Field::WeeksPerYear => "weeks_per_year",
            Field::TargetPerWeek => "target_per_week",
        }
    }

    pub(super) fn id(self) -> &'static str {
        match self {
            Field::Baseline => "service-baseline",
            Field::PeoplePerWeek => "service-people",
            Field::PackageWeeks => "service-package-weeks",
            Field::WeeksPerYear => "service-weeks-per-year",
            Field::TargetPerWeek => "service-target",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// 58 people a week at £38.13; the rows stay as they are.
    LeicestershireBaseline,
    /// 77.25 people a week, and the 10 example rows (mean after £29.98).
    LeicestershireRedesigned,
    /// Made-up dated rows, 26 weeks with a change part way through, to show the charts.
    Illustrative,
}

pub enum Action {
    Set(Field, String),
    /// Weeks or months for the service over time.
    Period(Period),
    Preset(Preset),
    /// The baseline the view starts from (a council's own, or the calculator's): it replaces
    /// the baseline in use unless another has been typed or a preset's is in use.
    DefaultBaseline(String),
    /// A file has been chosen and is being read; its number is the new `load`.
    Reading(String),
    /// Part of the file has been read (the `load` it belongs to, in percent).
    Progress(u32, u32),
    /// A file has been read (the `load` it belongs to, its name, what the reader found, and
    /// its text when its headings could not be matched, to read again with chosen columns).
    Loaded(u32, String, CsvRows, Option<String>),
    /// A file could not be used; the message says why.
    Failed(u32, String),
    /// The file being read (its `load`) is read again with the columns chosen before for its
    /// headings on this device.
    RememberedColumns(u32),
    /// The last cohort read from a file, back from the device: its source and rows.
    Restore(String, CsvRows),
    /// Whether the rows of a file (its `load`) could be kept on the device.
    Kept(u32, bool),
}

/// A file whose headings could not be matched: its name, text and headings.
#[derive(Debug, PartialEq)]
pub struct Unmatched {
    pub name: String,
    pub text: String,
    pub headings: Rc<Vec<String>>,
}

/// What the calculation gives for valid figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// The validated figures (its `rows` are empty: the rows live in `State::rows`).
    pub cohort: Cohort,
    pub result: CohortResult,
    pub bands: Rc<Vec<Band>>,
    /// Why there is no service over time although rows have dates: they cover more than
    /// 520 periods (contract 1.2's message). The rest of the results stand.
    pub span_error: Option<&'static str>,
}

#[derive(Clone)]
pub struct State {
    pub(super) baseline: String,
    pub(super) people_per_week: String,
    pub(super) package_weeks: String,
    pub(super) weeks_per_year: String,
    pub(super) target_per_week: String,
    pub(super) period: Period,
    /// The good rows in use. Shared between versions of the state and never changed once
    /// loaded, except that a calculation borrows the `Vec` for a moment (see `recompute`),
    /// so 100,000 rows are not copied on every key press.
    pub(super) rows: Rc<RefCell<Vec<CohortRow>>>,
    /// Where the rows came from: a file name, or the example.
    pub(super) source: Option<String>,
    /// What the CSV reader found wrong with the file of the rows in use.
    pub(super) problems: Rc<Vec<CsvProblem>>,
    /// What it left out or asks to check, that is not wrong (total lines, dear rows, rows
    /// not yet reviewed).
    pub(super) notes: Rc<Vec<CsvNote>>,
    /// A file whose headings could not be matched, while its columns are being chosen.
    pub(super) unmatched: Option<Rc<Unmatched>>,
    /// The text of the file the rows came from, and each row's line, so "Download the rows
    /// used" gives them with all the file's columns.
    pub(super) file: Option<(Rc<String>, Rc<Vec<u64>>)>,
    /// The text of the file just read, on its way into `file`.
    pending_text: Option<Rc<String>>,
    /// The rows in use came from a file (not a preset), so they are kept on the device.
    pub(super) from_file: bool,
    /// The `load` whose rows are to be kept on the device, once they are in use.
    keep: Option<u32>,
    /// The rows of the last file were too many to keep on the device.
    pub(super) not_kept: bool,
    /// The file being read is read with the columns chosen before for its headings.
    remembered: bool,
    /// Counts file choices, so a slow read that finishes after a newer choice is ignored.
    pub(super) load: u32,
    pub(super) reading: bool,
    /// How much of the file being read has been read, in percent.
    pub(super) percent: u32,
    /// The last thing that happened, in words (shown in a status region, so announced).
    pub(super) status: String,
    /// The preset whose figures are in use, untouched since: a file of the user's own then
    /// puts the defaults back rather than silently keeping a preset's figures.
    pub(super) preset: Option<Preset>,
    /// The baseline the view starts from: the calculator's, or a council's (council.json).
    pub(super) default_baseline: String,
    /// What a file of the user's own put back to the defaults (and the `load` of that file),
    /// shown beside the figures.
    pub(super) figures_note: Option<(u32, String)>,
    pub(super) figures: Rc<Result<Figures, Vec<FieldMessage>>>,
}

impl Default for State {
    fn default() -> Self {
        let mut state = State {
            baseline: DEFAULT_BASELINE.decimal(),
            people_per_week: hundredths(DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS),
            package_weeks: DEFAULT_PACKAGE_WEEKS.to_string(),
            weeks_per_year: DEFAULT_WEEKS_PER_YEAR.to_string(),
            target_per_week: String::new(),
            period: Period::Week,
            rows: Rc::default(),
            source: None,
            problems: Rc::default(),
            notes: Rc::default(),
            unmatched: None,
            file: None,
            pending_text: None,
            from_file: false,
            keep: None,
            not_kept: false,
            remembered: false,
            load: 0,
            reading: false,
            percent: 0,
            status: String::new(),
            preset: None,
            default_baseline: DEFAULT_BASELINE.decimal(),
            figures_note: None,
            figures: Rc::new(Err(Vec::new())),
        };
        state.recompute();
        state
    }
}

/// Whole-number text as JSON: digits become a number; anything else (empty included) stays
/// text, so `calc` reports it with the field's own message.
fn whole(text: &str) -> Value {
    let t = text.trim();
    if !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        Value::Int(t.parse::<i128>().unwrap_or_default())
    } else {
        Value::String(t.to_string())
    }
}

impl State {
    /// Validates the figures with `calc` (an empty field is an error here, not the default:
    /// every field starts filled in), and calculates the cohort when they are right.
    fn recompute(&mut self) {
        let value = Value::object([
            ("baseline_weekly", Value::string(self.baseline.clone())),
            ("people_per_week", Value::string(self.people_per_week.clone())),
            ("package_weeks", whole(&self.package_weeks)),
            ("weeks_per_year", whole(&self.weeks_per_year)),
            ("period", Value::string(if self.period == Period::Month { "month" } else { "week" })),
            (
                "target_per_week",
                match self.target_per_week.trim() {
                    "" => Value::Null,
                    t => Value::string(t),
                },
            ),
        ]);
        let figures = Cohort::from_json(value).map(|mut cohort| {
            cohort.rows = self.rows.take();
            let result = calculate_cohort(&cohort);
            let span_error = over_time::span_error(&cohort.rows, cohort.period);
            let bands = count_bands(cohort.rows.iter().map(|r| r.after_weekly), cohort.baseline_weekly);
            *self.rows.borrow_mut() = std::mem::take(&mut cohort.rows);
            Figures { cohort, result, bands: Rc::new(bands), span_error }
        });
        self.figures = Rc::new(figures);
    }

    pub(super) fn error(&self, field: Field) -> Option<String> {
        match &*self.figures {
            Err(errors) => errors.iter().find(|e| e.path == field.path()).map(|e| e.message.to_string()),
            Ok(_) => None,
        }
    }

    pub(super) fn value(&self, field: Field) -> &str {
        match field {
            Field::Baseline => &self.baseline,
            Field::PeoplePerWeek => &self.people_per_week,
            Field::PackageWeeks => &self.package_weeks,
            Field::WeeksPerYear => &self.weeks_per_year,
            Field::TargetPerWeek => &self.target_per_week,
        }
    }

    /// The file load whose rows should now be kept on the device.
    pub(super) fn kept_load(&self) -> Option<u32> {
        self.keep
    }

    pub(super) fn period(&self) -> Period {
        self.period
    }

    /// A file of the user's own replaces a preset's rows: the figures the preset set go back to
    /// the defaults, and the note beside them says which. `None` when nothing changed.
    fn defaults_after_preset(&mut self) -> Option<String> {
        self.preset.take()?;
        let people = hundredths(DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS);
        let mut changed = Vec::new();
        if self.people_per_week != people {
            changed.push(format!("{people} people a week (was {})", self.people_per_week));
            self.people_per_week = people;
        }
        if self.baseline != self.default_baseline {
            let money = |text: &str| Pence::parse(text).map(Pence::display).unwrap_or_else(|| text.to_string());
            changed.push(format!("the {} baseline (was {})", money(&self.default_baseline), money(&self.baseline)));
            self.baseline = self.default_baseline.clone();
        }
        (!changed.is_empty()).then(|| {
            format!(
                "For your own file the figures used are back to the defaults: {}. The preset's figures were for Leicestershire's service; change them to match yours.",
                changed.join(" and ")
            )
        })
    }

    fn use_rows(&mut self, source: String, mut read: CsvRows) {
        self.file = None;
        self.from_file = false;
        self.keep = None;
        self.not_kept = false;
        let lines = std::mem::take(&mut read.lines);
        if let Some(text) = self.pending_text.take() {
            self.file = Some((text, Rc::new(lines)));
        }
        self.rows = Rc::new(RefCell::new(read.rows));
        self.problems = Rc::new(read.problems);
        self.notes = Rc::new(read.notes);
        self.source = Some(source);
        self.unmatched = None;
    }

    /// The result in one sentence, for the status region.
    fn result_sentence(&self) -> String {
        match &*self.figures {
            Ok(f) => match (f.result.mean_after_pence, f.result.after_vs_baseline_pence) {
                (Some(after), Some(gap)) => format!(
                    " Mean after reablement {} a week per person: {}.",
                    after.display(),
                    gap_words(gap, f.cohort.baseline_weekly)
                ),
                _ => String::new(),
            },
            Err(_) => " Correct the figures used to see the results.".into(),
        }
    }
}

/// How many notes of each kind, in words: `1 total line left out, 3 people not yet reviewed
/// and 2 costs to check`; `None` when there are none.
pub fn notes_sentence(notes: &[CsvNote]) -> Option<String> {
    let count = |kind| notes.iter().filter(|n| n.kind == kind).count();
    let mut parts = Vec::new();
    match count(NoteKind::Total) {
        0 => {}
        1 => parts.push("1 total line left out".to_string()),
        n => parts.push(format!("{n} total lines left out")),
    }
    match count(NoteKind::NotReviewed) {
        0 => {}
        n => parts.push(format!("{} not yet reviewed", super::words::people(n))),
    }
    match count(NoteKind::Check) {
        0 => {}
        1 => parts.push("1 thing to check".to_string()),
        n => parts.push(format!("{n} things to check")),
    }
    match parts.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Set(field, text) => {
                match field {
                    Field::Baseline => s.baseline = text,
                    Field::PeoplePerWeek => s.people_per_week = text,
                    Field::PackageWeeks => s.package_weeks = text,
                    Field::WeeksPerYear => s.weeks_per_year = text,
                    Field::TargetPerWeek => s.target_per_week = text,
                }
                // Figures typed are the user's own, kept for any file.
                s.preset = None;
                s.figures_note = None;
                s.recompute();
            }
            Action::Period(period) => {
                s.period = period;
                s.recompute();
            }
            Action::DefaultBaseline(baseline) => {
                if s.baseline == s.default_baseline && s.preset.is_none() {
                    s.baseline = baseline.clone();
                }
                s.default_baseline = baseline;
                s.recompute();
            }
            Action::Preset(preset) => {
                // A preset overrides a file still being read.
                s.load += 1;
                s.reading = false;
                s.baseline = DEFAULT_BASELINE.decimal();
                s.package_weeks = DEFAULT_PACKAGE_WEEKS.to_string();
                s.weeks_per_year = DEFAULT_WEEKS_PER_YEAR.to_string();
                s.preset = Some(preset);
                s.figures_note = None;
                match preset {
                    Preset::LeicestershireBaseline => {
                        s.people_per_week = hundredths(DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS);
                        s.recompute();
                        s.status = format!(
                            "Leicestershire's baseline figures are in use: {} people a week, the {} baseline, packages lasting {} weeks.{}",
                            s.people_per_week,
                            DEFAULT_BASELINE.display(),
                            s.package_weeks,
                            if s.rows.borrow().is_empty() { String::new() } else { s.result_sentence() }
                        );
                    }
                    Preset::LeicestershireRedesigned => {
                        s.people_per_week = "77.25".into();
                        s.use_rows("the Leicestershire example rows".into(), read_cohort_csv(EXAMPLE_CSV));
                        s.recompute();
                        s.status = format!(
                            "Leicestershire's redesigned service is in use: 77.25 people a week and the 10 example rows.{}",
                            s.result_sentence()
                        );
                    }
                    Preset::Illustrative => {
                        s.people_per_week = hundredths(DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS);
                        let mut read = CsvRows::default();
                        read.rows = super::illustrative::rows();
                        s.use_rows(super::illustrative::SOURCE.into(), read);
                        s.recompute();
                        s.status = format!(
                            "Made-up figures are in use: {} rows over 26 weeks, to show the charts of the service over time.{}",
                            s.rows.borrow().len(),
                            s.result_sentence()
                        );
                    }
                }
            }
            Action::Progress(load, percent) => {
                if load != s.load || !s.reading {
                    return self;
                }
                s.percent = percent;
            }
            Action::Reading(name) => {
                s.load += 1;
                s.reading = true;
                s.percent = 0;
                s.status = format!("Reading {name}…");
                if let Some(note) = s.defaults_after_preset() {
                    s.figures_note = Some((s.load, note));
                    s.recompute();
                }
            }
            Action::Loaded(load, name, read, text) => {
                if load != s.load {
                    return self;
                }
                s.reading = false;
                let rows = read.rows.len();
                let lines = lines_with_problems(&read.problems);
                let headings = Rc::new(read.headings.clone());
                let matched = read.columns.is_some();
                let (pending, text) = if matched { (text.map(Rc::new), None) } else { (None, text) };
                s.pending_text = pending;
                s.use_rows(name.clone(), read);
                s.from_file = matched && rows > 0;
                s.keep = s.from_file.then_some(load);
                // Too many rows to keep on the device quickly (or, often, at all): not tried.
                if rows > MAX_KEPT_ROWS {
                    s.keep = None;
                    s.not_kept = true;
                }
                let remembered = std::mem::take(&mut s.remembered);
                s.recompute();
                if let Some(text) = text.filter(|_| !headings.is_empty() && !matched) {
                    s.unmatched = Some(Rc::new(Unmatched { name: name.clone(), text, headings }));
                    s.status = format!(
                        "No rows could be used from {name}: its headings do not say which column is which. Choose them below."
                    );
                    return Rc::new(s);
                }
                let mut status = match rows {
                    0 => format!("No rows could be used from {name}."),
                    1 => format!("1 row read from {name}."),
                    n => format!("{} rows read from {name}.", group_thousands(n as u64)),
                };
                if remembered {
                    status.push_str(" Its columns are the ones chosen before for these headings on this device.");
                }
                if lines > 0 {
                    status.push_str(&format!(" {}: see the list below.", lines_could_not_be_used(lines)));
                }
                if let Some(notes) = notes_sentence(&s.notes) {
                    status.push_str(&format!(" {notes}: see the notes above the results."));
                }
                if rows > 0 {
                    status.push_str(&s.result_sentence());
                }
                if s.figures_note.as_ref().is_some_and(|(reset_by, _)| *reset_by == load) {
                    status.push_str(" The figures used are back to the defaults: see section 2.");
                }
                s.status = status;
            }
            Action::RememberedColumns(load) => {
                if load != s.load {
                    return self;
                }
                s.remembered = true;
            }
            Action::Restore(source, read) => {
                // Only into an empty view: a file or preset chosen meanwhile comes first.
                if s.source.is_some() || s.reading || read.rows.is_empty() {
                    return self;
                }
                let rows = read.rows.len();
                s.use_rows(source.clone(), read);
                s.from_file = true;
                s.recompute();
                let rows = if rows == 1 {
                    "The row".to_string() + " from " + &source + " is"
                } else {
                    format!("The {} rows from {source} are", group_thousands(rows as u64))
                };
                s.status = format!(
                    "{rows} back from this device (“Clear data on this device” removes them).{}",
                    s.result_sentence()
                );
            }
            Action::Kept(load, kept) => {
                if s.keep != Some(load) {
                    return self;
                }
                s.keep = None;
                s.not_kept = !kept;
            }
            Action::Failed(load, message) => {
                if load != s.load {
                    return self;
                }
                s.reading = false;
                s.status = message;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::ui::service::words::year_words;

    #[test]
    fn example_rows_are_the_contract_example() {
        let read = read_cohort_csv(EXAMPLE_CSV);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let mut cohort = Cohort::with_defaults(read.rows);
        cohort.people_per_week_hundredths = 7725;
        let r = calculate_cohort(&cohort);
        assert_eq!(r.count, 10);
        assert_eq!(r.mean_before_pence, Some(Pence(20244)));
        assert_eq!(r.mean_after_pence, Some(Pence(2998)));
        assert_eq!(r.after_vs_baseline_pence, Some(Pence(-815)));
        assert_eq!(r.no_ongoing_care_count, 5);
        assert_eq!(r.annual_effect_pence, Some(Pence(170_240_460)));
    }

    /// The reducer on a state no one else holds (shared with the export tests).
    pub(in crate::ui::service) fn reduce(state: State, action: Action) -> State {
        Rc::try_unwrap(Rc::new(state).reduce(action)).ok().expect("no other owner")
    }

    #[test]
    fn redesigned_preset_gives_the_contract_figures_in_words() {
        let s = reduce(State::default(), Action::Preset(Preset::LeicestershireRedesigned));
        let f = s.figures.as_ref().as_ref().expect("valid figures");
        assert_eq!(f.result.mean_after_pence, Some(Pence(2998)));
        assert_eq!(
            gap_words(f.result.after_vs_baseline_pence.unwrap(), f.cohort.baseline_weekly),
            "£8.15 below the £38.13 baseline"
        );
        assert_eq!(year_words(f.result.annual_effect_pence.unwrap()), "£1,702,404.60 a year less than at the baseline");
        assert_eq!(year_words(Pence(-5)), "£0.05 a year more than at the baseline");
        assert_eq!(f.bands.iter().map(|b| b.count).sum::<usize>(), 10);
        assert!(s.status.contains("£8.15 below the £38.13 baseline"), "{}", s.status);
        // The rows are still there after the calculation borrowed them.
        assert_eq!(s.rows.borrow().len(), 10);
    }

    #[test]
    fn settings_errors_carry_the_contract_messages() {
        let mut s = State::default();
        for (field, text) in [
            (Field::Baseline, "£38.1.3"),
            (Field::PeoplePerWeek, "1,000"),
            (Field::PackageWeeks, "7.5"),
            (Field::WeeksPerYear, ""),
        ] {
            s = reduce(s, Action::Set(field, text.into()));
        }
        assert_eq!(s.error(Field::Baseline).as_deref(), Some("Baseline must be an amount in pounds, like 38.13"));
        assert_eq!(
            s.error(Field::PeoplePerWeek).as_deref(),
            Some("People a week must be a number between 0 and 1,000")
        );
        assert_eq!(
            s.error(Field::PackageWeeks).as_deref(),
            Some("Package length must be a whole number of weeks between 1 and 520")
        );
        assert_eq!(
            s.error(Field::WeeksPerYear).as_deref(),
            Some("Weeks in a year must be a whole number between 1 and 53")
        );
        let s = reduce(s, Action::Preset(Preset::LeicestershireBaseline));
        assert!(s.figures.is_ok());
        assert_eq!(s.people_per_week, "58");
    }

    #[test]
    fn a_file_of_ones_own_after_a_preset_puts_the_defaults_back_and_says_so() {
        let s = reduce(State::default(), Action::Preset(Preset::LeicestershireRedesigned));
        assert_eq!(s.people_per_week, "77.25");
        let s = reduce(s, Action::Reading("mine.csv".into()));
        assert_eq!((s.people_per_week.as_str(), s.baseline.as_str()), ("58", "38.13"));
        let note = &s.figures_note.as_ref().expect("a note beside the figures").1;
        assert!(note.contains("58 people a week (was 77.25)"), "{note}");
        let load = s.load;
        let s = reduce(s, Action::Loaded(load, "mine.csv".into(), read_cohort_csv(EXAMPLE_CSV), None));
        assert!(s.status.ends_with("The figures used are back to the defaults: see section 2."), "{}", s.status);
        // The next file: nothing more was put back, so the status says nothing of it.
        let s = reduce(s, Action::Reading("again.csv".into()));
        let load = s.load;
        let s = reduce(s, Action::Loaded(load, "again.csv".into(), read_cohort_csv(EXAMPLE_CSV), None));
        assert!(!s.status.contains("back to the defaults"), "{}", s.status);
    }

    #[test]
    fn figures_typed_after_a_preset_are_kept_for_a_file() {
        let s = reduce(State::default(), Action::Preset(Preset::LeicestershireRedesigned));
        let s = reduce(s, Action::Set(Field::PeoplePerWeek, "80".into()));
        let s = reduce(s, Action::Reading("mine.csv".into()));
        assert_eq!(s.people_per_week, "80");
        assert_eq!(s.figures_note, None);
    }

    #[test]
    fn a_councils_baseline_is_the_default_and_comes_back_after_a_preset() {
        let s = reduce(State::default(), Action::DefaultBaseline("35.20".into()));
        assert_eq!(s.baseline, "35.20");
        let s = reduce(s, Action::Preset(Preset::LeicestershireBaseline));
        assert_eq!(s.baseline, "38.13", "the preset's is Leicestershire's");
        let s = reduce(s, Action::Reading("mine.csv".into()));
        assert_eq!(s.baseline, "35.20");
        assert!(s.figures_note.unwrap().1.contains("the £35.20 baseline (was £38.13)"));
        // A baseline typed is never replaced by the council's.
        let s = reduce(State::default(), Action::Set(Field::Baseline, "40".into()));
        let s = reduce(s, Action::DefaultBaseline("35.20".into()));
        assert_eq!(s.baseline, "40");
    }

    #[test]
    fn notes_are_counted_in_words_and_a_cohort_comes_back_only_into_an_empty_view() {
        let read = read_cohort_csv("reference,before_weekly,after_weekly\nA,100,0\nB,2000,\nC,100,\nTotal,2200,0\n");
        assert_eq!(notes_sentence(&read.notes).as_deref(), Some("1 total line left out and 2 people not yet reviewed"));
        let s = reduce(State::default(), Action::Reading("mine.csv".into()));
        let s = reduce(s, Action::Loaded(1, "mine.csv".into(), read, Some(String::new())));
        assert!(
            s.status.contains("1 total line left out and 2 people not yet reviewed: see the notes above the results"),
            "{}",
            s.status
        );
        assert_eq!((s.from_file, s.kept_load()), (true, Some(1)), "a file's rows are to be kept on the device");
        let s = reduce(s, Action::Kept(1, false));
        assert!(s.not_kept);
        // A cohort back from the device does not replace rows already in use…
        let back = read_cohort_csv("reference,before_weekly,after_weekly\nZ,1,0\n");
        let s = reduce(s, Action::Restore("old.csv".into(), back.clone()));
        assert_eq!(s.rows.borrow()[0].reference, "A");
        // …but fills an empty view, and is not stored again.
        let s = reduce(State::default(), Action::Restore("old.csv".into(), back));
        assert_eq!(s.rows.borrow()[0].reference, "Z");
        assert_eq!(s.kept_load(), None);
        assert!(s.status.starts_with("The row from old.csv is back from this device"), "{}", s.status);
    }

    #[test]
    fn a_stale_file_read_is_ignored() {
        let s = reduce(State::default(), Action::Reading("a.csv".into()));
        let s = reduce(s, Action::Reading("b.csv".into()));
        let s = reduce(s, Action::Loaded(1, "a.csv".into(), read_cohort_csv(EXAMPLE_CSV), None));
        assert!(s.rows.borrow().is_empty());
        assert!(s.reading);
        let s = reduce(
            s,
            Action::Loaded(
                2,
                "b.csv".into(),
                read_cohort_csv("reference,before_weekly,after_weekly\nA,1,x\nA,1,y,\nB,2,0\n"),
                None,
            ),
        );
        assert_eq!(s.rows.borrow().len(), 1);
        assert_eq!(s.status, "1 row read from b.csv. 2 lines could not be used: see the list below. Mean after reablement £0.00 a week per person: £38.13 below the £38.13 baseline.");
    }

    #[test]
    fn unmatched_headings_keep_the_file_until_its_columns_are_chosen() {
        use crate::calc::cohort::{read_cohort_csv_with, Columns};
        let text = "Name;Was;Now\nA;1;0,5\n".to_string();
        let s = reduce(State::default(), Action::Reading("odd.csv".into()));
        let s = reduce(s, Action::Loaded(1, "odd.csv".into(), read_cohort_csv(&text), Some(text.clone())));
        let file = s.unmatched.clone().expect("the file is kept for choosing its columns");
        assert_eq!(*file.headings, ["Name", "Was", "Now"]);
        assert_eq!(file.text, text);
        assert!(s.rows.borrow().is_empty());
        assert!(s.status.contains("Choose them below"), "{}", s.status);
        let s = reduce(s, Action::Reading("odd.csv".into()));
        assert!(s.unmatched.is_some(), "still there while the file is read again");
        let columns = Columns { reference: Some(0), before: 1, after: 2, ended: None };
        let s = reduce(s, Action::Loaded(2, "odd.csv".into(), read_cohort_csv_with(&text, columns), None));
        assert!(s.unmatched.is_none());
        assert_eq!(s.rows.borrow()[0].after_weekly, Pence(50));
        assert!(s.status.starts_with("1 row read from odd.csv."), "{}", s.status);
    }
}
