//! The last fetched state of an organization, kept in SQLite so every screen works offline.
//! A live fetch refreshes it; when Ringotel cannot be reached the screens read it instead and
//! say so, "as of" its time.

use crate::base::context::Connected;
use crate::base::error::EngineError;
use crate::base::next_step::next_step;
use crate::stored::plan::LiveIndex;
use domain::OrgId;
use domain::SmsNumberId;
use domain::UserId;
use domain::WorkspaceId;
use ringotel::{Branch, Organization, RingotelError, Service, SmsTrunk, User};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;
use ts_rs::TS;

/// Everything the organization's screens show, as Ringotel sent it (the unknown fields of what
/// the app may send back kept), with its numbers read once as typed fields when the copy is made.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "SavedCopy")]
pub struct OrgSnapshot {
    pub organization: Organization,
    pub branches: Vec<Branch>,
    /// Read through [`OrgSnapshot::users`]: `users_at` says where each one is.
    users: Vec<User>,
    pub services: Vec<Service>,
    pub trunks: Vec<SmsTrunk>,
    /// Shared with a copy that differs only in its services, so the numbers are not read again.
    live: Arc<LiveIndex>,
    /// Where each user is in `users`: every view names the users of a thousand numbers.
    users_at: Arc<HashMap<UserId, usize>>,
}

/// The saved form of a fetched copy: what Ringotel sent, nothing worked out from it.
#[derive(Deserialize)]
struct SavedCopy {
    organization: Organization,
    branches: Vec<Branch>,
    users: Vec<User>,
    services: Vec<Service>,
    trunks: Vec<SmsTrunk>,
}

/// The saved form written from a copy in memory, without cloning it.
#[derive(Serialize)]
struct SavedCopyRef<'a> {
    organization: &'a Organization,
    branches: &'a [Branch],
    users: &'a [User],
    services: &'a [Service],
    trunks: &'a [SmsTrunk],
}

impl From<SavedCopy> for OrgSnapshot {
    fn from(saved: SavedCopy) -> Self {
        Self::new(
            saved.organization,
            saved.branches,
            saved.users,
            saved.services,
            saved.trunks,
        )
    }
}

impl Serialize for OrgSnapshot {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SavedCopyRef {
            organization: &self.organization,
            branches: &self.branches,
            users: &self.users,
            services: &self.services,
            trunks: &self.trunks,
        }
        .serialize(serializer)
    }
}

impl OrgSnapshot {
    pub fn new(
        organization: Organization,
        branches: Vec<Branch>,
        users: Vec<User>,
        services: Vec<Service>,
        trunks: Vec<SmsTrunk>,
    ) -> Self {
        let live = Arc::new(LiveIndex::new(&trunks, fallback_country(&branches)));
        let users_at = Arc::new(
            users
                .iter()
                .enumerate()
                .map(|(at, u)| (u.id.clone(), at))
                .collect(),
        );
        Self {
            organization,
            branches,
            users,
            services,
            trunks,
            live,
            users_at,
        }
    }

    /// The same copy with the services as just read: its numbers, unchanged, are not read again.
    pub fn with_services(&self, services: Vec<Service>) -> Self {
        Self {
            organization: self.organization.clone(),
            branches: self.branches.clone(),
            users: self.users.clone(),
            services,
            trunks: self.trunks.clone(),
            live: Arc::clone(&self.live),
            users_at: Arc::clone(&self.users_at),
        }
    }

    /// The same copy with its numbers as just read: they are indexed again, its users are not.
    pub fn with_trunks(&self, trunks: Vec<SmsTrunk>) -> Self {
        Self {
            organization: self.organization.clone(),
            branches: self.branches.clone(),
            users: self.users.clone(),
            services: self.services.clone(),
            live: Arc::new(LiveIndex::new(&trunks, self.fallback_country())),
            trunks,
            users_at: Arc::clone(&self.users_at),
        }
    }

    /// The organization's users, as Ringotel listed them.
    pub fn users(&self) -> &[User] {
        &self.users
    }

    /// The organization's user with this id, if it still has one.
    pub fn user(&self, id: &UserId) -> Option<&User> {
        self.users_at.get(id).and_then(|at| self.users.get(*at))
    }

    /// The country numbers are read in when a trunk names none: the first connection's.
    pub fn fallback_country(&self) -> domain::Country {
        fallback_country(&self.branches)
    }

    /// The organization's thinQ integration card, if it has one.
    pub fn thinq_service(&self) -> Option<&Service> {
        self.services.iter().find(|s| s.is_thinq())
    }

    /// The numbers on the thinQ card: the ones a text can be sent from through thinQ.
    pub fn thinq_trunks(&self) -> impl Iterator<Item = &SmsTrunk> {
        let card = self.thinq_service().map(|s| s.id.as_str());
        self.trunks
            .iter()
            .filter(move |t| card.is_some_and(|c| t.service.as_str() == c))
    }

    /// The numbers as typed fields, by id and by E.164 number.
    pub fn live_index(&self) -> &LiveIndex {
        &self.live
    }

    /// Ringotel's number with this id, as it sent it.
    pub fn trunk(&self, id: &SmsNumberId) -> Option<&SmsTrunk> {
        self.live.position(id).and_then(|at| self.trunks.get(at))
    }

    /// How a number reads in a table (`+1 858-437-6048`); a stored value that is no valid
    /// number is shown as stored.
    pub fn display_of<'a>(&'a self, trunk: &'a SmsTrunk) -> &'a str {
        self.live
            .display(&trunk.id)
            .unwrap_or(trunk.number.as_str())
    }
}

/// How a user is named on every screen and by `sms-admin`: "Ava Kowalski (101)", or the name
/// alone when the user has no extension.
pub fn user_label(user: &User) -> String {
    if user.extension.is_empty() {
        user.name.clone()
    } else {
        format!("{} ({})", user.name, user.extension)
    }
}

/// How a user id the organization no longer has is named.
pub fn unknown_user_label(id: &UserId) -> String {
    format!("Unknown user {id}")
}

fn fallback_country(branches: &[Branch]) -> domain::Country {
    branches
        .iter()
        .find_map(|b| domain::Country::parse(&b.country).ok())
        .unwrap_or(domain::DEFAULT_COUNTRY)
}

/// A part of an organization read again on its own, after a change to it.
pub(crate) enum SavedPart {
    Services(Vec<Service>),
    Trunks(Vec<SmsTrunk>),
}

/// Saved copies decoded in this process, by workspace and organization, with their fetch time.
pub(crate) type DecodedSnapshots = HashMap<(WorkspaceId, OrgId), DecodedSnapshot>;

/// A saved copy in memory: its fetch time, and why the last attempt to refresh it failed (so
/// every screen reading it says it is offline until a fetch succeeds again).
#[derive(Clone)]
pub(crate) struct DecodedSnapshot {
    pub(crate) data: Arc<OrgSnapshot>,
    pub(crate) fetched_at: i64,
    pub(crate) offline: Option<OfflineNote>,
}

/// How fresh the data under a screen must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Freshness {
    /// Fetch now; the saved snapshot only when Ringotel cannot be reached.
    Live,
    /// The saved snapshot when there is one (nothing changed it since), else fetch.
    Saved,
}

/// Why a screen shows saved data rather than live data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfflineNote {
    /// What failed, in the admin's terms.
    pub reason: String,
    /// What to do about it ([`next_step`]), when there is more to do than Refresh later.
    pub next_step: Option<String>,
}

impl OfflineNote {
    /// The failure in the admin's words: what could not be reached, not which call failed.
    pub(crate) fn from_error(error: &EngineError, on: &Connected) -> Self {
        let reason = match error {
            EngineError::Ringotel(RingotelError::Transport { detail, .. }) => {
                format!("Ringotel could not be reached: {detail}")
            }
            EngineError::Ringotel(RingotelError::Http { status, .. }) => {
                format!("Ringotel or a proxy in front of it is failing (HTTP {status})")
            }
            other => other.to_string(),
        };
        // The Sandbox's services are the app's own: no network or address of the admin's to check.
        let next = if on.is_sandbox() {
            next_step(&EngineError::SandboxNotRunning)
        } else {
            next_step(error)
        };
        Self {
            reason,
            next_step: next.advice.map(str::to_owned),
        }
    }
}

/// Data with the time it was fetched and whether it is live.
#[derive(Debug)]
pub struct Fetched<T> {
    pub data: T,
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
}

/// Whether Ringotel is down or failing now, so its saved copy may stand in (rather than "it
/// said no", or a failure elsewhere).
pub(crate) fn ringotel_down(error: &EngineError) -> bool {
    matches!(error, EngineError::Ringotel(e) if e.failure().is_service_down())
}
