//! Opening real database files: persistence, and recovery from damaged or too-new files.

use domain::OrgId;
use domain::{
    BaseUrl, Country, InboundFormat, OutboundFormat, PhoneNumber, ServiceId, SmsNumberFields,
    Stickiness, ThinqAccountId, ThinqUsername, UserId, WorkspaceId,
};
use store::tables::drafted::numbers::{self as draft_numbers, DraftChange, DraftTarget};
use store::tables::{thinq_settings, workspaces};
use store::{DATABASE_FILE, Database, SetAsideReason};

fn seeded(dir: &std::path::Path) {
    let (db, notice) = Database::open_in(dir).unwrap();
    assert!(notice.is_none());
    let base = BaseUrl::parse("https://shell.ringotel.co").unwrap();
    workspaces::insert_ringotel(db.conn(), "Acme", &base, None).unwrap();
    thinq_settings::put(
        db.conn(),
        &WorkspaceId::parse("sandbox").unwrap(),
        &OrgId::parse("42").unwrap(),
        &ThinqAccountId::parse("21458").unwrap(),
        &ThinqUsername::parse("u").unwrap(),
    )
    .unwrap();
}

fn kept_files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-") || n.contains(".newer-"))
        .collect();
    names.sort();
    names
}

#[test]
fn what_was_saved_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    seeded(dir.path());
    let (db, notice) = Database::open_in(dir.path()).unwrap();
    assert!(notice.is_none());
    assert_eq!(workspaces::list(db.conn()).unwrap().len(), 2);
    assert!(
        thinq_settings::get(
            db.conn(),
            &WorkspaceId::parse("sandbox").unwrap(),
            &OrgId::parse("42").unwrap(),
        )
        .unwrap()
        .is_some()
    );
}

#[test]
fn a_drafted_number_is_read_back_whole_after_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = WorkspaceId::parse("sandbox").unwrap();
    let org = OrgId::parse("42").unwrap();
    let us = Country::parse("US").unwrap();
    let fields = SmsNumberFields {
        number: PhoneNumber::parse("(858) 437-6047", us).unwrap(),
        name: "Front Desk 2".into(),
        service: ServiceId::parse("ThinQ").unwrap(),
        users: vec![UserId::parse("7").unwrap()],
        country: us,
        inbound_format: InboundFormat::National,
        outbound_format: OutboundFormat::National,
        stickiness: Stickiness::from_seconds(86_400).unwrap(),
        send_name: true,
        opt_out: None,
        auto_replies: vec![],
    };
    {
        let (db, _) = Database::open_in(dir.path()).unwrap();
        draft_numbers::insert_new(db.conn(), &ws, &org, &fields).unwrap();
    }
    let (db, notice) = Database::open_in(dir.path()).unwrap();
    assert!(notice.is_none());
    let drafts = draft_numbers::list(db.conn(), &ws, &org).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].target, DraftTarget::New);
    assert_eq!(drafts[0].change, DraftChange::Upsert(Box::new(fields)));
}

#[test]
fn a_file_that_is_not_a_database_is_kept_aside_and_a_fresh_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    std::fs::write(
        &path,
        b"this is not an sqlite file, but it must not be deleted",
    )
    .unwrap();
    let (db, notice) = Database::open_in(dir.path()).unwrap();
    let notice = notice.expect("the user is told");
    assert!(matches!(notice.reason, SetAsideReason::Corrupt { .. }));
    assert_eq!(
        std::fs::read(&notice.kept_at).unwrap(),
        b"this is not an sqlite file, but it must not be deleted",
        "the bad file is kept byte for byte"
    );
    assert!(
        notice
            .explain()
            .contains(&notice.kept_at.display().to_string())
    );
    assert_eq!(
        workspaces::list(db.conn()).unwrap().len(),
        1,
        "a fresh database with the Sandbox"
    );
}

#[test]
fn a_truncated_database_is_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    seeded(dir.path());
    let path = dir.path().join(DATABASE_FILE);
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.len() > 4096,
        "checkpointed database has several pages"
    );
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let (_db, notice) = Database::open_in(dir.path()).unwrap();
    assert!(matches!(
        notice.map(|n| n.reason),
        Some(SetAsideReason::Corrupt { .. })
    ));
    assert_eq!(kept_files(dir.path()).len(), 1);
}

#[test]
fn a_database_from_a_newer_version_is_not_touched_but_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    seeded(dir.path());
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let (_db, notice) = Database::open_in(dir.path()).unwrap();
    let notice = notice.unwrap();
    assert!(matches!(
        notice.reason,
        SetAsideReason::NewerVersion { found: 999, .. }
    ));
    let kept = rusqlite::Connection::open(&notice.kept_at).unwrap();
    let version: u32 = kept
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let rows: i64 = kept
        .query_row("SELECT count(*) FROM workspaces", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (version, rows),
        (999, 2),
        "the newer file is intact, data and all"
    );
}

#[test]
fn two_failures_never_overwrite_an_earlier_kept_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    std::fs::write(&path, b"first bad file").unwrap();
    drop(Database::open_in(dir.path()).unwrap());
    std::fs::remove_file(&path).unwrap();
    for sidecar in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("{DATABASE_FILE}{sidecar}")));
    }
    std::fs::write(&path, b"second bad file").unwrap();
    drop(Database::open_in(dir.path()).unwrap());
    assert_eq!(kept_files(dir.path()).len(), 2);
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_the_database_files_are_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("data");
    seeded(&dir);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    assert!(dir.join(DATABASE_FILE).exists());
}
