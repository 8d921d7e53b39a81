//! Properties that must hold for every input, not just the examples: money text round-trips,
//! and no JSON or CSV, however odd, makes the core panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use proptest::prelude::*;
use reablement_calculator::calc::cohort::{read_cohort_csv_with, ChunkedCsv, Columns, Delimiter};
use reablement_calculator::calc::{self, read_cohort_csv, Cohort, FieldMessage, Pence};
use serde_json::{json, Value as Json};

fn arbitrary_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e12f64..1e12).prop_map(|f| json!(f)),
        (0u32..2000).prop_map(|n| json!(n)),
        "[£0-9,. a-z_-]{0,12}".prop_map(Json::String),
        ".{0,30}".prop_map(Json::String),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("format".to_string()),
                    Just("version".to_string()),
                    Just("before".to_string()),
                    Just("visits".to_string()),
                    Just("minutes".to_string()),
                    Just("goals".to_string()),
                    Just("rows".to_string()),
                    Just("weekly".to_string()),
                    "[a-z_]{1,10}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid scenario with one field somewhere replaced by an arbitrary value.
fn mutated_scenario() -> impl Strategy<Value = Json> {
    let pointers = prop::sample::select(vec![
        "/reference",
        "/settings",
        "/settings/hourly_rate",
        "/settings/weeks_per_year",
        "/goals",
        "/goals/0",
        "/goals/0/id",
        "/goals/0/status",
        "/before",
        "/before/visits",
        "/before/visits/0",
        "/before/visits/0/minutes",
        "/before/visits/0/goals",
        "/before/visits/0/goals/0",
        "/before/visits/0/hourly_rate",
        "/before/other_costs",
        "/before/other_costs/0/weekly",
        "/after",
        "/reablement_cost",
    ]);
    (pointers, arbitrary_json()).prop_map(|(pointer, value)| {
        let mut s = json!({
            "format": "reablement-outcome-scenario", "version": 1, "reference": "AB-1", "settings": { "baseline_weekly": "38.13", "hourly_rate": "24.10", "weeks_per_year": 52 },
            "goals": [ { "id": "g", "description": "d", "outcome": "nutrition", "status": "achieved" } ],
            "before": { "visits": [ { "minutes": 30, "carers": 1, "days_per_week": 7, "hourly_rate": null, "goals": ["g"] } ],
                        "other_costs": [ { "label": "t", "weekly": "4.50" } ] },
            "after": null, "reablement_cost": "100"
        });
        *s.pointer_mut(pointer).unwrap() = value;
        s
    })
}

fn check_response(response: &Json) {
    match response["ok"].as_bool() {
        Some(true) => assert!(response["result"].is_object()),
        Some(false) => {
            let errors = response["errors"].as_array().unwrap();
            assert!(!errors.is_empty(), "a failure must say why");
            for e in errors {
                assert!(e["path"].is_string() && !e["message"].as_str().unwrap().is_empty());
            }
        }
        None => panic!("no ok field in {response}"),
    }
}

/// A cohort row's cell: mostly amounts, sometimes anything.
fn cohort_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9]{1,6}(\\.[0-9]{1,2})?",
        4 => "\"£?[0-9]{1,3}(,[0-9]{3})?(\\.[0-9]{1,2})?\"",
        1 => "-?[0-9]{1,3}(\\.[0-9]{1,4})?([eE][+-]?[0-9])?",
        1 => Just("null".to_string()),
        1 => "\"[ A-Za-z0-9£.,-]{0,8}\"",
        1 => prop_oneof![Just("\"a\\nb\"".to_string()), Just("true".to_string()), Just("[]".to_string()), Just("{}".to_string())],
    ]
}

/// An `ended` value: mostly real dates, some that are not (31 February, a UK date, 1999).
fn cohort_date() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (2000u32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("\"{y}-{m:02}-{d:02}\"")),
        1 => Just("\"2025-02-29\"".to_string()),
        1 => Just("\"24/09/2019\"".to_string()),
        1 => Just("\"1999-12-31\"".to_string()),
        1 => Just("null".to_string()),
    ]
}

fn cohort_amount() -> impl Strategy<Value = String> {
    prop_oneof!["(0|[1-9][0-9]{0,4})(\\.[0-9]{1,2})?", "\"£?[0-9]{1,3}(,[0-9]{3})?(\\.[0-9]{2})?\""]
}

/// Mostly good rows (their fields in any order), some with any fields and values.
fn cohort_row() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        3 => Just("reference"), 3 => Just("before_weekly"), 3 => Just("after_weekly"), 1 => Just("ended"),
        1 => Just("note")
    ];
    let good = (
        prop_oneof![Just("null".to_string()), "\"[A-Z]-[0-9]{1,3}\""],
        cohort_amount(),
        cohort_amount(),
        prop_oneof![Just(None), cohort_date().prop_map(Some)],
    )
        .prop_map(|(r, b, a, ended)| {
            let mut cells = vec![("reference", r), ("before_weekly", b), ("after_weekly", a)];
            cells.extend(ended.map(|d| ("ended", d)));
            cells
        })
        .prop_shuffle();
    let any = prop::collection::vec((key, cohort_cell()), 0..4);
    prop_oneof![4 => good, 1 => any].prop_map(|cells| {
        let fields: Vec<String> = cells.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
        format!("{{{}}}", fields.join(", "))
    })
}

/// A cohort as JSON text: mostly good rows, some settings, odd spacing.
fn cohort_text() -> impl Strategy<Value = String> {
    let setting = prop_oneof![
        Just("baseline_weekly"),
        Just("people_per_week"),
        Just("package_weeks"),
        Just("weeks_per_year"),
        Just("period"),
        Just("target_per_week")
    ];
    (prop::collection::vec(cohort_row(), 0..6), prop::collection::vec((setting, cohort_cell()), 0..3)).prop_map(
        |(rows, settings)| {
            let mut fields = vec![format!("\"rows\":\n[{}]", rows.join(",\n"))];
            fields.extend(settings.iter().map(|(k, v)| format!("\"{k}\": {v}")));
            format!("{{{}}}", fields.join(", "))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn money_formats_then_parses_back_to_the_same_pence(pence in 0i64..=i64::MAX) {
        let p = Pence(pence);
        prop_assert_eq!(Pence::parse(&p.display()), Some(p));
        prop_assert_eq!(Pence::parse(&p.decimal()), Some(p));
        prop_assert_eq!(Pence::parse(&format!("  {}  ", p.display())), Some(p));
    }

    #[test]
    fn negative_money_displays_with_the_ui_minus_sign(pence in 1i64..=1_000_000_000_000) {
        let shown = Pence(-pence).display();
        prop_assert!(shown.starts_with(calc::money::UI_MINUS), "{}", shown);
        prop_assert_eq!(Pence::parse(&shown[calc::money::UI_MINUS.len()..]), Some(Pence(pence)));
    }

    #[test]
    fn money_parsing_never_panics_and_never_goes_negative(text in ".{0,40}") {
        if let Some(p) = Pence::parse(&text) {
            prop_assert!(p.0 >= 0);
        }
    }

    #[test]
    fn a_json_number_with_two_places_is_the_same_as_its_text(pounds in 0u32..10_000_000, pence in 0u32..100) {
        // As JavaScript writes the number (shortest form, e.g. 26.5), and as typed (26.50).
        let text = format!("{pounds}.{pence:02}");
        let number: f64 = text.parse().unwrap();
        let written = serde_json::to_string(&number).unwrap();
        prop_assert_eq!(Pence::from_json(&calc::json::parse(&written).unwrap()), Pence::parse(&text));
        prop_assert_eq!(Pence::from_json(&calc::json::parse(&text).unwrap()), Pence::parse(&text));
    }

    #[test]
    fn the_core_parser_reads_json_as_serde_json_does(input in arbitrary_json()) {
        let text = serde_json::to_string(&input).unwrap();
        let value = calc::json::parse(&text).unwrap();
        // Compared as serde_json reads both texts: its float reading is not always the nearest
        // double, but the same literal always reads the same.
        let back: Json = serde_json::from_str(&value.to_json_text()).unwrap();
        let expected: Json = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, expected);
    }

    #[test]
    fn the_core_parser_never_panics(text in "\\PC{0,200}") {
        let _ = calc::json::parse(&text);
    }

    #[test]
    fn the_core_parser_never_panics_on_json_like_text(text in "[\\[\\]{}\",:0-9.eE+\\-a-z\\\\ ]{0,80}") {
        let _ = calc::json::parse(&text);
    }

    #[test]
    fn arbitrary_json_never_panics_as_a_scenario_or_cohort(input in arbitrary_json()) {
        check_response(&common::run("scenario", &input));
        check_response(&common::run("cohort", &input));
    }

    #[test]
    fn a_scenario_with_any_field_replaced_never_panics(input in mutated_scenario()) {
        check_response(&common::run("scenario", &input));
    }

    #[test]
    fn arbitrary_csv_never_panics_and_every_problem_names_its_line(text in "(reference,before_weekly,after_weekly\r?\n)?[a-z0-9£,.\"\r\n -]{0,200}") {
        let read = read_cohort_csv(&text);
        let lines = text.split('\n').count() as u64;
        for problem in &read.problems {
            prop_assert!((1..=lines).contains(&problem.line), "{} in {} lines", problem, lines);
            prop_assert!(problem.to_string().starts_with(&format!("Line {}", problem.line)), "{}", problem);
        }
        for row in &read.rows {
            prop_assert!(row.before_weekly.0 >= 0 && row.after_weekly.0 >= 0);
        }
    }

    #[test]
    fn any_text_never_panics_the_csv_reader(text in "\\PC{0,300}", reference in 0usize..4, before in 0usize..4, after in 0usize..4) {
        let _ = read_cohort_csv(&text);
        let _ = read_cohort_csv_with(&text, Columns { reference: (reference < 3).then_some(reference), before, after, ended: None });
    }

    #[test]
    fn csv_rows_written_by_us_read_back_exactly(rows in prop::collection::vec(("[A-Z]{1,3}-[0-9]{1,4}", 0i64..10_000_000, 0i64..10_000_000), 0..50)) {
        let mut text = String::from("reference,before_weekly,after_weekly\r\n");
        for (reference, before, after) in &rows {
            text.push_str(&format!("{reference},\"{}\",{}\r\n", Pence(*before).display(), Pence(*after).decimal()));
        }
        let read = read_cohort_csv(&text);
        prop_assert!(read.problems.is_empty(), "{:?}", read.problems);
        prop_assert_eq!(read.rows.len(), rows.len());
        for (row, (reference, before, after)) in read.rows.iter().zip(&rows) {
            prop_assert_eq!(&row.reference, reference);
            prop_assert_eq!(row.before_weekly, Pence(*before));
            prop_assert_eq!(row.after_weekly, Pence(*after));
        }
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_not_overflowed() {
    let mut deep = String::new();
    for _ in 0..10_000 {
        deep.push('[');
    }
    assert!(calc::json::parse(&deep).is_err());
    let response: Json = serde_json::from_str(&calc::calculate_json_text(&deep)).unwrap();
    assert_eq!(response["errors"][0]["message"], "This is not a reablement outcome scenario file");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Flat, valid rows are read straight from the text (`Cohort::from_json_text`); anything
    /// else goes to the general reader. Either way the answer must be the general reader's.
    #[test]
    fn the_fast_cohort_reader_agrees_with_the_general_one(text in cohort_text()) {
        let expected = match calc::json::parse(&text) {
            Ok(value) => Cohort::from_json(value),
            Err(_) => Err(vec![FieldMessage::new("", calc::cohort::msg::INPUT)]),
        };
        prop_assert_eq!(Cohort::from_json_text(&text), expected);
    }
}

/// Dated cohort rows: `(before pence, after pence, days after 2020-01-01 or none)`.
fn dated_rows() -> impl Strategy<Value = Vec<(i64, i64, Option<i32>)>> {
    prop::collection::vec(
        (0i64..200_000, prop_oneof![Just(0i64), 0i64..100_000], prop::option::weighted(0.9, 0i32..1500)),
        0..120,
    )
}

fn dated_cohort(rows: &[(i64, i64, Option<i32>)], period: &str) -> Json {
    let first = calc::cohort::Day::parse_iso("2020-01-01").unwrap();
    let rows: Vec<Json> = rows
        .iter()
        .map(|(before, after, day)| {
            json!({ "before_weekly": Pence(*before).decimal(), "after_weekly": Pence(*after).decimal(),
                    "ended": day.map(|d| calc::cohort::Day(first.0 + d).iso()) })
        })
        .collect();
    json!({ "rows": rows, "period": period, "target_per_week": "3.5" })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Contract 1.2: every dated row is in exactly one period, the periods run without a break
    /// from the first date's to the last's, and the undated rows are counted apart.
    #[test]
    fn the_periods_counts_add_up_to_the_dated_rows(rows in dated_rows(), months in any::<bool>()) {
        let period = if months { "month" } else { "week" };
        let response = common::run("cohort", &dated_cohort(&rows, period));
        let result = common::result(&response);
        let dated = rows.iter().filter(|r| r.2.is_some()).count();
        let over_time = &result["over_time"];
        if dated == 0 {
            prop_assert_eq!(over_time, &Json::Null);
            return Ok(());
        }
        let periods = over_time["periods"].as_array().unwrap();
        let counted: u64 = periods.iter().map(|p| p["count"].as_u64().unwrap()).sum();
        prop_assert_eq!(counted as usize, dated);
        prop_assert_eq!(over_time["undated_count"].as_u64().unwrap() as usize, rows.len() - dated);
        prop_assert!(periods.first().unwrap()["count"].as_u64().unwrap() > 0);
        prop_assert!(periods.last().unwrap()["count"].as_u64().unwrap() > 0);
        let volume = &over_time["volume_chart"];
        if periods.len() >= 2 {
            prop_assert_eq!(volume["point_types"].as_array().unwrap().len(), periods.len());
        } else {
            prop_assert_eq!(volume, &Json::Null);
        }
    }

    /// The rows' order in the file is not their order in time: shuffled, the answer is the same.
    #[test]
    fn shuffling_the_rows_changes_nothing((rows, shuffled) in dated_rows().prop_flat_map(|rows| (Just(rows.clone()), Just(rows).prop_shuffle())), months in any::<bool>()) {
        let period = if months { "month" } else { "week" };
        prop_assert_eq!(
            common::run("cohort", &dated_cohort(&rows, period)),
            common::run("cohort", &dated_cohort(&shuffled, period))
        );
    }
}

/// Cohort rows as CSV cells: `(reference, before pence, after pence)`.
fn csv_rows() -> impl Strategy<Value = Vec<(String, i64, i64)>> {
    prop::collection::vec(("[A-Z]{1,3}[-;, ]?[0-9]{1,4}", 0i64..10_000_000, 0i64..10_000_000), 0..30)
}

/// A cell as RFC 4180 writes it: quoted when it holds the delimiter, a quote or a line break.
fn cell(text: &str, delimiter: char) -> String {
    if text.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any text made of CSV's awkward characters reads the same in pieces as at once.
    #[test]
    fn reading_in_pieces_gives_what_reading_at_once_gives(
        body in prop::collection::vec(prop::sample::select(vec!["a", "1", "2.5", ",", ",", ";", "\t", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "£", "x", "4,5"]), 0..120),
        headings in prop::sample::select(vec![
            "",
            "reference,before_weekly,after_weekly\n",
            "\u{feff}\n reference , before_weekly,after_weekly,note\r\n",
            "Case ref;Cost before;Cost after\r\n",
            "after\tbefore\tid\n",
            "\"Case\nref\";x;y\n",
        ]),
        bytes in 1usize..48,
        chosen in prop::option::of((prop::option::of(0usize..3), 0usize..3, 0usize..3)),
    ) {
        let mut text = String::from(headings);
        text.extend(body);
        let (mut chunked, whole) = match chosen {
            None => (ChunkedCsv::new(text.clone()), read_cohort_csv(&text)),
            Some((reference, before, after)) => {
                let columns = Columns { reference, before, after, ended: None };
                (ChunkedCsv::with_columns(text.clone(), columns), read_cohort_csv_with(&text, columns))
            }
        };
        while !chunked.step(bytes) {}
        prop_assert_eq!(chunked.finish(), whole);
    }

    /// The same rows read the same from a comma, semicolon or tab file, with the contract's
    /// headings or the common names in any case, and with decimal commas in a semicolon file.
    #[test]
    fn every_layout_of_the_same_rows_reads_the_same(
        rows in csv_rows(),
        delimiter in prop::sample::select(vec![',', ';', '\t']),
        names in prop::sample::select(vec![
            ["reference", "before_weekly", "after_weekly"],
            ["Case ref", "Cost before", "Cost after"],
            ["ID", "BEFORE", "After"],
            ["case-reference", "Weekly cost before", "weekly_cost_after"],
        ]),
        crlf in any::<bool>(),
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text: String = names.iter().map(|n| cell(n, delimiter)).collect::<Vec<_>>().join(&delimiter.to_string()) + end;
        for (reference, before, after) in &rows {
            let amount = |p: i64| {
                let decimal = Pence(p).decimal();
                if delimiter == ';' { decimal.replace('.', ",") } else { decimal }
            };
            let cells = [cell(reference, delimiter), cell(&amount(*before), delimiter), cell(&amount(*after), delimiter)];
            text.push_str(&(cells.join(&delimiter.to_string()) + end));
        }
        let read = read_cohort_csv(&text);
        prop_assert!(read.problems.is_empty(), "{:?} in {:?}", read.problems, text);
        let expected = match delimiter { ';' => Delimiter::Semicolon, '\t' => Delimiter::Tab, _ => Delimiter::Comma };
        prop_assert_eq!(read.delimiter, expected);
        prop_assert_eq!(read.rows.len(), rows.len());
        for (row, (reference, before, after)) in read.rows.iter().zip(&rows) {
            prop_assert_eq!(&row.reference, reference.trim());
            prop_assert_eq!(row.before_weekly, Pence(*before));
            prop_assert_eq!(row.after_weekly, Pence(*after));
        }
    }
}
