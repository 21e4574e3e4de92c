//! Opt-out lists as Ringotel last answered them, per workspace, organization and SMS number:
//! what the store keeps in memory (`opt_out_store.rs` reads and writes it).

use domain::{OrgId, WorkspaceId};
use ringotel::OptOutEntry;
use std::collections::HashMap;

/// One list as read, and when (Unix ms).
#[derive(Debug, Clone)]
pub(crate) struct ReadOptOuts {
    pub entries: Vec<OptOutEntry>,
    pub read_at: i64,
}

pub(crate) type OptOutLists = HashMap<(WorkspaceId, OrgId, String), ReadOptOuts>;
