//! Browser glue: the only modules that touch web APIs beyond rendering (storage, files,
//! share links). They import no screen.

pub mod council;
pub mod dates;
pub mod files;
pub mod focus;
pub mod json_text;
pub mod paint;
pub mod share;
pub mod storage;
