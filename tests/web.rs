//! In a real browser (wasm-bindgen-test in headless Chromium): the JS API over every example
//! of the contract (`tests/examples/`), and the calculator page's state transitions, driven as a user would.
#![cfg(target_arch = "wasm32")]

mod common;

use reablement_calculator::{api, ui};
use serde_json::Value as Json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLES: [(&str, &str); 9] = [
    ("arthur", include_str!("examples/arthur.json")),
    ("arthur-weeks", include_str!("examples/arthur-weeks.json")),
    ("cohort-errors", include_str!("examples/cohort-errors.json")),
    ("cohort-leicestershire", include_str!("examples/cohort-leicestershire.json")),
    ("double-handed", include_str!("examples/double-handed.json")),
    ("explicit-after-telecare", include_str!("examples/explicit-after-telecare.json")),
    ("partial-goals", include_str!("examples/partial-goals.json")),
    ("validation-errors", include_str!("examples/validation-errors.json")),
    ("warnings", include_str!("examples/warnings.json")),
];

fn js(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

fn from_js(value: JsValue) -> Json {
    serde_wasm_bindgen::from_value(value).unwrap()
}

#[wasm_bindgen_test]
fn every_example_through_the_api_in_the_browser() {
    for (name, text) in EXAMPLES {
        let example: Json = serde_json::from_str(text).unwrap();
        let input = js(&example["input"].to_string());
        let actual = match example["kind"].as_str().unwrap() {
            "scenario" => api::calculate(input),
            _ => api::calculate_cohort(input),
        };
        common::assert_matches(&from_js(actual), &example["expected"], name);
    }
}

#[wasm_bindgen_test]
fn the_api_never_throws_on_odd_values() {
    let odd = [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(42),
        JsValue::from("text"),
        js_sys::Function::new_no_args("return 1").into(),
        js_sys::Symbol::for_("x").into(),
    ];
    for value in odd {
        let scenario = from_js(api::calculate(value.clone()));
        assert_eq!(scenario["ok"], false);
        assert_eq!(scenario["errors"][0]["message"], "This is not a reablement outcome scenario file");
        assert_eq!(from_js(api::calculate_cohort(value))["ok"], false);
    }
    // An object that refers to itself: refused, not a stack overflow.
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"format".into(), &"reablement-outcome-scenario".into()).unwrap();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    assert_eq!(from_js(api::calculate(cyclic.into()))["ok"], false);
    assert_eq!(api::version(), env!("CARGO_PKG_VERSION"));
}

// ---- the page ----

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh page: nothing stored, the app mounted into a new element.
async fn mount() -> Element {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<ui::shell::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

async fn click_button(root: &Element, words: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == words)
        .unwrap_or_else(|| panic!("no button {words:?}"));
    button.click();
    yew::scheduler::flush().await;
}

fn by_id<T: JsCast>(root: &Element, id: &str) -> T {
    root.query_selector(&format!("#{id}")).unwrap().unwrap_or_else(|| panic!("no #{id}")).dyn_into::<T>().unwrap()
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

async fn type_into(root: &Element, id: &str, text: &str) {
    let input: HtmlInputElement = by_id(root, id);
    input.set_value(text);
    fire(&input, "input");
    yew::scheduler::flush().await;
}

async fn choose(root: &Element, id: &str, value: &str) {
    let select: HtmlSelectElement = by_id(root, id);
    select.set_value(value);
    fire(&select, "change");
    yew::scheduler::flush().await;
}

async fn tick(root: &Element, id: &str) {
    by_id::<HtmlElement>(root, id).click();
    yew::scheduler::flush().await;
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn arthur_loads_in_one_click() {
    let root = mount().await;
    click_button(&root, "Load Arthur's example").await;
    assert_eq!(text_of(&root, "[data-testid=before-weekly]"), "£295.23");
    assert_eq!(text_of(&root, "[data-testid=after-weekly]"), "£0.00");
    assert!(text_of(&root, "[data-testid=baseline-gap]").contains("£38.13 below the £38.13 baseline"));
    root.remove();
}

#[wasm_bindgen_test]
async fn achieving_the_goal_a_visit_supports_withdraws_the_visit() {
    let root = mount().await;
    click_button(&root, "Add a goal").await;
    type_into(&root, "f-goals-0-description", "Make my own lunch").await;
    choose(&root, "f-goals-0-outcome", "nutrition").await;
    click_button(&root, "Add a visit").await;
    type_into(&root, "f-before-visits-0-label", "Lunch").await;
    // The goal's checkbox on the visit: its id ends with the goal's key.
    let checkbox = root.query_selector("input[type=checkbox]").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap();
    checkbox.click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "[data-testid=before-weekly]"), "£84.35");
    // Not started yet: a plan (issue 21), with what it would cost if the goal is achieved.
    assert!(root.query_selector("[data-testid=plan-note]").unwrap().is_some(), "a welcome visit is a plan");
    assert_eq!(text_of(&root, "[data-testid=after-weekly]"), "£0.00", "the plan: the lunch call would stop");
    assert!(text_of(&root, ".fates").contains("Lunch carries on: “Make my own lunch” is not started"));

    tick(&root, "f-goals-0-status-achieved").await;
    assert!(root.query_selector("[data-testid=plan-note]").unwrap().is_none(), "an outcome, not a plan");
    assert_eq!(text_of(&root, "[data-testid=after-weekly]"), "£0.00");
    assert!(text_of(&root, ".fates").contains("Lunch is withdrawn: all its goals achieved"));
    root.remove();
}

#[wasm_bindgen_test]
async fn switching_to_an_entered_after_package_and_back() {
    let root = mount().await;
    click_button(&root, "Load Arthur's example").await;
    tick(&root, "f-after-choice-entered").await;
    // The entered package starts as a copy of before: nothing withdrawn yet.
    assert_eq!(text_of(&root, "[data-testid=after-weekly]"), "£295.23");
    type_into(&root, "f-after-visits-0-minutes", "15").await;
    assert_eq!(text_of(&root, "[data-testid=after-weekly]"), "£210.88"); // (15 + 30 + 30) × 7 = 525 min × £24.10 ÷ 60 = £210.875
    tick(&root, "f-after-choice").await;
    assert_eq!(text_of(&root, "[data-testid=after-weekly]"), "£0.00", "worked out from the goals again");
    tick(&root, "f-after-choice-entered").await;
    assert_eq!(
        by_id::<HtmlInputElement>(&root, "f-after-visits-0-minutes").value(),
        "15",
        "the entered package is kept"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn errors_show_on_submit_with_a_summary_and_keep_the_form() {
    let root = mount().await;
    click_button(&root, "Load Arthur's example").await;
    type_into(&root, "f-before-visits-1-minutes", "3o").await;
    type_into(&root, "f-settings-hourly_rate", "24.101").await;
    assert!(root.query_selector(".error-summary").unwrap().is_none(), "errors wait until the user asks for the result");
    click_button(&root, "Show the result").await;
    let summary = text_of(&root, ".error-summary");
    assert!(summary.contains("There is a problem"));
    assert!(summary.contains("Visit length must be a whole number of minutes between 1 and 720"));
    assert!(summary.contains("Hourly rate must be between £0.01 and £999.99"));
    assert_eq!(document().title(), "Error: Reablement outcome calculator");
    assert_eq!(
        by_id::<HtmlInputElement>(&root, "f-before-visits-0-label").value(),
        "Morning: personal care and dressing"
    );
    type_into(&root, "f-before-visits-1-minutes", "30").await;
    type_into(&root, "f-settings-hourly_rate", "24.10").await;
    assert!(root.query_selector(".error-summary").unwrap().is_none());
    assert_eq!(text_of(&root, "[data-testid=before-weekly]"), "£295.23");
    assert_eq!(document().title(), "Reablement outcome calculator");
    root.remove();
}
