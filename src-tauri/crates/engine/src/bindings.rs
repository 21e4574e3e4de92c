//! The TypeScript declarations of every type that crosses to the UI, generated from the Rust
//! types; a test keeps the checked-in file identical to what this produces.

use ts_rs::{Config, TS};

macro_rules! declarations {
    ($cfg:expr, $($ty:ty),* $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl($cfg))),*]
    };
}

/// Where the UI keeps the generated file, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/lib/backend/bindings.ts";

/// The whole generated file.
pub fn typescript() -> String {
    // Timestamps are Unix milliseconds, well inside a JS number's exact range.
    let cfg = Config::new().with_large_int("number");
    let decls = declarations!(
        &cfg,
        domain::RingotelId,
        domain::ServiceId,
        domain::WorkspaceId,
        domain::FieldProblem,
        domain::Package,
        domain::SmsMode,
        domain::ThinqSettingsInput,
        store::KeychainProblem,
        store::SecretLocation,
        store::SetAside,
        store::SetAsideReason,
        crate::Problem,
        crate::ProblemCode,
        crate::SecretPersistence,
        crate::SecretState,
        crate::startup::StartupReport,
        crate::workspaces::WorkspaceView,
        crate::workspaces::WorkspaceList,
        crate::workspaces::NewWorkspaceInput,
        crate::workspaces::AddWorkspaceOutcome,
        crate::workspaces::RingotelTestInput,
        crate::workspaces::RingotelTestOutcome,
        crate::organizations::OrganizationRow,
        crate::organizations::OrganizationList,
        crate::organizations::ConnectionRow,
        crate::organizations::OrganizationDetail,
        crate::integrations::SandboxThinqHint,
        crate::integrations::IntegrationCard,
        crate::integrations::ThinqIntegrationView,
        crate::integrations::ThinqTestOutcome,
        crate::integrations::SaveThinqOutcome,
        crate::integrations::PasteWebhookOutcome,
        domain::FieldKey,
        domain::InboundFormat,
        domain::OutboundFormat,
        domain::StickinessUnit,
        domain::StickinessInput,
        domain::AutoReply,
        domain::SmsNumberInput,
        domain::SmsField,
        domain::CountryOption,
        domain::Choice<domain::InboundFormat>,
        domain::format_simulator::FormatExample,
        crate::snapshot::Freshness,
        crate::snapshot::OfflineNote,
        crate::numbers::NumberKey,
        crate::numbers::NumberStatus,
        crate::numbers::UserRef,
        crate::numbers::NumberRow,
        crate::numbers::NumbersView,
        crate::numbers::PickUser,
        crate::numbers::EditorConnection,
        crate::numbers::NumberEditor,
        crate::numbers::NumberPreview,
        crate::numbers::NumberCheck,
        crate::numbers::SaveNumberOutcome,
        crate::numbers::ThinqDid,
        crate::numbers::ThinqDidsView,
        crate::numbers::ImportDidsInput,
        crate::numbers::ImportDidsOutcome,
        crate::draft_file::DraftTransfer,
        domain::SyncAction,
        domain::JournalState,
        crate::sync::Side,
        crate::sync::view::FieldChange,
        crate::sync::view::ConflictField,
        crate::sync::view::BlockerKind,
        crate::sync::view::BlockerView,
        crate::sync::view::ChangeItem,
        crate::sync::view::ChangesView,
        crate::sync::SyncProgress,
        crate::sync::SyncStatus,
        crate::sync::SyncItemResult,
        crate::sync::SyncReport,
        crate::sync::HistoryEntry,
        crate::sync::SetupHistoryEntry,
        crate::sync::HistoryView,
        domain::SetupKind,
        domain::SetupService,
        crate::setup::SetupItem,
        crate::sync::SetupResult,
        domain::CheckId,
        domain::CheckOutcome,
        crate::readiness::Fix,
        crate::readiness::FixOffer,
        crate::readiness::CheckResult,
        crate::readiness::ReadinessSummary,
        crate::readiness::ReadinessReport,
        crate::readiness::ReadinessProgress,
        domain::Api,
        domain::AssumptionId,
        domain::NoticeArea,
        domain::Verdict,
        crate::diagnostics::AssumptionStatus,
        crate::diagnostics::DiagnosticsView,
        crate::diagnostics::AssumptionNotice,
        crate::diagnostics::ReportFile,
    );
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test -p smsadmin-engine bindings`.\n\
         // Do not edit: change the Rust type and regenerate.\n\n",
    );
    for decl in decls {
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn checked_in() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../..")
            .join(BINDINGS_PATH)
    }

    #[test]
    fn bindings_match_the_checked_in_file() {
        let generated = typescript();
        let path = checked_in();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == generated,
            "{} is out of date with the Rust types: run `UPDATE_BINDINGS=1 cargo test -p smsadmin-engine bindings`",
            path.display()
        );
    }
}
