//! The observer each workspace's clients report to, and writing what it gathered.

use super::handle::Base;
use super::observations::{Observations, Pending};
use crate::base::error::EngineResult;
use domain::{Api, Fact, Observed, Observer, WorkspaceId};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use store::tables::observations;

/// The observer a workspace's clients report to.
struct WorkspaceObserver {
    workspace: WorkspaceId,
    observations: Arc<Observations>,
}

impl Observer for WorkspaceObserver {
    fn answer(&self, api: Api, method: &str, body: Option<&Value>) {
        self.observations.answer(&self.workspace, api, method, body);
    }

    fn fact(&self, fact: Fact) {
        self.observations.fact(&self.workspace, fact);
    }
}

impl Base {
    /// The observer for clients of `workspace`.
    pub(crate) fn observer(&self, workspace: &WorkspaceId) -> Observed {
        Observed::new(Arc::new(WorkspaceObserver {
            workspace: workspace.clone(),
            observations: self.observations.clone(),
        }))
    }

    /// Writes what the answers showed since the last write. Called as each action starts and
    /// before the diagnostics are read; `sms-admin` and the app call it before they exit. What
    /// cannot be written is kept for the next write.
    pub async fn flush_observations(&self) -> EngineResult<()> {
        let pending = self.observations.take();
        if pending.is_empty() {
            return Ok(());
        }
        let written = self
            .with_db(move |db| Ok(write(db, &pending).map_err(|e| (e, pending))))
            .await?;
        match written {
            Ok(()) => Ok(()),
            Err((error, unwritten)) => {
                self.observations.restore(unwritten);
                Err(error)
            }
        }
    }
}

/// Writes each workspace's observations in one transaction.
fn write(db: &mut store::Database, pending: &HashMap<WorkspaceId, Pending>) -> EngineResult<()> {
    let tx = db
        .conn()
        .unchecked_transaction()
        .map_err(store::StoreError::from)?;
    for (workspace, seen) in pending {
        // A workspace removed meanwhile takes its observations with it.
        if store::tables::workspaces::get(&tx, workspace)?.is_none() {
            continue;
        }
        for ((api, method), (shape, calls)) in &seen.shapes {
            observations::add_shape(&tx, workspace, *api, method, shape, *calls)?;
        }
        for (assumption, evidence) in &seen.evidence {
            observations::add_evidence(&tx, workspace, *assumption, evidence)?;
        }
    }
    tx.commit().map_err(store::StoreError::from)?;
    Ok(())
}
