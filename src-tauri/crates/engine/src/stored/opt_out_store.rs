//! The opt-out lists kept in memory: drafting an add or a removal shows the list again without
//! asking Ringotel, and a sync that changed one forgets it.

use crate::stored::handle::Stored;
use crate::stored::opt_out_lists::{OptOutLists, ReadOptOuts};
use domain::{OrgId, WorkspaceId};
use std::sync::MutexGuard;

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

    /// Forgets the list of `number` as read: it changed, so the next view reads it again.
    pub(crate) fn forget_opt_outs(&self, workspace: &WorkspaceId, org: &OrgId, number: &str) {
        self.opt_out_lists()
            .remove(&(workspace.clone(), org.clone(), number.to_owned()));
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
