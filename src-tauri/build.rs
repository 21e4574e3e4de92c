//! Builds the Tauri context and one permission per app command, so the capability file can
//! allow exactly the commands the UI uses and nothing else.

/// Every command the UI may call; `src/lib.rs` registers the same list.
const COMMANDS: &[&str] = &[
    "get_startup_report",
    "list_workspaces",
    "add_ringotel_workspace",
    "test_ringotel_connection",
    "activate_workspace",
    "remove_workspace",
    "list_organizations",
    "get_organization",
    "get_thinq_integration",
    "check_thinq_settings",
    "test_thinq_connection",
    "save_thinq_settings",
    "disable_thinq_integration",
    "paste_webhook_url",
    "get_numbers",
    "get_number_editor",
    "check_number",
    "preview_formats",
    "save_number",
    "delete_number",
    "revert_number",
    "get_thinq_dids",
    "import_dids",
    "export_draft",
    "import_draft",
    "get_changes",
    "sync_changes",
    "resolve_conflict",
    "discard_change",
    "discard_draft",
    "get_history",
    "run_readiness",
    "draft_readiness_fix",
    "switch_connection_sms",
    "move_to_pro",
    "discard_setup_change",
    "get_diagnostics",
    "get_assumption_notices",
    "save_shape_report",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo::error={error:#}");
    }
}
