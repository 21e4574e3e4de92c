//! Diagnostics for the field: each assumption of the registry as confirmed, contradicted or
//! not seen yet in the active workspace, with what the app does about it; the notices a tab
//! shows when one that changes its behaviour is contradicted; and the shape report — the keys
//! and JSON types of every method's answers, with no values — that an admin can send.

use crate::base::error::{EngineError, EngineResult};
use crate::base::handle::Base;
use crate::base::next_step::then;
use domain::{Api, AssumptionId, NoticeArea, Verdict, WorkspaceId};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;
use store::tables::observations::{self, Evidence};
use store::tables::workspaces::WorkspaceTarget;
use ts_rs::TS;

/// One assumption as the Diagnostics view shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssumptionStatus {
    pub id: AssumptionId,
    pub api: Api,
    pub api_label: String,
    pub assumed: String,
    pub fallback: String,
    /// How an answer shows which is true; empty when none can.
    pub evidence: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    /// What the latest answer that said anything showed, in shape words.
    pub seen: Option<String>,
    /// How many answers held it, and how many did not.
    pub held: u64,
    pub contradicted: u64,
    /// When it was last seen (Unix ms).
    pub last_seen: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticsView {
    pub workspace_name: String,
    pub is_sandbox: bool,
    pub assumptions: Vec<AssumptionStatus>,
    /// How many methods' answers were recorded.
    pub methods_seen: u32,
}

/// A contradicted assumption that changes what a tab does, as the tab says it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssumptionNotice {
    pub id: AssumptionId,
    pub text: String,
}

/// What saving the shape report did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ReportFile {
    Saved { path: String },
    NotWritten { message: String },
}

impl ReportFile {
    /// The outcome of writing `path`, and what to do when it could not be written.
    pub fn written(path: &std::path::Path, result: std::io::Result<()>) -> Self {
        match result {
            Ok(()) => Self::Saved {
                path: path.display().to_string(),
            },
            Err(e) => Self::NotWritten {
                message: then(
                    &format!("{} could not be written: {e}", path.display()),
                    "Choose a folder you can write to and save again.",
                ),
            },
        }
    }
}

fn status(id: AssumptionId, evidence: Option<&Evidence>) -> AssumptionStatus {
    let a = id.get();
    let verdict = Verdict::of_latest(evidence.and_then(|e| e.latest_held));
    let seen = evidence.and_then(|e| match verdict {
        Verdict::Contradicted => e.seen_contradicted.clone(),
        _ => e.seen_held.clone(),
    });
    AssumptionStatus {
        id,
        api: a.api,
        api_label: a.api.label().into(),
        assumed: a.assumed.into(),
        fallback: a.fallback.into(),
        evidence: a.evidence.into(),
        verdict,
        verdict_label: verdict.label().into(),
        seen,
        held: evidence.map_or(0, |e| e.held),
        contradicted: evidence.map_or(0, |e| e.contradicted),
        last_seen: evidence.map(|e| e.last_seen),
    }
}

/// The diagnostics area: what the services' answers showed, and the shape report.
#[derive(Clone, Copy)]
pub struct Diagnostics<'s> {
    pub(crate) base: &'s Base,
}

impl<'s> Diagnostics<'s> {
    pub(crate) fn new(base: &'s Base) -> Self {
        Self { base }
    }
}

impl Diagnostics<'_> {
    /// Every assumption as the active workspace's answers showed it so far.
    pub async fn view(&self) -> EngineResult<DiagnosticsView> {
        Ok(self.observed().await?.0)
    }

    /// The diagnostics of the active workspace, and its id (so a report reads the same one).
    async fn observed(&self) -> EngineResult<(DiagnosticsView, WorkspaceId)> {
        self.base.flush_observations().await?;
        let workspace = self.base.active_workspace().await?;
        let ws = workspace.id.clone();
        let (evidence, methods_seen) = self
            .base
            .with_db(move |db| {
                Ok((
                    observations::evidence(db.conn(), &ws)?,
                    observations::method_count(db.conn(), &ws)?,
                ))
            })
            .await?;
        let by_id: HashMap<AssumptionId, Evidence> = evidence.into_iter().collect();
        let view = DiagnosticsView {
            workspace_name: workspace.name.clone(),
            is_sandbox: workspace.target == WorkspaceTarget::Sandbox,
            assumptions: AssumptionId::ALL
                .into_iter()
                .map(|id| status(id, by_id.get(&id)))
                .collect(),
            methods_seen,
        };
        Ok((view, workspace.id))
    }

    /// What `area` must say about the active workspace's contradicted assumptions.
    pub async fn assumption_notices(
        &self,
        area: NoticeArea,
    ) -> EngineResult<Vec<AssumptionNotice>> {
        let view = self.view().await?;
        Ok(view
            .assumptions
            .into_iter()
            .filter(|s| s.verdict == Verdict::Contradicted)
            .filter_map(|s| match s.id.get().notice {
                Some((at, text)) if at == area => Some(AssumptionNotice {
                    id: s.id,
                    text: text.into(),
                }),
                _ => None,
            })
            .collect())
    }

    /// The shape report of the active workspace: JSON text with the verdicts and the keys and
    /// types of every method's answers — no values, ids, names, numbers or secrets.
    pub async fn shape_report(&self) -> EngineResult<String> {
        let (view, ws) = self.observed().await?;
        let shapes = self
            .base
            .with_db(move |db| Ok(observations::shapes(db.conn(), &ws)?))
            .await?;
        let mut answers: serde_json::Map<String, Value> = serde_json::Map::new();
        for api in Api::ALL {
            let methods: serde_json::Map<String, Value> = shapes
                .iter()
                .filter(|s| s.api == api)
                .map(|s| {
                    (
                        s.method.clone(),
                        json!({"calls": s.calls, "shape": s.shape.report()}),
                    )
                })
                .collect();
            answers.insert(api.as_str().into(), Value::Object(methods));
        }
        let assumptions: Vec<Value> = view
            .assumptions
            .iter()
            .map(|s| json!({"id": s.id.as_str(), "verdict": s.verdict_label, "seen": s.seen}))
            .collect();
        let report = json!({
            "report": "Ringotel SMS Admin: shape report",
            "about": "The keys and JSON types of the answers Ringotel and thinQ gave this app, and what they showed about its assumptions. No values, ids, names, phone numbers or secrets.",
            "appVersion": env!("CARGO_PKG_VERSION"),
            "createdAt": domain::time::utc_iso_minutes(crate::base::clock::now_ms()),
            "workspace": if view.is_sandbox { "sandbox" } else { "ringotel account" },
            "assumptions": assumptions,
            "answers": answers,
        });
        serde_json::to_string_pretty(&report).map_err(|e| EngineError::Internal(e.into()))
    }

    /// Writes the shape report to `path`.
    pub async fn save_shape_report(&self, path: &Path) -> EngineResult<ReportFile> {
        let text = self.shape_report().await?;
        Ok(ReportFile::written(
            path,
            store::private::write_private(path, text.as_bytes()),
        ))
    }
}
