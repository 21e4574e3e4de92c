//! The setup changes in the draft, as the stored layer reads and writes them: drafting one
//! is a row here, sending it is `areas::setup`'s.

use crate::base::error::EngineResult;
use crate::stored::handle::Stored;
use domain::{DraftId, OrgId, SetupChange, WorkspaceId};
use store::tables::drafted::{self, setup::DraftSetup};

impl Stored {
    /// The organization's drafted setup changes, oldest first.
    pub(crate) async fn setup_drafts(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
    ) -> EngineResult<Vec<DraftSetup>> {
        let (ws, id) = (workspace.clone(), org.clone());
        self.base
            .with_db(move |db| Ok(drafted::setup::list(db.conn(), &ws, &id)?))
            .await
    }

    /// Drafts one setup change (replacing a drafted one of the same kind and target).
    pub(crate) async fn put_setup_change(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        change: SetupChange,
    ) -> EngineResult<DraftId> {
        let (ws, id) = (workspace.clone(), org.clone());
        self.base
            .with_db(move |db| Ok(drafted::setup::put(db.conn(), &ws, &id, &change)?))
            .await
    }

    /// Drafts several setup changes, all or none.
    pub(crate) async fn put_setup_changes(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
        changes: Vec<SetupChange>,
    ) -> EngineResult<()> {
        let (ws, id) = (workspace.clone(), org.clone());
        self.base
            .with_db(move |db| {
                let tx = db
                    .conn()
                    .unchecked_transaction()
                    .map_err(store::StoreError::from)?;
                for change in &changes {
                    drafted::setup::put(&tx, &ws, &id, change)?;
                }
                tx.commit().map_err(store::StoreError::from)?;
                Ok(())
            })
            .await
    }
}
