//! The organization's SMS numbers as they will be after Sync: Ringotel's, with the draft's
//! edits and deletions applied and its new numbers added. Readiness judges these, so one round
//! of fixes covers the numbers still in the draft too; each says where its fields come from.

use crate::areas::numbers::table::NumberKey;
use crate::stored::drafts::Draft;
use crate::stored::snapshot::OrgSnapshot;
use domain::SmsNumberFields;
use std::collections::HashMap;
use store::tables::drafted::numbers::{DraftChange, DraftTarget};

/// Where a number's fields, as Readiness judges them, come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Ringotel has it and the draft leaves it alone.
    Ringotel,
    /// Ringotel has it and the draft changes it.
    Edited,
    /// Only the draft has it: Sync creates it.
    New,
    /// Ringotel has it and the draft deletes it: judged only for what Sync mends.
    Deleted,
}

/// One number as it will be after Sync.
#[derive(Debug, Clone)]
pub(crate) struct PlannedNumber {
    pub key: NumberKey,
    /// Its fields after Sync.
    pub fields: SmsNumberFields,
    /// Ringotel's fields now, for a number Ringotel has and can read.
    pub live: Option<SmsNumberFields>,
    pub source: Source,
    /// How its lines name it: the number, and for a drafted one, that it is.
    pub shown: String,
}

impl PlannedNumber {
    /// Ringotel's fields now when it has them; for a new number, the drafted ones.
    pub fn now(&self) -> &SmsNumberFields {
        self.live.as_ref().unwrap_or(&self.fields)
    }
}

/// The numbers after Sync, Ringotel's first in its order, then the draft's new ones; those the
/// draft deletes come along marked so (`Source::Deleted`), for the faults their deletion mends.
pub(crate) fn after_sync(org: &OrgSnapshot, drafts: &[Draft]) -> Vec<PlannedNumber> {
    let mut edits: HashMap<&domain::SmsNumberId, &DraftChange> = HashMap::new();
    let mut new = Vec::new();
    for draft in drafts {
        match (&draft.target, &draft.change) {
            (DraftTarget::Existing { trunk_id, .. }, change) => {
                edits.insert(trunk_id, change);
            }
            (DraftTarget::New, DraftChange::Upsert(fields)) => new.push(PlannedNumber {
                key: NumberKey::New { draft_id: draft.id },
                shown: format!(
                    "{} (new in the draft)",
                    fields.number.international_display()
                ),
                fields: (**fields).clone(),
                live: None,
                source: Source::New,
            }),
            (DraftTarget::New, DraftChange::Delete) => {}
        }
    }
    let index = org.live_index();
    let mut planned: Vec<PlannedNumber> = org
        .trunks
        .iter()
        .filter_map(|trunk| {
            let live = index.fields(&trunk.id).cloned();
            let shown = org.display_of(trunk);
            let key = NumberKey::Existing {
                trunk_id: trunk.id.clone(),
            };
            match edits.get(&trunk.id) {
                Some(DraftChange::Delete) => live.map(|fields| PlannedNumber {
                    key,
                    fields: fields.clone(),
                    live: Some(fields),
                    source: Source::Deleted,
                    shown: format!("{shown} (deleted in the draft)"),
                }),
                Some(DraftChange::Upsert(fields)) => Some(PlannedNumber {
                    key,
                    fields: (**fields).clone(),
                    live,
                    source: Source::Edited,
                    shown: format!("{shown} (as drafted)"),
                }),
                // A number whose fields Ringotel sent unreadably is left to the Numbers tab.
                None => live.map(|fields| PlannedNumber {
                    key,
                    fields: fields.clone(),
                    live: Some(fields),
                    source: Source::Ringotel,
                    shown: shown.to_owned(),
                }),
            }
        })
        .collect();
    planned.extend(new);
    planned
}

/// " Judged as after Sync: 22 numbers new in the draft, 2 edited.", when the draft has any.
pub(crate) fn scope_note<'a>(numbers: impl IntoIterator<Item = &'a &'a PlannedNumber>) -> String {
    let sources: Vec<Source> = numbers.into_iter().map(|n| n.source).collect();
    let count = |source| sources.iter().filter(|s| **s == source).count();
    let (new, edited, deleted) = (
        count(Source::New),
        count(Source::Edited),
        count(Source::Deleted),
    );
    let parts: Vec<String> = [
        (new > 0).then(|| format!("{} new", domain::setup::count(new, "number"))),
        (edited > 0).then(|| format!("{} edited", domain::setup::count(edited, "number"))),
        (deleted > 0).then(|| format!("{} deleted", domain::setup::count(deleted, "number"))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" As after Sync: {} in the draft.", parts.join(" and "))
    }
}
