//! What each workspace's answers show, gathered as calls return (the clients report every
//! answer's body and each piece of evidence about an assumption) and written to the database
//! when the next action starts, or when the diagnostics are read. Only shapes are kept: keys
//! and JSON types, never values.

use crate::Engine;
use crate::error::EngineResult;
use domain::shape::Shape;
use domain::{Api, AssumptionId, Fact, Observed, Observer, WorkspaceId};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use store::tables::observations::{self, Evidence};

/// What one workspace's answers showed since the last write.
#[derive(Default)]
struct Pending {
    shapes: BTreeMap<(Api, String), (Shape, u64)>,
    evidence: BTreeMap<AssumptionId, Evidence>,
}

/// Observations not yet written, per workspace.
#[derive(Default)]
pub(crate) struct Observations {
    pending: Mutex<HashMap<WorkspaceId, Pending>>,
}

impl Observations {
    fn pending(&self) -> MutexGuard<'_, HashMap<WorkspaceId, Pending>> {
        // Plain data, consistent at every point a panic could leave it.
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Evidence the engine itself found (a read-back after a write, say).
    pub fn fact(&self, workspace: &WorkspaceId, fact: Fact) {
        let mut pending = self.pending();
        pending
            .entry(workspace.clone())
            .or_default()
            .evidence
            .entry(fact.assumption)
            .or_default()
            .add(fact.held, fact.seen);
    }

    fn answer(&self, workspace: &WorkspaceId, api: Api, method: &str, body: Option<&Value>) {
        let mut pending = self.pending();
        let (shape, calls) = pending
            .entry(workspace.clone())
            .or_default()
            .shapes
            .entry((api, method.to_owned()))
            .or_default();
        if let Some(body) = body {
            shape.add(body, 0);
        }
        *calls += 1;
    }

    fn take(&self) -> HashMap<WorkspaceId, Pending> {
        std::mem::take(&mut *self.pending())
    }

    /// Puts back what could not be written, merged with what arrived meanwhile.
    fn restore(&self, unwritten: HashMap<WorkspaceId, Pending>) {
        let mut pending = self.pending();
        for (workspace, seen) in unwritten {
            let now = pending.entry(workspace).or_default();
            for (key, (shape, calls)) in seen.shapes {
                let (mine, count) = now.shapes.entry(key).or_default();
                mine.merge(&shape);
                *count += calls;
            }
            for (id, evidence) in seen.evidence {
                now.evidence.entry(id).or_default().absorb_older(evidence);
            }
        }
    }
}

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

impl Engine {
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
