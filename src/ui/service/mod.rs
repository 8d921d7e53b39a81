//! The whole-service view, for service managers: a cohort of people leaving reablement (from
//! a CSV file read on this device, or Leicestershire's example rows), the figures the
//! calculation uses, and what the cohort achieved against the baseline — means, the share
//! with no ongoing care, the yearly effect by Little's law, a histogram of the costs after,
//! and the results as CSV files.
//!
//! All state is local to [`ServiceView`] (one reducer). Every figure comes from
//! `calc::calculate_cohort`; the view only counts rows into bands and formats.

pub mod histogram;

use self::histogram::{count_bands, Band, Histogram};
use crate::calc::cohort::{msg as cohort_msg, CsvRows, MAX_ROWS};
use crate::calc::money::{group_thousands, one_place};
use crate::calc::{calculate_cohort, read_cohort_csv, Cohort, CohortResult, CohortRow, FieldMessage, Pence, Value};
use crate::ui::browser::files::{csv_text, download};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

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

/// Larger than any file of 100,000 sensible rows (those are usually under 5 MB).
const MAX_FILE_BYTES: u64 = 25_000_000;
/// How many of the CSV reader's problems are listed.
const SHOW_PROBLEMS: usize = 50;

// ------------------------------------------------------------------ reading a file in pieces

/// How much of a file is read between chances for the browser to paint and take input:
/// about 11,000 rows, 15–20 ms on a busy 2-core machine (the whole 100,000 rows in one go
/// held the page for 100–140 ms there, more on an older laptop).
const CHUNK_BYTES: usize = 256 * 1024;

/// Reads cohort CSV text a piece at a time with `calc`'s own reader, giving exactly what
/// `read_cohort_csv` gives for the whole text: each piece ends at a line break outside a
/// quoted cell, pieces after the first get the file's own headings line in front, and the
/// `Line N` of each problem is moved on by the lines before the piece. Where pieces cannot
/// give the same answer (no headings in the first piece; over 100,000 rows, where the reader
/// stops at an exact line), the whole text is read in one go instead.
pub struct ChunkedCsv {
    text: String,
    /// Where the next piece starts (a byte offset just after a line break), and its line.
    pos: usize,
    line: u64,
    /// The start of the text up to the end of the headings line, and its line breaks.
    headings_end: usize,
    headings_lines: u64,
    read: CsvRows,
    done: bool,
}

impl ChunkedCsv {
    pub fn new(text: String) -> Self {
        ChunkedCsv { text, pos: 0, line: 1, headings_end: 0, headings_lines: 0, read: CsvRows::default(), done: false }
    }

    fn read_all_at_once(&mut self) -> bool {
        self.read = read_cohort_csv(&self.text);
        self.pos = self.text.len();
        self.done = true;
        true
    }

    /// Reads the next piece of about `bytes`. True when the whole text has been read.
    pub fn step(&mut self, bytes: usize) -> bool {
        if self.done {
            return true;
        }
        let end = cut(&self.text, self.pos, bytes.max(1));
        let piece = &self.text[self.pos..end];
        let first = self.pos == 0;
        let read = if first {
            read_cohort_csv(piece)
        } else {
            read_cohort_csv(&format!("{}{piece}", &self.text[..self.headings_end]))
        };
        let at_end = end == self.text.len();
        if first && read.problems.iter().any(|p| p.ends_with(cohort_msg::CSV_HEADER)) {
            // Wrong headings: the reader reads nothing more, whatever follows.
            self.read = read;
            self.pos = self.text.len();
            self.done = true;
            return true;
        }
        if first && !at_end {
            match headings_end(&self.text) {
                Some(h) if h <= end && !read.problems.iter().any(|p| p.ends_with(cohort_msg::CSV_EMPTY)) => {
                    self.headings_end = h;
                    self.headings_lines = self.text.as_bytes()[..h].iter().filter(|b| **b == b'\n').count() as u64;
                }
                // No headings in the first piece: read it all at once.
                _ => return self.read_all_at_once(),
            }
        }
        if self.read.rows.len() + read.rows.len() > MAX_ROWS
            || read.problems.iter().any(|p| p.contains(cohort_msg::ROWS))
        {
            return self.read_all_at_once();
        }
        // In the piece as read, its first line comes after the headings put in front.
        let shift = if first { 0 } else { self.line - (1 + self.headings_lines) };
        self.read.rows.extend(read.rows);
        self.read.problems.extend(read.problems.into_iter().map(|p| shift_line(p, shift)));
        self.line += self.text.as_bytes()[self.pos..end].iter().filter(|b| **b == b'\n').count() as u64;
        self.pos = end;
        self.done = at_end;
        self.done
    }

    /// How much of the text has been read, in whole percent.
    pub fn percent(&self) -> u32 {
        if self.text.is_empty() {
            100
        } else {
            (self.pos as u128 * 100 / self.text.len() as u128) as u32
        }
    }

    pub fn finish(self) -> CsvRows {
        self.read
    }
}

/// Where the headings line ends (just after its line break): the first record with a cell
/// that is not blank, read with the same settings as `calc`'s reader.
fn headings_end(text: &str) -> Option<usize> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&text.as_bytes()[bom..]);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) if record.iter().all(|cell| cell.trim().is_empty()) => continue,
            Ok(true) => return Some(bom + reader.position().byte() as usize),
            _ => return None,
        }
    }
}

/// `Line 3: …` → `Line 3+shift: …`.
fn shift_line(problem: String, shift: u64) -> String {
    if shift == 0 {
        return problem;
    }
    let number = problem.strip_prefix("Line ").and_then(|rest| rest.split_once(':'));
    match number.and_then(|(n, rest)| n.parse::<u64>().ok().map(|n| (n, rest))) {
        Some((n, rest)) => format!("Line {}:{rest}", n + shift),
        None => problem,
    }
}

/// Where a piece starting at `start` should end: just after the first line break at or
/// past `start + bytes` that is outside a quoted cell (quoting as the `csv` crate reads it: a
/// `"` opens a quoted cell only as the cell's first character; `""` inside is a quote), or
/// the end of the text.
fn cut(text: &str, start: usize, bytes: usize) -> usize {
    #[derive(Clone, Copy)]
    enum Q {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let b = text.as_bytes();
    let target = start.saturating_add(bytes);
    if target >= b.len() {
        return b.len();
    }
    let mut q = Q::CellStart;
    for (i, &c) in b.iter().enumerate().skip(start) {
        q = match (q, c) {
            (Q::Quoted, b'"') => Q::QuoteInQuoted,
            (Q::Quoted, _) => Q::Quoted,
            (Q::QuoteInQuoted, b'"') => Q::Quoted,
            (_, b'\n') if i + 1 >= target => return i + 1,
            (_, b'\n' | b'\r' | b',') => Q::CellStart,
            (Q::CellStart, b'"') => Q::Quoted,
            _ => Q::Unquoted,
        };
    }
    b.len()
}

// ------------------------------------------------------------------ state

/// The four figures the calculation uses, as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Baseline,
    PeoplePerWeek,
    PackageWeeks,
    WeeksPerYear,
}

impl Field {
    /// The cohort's JSON path, where `calc` reports this field's error.
    fn path(self) -> &'static str {
        match self {
            Field::Baseline => "baseline_weekly",
            Field::PeoplePerWeek => "people_per_week",
            Field::PackageWeeks => "package_weeks",
            Field::WeeksPerYear => "weeks_per_year",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Field::Baseline => "service-baseline",
            Field::PeoplePerWeek => "service-people",
            Field::PackageWeeks => "service-package-weeks",
            Field::WeeksPerYear => "service-weeks-per-year",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// 58 people a week at £38.13; the rows stay as they are.
    LeicestershireBaseline,
    /// 77.25 people a week, and the 10 example rows (mean after £29.98).
    LeicestershireRedesigned,
}

pub enum Action {
    Set(Field, String),
    Preset(Preset),
    /// A file has been chosen and is being read; its number is the new `load`.
    Reading(String),
    /// Part of the file has been read (the `load` it belongs to, in percent).
    Progress(u32, u32),
    /// A file has been read (the `load` it belongs to, its name, what the reader found).
    Loaded(u32, String, CsvRows),
    /// A file could not be used; the message says why.
    Failed(u32, String),
}

/// What the calculation gives for valid figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// The validated figures (its `rows` are empty: the rows live in `State::rows`).
    pub cohort: Cohort,
    pub result: CohortResult,
    pub bands: Rc<Vec<Band>>,
}

#[derive(Clone)]
pub struct State {
    baseline: String,
    people_per_week: String,
    package_weeks: String,
    weeks_per_year: String,
    /// The good rows in use. Shared between versions of the state and never changed once
    /// loaded, except that a calculation borrows the `Vec` for a moment (see `recompute`),
    /// so 100,000 rows are not copied on every key press.
    rows: Rc<RefCell<Vec<CohortRow>>>,
    /// Where the rows came from: a file name, or the example.
    source: Option<String>,
    /// The CSV reader's `Line N: …` messages for the rows in use.
    problems: Rc<Vec<String>>,
    /// Counts file choices, so a slow read that finishes after a newer choice is ignored.
    load: u32,
    reading: bool,
    /// How much of the file being read has been read, in percent.
    percent: u32,
    /// The last thing that happened, in words (shown in a status region, so announced).
    status: String,
    figures: Rc<Result<Figures, Vec<FieldMessage>>>,
}

impl Default for State {
    fn default() -> Self {
        let mut state = State {
            baseline: "38.13".into(),
            people_per_week: "58".into(),
            package_weeks: "52".into(),
            weeks_per_year: "52".into(),
            rows: Rc::default(),
            source: None,
            problems: Rc::default(),
            load: 0,
            reading: false,
            percent: 0,
            status: String::new(),
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
        ]);
        let figures = Cohort::from_json(value).map(|mut cohort| {
            cohort.rows = self.rows.take();
            let result = calculate_cohort(&cohort);
            let bands = count_bands(cohort.rows.iter().map(|r| r.after_weekly), cohort.baseline_weekly);
            *self.rows.borrow_mut() = std::mem::take(&mut cohort.rows);
            Figures { cohort, result, bands: Rc::new(bands) }
        });
        self.figures = Rc::new(figures);
    }

    fn error(&self, field: Field) -> Option<String> {
        match &*self.figures {
            Err(errors) => errors.iter().find(|e| e.path == field.path()).map(|e| e.message.clone()),
            Ok(_) => None,
        }
    }

    fn value(&self, field: Field) -> &str {
        match field {
            Field::Baseline => &self.baseline,
            Field::PeoplePerWeek => &self.people_per_week,
            Field::PackageWeeks => &self.package_weeks,
            Field::WeeksPerYear => &self.weeks_per_year,
        }
    }

    fn use_rows(&mut self, source: String, read: CsvRows) {
        self.rows = Rc::new(RefCell::new(read.rows));
        self.problems = Rc::new(read.problems);
        self.source = Some(source);
    }

    /// The result in one sentence, for the status region.
    fn result_sentence(&self) -> String {
        match &*self.figures {
            Ok(f) => match (f.result.mean_after_pence, f.result.after_vs_baseline_pence) {
                (Some(after), Some(gap)) => format!(
                    " Mean after reablement {} a week per person: {}.",
                    Pence(after).display(),
                    gap_words(gap, f.cohort.baseline_weekly)
                ),
                _ => String::new(),
            },
            Err(_) => " Correct the figures used to see the results.".into(),
        }
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
                }
                s.recompute();
            }
            Action::Preset(preset) => {
                // A preset overrides a file still being read.
                s.load += 1;
                s.reading = false;
                s.baseline = "38.13".into();
                s.package_weeks = "52".into();
                s.weeks_per_year = "52".into();
                match preset {
                    Preset::LeicestershireBaseline => {
                        s.people_per_week = "58".into();
                        s.recompute();
                        s.status = format!(
                            "Leicestershire's baseline figures are in use: 58 people a week, the £38.13 baseline, packages lasting 52 weeks.{}",
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
            }
            Action::Loaded(load, name, read) => {
                if load != s.load {
                    return self;
                }
                s.reading = false;
                let rows = read.rows.len();
                let lines = lines_with_problems(&read.problems);
                s.use_rows(name.clone(), read);
                s.recompute();
                let mut status = match rows {
                    0 => format!("No rows could be used from {name}."),
                    1 => format!("1 row read from {name}."),
                    n => format!("{} rows read from {name}.", group_thousands(n as u64)),
                };
                if lines > 0 {
                    status.push_str(&format!(" {}: see the list below.", lines_could_not_be_used(lines)));
                }
                if rows > 0 {
                    status.push_str(&s.result_sentence());
                }
                s.status = status;
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

// ------------------------------------------------------------------ words

fn money(pence: i64) -> String {
    Pence(pence).display()
}

/// `£8.15 below the £38.13 baseline`.
fn gap_words(gap: i64, baseline: Pence) -> String {
    match gap.signum() {
        -1 => format!("{} below the {} baseline", money(-gap), baseline.display()),
        1 => format!("{} above the {} baseline", money(gap), baseline.display()),
        _ => format!("the same as the {} baseline", baseline.display()),
    }
}

/// `£1,702,404.60 a year less than at the baseline`.
fn year_words(annual: i64) -> String {
    match annual.signum() {
        1 => format!("{} a year less than at the baseline", money(annual)),
        -1 => format!("{} a year more than at the baseline", money(-annual)),
        _ => "The same as at the baseline".to_string(),
    }
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{} people", group_thousands(n as u64))
    }
}

/// People a week from hundredths: `58`, `77.25`, `0.50`.
fn hundredths(h: i64) -> String {
    if h % 100 == 0 {
        (h / 100).to_string()
    } else {
        format!("{}.{:02}", h / 100, h % 100)
    }
}

/// How many different lines the reader's `Line N: …` messages are about (a line with a bad
/// before and a bad after has two messages; they come in line order).
fn lines_with_problems(problems: &[String]) -> usize {
    let mut last = None;
    let mut lines = 0;
    for p in problems {
        let line = p.split(':').next();
        if line != last {
            lines += 1;
            last = line;
        }
    }
    lines
}

fn lines_could_not_be_used(lines: usize) -> String {
    if lines == 1 {
        "1 line could not be used".into()
    } else {
        format!("{} lines could not be used", group_thousands(lines as u64))
    }
}

// ------------------------------------------------------------------ CSV out
// Cells are made safe for spreadsheets by `files::csv_cell` (formula characters get a leading
// `'`, plain numbers such as -8.15 stay numbers; RFC 4180 quoting), shared with the
// single-person results file.

/// The results as a two-column table (`figure,value`): what was read, the figures used and
/// every result, amounts as plain decimals (`29.98`, `-8.15`) so a spreadsheet can sum them.
pub fn summary_csv(figures: &Figures, source: Option<&str>, lines_not_used: usize) -> String {
    let c = &figures.cohort;
    let r = &figures.result;
    let amount = |p: Option<i64>| p.map(|p| Pence(p).decimal()).unwrap_or_default();
    let rows: Vec<(&str, String)> = vec![
        ("Rows from", source.unwrap_or("").to_string()),
        ("People (rows used)", r.count.to_string()),
        ("Lines of the file that could not be used", lines_not_used.to_string()),
        ("Baseline per person per week (£)", c.baseline_weekly.decimal()),
        ("People starting reablement a week", hundredths(c.people_per_week_hundredths)),
        ("Weeks an ongoing package lasts on average", c.package_weeks.to_string()),
        ("Weeks in a year", c.weeks_per_year.to_string()),
        ("Mean before reablement per person per week (£)", amount(r.mean_before_pence)),
        ("Mean 28 days after reablement per person per week (£)", amount(r.mean_after_pence)),
        ("Mean after minus the baseline (£)", amount(r.after_vs_baseline_pence)),
        ("People with no ongoing care", r.no_ongoing_care_count.to_string()),
        ("People with no ongoing care (%)", r.no_ongoing_care_percent.map(one_place).unwrap_or_default()),
        ("Saved a year against the baseline (£; negative is more spent)", amount(r.annual_effect_pence)),
        ("Calculator version", crate::calc::VERSION.to_string()),
    ];
    csv_text(
        std::iter::once(vec!["figure".to_string(), "value".to_string()])
            .chain(rows.into_iter().map(|(figure, value)| vec![figure.to_string(), value])),
    )
}

/// The rows used, in the layout this page reads (`reference,before_weekly,after_weekly`,
/// amounts like `295.23`): the file without its bad lines.
pub fn rows_csv(rows: &[CohortRow]) -> String {
    csv_text(
        std::iter::once(vec!["reference".to_string(), "before_weekly".to_string(), "after_weekly".to_string()])
            .chain(rows.iter().map(|r| vec![r.reference.clone(), r.before_weekly.decimal(), r.after_weekly.decimal()])),
    )
}

/// Reads one piece, then lets the browser paint and take input before the next; stops when
/// a newer file or a preset has replaced this one.
fn read_in_steps(
    mut reader: ChunkedCsv,
    load: u32,
    name: String,
    dispatch: UseReducerDispatcher<State>,
    current: Rc<RefCell<u32>>,
) {
    if *current.borrow() != load {
        return;
    }
    if reader.step(CHUNK_BYTES) {
        dispatch.dispatch(Action::Loaded(load, name, reader.finish()));
    } else {
        dispatch.dispatch(Action::Progress(load, reader.percent()));
        gloo::timers::callback::Timeout::new(0, move || read_in_steps(reader, load, name, dispatch, current)).forget();
    }
}

/// Runs `f` after the browser has painted (a frame, then a task), so a status shown just
/// before a long step is on screen while it runs.
fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let next_task = Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, f).forget());
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(next_task.unchecked_ref());
    }
}

// ------------------------------------------------------------------ view

#[derive(Properties, PartialEq)]
struct FieldProps {
    id: &'static str,
    label: &'static str,
    hint: AttrValue,
    value: AttrValue,
    error: Option<AttrValue>,
    oninput: Callback<String>,
    #[prop_or_default]
    money: bool,
    #[prop_or_default]
    suffix: Option<&'static str>,
    width: &'static str,
    inputmode: &'static str,
}

/// A labelled text input in the GOV.UK style (label, hint, inline error), like `fields::Input`
/// but without the single-person calculator's form context.
#[component]
fn SettingInput(props: &FieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described_by = match &props.error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--error"))}>
            <label class="label" for={props.id}>{ props.label }</label>
            <div class="hint" id={hint_id}>{ props.hint.clone() }</div>
            if let Some(error) = &props.error {
                <p class="error-message" id={error_id}>
                    <span class="visually-hidden">{ "Error: " }</span>{ error.clone() }
                </p>
            }
            <div class="input-wrap">
                if props.money {
                    <span class="prefix" aria-hidden="true">{ "£" }</span>
                }
                <input
                    class={classes!("input", props.width, props.error.is_some().then_some("input--error"))}
                    id={props.id}
                    name={props.id}
                    type="text"
                    inputmode={props.inputmode}
                    spellcheck="false"
                    autocomplete="off"
                    value={props.value.clone()}
                    aria-describedby={described_by}
                    aria-invalid={props.error.is_some().then_some("true")}
                    {oninput}
                />
                if let Some(suffix) = props.suffix {
                    <span class="suffix">{ suffix }</span>
                }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ServiceProps {
    /// Told whether any figure is wrong, so the page can say "Error: " in its title.
    #[prop_or_default]
    pub on_errors: Callback<bool>,
}

#[component]
pub fn ServiceView(props: &ServiceProps) -> Html {
    let state = use_reducer(State::default);
    {
        let on_errors = props.on_errors.clone();
        use_effect_with(state.figures.is_err(), move |has_errors| on_errors.emit(*has_errors));
    }
    // The file being read: replacing it (a new choice) abandons the old read.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // The latest choice, so pieces of a file no longer wanted are not read.
    let current = use_mut_ref(|| 0u32);
    *current.borrow_mut() = state.load;

    let onchange = {
        let dispatch = state.dispatcher();
        let load = state.load;
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            let file = gloo::file::File::from(file);
            let name = file.name();
            // The reducer numbers this choice `load + 1`.
            let this_load = load + 1;
            dispatch.dispatch(Action::Reading(name.clone()));
            if file.size() > MAX_FILE_BYTES {
                dispatch.dispatch(Action::Failed(
                    this_load,
                    format!("{name} is larger than 25 MB, so it was not read. A file of 100,000 rows is usually under 5 MB: check it is the right file."),
                ));
                return;
            }
            let dispatch = dispatch.clone();
            let current = current.clone();
            let read = gloo::file::callbacks::read_as_text(&file, move |text| match text {
                Ok(text) => {
                    after_paint(move || read_in_steps(ChunkedCsv::new(text), this_load, name, dispatch, current))
                }
                Err(_) => dispatch.dispatch(Action::Failed(
                    this_load,
                    format!("{name} could not be read. Check that it is a CSV file, then choose it again."),
                )),
            });
            *reader.borrow_mut() = Some(read);
        })
    };

    let set = |field: Field| {
        let dispatch = state.dispatcher();
        Callback::from(move |text: String| dispatch.dispatch(Action::Set(field, text)))
    };
    let preset = |p: Preset| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Preset(p)))
    };
    let field = |field: Field,
                 label: &'static str,
                 hint: &'static str,
                 money: bool,
                 suffix: Option<&'static str>,
                 width: &'static str| {
        html! {
            <SettingInput id={field.id()} {label} hint={hint} value={AttrValue::from(state.value(field).to_string())}
                error={state.error(field).map(AttrValue::from)} oninput={set(field)} {money} {suffix} {width}
                inputmode={if field == Field::PackageWeeks || field == Field::WeeksPerYear { "numeric" } else { "decimal" }} />
        }
    };

    html! {
        <div class="service">
            <h1 class="heading-l">{ "Whole service" }</h1>
            <p class="lead">{ "See what a whole cohort of people leaving reablement achieved against the £38.13 baseline, and what that is worth in a year. For service managers." }</p>

            <div class="service-presets">
                <h2 class="heading-s">{ "Start from Leicestershire's figures" }</h2>
                <div class="button-group">
                    <button type="button" class="button button--secondary" onclick={preset(Preset::LeicestershireBaseline)}>
                        { "Leicestershire baseline (58 people a week at £38.13)" }
                    </button>
                    <button type="button" class="button button--secondary" onclick={preset(Preset::LeicestershireRedesigned)}>
                        { "Leicestershire redesigned service (77.25 a week, mean after £29.98)" }
                    </button>
                </div>
                <p class="hint">{ "The redesigned service also loads 10 example rows, so the results show at once. Source: Leicestershire County Council, adult social care target operating model update, November 2019." }</p>
            </div>

            <section class="section" aria-labelledby="service-rows-heading">
                <h2 class="heading-m" id="service-rows-heading">{ "1. The people" }</h2>
                <p>{ "One row per person leaving reablement: a case reference, and the weekly cost of their care before reablement and 28 days after it ends. Use a CSV file whose first line is the headings " }
                    <code class="service-code">{ "reference,before_weekly,after_weekly" }</code>
                    { ", then one line per person, for example " }<code class="service-code">{ "L-001,295.23,0" }</code>{ "." }</p>
                <div class="field">
                    <label class="label" for="service-file">{ "Choose a CSV file" }</label>
                    <div class="hint" id="service-file-hint">{ "The file is read on this device only: nothing is uploaded. Up to 100,000 rows. From a spreadsheet, save it as “CSV UTF-8”." }</div>
                    <input class="file-upload" type="file" id="service-file" name="service-file" accept=".csv,text/csv"
                        aria-describedby="service-file-hint" {onchange} />
                </div>
                <p class={classes!("service-status", state.reading.then_some("service-status--busy"), state.status.is_empty().then_some("service-status--idle"))} role="status" aria-live="polite" aria-atomic="true" data-testid="service-status">
                    { state.status.clone() }
                    if state.reading {
                        { " " }<progress class="service-progress" max="100" value={state.percent.to_string()}
                            aria-label="How much of the file has been read">{ format!("{}%", state.percent) }</progress>
                    }
                </p>
                { problems_view(&state) }
            </section>

            <section class="section" aria-labelledby="service-figures-heading">
                <h2 class="heading-m" id="service-figures-heading">{ "2. Figures used" }</h2>
                { field(Field::Baseline, "Baseline cost per person per week",
                    "Default £38.13: Leicestershire County Council, adult social care target operating model update, November 2019. It is the average over everyone leaving reablement, including people who need no further care.",
                    true, Some("a week"), "w-5") }
                { field(Field::PeoplePerWeek, "People starting reablement a week",
                    "On average, up to 2 decimal places. Leicestershire: 58 a week before the redesign, 77.25 after (target 87).",
                    false, Some("a week"), "w-5") }
                { field(Field::PackageWeeks, "How many weeks an ongoing package lasts on average",
                    "A whole number of weeks, from 1 to 520. If you do not know, 52 is a common assumption.",
                    false, Some("weeks"), "w-4") }
                { field(Field::WeeksPerYear, "Weeks in a year", "Used for the yearly effect. Usually 52.", false, None, "w-2") }
                <div class="inset">
                    <p><strong>{ "How the yearly effect is worked out (Little's law). " }</strong>
                        { "If N people a week leave reablement with an ongoing package lasting W weeks on average, about N × W people have a package at any time; each costs (baseline − mean after) less a week than at the baseline." }</p>
                </div>
            </section>

            <section class="section service-results" aria-labelledby="service-results-heading">
                <h2 class="heading-m" id="service-results-heading">{ "3. Results" }</h2>
                { results_view(&state) }
            </section>
        </div>
    }
}

fn problems_view(state: &State) -> Html {
    if state.problems.is_empty() {
        return html! {};
    }
    let lines = lines_with_problems(&state.problems);
    let no_rows = state.rows.borrow().is_empty();
    let title = if no_rows { "The file could not be used".to_string() } else { lines_could_not_be_used(lines) };
    let more = state.problems.len().saturating_sub(SHOW_PROBLEMS);
    html! {
        <div class="service-problems" role="region" aria-labelledby="service-problems-heading" data-testid="service-problems">
            <h3 class="heading-s" id="service-problems-heading">
                <span class="warning-text__icon" aria-hidden="true">{ "!" }</span>
                <span class="visually-hidden">{ "Warning: " }</span>{ title }
            </h3>
            if no_rows {
                <p>{ "No rows were read. Correct the file and choose it again." }</p>
            } else {
                <p>{ "The other rows were read and are used below. To include these lines, correct them in the file and choose it again." }</p>
            }
            <ul class="service-problems__list">
                { for state.problems.iter().take(SHOW_PROBLEMS).map(|p| html! { <li>{ p.clone() }</li> }) }
            </ul>
            if more > 0 {
                <p>{ format!("And {} more.", group_thousands(more as u64)) }</p>
            }
        </div>
    }
}

fn results_view(state: &State) -> Html {
    let figures = match &*state.figures {
        Err(_) => {
            return html! { <p class="results__pending">{ "The results will show when the figures used (section 2) are right." }</p> }
        }
        Ok(f) => f,
    };
    let r = &figures.result;
    let (Some(before), Some(after), Some(gap), Some(annual), Some(percent)) = (
        r.mean_before_pence,
        r.mean_after_pence,
        r.after_vs_baseline_pence,
        r.annual_effect_pence,
        r.no_ongoing_care_percent,
    ) else {
        return html! {
            <p class="results__pending" data-testid="service-empty">
                { "There are no rows yet. Choose a CSV file in section 1, or select “Leicestershire redesigned service” at the top to use 10 example rows." }
            </p>
        };
    };
    let c = &figures.cohort;
    let source = state.source.clone().unwrap_or_default();
    let summary = {
        let figures = figures.clone();
        let source = state.source.clone();
        let lines = lines_with_problems(&state.problems);
        Callback::from(move |_: MouseEvent| {
            download(
                "whole-service-results.csv",
                "text/csv;charset=utf-8",
                &summary_csv(&figures, source.as_deref(), lines),
            )
        })
    };
    let rows = {
        let rows = state.rows.clone();
        Callback::from(move |_: MouseEvent| {
            download("whole-service-rows.csv", "text/csv;charset=utf-8", &rows_csv(&rows.borrow()))
        })
    };
    html! {
        <>
            <dl class="figures service-figures">
                <div class="figure figure--people">
                    <dt>{ "People" }</dt>
                    <dd><span class="figure__value" data-testid="service-count">{ group_thousands(r.count as u64) }</span>
                        <span class="figure__note">{ format!("rows from {source}") }</span></dd>
                </div>
                <div class="figure">
                    <dt>{ "Mean before reablement" }</dt>
                    <dd><span class="figure__value" data-testid="service-mean-before">{ money(before) }</span>
                        <span class="figure__note">{ "a week per person" }</span></dd>
                </div>
                <div class="figure figure--after">
                    <dt>{ "Mean 28 days after" }</dt>
                    <dd><span class="figure__value" data-testid="service-mean-after">{ money(after) }</span>
                        <span class="figure__note">{ "a week per person" }</span></dd>
                </div>
            </dl>
            <p class="baseline-gap" data-testid="service-gap"><strong>{ format!("The mean after is {}.", gap_words(gap, c.baseline_weekly)) }</strong></p>
            <dl class="summary-list service-summary">
                <div class="summary-list__row">
                    <dt>{ "No ongoing care" }</dt>
                    <dd data-testid="service-no-care">{ format!("{} of {} ({}%)", group_thousands(r.no_ongoing_care_count as u64), people(r.count), one_place(percent)) }</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{ "Over a year" }</dt>
                    <dd data-testid="service-annual">{ year_words(annual) }
                        <span class="figure__note">{ format!(
                            "With {} people a week starting reablement, packages lasting {} weeks on average, and {} weeks in a year.",
                            hundredths(c.people_per_week_hundredths), c.package_weeks, c.weeks_per_year
                        ) }</span></dd>
                </div>
            </dl>
            <p class="hint">{ format!("The baseline of {} is an average over everyone leaving reablement, including the many people who need no further care at all (£0.00). One person whose care still costs more than the baseline is not a failure: what matters is the average across the service.", c.baseline_weekly.display()) }</p>

            <h3 class="heading-s" id="service-histogram-heading">{ "Weekly cost of care 28 days after reablement" }</h3>
            <p class="hint">{ format!("Number of people in each band of weekly cost. The dashed line is the {} baseline: the green bars above it are at or below the baseline, the blue bars below it are above.", c.baseline_weekly.display()) }</p>
            <Histogram id="service-histogram" bands={figures.bands.clone()} baseline={c.baseline_weekly} />

            <h3 class="heading-s">{ "Download" }</h3>
            <p class="hint">{ "Both files open in a spreadsheet. The results are one figure a line; the rows used are the file without its bad lines, which this page can read again." }</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={summary}>{ "Download the results as CSV" }</button>
                <button type="button" class="button button--secondary" onclick={rows}>{ "Download the rows used as CSV" }</button>
            </div>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_rows_are_the_contract_example() {
        let read = read_cohort_csv(EXAMPLE_CSV);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let mut cohort = Cohort::with_defaults(read.rows);
        cohort.people_per_week_hundredths = 7725;
        let r = calculate_cohort(&cohort);
        assert_eq!(r.count, 10);
        assert_eq!(r.mean_before_pence, Some(20244));
        assert_eq!(r.mean_after_pence, Some(2998));
        assert_eq!(r.after_vs_baseline_pence, Some(-815));
        assert_eq!(r.no_ongoing_care_count, 5);
        assert_eq!(r.annual_effect_pence, Some(170_240_460));
    }

    fn reduce(state: State, action: Action) -> State {
        Rc::try_unwrap(Rc::new(state).reduce(action)).ok().expect("no other owner")
    }

    #[test]
    fn redesigned_preset_gives_the_contract_figures_in_words() {
        let s = reduce(State::default(), Action::Preset(Preset::LeicestershireRedesigned));
        let f = s.figures.as_ref().as_ref().expect("valid figures");
        assert_eq!(f.result.mean_after_pence, Some(2998));
        assert_eq!(
            gap_words(f.result.after_vs_baseline_pence.unwrap(), f.cohort.baseline_weekly),
            "£8.15 below the £38.13 baseline"
        );
        assert_eq!(year_words(f.result.annual_effect_pence.unwrap()), "£1,702,404.60 a year less than at the baseline");
        assert_eq!(year_words(-5), "£0.05 a year more than at the baseline");
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
    fn a_stale_file_read_is_ignored() {
        let s = reduce(State::default(), Action::Reading("a.csv".into()));
        let s = reduce(s, Action::Reading("b.csv".into()));
        let s = reduce(s, Action::Loaded(1, "a.csv".into(), read_cohort_csv(EXAMPLE_CSV)));
        assert!(s.rows.borrow().is_empty());
        assert!(s.reading);
        let s = reduce(
            s,
            Action::Loaded(
                2,
                "b.csv".into(),
                read_cohort_csv("reference,before_weekly,after_weekly\nA,1,x\nA,1,y,\nB,2,0\n"),
            ),
        );
        assert_eq!(s.rows.borrow().len(), 1);
        assert_eq!(s.status, "1 row read from b.csv. 2 lines could not be used: see the list below. Mean after reablement £0.00 a week per person: £38.13 below the £38.13 baseline.");
    }

    #[test]
    fn problems_are_counted_by_line() {
        let problems: Vec<String> =
            ["Line 3: Before must be", "Line 3: After must be", "Line 4: After must be", "Line 12: x"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        assert_eq!(lines_with_problems(&problems), 3);
        assert_eq!(lines_with_problems(&[]), 0);
    }

    #[test]
    fn summary_csv_has_every_figure_as_a_plain_number() {
        let s = reduce(State::default(), Action::Preset(Preset::LeicestershireRedesigned));
        let f = s.figures.as_ref().as_ref().unwrap();
        let text = summary_csv(f, Some("=evil.csv"), 0);
        assert!(
            text.starts_with("\u{feff}figure,value\r\nRows from,'=evil.csv\r\nPeople (rows used),10\r\n"),
            "{text}"
        );
        for line in [
            "Baseline per person per week (£),38.13",
            "People starting reablement a week,77.25",
            "Mean before reablement per person per week (£),202.44",
            "Mean 28 days after reablement per person per week (£),29.98",
            "Mean after minus the baseline (£),-8.15",
            "People with no ongoing care,5",
            "People with no ongoing care (%),50.0",
            "Saved a year against the baseline (£; negative is more spent),1702404.60",
        ] {
            assert!(text.contains(&format!("{line}\r\n")), "missing {line:?} in {text}");
        }
    }

    #[test]
    fn rows_csv_reads_back_and_is_safe() {
        let rows = vec![
            CohortRow { reference: "=cmd|' /C calc'!A0".into(), before_weekly: Pence(29523), after_weekly: Pence(0) },
            CohortRow { reference: "B-2, flat \"3\"".into(), before_weekly: Pence(185_000), after_weekly: Pence(2998) },
            CohortRow { reference: "".into(), before_weekly: Pence(5), after_weekly: Pence(10_000_000) },
        ];
        let text = rows_csv(&rows);
        assert_eq!(
            text,
            "\u{feff}reference,before_weekly,after_weekly\r\n'=cmd|' /C calc'!A0,295.23,0.00\r\n\"B-2, flat \"\"3\"\"\",1850.00,29.98\r\n,0.05,100000.00\r\n"
        );
        let back = read_cohort_csv(&text);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.rows.len(), 3);
        assert_eq!(back.rows[0].reference, "'=cmd|' /C calc'!A0");
        assert_eq!(back.rows[1], rows[1]);
        assert_eq!(back.rows[2], rows[2]);
    }

    /// Texts that the piece-by-piece reader must read exactly as the whole-text reader does.
    fn awkward_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "",
            "\n\n",
            "reference,before_weekly,after_weekly",
            "reference,before_weekly,after_weekly\n",
            "\u{feff}reference,before_weekly,after_weekly\r\nA-1,295.23,0\r\n\"B-2, flat 3\",\"£1,850.00\",abc\r\nC-3,1.234,10\r\n\r\nD-4,100,29.98\r\n",
            "reference,before_weekly,after_weekly\n\"two\nlines\",10,x\nB,1,1\n\"three\r\nline\r\n\"\"cell\"\"\",1,y\nC,2,2",
            "ref,before,after\nA,1,1\nB,2,2\n",
            "\n\n\n\nreference,before_weekly,after_weekly\nA,1,1\n,,\nB,x,1\n",
            "reference,before_weekly,after_weekly\nA,1\nB,1,1,1\nC,2,0\n ,, \nD,3,3\n",
            // Stray quotes: inside an unquoted cell (literal), after a closing quote, never closed.
            "reference,before_weekly,after_weekly\na\"b,1,2\nc\"d,1,2\n\"e\"f,1,2\nG,1,1\n\"open,1,2\nH,1,1\nI,2,2\n",
            "reference,before_weekly,after_weekly\r\nA,1,1\rB,2,2\rC,x,3\r\nD,4,4\n",
            "\u{feff}\r\n,,\r\nreference,before_weekly,after_weekly,note\r\nA,1,1,x\r\nB,2,2\r\nC,3,3,\"y\nz\"\r\nD,4,x,w\r\n",
            "\"reference\",\"before_weekly\",\"after_weekly\"\nA,1,1\nB,2,2\n",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.push(EXAMPLE_CSV.replace('\n', "\r\n"));
        let mut long = String::from("reference,before_weekly,after_weekly\n");
        for i in 0..400 {
            long.push_str(&match i % 7 {
                0 => format!("\"R-{i},\nx\",{i}.5,0\n"),
                3 => format!("R-{i},bad,{i}\n"),
                5 => "\n".to_string(),
                _ => format!("R-{i},{i},{}\n", i % 3),
            });
        }
        texts.push(long);
        texts
    }

    #[test]
    fn reading_in_pieces_gives_what_reading_at_once_gives() {
        for text in awkward_texts() {
            let whole = read_cohort_csv(&text);
            for bytes in [1, 2, 5, 13, 40, 64, 1_000, 1 << 20] {
                let mut chunked = ChunkedCsv::new(text.clone());
                let mut steps = 0;
                while !chunked.step(bytes) {
                    steps += 1;
                    assert!(chunked.percent() <= 100);
                }
                assert!(steps <= text.len());
                assert_eq!(chunked.percent(), 100);
                assert_eq!(chunked.finish(), whole, "pieces of {bytes} bytes of {text:?}");
            }
        }
    }

    #[test]
    fn over_100000_rows_is_read_at_once_with_the_readers_own_limit() {
        let mut text = String::from("reference,before_weekly,after_weekly\n");
        for i in 0..100_003 {
            text.push_str(if i == 50 { "X,bad,1\n" } else { "A,1,0\n" });
        }
        let mut chunked = ChunkedCsv::new(text.clone());
        while !chunked.step(CHUNK_BYTES) {}
        let read = chunked.finish();
        assert_eq!(read, read_cohort_csv(&text));
        assert_eq!(read.rows.len(), MAX_ROWS);
        assert_eq!(read.problems.len(), 2);
        assert!(read.problems[1].starts_with("Line 100003: Enter 100,000 rows or fewer"), "{:?}", read.problems);
    }

    #[test]
    fn pieces_end_after_line_breaks_outside_quotes() {
        let text = "a,\"x\ny\",1\nb,2,2\n";
        assert_eq!(cut(text, 0, 1), 10); // not at the break inside the quoted cell
        assert_eq!(cut(text, 0, 100), text.len());
        assert_eq!(cut(text, 10, 1), text.len());
        assert_eq!(shift_line("Line 3: After must be".into(), 10), "Line 13: After must be");
        assert_eq!(shift_line("odd".into(), 10), "odd");
    }

    #[test]
    fn hundredths_are_written_without_floats() {
        assert_eq!(hundredths(5800), "58");
        assert_eq!(hundredths(7725), "77.25");
        assert_eq!(hundredths(50), "0.50");
        assert_eq!(hundredths(0), "0");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Any text made of CSV's awkward characters reads the same in pieces as at once.
        #[test]
        fn pieces_read_like_the_whole(
            body in proptest::collection::vec(prop::sample::select(vec!["a", "1", "2.5", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "£", "x"]), 0..120),
            headings in prop::sample::select(vec!["", "reference,before_weekly,after_weekly\n", "\u{feff}\n reference , before_weekly,after_weekly,note\r\n"]),
            bytes in 1usize..48,
        ) {
            let mut text = String::from(headings);
            text.extend(body);
            let mut chunked = ChunkedCsv::new(text.clone());
            while !chunked.step(bytes) {}
            prop_assert_eq!(chunked.finish(), read_cohort_csv(&text));
        }
    }
}
