//! Opt-out lists: per SMS number, the customers who texted its opt-out keyword, with search;
//! adding or removing one is a drafted change that Sync sends and the journal keeps, like
//! every other (`view.rs` reads and shows a list, `draft.rs` drafts a change to it).

mod draft;
mod service;
mod view;

pub use service::OptOuts;
pub use view::{OptOutRow, OptOutStatus, OptOutView};
