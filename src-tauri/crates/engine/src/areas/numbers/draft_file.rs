//! Exporting the workspace's draft to a JSON file and importing one back. A draft holds no
//! secret, so neither does the file; a bad file is refused whole, naming the line or the entry
//! at fault, and nothing of it is imported. Each imported number passes the editor's rules
//! against its organization as last fetched, as if the admin had typed it.

use crate::areas::numbers::convert::input_of;
use crate::areas::numbers::draft::service_for;
use crate::areas::numbers::editor::duplicate_of;
use crate::areas::numbers::service::Numbers;
use crate::areas::numbers::table::{NumberKey, NumbersState};
use crate::base::clock::now_ms;
use crate::base::context::Connected;
use crate::base::error::{EngineError, EngineResult};
use crate::base::handle::Base;
use crate::stored::handle::Stored;
use crate::stored::snapshot::Freshness;
use domain::OrgId;
use domain::SmsNumberId;
use domain::sms_number::NumberRules;
use domain::{FieldKey, FieldProblem, SmsNumberFields};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use store::tables::drafted::{
    self,
    numbers::{DraftChange, DraftRecord, DraftTarget},
};
use ts_rs::TS;

/// How many changes a draft file's text holds, or the refusal as the admin would see it: the
/// file reader without a file or a database, for the fuzz target.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn read_draft_text(text: &str) -> Result<usize, FieldProblem> {
    read_text(text)
        .map(|changes| changes.len())
        .map_err(|refusal| FieldProblem::new(FieldKey::DraftFile, refusal.to_string()))
}

/// What the file says it is, so another JSON file is refused with a clear word.
const FORMAT: &str = "ringotel-sms-admin/draft";
const VERSION: u32 = 1;
/// Larger than any real draft (1,000 numbers are about 1 MB); stops a wrong file early.
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DraftFile {
    format: String,
    version: u32,
    exported_at: i64,
    changes: Vec<FileChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Action {
    Upsert,
    Delete,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileChange {
    org_id: OrgId,
    /// The Ringotel number this changes; absent for a new number.
    trunk_id: Option<SmsNumberId>,
    action: Action,
    fields: Option<SmsNumberFields>,
    /// The number as it was when the draft began (as Ringotel sent it), for the compare at sync.
    base: Option<ringotel::SmsTrunk>,
    base_fetched_at: Option<i64>,
}

/// What an export or import did, for the admin.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum DraftTransfer {
    Exported { changes: u32, path: String },
    Imported { changes: u32, path: String },
    Refused { problem: FieldProblem },
}

fn refused(message: impl Into<String>) -> DraftTransfer {
    DraftTransfer::Refused {
        problem: FieldProblem::new(FieldKey::DraftFile, message),
    }
}

fn to_file_change(record: DraftRecord) -> EngineResult<FileChange> {
    let (trunk_id, base, base_fetched_at) = match record.target {
        DraftTarget::New => (None, None, None),
        DraftTarget::Existing {
            trunk_id,
            base,
            base_fetched_at,
        } => {
            let base = serde_json::from_str(&base).map_err(|e| EngineError::Internal(e.into()))?;
            (Some(trunk_id), Some(base), Some(base_fetched_at))
        }
    };
    let (action, fields) = match record.change {
        DraftChange::Upsert(fields) => (Action::Upsert, Some(*fields)),
        DraftChange::Delete => (Action::Delete, None),
    };
    Ok(FileChange {
        org_id: record.org,
        trunk_id,
        action,
        fields,
        base,
        base_fetched_at,
    })
}

/// Why a file is not a draft this app can take in.
#[derive(Debug)]
enum Refusal {
    Unreadable(PathBuf, std::io::Error),
    TooLarge(PathBuf, u64),
    NotText(PathBuf, std::io::Error),
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    NotADraft(String),
    OtherVersion(u32),
    Change(usize, ChangeProblem),
}

/// What one entry of the file lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ChangeProblem {
    UpsertWithoutFields,
    DeletionWithoutNumber,
    ExistingWithoutBase,
    /// Its base read as a number but cannot be kept (the JSON writer's words).
    BaseNotKept(String),
    /// Its organization could not be read in this workspace (the reason, for the admin).
    Organization(OrgId, String),
    /// The editor would refuse it: the first field at fault.
    Rules(FieldProblem),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable(path, e) => write!(f, "{} cannot be read: {e}", path.display()),
            Self::TooLarge(path, size) => write!(
                f,
                "{} is {size} bytes, too large to be a draft",
                path.display()
            ),
            Self::NotText(path, e) => {
                write!(f, "{} cannot be read as text: {e}", path.display())
            }
            Self::Syntax {
                line,
                column,
                message,
            } => write!(f, "Line {line}, column {column}: {message}"),
            Self::NotADraft(format) => write!(
                f,
                "This is not a draft exported by this app (format \"{format}\")"
            ),
            Self::OtherVersion(version) => write!(
                f,
                "The draft was written by another version of this app (version {version}, this one reads {VERSION})"
            ),
            Self::Change(n, problem) => match problem {
                ChangeProblem::UpsertWithoutFields => {
                    write!(f, "Change {n}: an upsert without its fields")
                }
                ChangeProblem::DeletionWithoutNumber => {
                    write!(f, "Change {n}: a deletion without the number it deletes")
                }
                ChangeProblem::ExistingWithoutBase => write!(
                    f,
                    "Change {n}: a change to an existing number without its base"
                ),
                ChangeProblem::BaseNotKept(reason) => {
                    write!(f, "Change {n}: its base cannot be kept ({reason})")
                }
                ChangeProblem::Organization(org, reason) => write!(
                    f,
                    "Change {n}: organization {org} is not one this workspace can read ({reason})"
                ),
                ChangeProblem::Rules(problem) => write!(
                    f,
                    "Change {n}: {}: {}",
                    problem.field.label(),
                    problem.message
                ),
            },
        }
    }
}

/// One entry of the file as a change to the draft, or what it lacks.
fn to_change(entry: FileChange) -> Result<(OrgId, DraftTarget, DraftChange), ChangeProblem> {
    let change = match (entry.action, entry.fields) {
        (Action::Upsert, Some(fields)) => DraftChange::Upsert(Box::new(fields)),
        (Action::Upsert, None) => return Err(ChangeProblem::UpsertWithoutFields),
        (Action::Delete, _) => DraftChange::Delete,
    };
    let target = match (entry.trunk_id, entry.base) {
        (None, _) if change == DraftChange::Delete => {
            return Err(ChangeProblem::DeletionWithoutNumber);
        }
        (None, _) => DraftTarget::New,
        (Some(trunk_id), Some(base)) => DraftTarget::Existing {
            trunk_id,
            base: serde_json::to_string(&base)
                .map_err(|e| ChangeProblem::BaseNotKept(e.to_string()))?,
            base_fetched_at: entry.base_fetched_at.unwrap_or_default(),
        },
        (Some(_), None) => return Err(ChangeProblem::ExistingWithoutBase),
    };
    Ok((entry.org_id, target, change))
}

/// Reads and checks a file: the parsed changes, or what refuses it, naming the line or entry.
fn read_file(path: &std::path::Path) -> Result<Vec<(OrgId, DraftTarget, DraftChange)>, Refusal> {
    let size = std::fs::metadata(path)
        .map_err(|e| Refusal::Unreadable(path.to_path_buf(), e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(path.to_path_buf(), size));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| Refusal::NotText(path.to_path_buf(), e))?;
    read_text(&text)
}

/// [`read_file`] once the file is text.
fn read_text(text: &str) -> Result<Vec<(OrgId, DraftTarget, DraftChange)>, Refusal> {
    let file: DraftFile = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        Refusal::Syntax {
            line: e.line(),
            column: e.column(),
            message: message.to_owned(),
        }
    })?;
    if file.format != FORMAT {
        return Err(Refusal::NotADraft(file.format));
    }
    if file.version != VERSION {
        return Err(Refusal::OtherVersion(file.version));
    }
    file.changes
        .into_iter()
        .enumerate()
        .map(|(i, entry)| to_change(entry).map_err(|e| Refusal::Change(i + 1, e)))
        .collect()
}

/// A number the file sets on two of its changes to one organization. (A number Ringotel or
/// the current draft already has is the editor's rule, checked with the others.)
fn number_set_twice(incoming: &[(OrgId, DraftTarget, DraftChange)]) -> Option<String> {
    let mut seen = HashSet::new();
    incoming.iter().find_map(|(org, _, change)| match change {
        DraftChange::Upsert(f) if !seen.insert((org, &f.number)) => Some(format!(
            "{} is drafted already, on another change of this file",
            f.number.international_display()
        )),
        _ => None,
    })
}

/// The draft written to and read from a file.
#[derive(Clone, Copy)]
pub struct DraftFiles<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
}

impl<'s> DraftFiles<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
        }
    }
}

impl DraftFiles<'_> {
    /// Writes the active workspace's draft to `path` as JSON.
    pub async fn export(&self, path: PathBuf) -> EngineResult<DraftTransfer> {
        let workspace = self.base.connect().await?.workspace_id();
        let records = self
            .base
            .with_db(move |db| Ok(drafted::numbers::list_workspace(db.conn(), &workspace)?))
            .await?;
        let changes = records
            .into_iter()
            .map(to_file_change)
            .collect::<EngineResult<Vec<_>>>()?;
        let count = changes.len() as u32;
        let file = DraftFile {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: now_ms(),
            changes,
        };
        let json =
            serde_json::to_string_pretty(&file).map_err(|e| EngineError::Internal(e.into()))?;
        if let Err(error) = store::private::write_private(&path, json.as_bytes()) {
            return Ok(refused(format!(
                "{} could not be written: {error}",
                path.display()
            )));
        }
        Ok(DraftTransfer::Exported {
            changes: count,
            path: path.display().to_string(),
        })
    }

    /// Adds the changes in the file at `path` to the active workspace's draft, all or none.
    pub async fn import(&self, path: PathBuf) -> EngineResult<DraftTransfer> {
        let connected = self.base.connect().await?;
        let workspace = connected.workspace_id();
        let read = match read_file(&path) {
            Ok(changes) => changes,
            Err(refusal) => return Ok(refused(refusal.to_string())),
        };
        let changes = match self.as_the_editor_would(connected, read).await? {
            Ok(changes) => changes,
            Err(refusal) => return Ok(refused(refusal.to_string())),
        };
        if let Some(message) = number_set_twice(&changes) {
            return Ok(refused(message));
        }
        let count = self
            .stored
            .write_drafts(&workspace.clone(), move |db| {
                Ok(drafted::numbers::insert_all(
                    db.conn(),
                    &workspace,
                    &changes,
                )?)
            })
            .await?;
        Ok(DraftTransfer::Imported {
            changes: count as u32,
            path: path.display().to_string(),
        })
    }
}

impl DraftFiles<'_> {
    /// Each change through the editor's rules against its organization as last fetched (the
    /// organization must be one this workspace reads): the fields as the editor keeps them
    /// (trimmed, users once each), or the first change the editor would refuse.
    async fn as_the_editor_would(
        &self,
        connected: Connected,
        changes: Vec<(OrgId, DraftTarget, DraftChange)>,
    ) -> EngineResult<Result<Vec<(OrgId, DraftTarget, DraftChange)>, Refusal>> {
        let numbers = Numbers::new(self.stored);
        let mut states: HashMap<OrgId, NumbersState> = HashMap::new();
        let mut checked = Vec::with_capacity(changes.len());
        for (i, (org, target, change)) in changes.into_iter().enumerate() {
            let at_fault = |problem| Refusal::Change(i + 1, problem);
            if !states.contains_key(&org) {
                match numbers
                    .numbers_state_on(connected.clone(), &org, Freshness::Saved)
                    .await
                {
                    Ok(state) => states.insert(org.clone(), state),
                    Err(e) => {
                        return Ok(Err(at_fault(ChangeProblem::Organization(
                            org,
                            e.to_string(),
                        ))));
                    }
                };
            }
            let Some(state) = states.get(&org) else {
                continue;
            };
            let change = match change {
                DraftChange::Upsert(fields) => match editor_fields(state, &target, &fields) {
                    Ok(fields) => DraftChange::Upsert(Box::new(fields)),
                    Err(problem) => return Ok(Err(at_fault(ChangeProblem::Rules(problem)))),
                },
                DraftChange::Delete => DraftChange::Delete,
            };
            checked.push((org, target, change));
        }
        Ok(Ok(checked))
    }
}

/// The fields as the editor would keep them had the admin typed them into this organization's
/// editor, or the first problem it would show.
fn editor_fields(
    state: &NumbersState,
    target: &DraftTarget,
    fields: &SmsNumberFields,
) -> Result<SmsNumberFields, FieldProblem> {
    let editing = match target {
        DraftTarget::New => None,
        DraftTarget::Existing { trunk_id, .. } => Some(NumberKey::Existing {
            trunk_id: trunk_id.clone(),
        }),
    };
    let service = service_for(state, editing.as_ref())
        .map_err(|e| FieldProblem::new(FieldKey::Number, e.to_string()))?;
    let known_users = state.known_users();
    let rules = NumberRules {
        known_users: &known_users,
        service,
    };
    let kept = input_of(fields).validate(&rules).map_err(|problems| {
        problems.into_iter().next().unwrap_or_else(|| {
            FieldProblem::new(FieldKey::Number, "The editor refuses this number")
        })
    })?;
    if let Some(message) = duplicate_of(state, &kept.number, editing.as_ref()) {
        return Err(FieldProblem::new(FieldKey::Number, message));
    }
    Ok(kept)
}
