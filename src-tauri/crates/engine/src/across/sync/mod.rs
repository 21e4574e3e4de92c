//! Sync: the Changes tab's plan of the draft against Ringotel, conflict resolution, and the
//! apply that sends it, journaled so that nothing is duplicated, lost or silently overwritten.

mod apply;
mod changes;
mod report;
mod resolve;
mod run;
mod service;
mod values;
pub mod view;

pub use crate::stored::history::{HistoryEntry, HistoryView, SetupHistoryEntry};
pub use apply::StepOutcome;
pub use report::{SetupResult, SyncItemResult, SyncProgress, SyncReport, SyncStatus};
pub use resolve::Side;
pub use service::Changes;
pub use view::ChangesView;
