//! The Yew app, as rooms (see `docs/architecture.md`). Dependencies point one way:
//! `host` → `shell` → the screens (`calculator`, `saved`, `examples`, `service`, `embed`) →
//! `widgets`, `browser` and `state`. Widgets and browser glue know no screen, and only the
//! shell knows the screens. The UI never does arithmetic on money: it renders what `calc`
//! returns.

pub mod browser;
pub mod calculator;
pub mod embed;
pub mod examples;
pub mod host;
pub mod saved;
pub mod service;
pub mod shell;
pub mod state;
pub mod widgets;

#[cfg(feature = "ssr")]
pub use host::prerender;
pub use host::{insert_prerendered, MOUNT_ID};
#[cfg(feature = "start")]
pub use host::{mount, unmount_app};
