//! Stored layer: workspaces, the fetched copies of organizations, the draft, its plan against
//! a fetched copy, and the journal. Imports only the base layer.

pub mod draft_store;
pub mod drafts;
pub mod handle;
pub mod history;
pub mod journaled;
pub(crate) mod opt_out_lists;
pub(crate) mod opt_out_store;
pub mod plan;
pub mod readiness_summary;
pub mod setup_drafts;
pub mod snapshot;
pub mod snapshot_store;
pub mod workspace_key;
pub mod workspaces;
