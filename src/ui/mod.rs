//! The Yew app: state in `state.rs` (one Action enum and a reducer), the form model in
//! `draft.rs`, one component a file. The UI never does arithmetic on money: it renders what
//! `calc` returns.

pub mod after;
pub mod app;
pub mod calculator;
pub mod chart;
pub mod draft;
pub mod embed;
pub mod error_summary;
pub mod examples;
pub mod examples_view;
pub mod explainer;
pub mod fields;
pub mod files;
pub mod goals;
pub mod json_text;
pub mod keep;
pub mod package;
pub mod presentation;
pub mod results;
pub mod saved;
pub mod service;
pub mod settings;
pub mod share;
pub mod state;
pub mod storage;
pub mod weeks;
pub mod working;

/// Where the app runs. A standalone page may keep a draft on the device and set the page
/// title; an embed in someone else's page does neither.
#[derive(Clone, Debug, PartialEq)]
pub struct Host {
    pub standalone: bool,
}

impl Default for Host {
    fn default() -> Self {
        Host { standalone: true }
    }
}

/// The element the standalone page mounts into.
pub const MOUNT_ID: &str = "reablement-app";

/// Mounts the app into `#reablement-app` when there is a document with that element.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.get_element_by_id(MOUNT_ID) {
        root.set_inner_html("");
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
