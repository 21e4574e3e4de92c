//! The keychain against a real Secret Service, and each way it can be missing, each reproduced
//! in a child process with its own D-Bus environment.
//!
//! Needs a session bus with an unlocked keyring (the README's test command provides one);
//! without it these tests fail and say so, never skip.

use domain::OrgId;
use domain::{Secret, WorkspaceId};
use serde_json::Value;
use std::process::Command;
use store::{Keychain, KeychainProblem, SecretLocation, SecretName, SecretVault};

fn keychain() -> Keychain {
    let keychain = Keychain::new("ringotel-sms-admin-tests");
    if let Err(e) = keychain.probe() {
        panic!(
            "these tests need an unlocked Secret Service on the session bus (run them through scripts/test): {e}"
        );
    }
    keychain
}

fn name(tag: &str) -> SecretName {
    SecretName::ThinqToken {
        workspace: WorkspaceId::parse(&format!("test-{}", std::process::id())).unwrap(),
        org: OrgId::parse(tag).unwrap(),
    }
}

#[test]
fn a_secret_round_trips_through_the_real_keychain_and_is_gone_after_delete() {
    let keychain = keychain();
    let entry = name("round-trip");
    keychain
        .store_secret(&entry, &Secret::new("tok-round-trip"))
        .unwrap();
    assert_eq!(
        keychain.load(&entry).unwrap().unwrap().expose(),
        "tok-round-trip"
    );
    keychain.delete(&entry).unwrap();
    assert_eq!(
        keychain.load(&entry).unwrap(),
        None,
        "a missing entry is None, not an error"
    );
    keychain.delete(&entry).unwrap();
}

#[test]
fn the_vault_prefers_this_sessions_copy_and_says_where_a_secret_is() {
    let vault = SecretVault::new(keychain());
    let entry = name("vault");
    assert_eq!(vault.locate(&entry).unwrap(), SecretLocation::Missing);
    vault.save(&entry, &Secret::new("in-keychain")).unwrap();
    assert_eq!(vault.locate(&entry).unwrap(), SecretLocation::Keychain);
    vault.save_for_session(&entry, &Secret::new("in-memory"));
    assert_eq!(vault.locate(&entry).unwrap(), SecretLocation::Session);
    assert_eq!(vault.load(&entry).unwrap().unwrap().expose(), "in-memory");
    vault.delete(&entry).unwrap();
    assert_eq!(vault.locate(&entry).unwrap(), SecretLocation::Missing);
}

/// Runs the probe binary under `wrapper` and returns its JSON report.
fn probe(mut command: Command) -> Value {
    let output = command.output().expect(
        "the probe's wrapper must be installed (scripts/setup installs dbus and gnome-keyring)",
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| {
            panic!(
                "no report from the probe: {stdout} {}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    serde_json::from_str(line).unwrap()
}

fn problem(report: &Value) -> KeychainProblem {
    serde_json::from_value(report["problem"].clone())
        .unwrap_or_else(|_| panic!("no problem in {report}"))
}

const PROBE: &str = env!("CARGO_BIN_EXE_keychain-probe");

#[test]
fn without_a_session_bus_the_cause_is_named() {
    let mut command = Command::new(PROBE);
    command.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let report = probe(command);
    assert_eq!(problem(&report), KeychainProblem::NoSessionBus, "{report}");
    assert!(report["message"].as_str().unwrap().contains("session bus"));
}

#[test]
fn a_bus_without_a_secret_service_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bare-bus.conf");
    std::fs::write(&config, BARE_BUS_CONFIG).unwrap();
    let mut command = Command::new("dbus-run-session");
    command
        .arg("--config-file")
        .arg(&config)
        .arg("--")
        .arg(PROBE);
    let report = probe(command);
    assert_eq!(
        problem(&report),
        KeychainProblem::NoSecretService,
        "{report}"
    );
}

#[test]
fn a_keyring_that_is_locked_is_named() {
    // A session bus whose keyring daemon has no unlocked collection, in a fresh home.
    let home = tempfile::tempdir().unwrap();
    let mut command = Command::new("dbus-run-session");
    command
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_RUNTIME_DIR", home.path())
        .args(["--", "sh", "-c"])
        .arg(format!(
            "gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec {PROBE}"
        ));
    let report = probe(command);
    assert_eq!(problem(&report), KeychainProblem::Locked, "{report}");
}

#[test]
fn a_keychain_that_never_answers_is_named_instead_of_waited_on() {
    // A "bus" that takes the connection and then says nothing, as a keychain daemon that died
    // mid-call leaves its caller: the probe gives up after its wait and says so.
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("silent-bus");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let held = std::thread::spawn(move || listener.accept().map(|(stream, _)| stream));
    let mut command = Command::new(PROBE);
    command.args(["--answer-wait-ms", "1500"]).env(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", socket.display()),
    );
    let report = probe(command);
    assert_eq!(problem(&report), KeychainProblem::NoAnswer, "{report}");
    assert!(
        report["message"]
            .as_str()
            .unwrap()
            .contains("did not answer"),
        "{report}"
    );
    drop(held.join());
}

/// A session bus that knows no services at all: nothing can be activated on it.
const BARE_BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;
