//! Browser glue: the only modules that touch web APIs beyond rendering (storage, files,
//! share links). They import no screen.

pub mod council;
pub mod dates;
pub mod files;
pub mod focus;
pub mod fullscreen;
pub mod history;
pub mod json_text;
pub mod keys;
pub mod lasting;
pub mod paint;
pub mod share;
pub mod storage;
pub mod value_de;
