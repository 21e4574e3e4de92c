//! The Numbers tab: the organization's SMS numbers as last fetched, with the draft on top, and
//! a status per row that the code computed (synced, new, changed, deleted, conflict).

mod cells;
pub(crate) mod convert;
pub(crate) mod csv_import;
mod csv_text;
pub(crate) mod draft;
pub mod draft_file;
pub(crate) mod editor;
mod import;
pub(crate) mod service;
pub(crate) mod table;
mod user_names;

pub use cells::{format_of, stickiness_of};
pub use csv_import::{CsvImportOutcome, RowProblem};
pub use draft::SaveNumberOutcome;
pub use editor::{
    EditorConnection, NumberCheck, NumberEditor, NumberPreview, PickUser, format_example,
};
pub use import::{ImportDidsInput, ImportDidsOutcome, ThinqDid, ThinqDidsView};
pub use service::Numbers;
pub use table::{NumberKey, NumberRow, NumberStatus, NumbersView, UserRef};
