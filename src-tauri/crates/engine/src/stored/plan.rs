//! The sync plan: from the draft and the numbers Ringotel has now, what each drafted change
//! will send, what is already done, and what only the admin can decide. Pure: no I/O.

use crate::stored::drafts::{Draft, UnreadableBase};
use domain::DraftId;
use domain::SmsNumberId;
use domain::{Country, PhoneNumber, SmsField, SmsNumberFields, changed_fields, merge};
use ringotel::{SmsTrunk, UnreadableTrunk};
use std::collections::HashMap;
use store::tables::drafted::numbers::{DraftChange, DraftTarget};

/// A call a step makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Create {
        fields: SmsNumberFields,
    },
    /// Sets `changed` to their values in `fields` (the merged number), keeping the rest.
    Update {
        trunk_id: SmsNumberId,
        fields: SmsNumberFields,
        changed: Vec<SmsField>,
    },
    Delete {
        trunk_id: SmsNumberId,
    },
}

/// Why a step waits for the admin: nothing is sent while any step has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    /// Fields changed both in the draft and in Ringotel since the draft began (for a deletion:
    /// fields changed in Ringotel since, which the deletion would throw away).
    Fields(Vec<SmsField>),
    /// The number the draft edits was deleted in Ringotel.
    GoneFromRingotel,
    /// The new number was created in Ringotel meanwhile, with other settings.
    AlreadyInRingotel { trunk_id: SmsNumberId },
    /// The saved base or Ringotel's number has a value this app cannot read.
    Unreadable(Unreadable),
}

/// A copy of a number this app cannot read, and which copy it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Ringotel's copy of the number (as Ringotel stores it).
    Live {
        number: String,
        problem: UnreadableTrunk,
    },
    /// The saved copy the change was drafted on.
    Base(UnreadableBase),
}

impl std::error::Error for Unreadable {}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Live { number, problem } => {
                write!(f, "Ringotel's copy of {number} has {problem}")
            }
            Self::Base(problem) => write!(f, "the saved copy it was drafted on has {problem}"),
        }
    }
}

/// One drafted change, planned; it borrows the draft and the live numbers it compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<'a> {
    pub draft_id: DraftId,
    /// When the drafted change was last edited: an applied change is dropped from the draft
    /// only if the admin has not edited it again meanwhile.
    pub draft_updated_at: i64,
    pub number: &'a PhoneNumber,
    /// The number as drafted (`None` for a deletion).
    pub mine: Option<&'a SmsNumberFields>,
    /// The number as it was when the draft began (`None` for a new number).
    pub base: Option<&'a SmsNumberFields>,
    /// Ringotel's number now, when it has one.
    pub live: Option<(&'a SmsNumberId, &'a SmsNumberFields)>,
    /// What will be sent; `None` when Ringotel already holds the drafted state.
    pub action: Option<Action>,
    pub blocker: Option<Blocker>,
}

impl Step<'_> {
    /// Ringotel already holds what the draft asks for: nothing to send, the change is done.
    pub fn is_settled(&self) -> bool {
        self.action.is_none() && self.blocker.is_none()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan<'a> {
    pub steps: Vec<Step<'a>>,
}

impl<'a> Plan<'a> {
    pub fn blocked(&self) -> impl Iterator<Item = &Step<'a>> {
        self.steps.iter().filter(|s| s.blocker.is_some())
    }

    /// The calls to make, when nothing is blocked.
    pub fn sendable(&self) -> impl Iterator<Item = (&Step<'a>, &Action)> {
        self.steps
            .iter()
            .filter(|s| s.blocker.is_none())
            .filter_map(|s| s.action.as_ref().map(|a| (s, a)))
    }
}

/// Ringotel's numbers read as typed fields, with how each reads in a table, by id and by
/// E.164 number: read once when a fetched copy is made, so a plan or a view only looks up.
#[derive(Debug, Clone, Default)]
pub struct LiveIndex {
    numbers: HashMap<SmsNumberId, LiveNumber>,
    by_number: HashMap<String, SmsNumberId>,
}

/// One of Ringotel's numbers as read.
#[derive(Debug, Clone)]
struct LiveNumber {
    /// Where it is in the list it was read from (the fetched copy's trunks).
    at: usize,
    fields: Result<SmsNumberFields, Unreadable>,
    /// `+1 858-437-6048`; a stored value that is no valid number, as stored.
    display: String,
}

impl LiveIndex {
    pub fn new(trunks: &[SmsTrunk], fallback: Country) -> Self {
        let mut index = Self::default();
        for (at, trunk) in trunks.iter().enumerate() {
            let fields = trunk.fields(fallback).map_err(|problem| Unreadable::Live {
                number: trunk.number.clone(),
                problem,
            });
            // A trunk whose other fields cannot be read still has its number parsed.
            let parsed_alone;
            let number = match &fields {
                Ok(fields) => Some(&fields.number),
                Err(_) => {
                    parsed_alone = PhoneNumber::from_wire(&trunk.number).ok();
                    parsed_alone.as_ref()
                }
            };
            let display =
                number.map_or_else(|| trunk.number.clone(), PhoneNumber::international_display);
            if let Some(number) = number {
                index
                    .by_number
                    .insert(number.e164().to_owned(), trunk.id.clone());
            }
            index.numbers.insert(
                trunk.id.clone(),
                LiveNumber {
                    at,
                    fields,
                    display,
                },
            );
        }
        index
    }

    /// Whether Ringotel has a number with this E.164 form.
    pub fn has_number(&self, e164: &str) -> bool {
        self.by_number.contains_key(e164)
    }

    /// The number's fields, when Ringotel has it and they can be read.
    pub fn fields(&self, id: &SmsNumberId) -> Option<&SmsNumberFields> {
        self.numbers.get(id).and_then(|n| n.fields.as_ref().ok())
    }

    /// Where the number is in the list the index was made from, when Ringotel has it.
    pub fn position(&self, id: &SmsNumberId) -> Option<usize> {
        self.numbers.get(id).map(|n| n.at)
    }

    /// How the number reads in a table (`+1 858-437-6048`), when Ringotel has it.
    pub fn display(&self, id: &SmsNumberId) -> Option<&str> {
        self.numbers.get(id).map(|n| n.display.as_str())
    }

    fn read(
        &self,
        id: &SmsNumberId,
    ) -> Option<Result<(&SmsNumberId, &SmsNumberFields), &Unreadable>> {
        self.numbers
            .get_key_value(id)
            .map(|(id, n)| n.fields.as_ref().map(|f| (id, f)))
    }
}

/// Plans every drafted change against Ringotel's numbers as they are now.
pub fn plan<'a>(drafts: &'a [Draft], live: &'a LiveIndex) -> Plan<'a> {
    Plan {
        steps: drafts.iter().filter_map(|d| step(d, live)).collect(),
    }
}

/// Plans one drafted change; `None` only for a change with no number to name (a deletion of
/// a new number, which the draft never holds).
pub(crate) fn step<'a>(draft: &'a Draft, live: &'a LiveIndex) -> Option<Step<'a>> {
    let mine = match &draft.change {
        DraftChange::Upsert(fields) => Some(fields.as_ref()),
        DraftChange::Delete => None,
    };
    let base = draft.base();
    let current = match &draft.target {
        DraftTarget::New => mine.and_then(|m| live.by_number.get(m.number.e164())),
        DraftTarget::Existing { trunk_id, .. } => Some(trunk_id),
    }
    .and_then(|id| live.read(id));
    let number = mine
        .map(|m| &m.number)
        .or_else(|| base.ok().flatten().map(|b| &b.number))
        .or_else(|| current.and_then(Result::ok).map(|(_, f)| &f.number))?;
    let mut step = Step {
        draft_id: draft.id,
        draft_updated_at: draft.updated_at,
        number,
        mine,
        base: None,
        live: None,
        action: None,
        blocker: None,
    };
    match (base, current.transpose()) {
        (Ok(base), Ok(current)) => {
            step.base = base;
            step.live = current;
            decide(&mut step, &draft.target);
        }
        (Err(problem), _) => {
            step.blocker = Some(Blocker::Unreadable(Unreadable::Base(problem.clone())));
        }
        (_, Err(problem)) => step.blocker = Some(Blocker::Unreadable(problem.clone())),
    }
    Some(step)
}

/// Fills in the step's action and blocker from its base, mine and live.
fn decide(step: &mut Step<'_>, target: &DraftTarget) {
    let (mine, base, live) = (step.mine, step.base, step.live);
    match (target, mine, base, live) {
        // A new number Ringotel does not have: create it.
        (DraftTarget::New, Some(mine), _, None) => {
            step.action = Some(Action::Create {
                fields: mine.clone(),
            });
        }
        // A new number Ringotel has: done already (a create whose answer was lost), or made
        // by someone else with other settings.
        (DraftTarget::New, Some(mine), _, Some((id, theirs))) => {
            if !changed_fields(mine, theirs).is_empty() {
                step.blocker = Some(Blocker::AlreadyInRingotel {
                    trunk_id: id.clone(),
                });
            }
        }
        (DraftTarget::New, None, _, _) => {}
        // Deleting a number that is gone already: done.
        (DraftTarget::Existing { .. }, None, _, None) => {}
        (DraftTarget::Existing { .. }, None, base, Some((id, theirs))) => {
            let changed_since = base.map(|b| changed_fields(b, theirs)).unwrap_or_default();
            if !changed_since.is_empty() {
                step.blocker = Some(Blocker::Fields(changed_since));
            }
            step.action = Some(Action::Delete {
                trunk_id: id.clone(),
            });
        }
        (DraftTarget::Existing { .. }, Some(_), _, None) => {
            step.blocker = Some(Blocker::GoneFromRingotel);
        }
        (DraftTarget::Existing { .. }, Some(mine), base, Some((id, theirs))) => {
            let base = base.unwrap_or(theirs);
            let merged = merge(base, mine, theirs);
            let changed = changed_fields(theirs, &merged.fields);
            if !merged.conflicts.is_empty() {
                step.blocker = Some(Blocker::Fields(merged.conflicts));
            }
            if !changed.is_empty() {
                step.action = Some(Action::Update {
                    trunk_id: id.clone(),
                    fields: merged.fields,
                    changed,
                });
            }
        }
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
