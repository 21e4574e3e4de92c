//! What an end-to-end run needs on the machine, checked before anything starts.

use std::path::PathBuf;
use std::process::Command;

/// Names another build of the app to drive (an absolute path), such as the release binary.
pub const APP_OVERRIDE_ENV: &str = "SMSADMIN_E2E_APP";

/// The debug build of the app, which the test command builds before running these tests.
pub fn app_binary() -> PathBuf {
    // Benchmarks point this at a release build; tests use the debug build beside them.
    if let Some(path) = std::env::var_os(APP_OVERRIDE_ENV) {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug/ringotel-sms-admin")
}

fn on_path(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Panics with every missing piece named, so CI fails instead of skipping.
pub fn check_prerequisites() {
    let mut missing = Vec::new();
    if !app_binary().exists() {
        missing.push(format!(
            "the app binary at {} (cargo build -p ringotel-sms-admin)",
            app_binary().display()
        ));
    }
    // The app's Sandbox is served by sms-admin from the same folder.
    let sandbox = app_binary().with_file_name("sms-admin");
    if !sandbox.exists() {
        missing.push(format!(
            "sms-admin beside the app, at {} (cargo build -p smsadmin-cli)",
            sandbox.display()
        ));
    }
    for (program, from) in [
        ("tauri-driver", "cargo install tauri-driver --locked"),
        ("WebKitWebDriver", "Debian package webkit2gtk-driver"),
        ("xclip", "Debian package xclip"),
        ("dbus-run-session", "Debian package dbus"),
        ("gnome-keyring-daemon", "Debian package gnome-keyring"),
    ] {
        if !on_path(program) && !PathBuf::from("/usr/bin").join(program).exists() {
            missing.push(format!("{program} ({from})"));
        }
    }
    if std::env::var_os("DISPLAY").is_none() {
        missing.push("an X display (run under xvfb-run)".into());
    }
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        missing.push("a D-Bus session with a keyring (run under scripts/with-keyring)".into());
    }
    assert!(
        missing.is_empty(),
        "end-to-end tests cannot run; missing: {}. The README's test command sets all of this up.",
        missing.join("; ")
    );
}
