//! The last fetched state of an organization, kept in SQLite so every screen works offline.
//! A live fetch refreshes it; when Ringotel cannot be reached the screens read it instead and
//! say so, "as of" its time.

use crate::Engine;
use crate::context::Connected;
use crate::error::{EngineError, EngineResult};
use crate::organizations::now_ms;
use domain::{RingotelId, WorkspaceId};
use ringotel::{Branch, Organization, RingotelError, Service, SmsTrunk, User};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use store::tables::snapshots::{self, Scope};
use ts_rs::TS;

/// Everything the organization's screens show, as Ringotel sent it (unknown fields kept).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrgSnapshot {
    pub organization: Organization,
    pub branches: Vec<Branch>,
    pub users: Vec<User>,
    pub services: Vec<Service>,
    pub trunks: Vec<SmsTrunk>,
    /// Each number's display form, worked out once per fetched copy: parsing a thousand
    /// numbers again for every view was most of the Numbers tab's cost.
    #[serde(skip)]
    displays: OnceLock<HashMap<RingotelId, String>>,
    /// Each number read as typed fields, once per fetched copy (every plan compares them).
    #[serde(skip)]
    live_index: OnceLock<crate::sync::plan::LiveIndex>,
}

impl OrgSnapshot {
    pub fn new(
        organization: Organization,
        branches: Vec<Branch>,
        users: Vec<User>,
        services: Vec<Service>,
        trunks: Vec<SmsTrunk>,
    ) -> Self {
        Self {
            organization,
            branches,
            users,
            services,
            trunks,
            displays: OnceLock::new(),
            live_index: OnceLock::new(),
        }
    }

    /// The country numbers are read in when a trunk names none: the first connection's.
    pub fn fallback_country(&self) -> domain::Country {
        self.branches
            .iter()
            .find_map(|b| domain::Country::parse(&b.country).ok())
            .unwrap_or(domain::DEFAULT_COUNTRY)
    }

    /// The numbers as typed fields, by id and by E.164 number.
    pub fn live_index(&self) -> &crate::sync::plan::LiveIndex {
        self.live_index.get_or_init(|| {
            crate::sync::plan::LiveIndex::new(&self.trunks, self.fallback_country())
        })
    }

    /// How a number reads in a table (`+1 858-437-6048`); a stored value that is no valid
    /// number is shown as stored.
    pub fn display_of<'a>(&'a self, trunk: &'a SmsTrunk) -> &'a str {
        self.displays
            .get_or_init(|| {
                // The numbers are parsed once, for the live index; only a trunk whose other
                // fields cannot be read has its number parsed here.
                let index = self.live_index();
                self.trunks
                    .iter()
                    .filter_map(|t| {
                        let display = match index.fields(&t.id) {
                            Some(fields) => fields.number.international_display(),
                            None => domain::PhoneNumber::from_wire(&t.number)
                                .ok()?
                                .international_display(),
                        };
                        Some((t.id.clone(), display))
                    })
                    .collect()
            })
            .get(&trunk.id)
            .map_or(trunk.number.as_str(), String::as_str)
    }
}

/// A part of an organization read again on its own, after a change to it.
pub(crate) enum SavedPart {
    Services(Vec<Service>),
    Trunks(Vec<SmsTrunk>),
}

/// Saved copies decoded in this process, by workspace and organization, with their fetch time.
pub(crate) type DecodedSnapshots = HashMap<(WorkspaceId, RingotelId), DecodedSnapshot>;

/// A saved copy in memory: its fetch time, and why the last attempt to refresh it failed (so
/// every screen reading it says it is offline until a fetch succeeds again).
#[derive(Clone)]
pub(crate) struct DecodedSnapshot {
    data: Arc<OrgSnapshot>,
    fetched_at: i64,
    offline: Option<OfflineNote>,
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
}

impl OfflineNote {
    /// The failure in the admin's words: what could not be reached, not which call failed.
    pub(crate) fn from_error(error: &EngineError) -> Self {
        let reason = match error {
            EngineError::Ringotel(RingotelError::Transport { detail, .. }) => {
                format!("Ringotel could not be reached: {detail}")
            }
            EngineError::Ringotel(RingotelError::Http { status, .. }) => {
                format!("Ringotel or a proxy in front of it is failing (HTTP {status})")
            }
            other => other.to_string(),
        };
        Self { reason }
    }
}

/// Data with the time it was fetched and whether it is live.
#[derive(Debug)]
pub struct Fetched<T> {
    pub data: T,
    pub fetched_at: i64,
    pub offline: Option<OfflineNote>,
}

/// Whether a failure means "the service cannot be reached now" (so saved data may stand in),
/// rather than "the service said no".
pub(crate) fn is_unreachable(error: &EngineError) -> bool {
    matches!(error, EngineError::Ringotel(e) if ringotel_unreachable(e))
}

pub(crate) fn ringotel_unreachable(error: &RingotelError) -> bool {
    match error {
        RingotelError::Transport { .. } => true,
        RingotelError::Http { status, .. } => *status >= 500,
        _ => false,
    }
}

fn decode<T: for<'de> Deserialize<'de>>(what: &str, payload: &str) -> EngineResult<T> {
    serde_json::from_str(payload).map_err(|e| {
        EngineError::Store(store::StoreError::Corrupt {
            what: format!("the saved copy of {what}"),
            reason: e.to_string(),
        })
    })
}

impl Engine {
    /// The saved copy: from memory when this process decoded it already (every draft edit
    /// reads it, and the big organization's copy is megabytes of JSON), else from the file.
    pub(crate) async fn saved_snapshot(
        &self,
        workspace: &WorkspaceId,
        org: &RingotelId,
    ) -> EngineResult<Option<Fetched<Arc<OrgSnapshot>>>> {
        let key = (workspace.clone(), org.clone());
        if let Some(saved) = self.decoded().get(&key).cloned() {
            return Ok(Some(Fetched {
                data: saved.data,
                fetched_at: saved.fetched_at,
                offline: saved.offline,
            }));
        }
        let (ws, id) = key.clone();
        let saved = self
            .with_db(move |db| Ok(snapshots::get(db.conn(), &ws, Scope::Organization(&id))?))
            .await?;
        let Some(saved) = saved else {
            return Ok(None);
        };
        let data: Arc<OrgSnapshot> = Arc::new(decode("this organization", &saved.payload)?);
        self.decoded().insert(
            key,
            DecodedSnapshot {
                data: data.clone(),
                fetched_at: saved.fetched_at,
                offline: None,
            },
        );
        Ok(Some(Fetched {
            data,
            fetched_at: saved.fetched_at,
            offline: None,
        }))
    }

    /// Remembers that refreshing this saved copy just failed, until a fetch succeeds.
    pub(crate) fn mark_offline(
        &self,
        workspace: &WorkspaceId,
        org: &RingotelId,
        note: &OfflineNote,
    ) {
        if let Some(saved) = self.decoded().get_mut(&(workspace.clone(), org.clone())) {
            saved.offline = Some(note.clone());
        }
    }

    fn decoded(&self) -> std::sync::MutexGuard<'_, DecodedSnapshots> {
        self.decoded_snapshots
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    async fn fetch_snapshot(
        &self,
        connected: &Connected,
        org: &RingotelId,
    ) -> EngineResult<Fetched<Arc<OrgSnapshot>>> {
        let client = &connected.ringotel;
        let (organization, branches, users, services, trunks) = tokio::try_join!(
            client.get_organization(org),
            client.get_branches(org),
            client.get_users(org, None),
            client.get_services(org),
            client.get_sms_trunks(org),
        )?;
        let data = Arc::new(OrgSnapshot::new(
            organization,
            branches,
            users,
            services,
            trunks,
        ));
        self.store_snapshot(connected.workspace_id(), org.clone(), data)
            .await
    }

    /// Saves one part of the organization as just read into its saved copy (the rest as it
    /// was), so every screen shows it; fetches the whole organization when nothing is saved yet.
    pub(crate) async fn save_part(
        &self,
        connected: &Connected,
        org: &RingotelId,
        part: SavedPart,
    ) -> EngineResult<Fetched<Arc<OrgSnapshot>>> {
        let workspace = connected.workspace_id();
        let Some(saved) = self.saved_snapshot(&workspace, org).await? else {
            return self.fetch_snapshot(connected, org).await;
        };
        let old = saved.data;
        let (services, trunks) = match part {
            SavedPart::Services(services) => (services, old.trunks.clone()),
            SavedPart::Trunks(trunks) => (old.services.clone(), trunks),
        };
        let data = Arc::new(OrgSnapshot::new(
            old.organization.clone(),
            old.branches.clone(),
            old.users.clone(),
            services,
            trunks,
        ));
        self.store_snapshot(workspace, org.clone(), data).await
    }

    /// Keeps a fetched copy in memory and in the database, stamped now.
    async fn store_snapshot(
        &self,
        workspace: WorkspaceId,
        org: RingotelId,
        data: Arc<OrgSnapshot>,
    ) -> EngineResult<Fetched<Arc<OrgSnapshot>>> {
        let fetched_at = now_ms();
        let payload = serde_json::to_string(data.as_ref())
            .map_err(|e| EngineError::Internal(e.to_string()))?;
        self.decoded().insert(
            (workspace.clone(), org.clone()),
            DecodedSnapshot {
                data: data.clone(),
                fetched_at,
                offline: None,
            },
        );
        self.with_db(move |db| {
            Ok(snapshots::put(
                db.conn(),
                &workspace,
                Scope::Organization(&org),
                &payload,
                fetched_at,
            )?)
        })
        .await?;
        Ok(Fetched {
            data,
            fetched_at,
            offline: None,
        })
    }

    /// The organization's objects, live or saved as `freshness` asks, falling back to the
    /// saved copy (marked offline) when Ringotel cannot be reached.
    pub(crate) async fn org_snapshot(
        &self,
        connected: &Connected,
        org: &RingotelId,
        freshness: Freshness,
    ) -> EngineResult<Fetched<Arc<OrgSnapshot>>> {
        let workspace = connected.workspace_id();
        if freshness == Freshness::Saved
            && let Some(saved) = self.saved_snapshot(&workspace, org).await?
        {
            return Ok(saved);
        }
        match self.fetch_snapshot(connected, org).await {
            Ok(fresh) => Ok(fresh),
            Err(error) if is_unreachable(&error) => {
                match self.saved_snapshot(&workspace, org).await? {
                    Some(mut saved) => {
                        let note = OfflineNote::from_error(&error);
                        self.mark_offline(&workspace, org, &note);
                        saved.offline = Some(note);
                        Ok(saved)
                    }
                    None => Err(error),
                }
            }
            Err(error) => Err(error),
        }
    }
}
