//! The commands the UI calls, grouped by area; each is an adapter over one engine function.

pub mod check_all;
pub mod diagnostics;
pub mod drafts;
pub mod integrations;
pub mod numbers;
pub mod opt_outs;
pub mod organizations;
pub mod readiness;
pub mod startup;
pub mod sync;
pub mod test_message;
pub mod workspaces;
