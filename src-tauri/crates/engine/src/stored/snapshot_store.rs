//! Saved copies of organizations read and written through the engine: kept decoded in memory,
//! refreshed live, and standing in (marked offline) when Ringotel cannot be reached.

use super::snapshot::{
    DecodedSnapshot, DecodedSnapshots, Fetched, Freshness, OfflineNote, OrgSnapshot, SavedPart,
    ringotel_down,
};
use crate::base::clock::now_ms;
use crate::base::context::Connected;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::handle::Stored;
use domain::OrgId;
use domain::WorkspaceId;
use serde::Deserialize;
use std::sync::Arc;
use store::tables::snapshots::{self, Scope};

fn decode<T: for<'de> Deserialize<'de>>(what: &str, payload: &str) -> EngineResult<T> {
    serde_json::from_str(payload).map_err(|e| {
        EngineError::Store(store::StoreError::Corrupt {
            what: format!("the saved copy of {what}"),
            reason: e.to_string(),
        })
    })
}

impl Stored {
    /// The saved copy: from memory when this process decoded it already (every draft edit
    /// reads it, and the big organization's copy is megabytes of JSON), else from the file.
    pub(crate) async fn saved_snapshot(
        &self,
        workspace: &WorkspaceId,
        org: &OrgId,
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
            .base
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
    pub(crate) fn mark_offline(&self, workspace: &WorkspaceId, org: &OrgId, note: &OfflineNote) {
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
        org: &OrgId,
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
        org: &OrgId,
        part: SavedPart,
    ) -> EngineResult<Fetched<Arc<OrgSnapshot>>> {
        let workspace = connected.workspace_id();
        let Some(saved) = self.saved_snapshot(&workspace, org).await? else {
            return self.fetch_snapshot(connected, org).await;
        };
        let old = saved.data;
        let data = Arc::new(match part {
            SavedPart::Services(services) => old.with_services(services),
            SavedPart::Trunks(trunks) => old.with_trunks(trunks),
        });
        self.store_snapshot(workspace, org.clone(), data).await
    }

    /// Keeps a fetched copy in memory and in the database, stamped now.
    async fn store_snapshot(
        &self,
        workspace: WorkspaceId,
        org: OrgId,
        data: Arc<OrgSnapshot>,
    ) -> EngineResult<Fetched<Arc<OrgSnapshot>>> {
        let fetched_at = now_ms();
        let payload =
            serde_json::to_string(data.as_ref()).map_err(|e| EngineError::Internal(e.into()))?;
        self.decoded().insert(
            (workspace.clone(), org.clone()),
            DecodedSnapshot {
                data: data.clone(),
                fetched_at,
                offline: None,
            },
        );
        self.base
            .with_db(move |db| {
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
        org: &OrgId,
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
            Err(error) if ringotel_down(&error) => {
                match self.saved_snapshot(&workspace, org).await? {
                    Some(mut saved) => {
                        let note = OfflineNote::from_error(&error, connected);
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
