//! What each workspace's answers show, gathered as calls return (the clients report every
//! answer's body and each piece of evidence about an assumption) and written to the database
//! when the next action starts, or when the diagnostics are read. Only shapes are kept: keys
//! and JSON types, never values.

use domain::shape::Shape;
use domain::{Api, AssumptionId, Fact, WorkspaceId};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};
use store::tables::observations::Evidence;

/// What one workspace's answers showed since the last write.
#[derive(Default)]
pub(crate) struct Pending {
    pub(crate) shapes: BTreeMap<(Api, String), (Shape, u64)>,
    pub(crate) evidence: BTreeMap<AssumptionId, Evidence>,
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

    pub(crate) fn answer(
        &self,
        workspace: &WorkspaceId,
        api: Api,
        method: &str,
        body: Option<&Value>,
    ) {
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

    pub(crate) fn take(&self) -> HashMap<WorkspaceId, Pending> {
        std::mem::take(&mut *self.pending())
    }

    /// Puts back what could not be written, merged with what arrived meanwhile.
    pub(crate) fn restore(&self, unwritten: HashMap<WorkspaceId, Pending>) {
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
