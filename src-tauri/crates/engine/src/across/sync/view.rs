//! The Changes tab's view of a plan: each drafted change field by field, before → after, with
//! what blocks it and what the last sync said about it.

use super::values::{UserNames, show};
use crate::stored::plan::{Action, Blocker, Plan, Step};
use crate::stored::snapshot::OfflineNote;
use domain::DraftId;
use domain::{SmsField, SyncAction};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: SmsField,
    pub label: String,
    /// `None`: the number does not exist yet.
    pub before: Option<String>,
    /// `None`: the number will be deleted.
    pub after: Option<String>,
}

/// A field the admin must decide: as the draft began, as drafted, as Ringotel has it now.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictField {
    pub field: SmsField,
    pub label: String,
    pub base: Option<String>,
    /// `None`: the draft deletes the number.
    pub mine: Option<String>,
    /// `None`: Ringotel no longer has the number.
    pub theirs: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BlockerKind {
    Fields,
    GoneFromRingotel,
    AlreadyInRingotel,
    Unreadable,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BlockerView {
    pub kind: BlockerKind,
    pub message: String,
    pub fields: Vec<ConflictField>,
    /// Whether the admin can resolve it field by field (else only as a whole).
    pub per_field: bool,
    pub resolvable: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangeItem {
    pub draft_id: DraftId,
    pub number: String,
    pub name: String,
    /// What Sync will send; `None` when Ringotel already holds the drafted state.
    pub action: Option<SyncAction>,
    pub action_label: String,
    pub changes: Vec<FieldChange>,
    pub blocker: Option<BlockerView>,
    /// The last sync's failure for this change, in the admin's words.
    pub last_failure: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangesView {
    pub items: Vec<ChangeItem>,
    /// Drafted setup changes (connections, package, the thinQ side), sent before the numbers.
    pub setup: Vec<crate::areas::setup::SetupItem>,
    /// When Ringotel's numbers compared here were fetched.
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
    /// Changes waiting for a decision; while any remains, Sync sends nothing.
    pub blocked: u32,
    /// Changes Sync would send, setup changes included.
    pub ready: u32,
    /// Drafted changes of either kind: the draft is empty when there are none.
    pub drafted: u32,
    /// Sync may start: something is drafted and nothing waits for a decision.
    pub can_sync: bool,
}

pub(crate) fn build(
    plan: &Plan<'_>,
    users: &UserNames<'_>,
    failures: &HashMap<DraftId, String>,
    setup: Vec<crate::areas::setup::SetupItem>,
    fetched_at: i64,
    offline: Option<OfflineNote>,
) -> ChangesView {
    let items: Vec<ChangeItem> = plan
        .steps
        .iter()
        .map(|s| item(s, users, failures.get(&s.draft_id).cloned()))
        .collect();
    let blocked = items.iter().filter(|i| i.blocker.is_some()).count() as u32;
    let drafted = (items.len() + setup.len()) as u32;
    ChangesView {
        blocked,
        ready: items
            .iter()
            .filter(|i| i.blocker.is_none() && i.action.is_some())
            .count() as u32
            + setup.len() as u32,
        drafted,
        can_sync: drafted > 0 && blocked == 0,
        items,
        setup,
        fetched_at,
        offline,
    }
}

fn item(step: &Step<'_>, users: &UserNames<'_>, last_failure: Option<String>) -> ChangeItem {
    let live = step.live.map(|(_, f)| f);
    let shown = |field: SmsField, fields: Option<&domain::SmsNumberFields>| {
        fields.map(|f| show(field, f, users))
    };
    let (action, changes) = match &step.action {
        Some(Action::Create { fields }) => (
            Some(SyncAction::Create),
            SmsField::ALL
                .into_iter()
                .map(|field| change(field, None, shown(field, Some(fields))))
                .collect(),
        ),
        Some(Action::Update {
            fields, changed, ..
        }) => (
            Some(SyncAction::Update),
            changed
                .iter()
                .map(|field| change(*field, shown(*field, live), shown(*field, Some(fields))))
                .collect(),
        ),
        Some(Action::Delete { .. }) => (Some(SyncAction::Delete), Vec::new()),
        None => (None, Vec::new()),
    };
    let name = step
        .mine
        .or(live)
        .or(step.base)
        .map(|f| f.name.clone())
        .unwrap_or_default();
    ChangeItem {
        draft_id: step.draft_id,
        number: step.number.international_display(),
        name,
        action_label: match (action, &step.blocker) {
            (Some(a), _) => a.label().into(),
            (None, Some(_)) => "Waiting for a decision".into(),
            (None, None) => "Already in Ringotel".into(),
        },
        action,
        changes,
        blocker: step.blocker.as_ref().map(|b| blocker(step, b, users)),
        last_failure,
    }
}

fn change(field: SmsField, before: Option<String>, after: Option<String>) -> FieldChange {
    FieldChange {
        field,
        label: capitalized(field.label()),
        before,
        after,
    }
}

fn capitalized(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn blocker(step: &Step<'_>, blocker: &Blocker, users: &UserNames<'_>) -> BlockerView {
    let live = step.live.map(|(_, f)| f);
    let conflict = |field: SmsField| ConflictField {
        field,
        label: capitalized(field.label()),
        base: step.base.map(|f| show(field, f, users)),
        mine: step.mine.map(|f| show(field, f, users)),
        theirs: live.map(|f| show(field, f, users)),
    };
    let differing = |a: Option<&domain::SmsNumberFields>| -> Vec<SmsField> {
        match (a, live) {
            (Some(a), Some(b)) => domain::changed_fields(a, b),
            _ => Vec::new(),
        }
    };
    match blocker {
        Blocker::Fields(fields) if step.mine.is_none() => BlockerView {
            kind: BlockerKind::Fields,
            message: "Changed in Ringotel since this deletion was drafted. Delete anyway, or keep the number as Ringotel has it?".into(),
            fields: fields.iter().copied().map(conflict).collect(),
            per_field: false,
            resolvable: true,
        },
        Blocker::Fields(fields) => BlockerView {
            kind: BlockerKind::Fields,
            message: "Changed both here and in Ringotel since the draft began. Keep yours or take Ringotel's, field by field.".into(),
            fields: fields.iter().copied().map(conflict).collect(),
            per_field: true,
            resolvable: true,
        },
        Blocker::GoneFromRingotel => BlockerView {
            kind: BlockerKind::GoneFromRingotel,
            message: "Deleted in Ringotel since the draft began. Keep yours to add it again, or take Ringotel's to drop this change.".into(),
            fields: Vec::new(),
            per_field: false,
            resolvable: true,
        },
        Blocker::AlreadyInRingotel { .. } => BlockerView {
            kind: BlockerKind::AlreadyInRingotel,
            message: "Ringotel already has this number, with other settings. Keep yours to overwrite them, or take Ringotel's to drop this change.".into(),
            fields: differing(step.mine).into_iter().map(conflict).collect(),
            per_field: false,
            resolvable: true,
        },
        Blocker::Unreadable(problem) => BlockerView {
            kind: BlockerKind::Unreadable,
            message: format!("Cannot be compared: {problem}. Discard this change and draft it again."),
            fields: Vec::new(),
            per_field: false,
            resolvable: false,
        },
    }
}
