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

/// The numbers after Sync, Ringotel's first in its order, then the draft's new ones.
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
                Some(DraftChange::Delete) => None,
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
pub(crate) fn scope_note(numbers: &[&PlannedNumber]) -> String {
    let count = |source| numbers.iter().filter(|n| n.source == source).count();
    let (new, edited) = (count(Source::New), count(Source::Edited));
    let parts: Vec<String> = [
        (new > 0).then(|| format!("{} new", domain::setup::count(new, "number"))),
        (edited > 0).then(|| format!("{} edited", domain::setup::count(edited, "number"))),
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
