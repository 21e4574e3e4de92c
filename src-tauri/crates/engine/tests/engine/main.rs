//! The engine end to end against the sandbox over loopback, on a real database file and the
//! real keychain: what the app's commands do, without the window.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

mod auth_failure;
mod call_counts;
mod check_all;
mod contract;
mod csv_files;
mod diagnostics;
mod draft_file;
mod import;
mod integrations;
mod numbers;
mod opt_outs;
mod readiness;
mod sync;
mod test_message;
mod wire_variants;
mod workspaces;

use domain::OrgId;
use domain::{BaseUrl, Secret};
use engine::{Engine, SandboxEndpoints, SandboxThinqAccount};
use sandbox::{DEMO_API_KEY, Sandbox, WireVariant, demo_thinq_accounts};

/// Keychain entries from these tests are kept apart from the app's own.
pub const KEYCHAIN_SERVICE: &str = "ringotel-sms-admin-engine-tests";

pub struct Setup {
    pub sandbox: Sandbox,
    pub engine: Engine,
    pub data: tempfile::TempDir,
}

pub fn endpoints(sandbox: &Sandbox) -> SandboxEndpoints {
    SandboxEndpoints {
        ringotel: BaseUrl::parse(&sandbox.ringotel_url()).unwrap(),
        thinq: BaseUrl::parse(&sandbox.thinq_url()).unwrap(),
        api_key: Secret::new(DEMO_API_KEY),
        thinq_accounts: demo_thinq_accounts()
            .iter()
            .map(|a| SandboxThinqAccount {
                organization: a.organization.into(),
                account_id: a.account_id.into(),
                username: a.username.into(),
                token: a.token.into(),
            })
            .collect(),
        portal_webhook_base: sandbox::world::webhook_base(),
    }
}

/// The engine on a fresh data folder against a sandbox answering as the published sources
/// show, and no more (its strict default).
pub async fn setup() -> Setup {
    setup_with(WireVariant::default()).await
}

/// [`setup`] against a sandbox that answers some open questions the unpublished way.
pub async fn setup_with(wire: WireVariant) -> Setup {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_wire(wire);
    setup_on(sandbox)
}

/// An engine on a new data folder whose Sandbox workspace is `sandbox`.
pub fn setup_on(sandbox: Sandbox) -> Setup {
    let data = tempfile::tempdir().unwrap();
    let engine = Engine::open(data.path(), KEYCHAIN_SERVICE, Some(endpoints(&sandbox))).unwrap();
    Setup {
        sandbox,
        engine,
        data,
    }
}

impl Setup {
    /// A second engine on the same data folder: what the app sees after a restart.
    pub fn reopen(&self) -> Engine {
        Engine::open(
            self.data.path(),
            KEYCHAIN_SERVICE,
            Some(endpoints(&self.sandbox)),
        )
        .unwrap()
    }

    /// Harbor with its thinQ settings saved (the card enabled, whatever the form answers) and,
    /// where Ringotel does not report the card's webhook URL, the one its portal shows pasted.
    pub async fn harbor_with_thinq(&self) -> OrgId {
        let org = self.org("Harbor Dental Group").await;
        let saved = save_demo_thinq(&self.engine, &org).await;
        assert!(
            matches!(saved, engine::integrations::SaveThinqOutcome::Saved { .. }),
            "{saved:?}"
        );
        if !self.sandbox.wire().webhook_field {
            self.engine
                .integrations()
                .paste_webhook_url(org.clone(), sandbox::world::webhook_for(org.as_str()))
                .await
                .unwrap();
        }
        org
    }

    /// Runs readiness and drafts every fix it offers that is not billable, as *Fix all* does.
    pub async fn draft_every_fix(&self, org: &OrgId) -> engine::readiness::ReadinessReport {
        let report = self
            .engine
            .readiness()
            .run(org.clone(), engine::snapshot::Freshness::Live, |_| {})
            .await
            .unwrap();
        let fixes = report
            .checks
            .iter()
            .filter_map(|c| c.fix.as_ref().filter(|o| o.in_fix_all))
            .map(|o| o.fix.clone())
            .collect();
        self.engine
            .readiness()
            .draft_fixes(org.clone(), fixes)
            .await
            .unwrap();
        report
    }

    /// The first user of the organization's first connection, as the editor lists them.
    pub async fn first_user(&self, org: &OrgId) -> String {
        let editor = self
            .engine
            .numbers()
            .editor(org.clone(), None)
            .await
            .unwrap();
        editor.connections[0].users[0].id.to_string()
    }

    /// Adds DIDs of the organization's thinQ account as new numbers for `users`.
    pub async fn import_dids(
        &self,
        org: &OrgId,
        numbers: Vec<String>,
        users: Vec<String>,
    ) -> engine::numbers::ImportDidsOutcome {
        self.engine
            .numbers()
            .import_dids(org.clone(), import_input(numbers, users))
            .await
            .unwrap()
    }

    /// The key of the number called `name`, Ringotel's side read live.
    pub async fn number_named(&self, org: &OrgId, name: &str) -> engine::numbers::NumberKey {
        let view = self
            .engine
            .numbers()
            .view(org.clone(), engine::snapshot::Freshness::Live)
            .await
            .unwrap();
        view.rows.into_iter().find(|r| r.name == name).unwrap().key
    }

    /// Drafts an edit of the number called `name` that clears its opt-out and auto-replies.
    pub async fn clear_opt_out(&self, org: &OrgId, name: &str) {
        let view = self
            .engine
            .numbers()
            .view(org.clone(), engine::snapshot::Freshness::Saved)
            .await
            .unwrap();
        let key = view
            .rows
            .iter()
            .find(|r| r.name == name)
            .unwrap()
            .key
            .clone();
        let mut values = self
            .engine
            .numbers()
            .editor(org.clone(), Some(key.clone()))
            .await
            .unwrap()
            .values;
        values.opt_out_keyword.clear();
        values.opt_out_reply.clear();
        values.auto_replies.clear();
        self.engine
            .numbers()
            .save(org.clone(), Some(key), values)
            .await
            .unwrap();
    }

    /// The organization, fetched once so that its copy is saved (as opening it in the app does).
    pub async fn fetched(&self, name: &str) -> OrgId {
        let org = self.org(name).await;
        self.engine
            .organizations()
            .detail(org.clone())
            .await
            .unwrap();
        org
    }

    /// Syncs the organization's whole draft.
    pub async fn sync(&self, org: &OrgId) -> engine::sync::SyncReport {
        self.engine
            .changes()
            .sync(org.clone(), None, |_| {})
            .await
            .unwrap()
    }

    pub async fn org(&self, name: &str) -> OrgId {
        let list = self.engine.organizations().list().await.unwrap();
        list.organizations
            .into_iter()
            .find(|o| o.name == name)
            .unwrap()
            .id
    }
}

/// DIDs to import with shared settings: no stickiness, E.164 both ways.
pub fn import_input(numbers: Vec<String>, users: Vec<String>) -> engine::numbers::ImportDidsInput {
    engine::numbers::ImportDidsInput {
        numbers,
        users,
        stickiness: domain::StickinessInput::Preset { seconds: 0 },
        inbound_format: domain::InboundFormat::E164,
        outbound_format: domain::OutboundFormat::E164,
    }
}

/// Saves the demo thinQ account's settings for `org`, the token for this session only.
pub async fn save_demo_thinq(
    engine: &Engine,
    org: &OrgId,
) -> engine::integrations::SaveThinqOutcome {
    let demo = demo_thinq_accounts()[0];
    engine
        .integrations()
        .save_thinq_settings(
            org.clone(),
            domain::ThinqSettingsInput {
                account_id: demo.account_id.into(),
                username: demo.username.into(),
                token: Some(Secret::new(demo.token)),
            },
            engine::SecretPersistence::Session,
        )
        .await
        .unwrap()
}

/// Every file under `dir`, read as bytes, that contains `needle`.
pub fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if std::fs::read(&path)
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
        {
            hits.push(path);
        }
    }
    hits
}

/// A thinQ DID as fixes and setup changes name it.
pub fn did(number: &str) -> domain::DidId {
    domain::DidId::parse(number).unwrap()
}
