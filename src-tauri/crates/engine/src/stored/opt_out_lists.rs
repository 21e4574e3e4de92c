//! Opt-out lists as Ringotel last answered them, per workspace, organization and SMS number,
//! kept in memory: drafting an add or a removal shows the list again without asking Ringotel.

use crate::stored::handle::Stored;
use domain::{OrgId, WorkspaceId};
use ringotel::OptOutEntry;
use std::collections::HashMap;
use std::sync::MutexGuard;

/// One list as read, and when (Unix ms).
#[derive(Debug, Clone)]
pub(crate) struct ReadOptOuts {
    pub entries: Vec<OptOutEntry>,
    pub read_at: i64,
}

pub(crate) type OptOutLists = HashMap<(WorkspaceId, OrgId, String), ReadOptOuts>;

impl Stored {
    fn opt_out_lists(&self) -> MutexGuard<'_, OptOutLists> {
        self.opt_out_lists
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The list of `number` as last read in this run of the app.
    pub(crate) fn read_opt_outs(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        number: &str,
    ) -> Option<ReadOptOuts> {
        self.opt_out_lists()
            .get(&(workspace.clone(), org.clone(), number.to_owned()))
            .cloned()
    }

    pub(crate) fn keep_opt_outs(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        number: &str,
        read: ReadOptOuts,
    ) {
        self.opt_out_lists()
            .insert((workspace.clone(), org.clone(), number.to_owned()), read);
    }
}
