//! The whole-service view, for service managers: a cohort of people leaving reablement (from
//! a CSV file read on this device, or Leicestershire's example rows), the figures the
//! calculation uses, and what the cohort achieved against the baseline — means, the share
//! with no ongoing care, the yearly effect by Little's law, a histogram of the costs after,
//! and the results as CSV files.
//!
//! All state is local to [`ServiceView`] (one reducer). Every figure comes from
//! `calc::calculate_cohort`; the view only counts rows into bands and formats.

pub mod columns;
pub mod export;
pub mod histogram;
pub mod illustrative;
pub mod over_time;
pub mod state;
pub mod words;
pub mod xmr_chart;

use self::columns::ColumnChooser;
use self::export::{rows_csv, summary_csv};
use self::histogram::Histogram;
use self::over_time::{OverTimeSection, TARGET_HINT};
use self::state::{Action, Field, Preset, State};
use self::words::{gap_words, hundredths, lines_could_not_be_used, people, year_words};
use crate::calc::cohort::csv::TEMPLATE;
use crate::calc::cohort::{lines_with_problems, ChunkedCsv, Columns};
use crate::calc::limits::{
    DEFAULT_BASELINE, DEFAULT_PACKAGE_WEEKS, DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS, DEFAULT_WEEKS_PER_YEAR,
};
use crate::calc::money::{group_thousands, one_place};
use crate::ui::browser::files::download;
use crate::ui::browser::paint::after_paint;
use crate::ui::widgets::fields::{FieldState, Input, InputKind};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Larger than any file of 100,000 sensible rows (those are usually under 5 MB).
const MAX_FILE_BYTES: u64 = 25_000_000;
/// How many of the CSV reader's problems are listed.
const SHOW_PROBLEMS: usize = 50;
/// How much of a file is read between chances for the browser to paint and take input:
/// about 11,000 rows, 15–20 ms on a busy 2-core machine (the whole 100,000 rows in one go
/// held the page for 100–140 ms there, more on an older laptop).
const CHUNK_BYTES: usize = 256 * 1024;

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
        let given = reader.columns_given();
        let (read, text) = reader.into_parts();
        // Headings that cannot be matched, whose columns were chosen before on this device:
        // read again with those (the headings are the key).
        if let (None, false) = (read.columns, given) {
            if let Some(columns) = crate::ui::browser::storage::load_columns(&read.headings) {
                dispatch.dispatch(Action::RememberedColumns(load));
                let reader = ChunkedCsv::with_columns(text, columns);
                after_paint(move || read_in_steps(reader, load, name, dispatch, current));
                return;
            }
        }
        // Kept to read it again with chosen columns, or to give the rows used back with all
        // the file's columns.
        dispatch.dispatch(Action::Loaded(load, name, read, Some(text)));
    } else {
        dispatch.dispatch(Action::Progress(load, reader.percent()));
        gloo::timers::callback::Timeout::new(0, move || read_in_steps(reader, load, name, dispatch, current)).forget();
    }
}

#[derive(Properties, PartialEq)]
pub struct ServiceProps {
    /// Told whether any figure is wrong, so the page can say "Error: " in its title.
    #[prop_or_default]
    pub on_errors: Callback<bool>,
    /// The figures a new scenario starts with (a council's own, or the calculator's): the
    /// baseline, until one is typed.
    #[prop_or_default]
    pub council: Rc<crate::calc::council::Figures>,
}

#[component]
pub fn ServiceView(props: &ServiceProps) -> Html {
    let state = use_reducer(State::default);
    // A council's baseline is the view's default, in use unless another has been typed.
    {
        let dispatch = state.dispatcher();
        use_effect_with(props.council.clone(), move |council| {
            if council.baseline_weekly != DEFAULT_BASELINE {
                dispatch.dispatch(Action::DefaultBaseline(council.baseline_weekly.decimal()));
            }
        });
    }
    {
        let on_errors = props.on_errors.clone();
        use_effect_with(state.figures.is_err(), move |has_errors| on_errors.emit(*has_errors));
    }
    // The last cohort read from a file comes back from the device after a reload.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some((source, rows)) = crate::ui::browser::storage::load_cohort() {
                dispatch.dispatch(Action::Restore(source, crate::calc::read_cohort_csv(&rows)));
            }
        });
    }
    // …and is kept there whenever a file's rows are in use (cleared with "Clear data").
    {
        let dispatch = state.dispatcher();
        let rows = state.rows.clone();
        let source = state.source.clone();
        use_effect_with((state.kept_load(), state.from_file), move |(load, from_file)| {
            if let (Some(load), true, Some(source)) = (load, *from_file, source) {
                let kept = crate::ui::browser::storage::save_cohort(&source, &rows_csv(&rows.borrow()));
                dispatch.dispatch(Action::Kept(*load, kept));
            }
        });
    }
    // The file being read: replacing it (a new choice) abandons the old read.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // The latest choice, so pieces of a file no longer wanted are not read.
    let current = use_mut_ref(|| 0u32);
    *current.borrow_mut() = state.load;

    let onchange = {
        let dispatch = state.dispatcher();
        let load = state.load;
        let current = current.clone();
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

    // Columns chosen for a file whose headings could not be matched: read it again with them.
    let onchoose = {
        let dispatch = state.dispatcher();
        let load = state.load;
        let unmatched = state.unmatched.clone();
        Callback::from(move |columns: Columns| {
            let Some(file) = unmatched.clone() else { return };
            crate::ui::browser::storage::save_columns(&file.headings, columns);
            dispatch.dispatch(Action::Reading(file.name.clone()));
            let (dispatch, current, name) = (dispatch.clone(), current.clone(), file.name.clone());
            let reader = ChunkedCsv::with_columns(file.text.clone(), columns);
            after_paint(move || read_in_steps(reader, load + 1, name, dispatch, current));
        })
    };
    let template = Callback::from(|_: MouseEvent| {
        download("whole-service-template.csv", "text/csv;charset=utf-8", TEMPLATE);
    });
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
                 hint: String,
                 kind: InputKind,
                 suffix: Option<&'static str>,
                 width: &'static str| {
        html! {
            <Input field={FieldState::new(field.id(), state.error(field))} label={html! { label }} hint={html! { hint }}
                value={AttrValue::from(state.value(field).to_string())} oninput={set(field)} {kind}
                suffix={suffix.map(AttrValue::from)} {width} />
        }
    };

    // Leicestershire's figures before the redesign are the contract's defaults; a council's
    // own baseline (council.json) comes first.
    let council = &props.council;
    let leicestershire = DEFAULT_BASELINE.display();
    let baseline = council.baseline_weekly.display();
    let baseline_hint = match &council.council {
        Some(name) => format!("Default {baseline}, set by {name}: {}", council.baseline_source),
        None => format!("Default {baseline}: Leicestershire County Council, adult social care target operating model update, November 2019. It is the average over everyone leaving reablement, including people who need no further care."),
    };
    let people = hundredths(DEFAULT_PEOPLE_PER_WEEK_HUNDREDTHS);
    html! {
        <div class="service">
            <h1 class="heading-l">{ "Whole service" }</h1>
            <p class="lead">{ format!("See what a whole cohort of people leaving reablement achieved against the {baseline} baseline, and what that is worth in a year. For service managers.") }</p>

            <div class="service-presets">
                <h2 class="heading-s">{ "Start from Leicestershire's figures" }</h2>
                <div class="button-group">
                    <button type="button" class="button button--secondary" onclick={preset(Preset::LeicestershireBaseline)}>
                        { format!("Leicestershire baseline ({people} people a week at {leicestershire})") }
                    </button>
                    <button type="button" class="button button--secondary" onclick={preset(Preset::LeicestershireRedesigned)}>
                        { "Leicestershire redesigned service (77.25 a week, mean after £29.98)" }
                    </button>
                </div>
                <p class="hint">{ "The redesigned service also loads 10 example rows, so the results show at once. Source: Leicestershire County Council, adult social care target operating model update, November 2019." }</p>
                <div class="button-group">
                    <button type="button" class="button button--secondary" onclick={preset(Preset::Illustrative)}>
                        { "Made-up figures over 26 weeks (to show the charts over time)" }
                    </button>
                </div>
                <p class="hint">{ "Invented rows with end dates, not real people: a service that changes how it works from week 14. Use them to see, or to teach, how the charts over time are read." }</p>
            </div>

            <div class="service__inputs">
                <section class="section" aria-labelledby="service-rows-heading">
                    <h2 class="heading-m" id="service-rows-heading">{ "1. The people" }</h2>
                    <p>{ "One row per person leaving reablement: a case reference, and the weekly cost of their care before reablement and 28 days after it ends. Use a CSV file whose first line is the headings " }
                        <code class="service-code">{ "reference,before_weekly,after_weekly" }</code>
                        { ", then one line per person, for example " }<code class="service-code">{ "L-001,295.23,0" }</code>{ "." }</p>
                    <p>{ "Headings such as “Case ref”, “Client ID”, “Weekly cost at start” and “Weekly cost at 28 days” are understood too, and the values may be separated by commas, semicolons or tabs (in a file with semicolons, 38,13 and 1.035,20 are read as £38.13 and £1,035.20). If the headings are not recognised, you can choose which column is which, and this device remembers your choice for the same headings." }</p>
                    <p>{ "Add a column " }<code class="service-code">{ "ended" }</code>{ " (or “End date”, “Discharge date”) with the date each person's reablement ended, like 24/09/2019 or 2019-09-24, to see the service week by week or month by month (section 4). A spreadsheet's total line, and rows whose cost 28 days after is still empty, are left out and listed." }</p>
                    <div class="button-group">
                        <button type="button" class="button button--secondary" onclick={template}>{ "Download a template" }</button>
                    </div>
                    <div class="field">
                        <label class="label" for="service-file">{ "Choose a CSV file" }</label>
                        <div class="hint" id="service-file-hint">{ "The file is read on this device only: nothing is uploaded. Up to 100,000 rows. From a spreadsheet, save it as “CSV UTF-8”." }</div>
                        <input class="file-upload" type="file" id="service-file" name="service-file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                            aria-describedby="service-file-hint" {onchange} />
                    </div>
                    <p class={classes!("service-status", state.reading.then_some("service-status--busy"), state.status.is_empty().then_some("service-status--idle"))} role="status" aria-live="polite" aria-atomic="true" data-testid="service-status">
                        { state.status.clone() }
                        if state.reading {
                            { " " }<progress class="service-progress" max="100" value={state.percent.to_string()}
                                aria-label="How much of the file has been read">{ format!("{}%", state.percent) }</progress>
                        }
                    </p>
                    if state.not_kept {
                        <p class="hint" data-testid="service-not-kept">{ format!("Only files of up to {} rows are kept on this device, so after a reload this one must be chosen again.", group_thousands(state::MAX_KEPT_ROWS as u64)) }</p>
                    }
                    { problems_view(&state) }
                    if let Some(file) = &state.unmatched {
                        <ColumnChooser key={state.load} name={AttrValue::from(file.name.clone())} headings={file.headings.clone()} {onchoose} />
                    }
                </section>

                <section class="section" aria-labelledby="service-figures-heading">
                    <h2 class="heading-m" id="service-figures-heading">{ "2. Figures used" }</h2>
                    if let Some((_, note)) = &state.figures_note {
                        <div class="notice" data-testid="service-figures-note"><p>{ note.clone() }</p></div>
                    }
                    { field(Field::Baseline, "Baseline cost per person per week",
                        baseline_hint,
                        InputKind::Money, Some("a week"), "w-5") }
                    { field(Field::PeoplePerWeek, "People starting reablement a week",
                        format!("On average, up to 2 decimal places. Leicestershire: {people} a week before the redesign, 77.25 after (target 87)."),
                        InputKind::Decimal, Some("a week"), "w-5") }
                    { field(Field::PackageWeeks, "How many weeks an ongoing package lasts on average",
                        format!("A whole number of weeks, from 1 to {}. If you do not know, {DEFAULT_PACKAGE_WEEKS} is a common assumption.", crate::calc::limits::MAX_PACKAGE_WEEKS),
                        InputKind::Whole, Some("weeks"), "w-4") }
                    { field(Field::WeeksPerYear, "Weeks in a year", format!("Used for the yearly effect. Usually {DEFAULT_WEEKS_PER_YEAR}."), InputKind::Whole, None, "w-2") }
                    { field(Field::TargetPerWeek, "Target people a week (optional)", TARGET_HINT.to_string(), InputKind::Decimal, Some("a week"), "w-5") }
                    <div class="inset">
                        <p><strong>{ "How the yearly effect is worked out (Little's law). " }</strong>
                            { "If N people a week leave reablement with an ongoing package lasting W weeks on average, about N × W people have a package at any time; each costs (baseline − mean after) less a week than at the baseline." }</p>
                    </div>
                </section>
            </div>

            <section class="section service-results" aria-labelledby="service-results-heading">
                <h2 class="heading-m" id="service-results-heading">{ "3. Results" }</h2>
                { notes_view(&state) }
                { results_view(&state, state.dispatcher()) }
            </section>
            if let Ok(figures) = &*state.figures {
                if figures.result.over_time.is_some() || figures.span_error.is_some() {
                    <OverTimeSection figures={Rc::new(figures.clone())} period={state.period()} dispatch={state.dispatcher()} />
                }
            }
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
            if state.unmatched.is_some() {
                <p>{ "No rows were read. Choose which column is which below, or correct the headings and choose the file again." }</p>
            } else if no_rows {
                <p>{ "No rows were read. Correct the file and choose it again." }</p>
            } else {
                <p>{ "The other rows were read and are used below. To include these lines, correct them in the file and choose it again." }</p>
            }
            <ul class="service-problems__list">
                { for state.problems.iter().take(SHOW_PROBLEMS).map(|p| html! { <li>{ p.to_string() }</li> }) }
            </ul>
            if more > 0 {
                <p>{ format!("And {} more.", group_thousands(more as u64)) }</p>
            }
        </div>
    }
}

/// What the reader left out or asks to check, above the results: total lines, rows not yet
/// reviewed (counted apart), costs over the nursing-home threshold (counted).
/// The file's own people a week, when its rows have dates: the mean of the periods' people a
/// week (the volume chart's mean), and how long that is over.
fn own_people_a_week(r: &crate::calc::CohortResult) -> Option<(i64, String)> {
    let t = r.over_time.as_ref()?;
    let n = t.periods.len();
    let words = match (t.period, n) {
        (crate::calc::cohort::Period::Week, 1) => "1 week".to_string(),
        (crate::calc::cohort::Period::Week, n) => format!("{n} weeks"),
        (_, 1) => "1 month".to_string(),
        (_, n) => format!("{n} months"),
    };
    let own = t.volume_chart.as_ref().map_or(t.periods[0].people_per_week, |c| c.mean);
    Some((own, words))
}

fn notes_view(state: &State) -> Html {
    use crate::calc::cohort::NoteKind;
    let Some(summary) = state::notes_sentence(&state.notes) else { return html! {} };
    let line = |n: &crate::calc::cohort::CsvNote| match n.kind {
        // "Line 41 looks like a total row and was left out".
        NoteKind::Total => format!("Line {} {}", n.problem.line, n.problem.message),
        _ => n.problem.to_string(),
    };
    let group = |kind: NoteKind, heading: &'static str| {
        let items: Vec<&crate::calc::cohort::CsvNote> = state.notes.iter().filter(|n| n.kind == kind).collect();
        if items.is_empty() {
            return html! {};
        }
        let more = items.len().saturating_sub(SHOW_PROBLEMS);
        html! {
            <>
                <h4 class="service-notes__heading">{ heading }</h4>
                <ul class="service-problems__list">
                    { for items.iter().take(SHOW_PROBLEMS).map(|n| html! { <li>{ line(n) }</li> }) }
                </ul>
                if more > 0 { <p>{ format!("And {} more.", group_thousands(more as u64)) }</p> }
            </>
        }
    };
    html! {
        <div class="service-notes" role="region" aria-labelledby="service-notes-heading" data-testid="service-notes">
            <h3 class="heading-s" id="service-notes-heading">{ format!("From the file: {summary}") }</h3>
            { group(NoteKind::Total, "Left out: totals, not people") }
            { group(NoteKind::NotReviewed, "Not counted yet: no cost 28 days after") }
            { group(NoteKind::Check, "Counted, but check these") }
        </div>
    }
}

fn results_view(state: &State, dispatch: UseReducerDispatcher<State>) -> Html {
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
        let file = state.file.clone();
        Callback::from(move |_: MouseEvent| {
            let text = match &file {
                Some((text, lines)) => export::file_rows_csv(text, lines).unwrap_or_else(|| rows_csv(&rows.borrow())),
                None => rows_csv(&rows.borrow()),
            };
            download("whole-service-rows.csv", "text/csv;charset=utf-8", &text)
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
                    <dd><span class="figure__value" data-testid="service-mean-before">{ before.display() }</span>
                        <span class="figure__note">{ "a week per person" }</span></dd>
                </div>
                <div class="figure figure--after">
                    <dt>{ "Mean 28 days after" }</dt>
                    <dd><span class="figure__value" data-testid="service-mean-after">{ after.display() }</span>
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
                            "With {} people a week starting reablement (the figure typed in section 2, not one taken from the file), packages lasting {} weeks on average, and {} weeks in a year.",
                            hundredths(c.people_per_week_hundredths), c.package_weeks, c.weeks_per_year
                        ) }</span>
                        if let Some((own, periods)) = own_people_a_week(r) {
                            if own != c.people_per_week_hundredths {
                                <span class="figure__note" data-testid="service-own-volume">
                                    { format!("This file's own rows give {} people a week, over their {periods}. ", hundredths(own)) }
                                    <button type="button" class="button button--secondary button--small"
                                        onclick={Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Set(Field::PeoplePerWeek, hundredths(own))))}>
                                        { format!("Use {} a week", hundredths(own)) }
                                    </button>
                                </span>
                            }
                        }
                    </dd>
                </div>
            </dl>
            <p class="hint">{ format!("The baseline of {} is an average over everyone leaving reablement, including the many people who need no further care at all (£0.00). One person whose care still costs more than the baseline is not a failure: what matters is the average across the service.", c.baseline_weekly.display()) }</p>

            <h3 class="heading-s" id="service-histogram-heading">{ "Weekly cost of care 28 days after reablement" }</h3>
            <p class="hint">{ format!("How many people's care costs each amount a week, 28 days after reablement. The bands at or under the {} baseline come first, in green; the dashed line is the baseline; the bands over it follow, in blue.", c.baseline_weekly.display()) }</p>
            <Histogram id="service-histogram" bands={figures.bands.clone()} baseline={c.baseline_weekly} />

            <h3 class="heading-s">{ "Download" }</h3>
            <p class="hint">{ "Both files open in a spreadsheet. The results are one figure a line; the rows used are the file without its bad lines, totals and rows not yet reviewed, with all its columns, which this page can read again." }</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={summary}>{ "Download the results as CSV" }</button>
                <button type="button" class="button button--secondary" onclick={rows}>{ "Download the rows used as CSV" }</button>
            </div>
        </>
    }
}
