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
        domain::ConnectionId,
        domain::UserId,
        domain::SmsNumberId,
        domain::OrgId,
        domain::DraftId,
        domain::DidId,
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
        crate::base::problem::Problem,
        crate::base::problem::ProblemCode,
        crate::base::secrets::SecretPersistence,
        crate::base::secrets::SecretState,
        crate::base::startup::StartupReport,
        crate::stored::workspaces::WorkspaceView,
        crate::stored::workspaces::WorkspaceList,
        crate::stored::workspaces::NewWorkspaceInput,
        crate::stored::workspaces::KeySaveOutcome,
        crate::stored::workspace_key::ReplaceKeyInput,
        crate::stored::workspaces::RingotelTestInput,
        crate::stored::workspaces::RingotelTestOutcome,
        crate::areas::organizations::OrganizationRow,
        crate::areas::organizations::OrganizationList,
        crate::areas::organizations::ConnectionRow,
        crate::areas::organizations::OrganizationDetail,
        crate::areas::integrations::SandboxThinqHint,
        crate::areas::integrations::IntegrationCard,
        crate::areas::integrations::ThinqIntegrationView,
        crate::areas::integrations::ThinqTestOutcome,
        crate::areas::integrations::SaveThinqOutcome,
        crate::areas::integrations::PasteWebhookOutcome,
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
        crate::stored::snapshot::Freshness,
        crate::stored::snapshot::OfflineNote,
        crate::areas::numbers::NumberKey,
        crate::areas::numbers::NumberStatus,
        crate::areas::numbers::UserRef,
        crate::areas::numbers::NumberRow,
        crate::areas::numbers::NumbersView,
        crate::areas::numbers::PickUser,
        crate::areas::numbers::EditorConnection,
        crate::areas::numbers::NumberEditor,
        crate::areas::numbers::NumberPreview,
        crate::areas::numbers::NumberCheck,
        crate::areas::numbers::SaveNumberOutcome,
        crate::areas::numbers::ThinqDid,
        crate::areas::numbers::ThinqDidsView,
        crate::areas::numbers::ImportDidsInput,
        crate::areas::numbers::ImportDidsOutcome,
        crate::areas::numbers::draft_file::DraftTransfer,
        domain::SyncAction,
        domain::JournalState,
        crate::across::sync::Side,
        crate::across::sync::view::FieldChange,
        crate::across::sync::view::ConflictField,
        crate::across::sync::view::BlockerKind,
        crate::across::sync::view::BlockerView,
        crate::across::sync::view::ChangeItem,
        crate::across::sync::view::ChangesView,
        crate::across::sync::SyncProgress,
        crate::across::sync::SyncStatus,
        crate::across::sync::SyncItemResult,
        crate::across::sync::SyncReport,
        crate::across::sync::HistoryEntry,
        crate::across::sync::SetupHistoryEntry,
        crate::across::sync::HistoryView,
        domain::SetupKind,
        domain::SetupService,
        crate::areas::setup::SetupItem,
        crate::across::sync::SetupResult,
        domain::CheckId,
        domain::CheckOutcome,
        crate::across::readiness::Fix,
        crate::across::readiness::FixOffer,
        crate::across::readiness::CheckResult,
        crate::stored::readiness_summary::ReadinessSummary,
        crate::across::readiness::ReadinessReport,
        crate::across::readiness::ReadinessProgress,
        crate::stored::readiness_summary::ReadinessState,
        crate::stored::readiness_summary::ReadinessStateChoice,
        crate::across::readiness::CheckAllProgress,
        crate::across::readiness::OrgReadiness,
        crate::across::readiness::CheckAllReport,
        crate::across::readiness::OrgFixesDrafted,
        crate::across::readiness::report_file::ReportFormat,
        crate::areas::opt_outs::OptOutStatus,
        crate::areas::opt_outs::OptOutRow,
        crate::areas::opt_outs::OptOutView,
        crate::areas::test_message::TestMessageInput,
        crate::areas::test_message::Leg,
        crate::areas::test_message::LegState,
        crate::areas::test_message::LegView,
        crate::areas::test_message::TestMessageView,
        crate::areas::test_message::PastTest,
        crate::areas::test_message::Sender,
        crate::areas::test_message::TestHistory,
        domain::Api,
        domain::AssumptionId,
        domain::NoticeArea,
        domain::Verdict,
        crate::areas::diagnostics::AssumptionStatus,
        crate::areas::diagnostics::DiagnosticsView,
        crate::areas::diagnostics::AssumptionNotice,
        crate::areas::diagnostics::ReportFile,
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
