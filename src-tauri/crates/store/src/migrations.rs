//! Forward-only schema migrations, applied in one transaction at start-up.

use rusqlite::{Connection, TransactionBehavior};

/// Each entry moves the schema one version forward; never edit a shipped entry, append one.
const MIGRATIONS: &[&str] = &[
    // 1: workspaces (the Sandbox row always present), app settings, thinQ settings per org.
    r#"
    CREATE TABLE workspaces (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('sandbox', 'ringotel')),
        name        TEXT NOT NULL,
        base_url    TEXT NOT NULL,
        created_at  INTEGER NOT NULL
    ) STRICT;
    INSERT INTO workspaces (id, kind, name, base_url, created_at)
        VALUES ('sandbox', 'sandbox', 'Sandbox', '', 0);
    CREATE TABLE app_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE thinq_settings (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        account_id   TEXT NOT NULL,
        username     TEXT NOT NULL,
        updated_at   INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, org_id)
    ) STRICT;
    "#,
    // 2: the last fetched state (the organization list, and per organization its objects) so
    // the app works offline, and the draft of SMS number changes, each with the object it was
    // based on for the three-way compare at sync.
    r#"
    CREATE TABLE snapshots (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        scope        TEXT NOT NULL,
        payload      TEXT NOT NULL,
        fetched_at   INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, scope)
    ) STRICT;
    CREATE TABLE draft_numbers (
        id              INTEGER PRIMARY KEY,
        workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id          TEXT NOT NULL,
        trunk_id        TEXT,
        fields          TEXT,
        base            TEXT,
        base_fetched_at INTEGER,
        updated_at      INTEGER NOT NULL,
        UNIQUE (workspace_id, org_id, trunk_id),
        CHECK (trunk_id IS NOT NULL OR fields IS NOT NULL),
        CHECK ((trunk_id IS NULL) = (base IS NULL))
    ) STRICT;
    CREATE INDEX draft_numbers_by_org ON draft_numbers (workspace_id, org_id);
    "#,
    // 3: the sync journal: each call's intent written before it is sent, its outcome after, so
    // a sync cut short (crash, kill, lost network) is finished by the next one, not repeated.
    r#"
    CREATE TABLE sync_journal (
        id           INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        run_id       INTEGER NOT NULL,
        draft_id     INTEGER,
        action       TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        number       TEXT NOT NULL,
        trunk_id     TEXT,
        fields       TEXT NOT NULL,
        state        TEXT NOT NULL
                     CHECK (state IN ('sending', 'done', 'failed', 'interrupted')),
        detail       TEXT,
        started_at   INTEGER NOT NULL,
        finished_at  INTEGER
    ) STRICT;
    CREATE INDEX sync_journal_by_org ON sync_journal (workspace_id, org_id, id);
    "#,
    // 4: where a Ringotel account's thinQ API lives (NULL: thinQ's public address), so both
    // services of a workspace can point at a stand-in.
    r#"
    ALTER TABLE workspaces ADD COLUMN thinq_base_url TEXT;
    "#,
    // 5: the thinQ webhook URL the admin pasted for an organization whose card Ringotel reports
    // without one.
    r#"
    CREATE TABLE pasted_webhooks (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        url          TEXT NOT NULL,
        updated_at   INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, org_id)
    ) STRICT;
    "#,
    // 6: setup changes in the draft (a connection's SMS mode, the package, the thinQ side), one
    // per kind and target; their journal, written like the numbers' (intent before the call,
    // outcome after); and each organization's last readiness result for the list.
    r#"
    CREATE TABLE draft_setup (
        id           INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        kind         TEXT NOT NULL,
        target       TEXT NOT NULL,
        change       TEXT NOT NULL,
        updated_at   INTEGER NOT NULL,
        UNIQUE (workspace_id, org_id, kind, target)
    ) STRICT;
    CREATE TABLE setup_journal (
        id           INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        run_id       INTEGER NOT NULL,
        draft_id     INTEGER,
        change       TEXT NOT NULL,
        state        TEXT NOT NULL
                     CHECK (state IN ('sending', 'done', 'failed', 'interrupted')),
        detail       TEXT,
        started_at   INTEGER NOT NULL,
        finished_at  INTEGER
    ) STRICT;
    CREATE INDEX setup_journal_by_org ON setup_journal (workspace_id, org_id, id);
    CREATE TABLE readiness_summaries (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        passed       INTEGER NOT NULL,
        failed       INTEGER NOT NULL,
        unknown      INTEGER NOT NULL,
        checked_at   INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, org_id)
    ) STRICT;
    "#,
    // 7: what each workspace's answers showed, for the diagnostics: the shape of each method's
    // answers (keys and JSON types, never values) and the evidence about each assumption.
    r#"
    CREATE TABLE observed_shapes (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        api          TEXT NOT NULL,
        method       TEXT NOT NULL,
        shape        TEXT NOT NULL,
        calls        INTEGER NOT NULL,
        last_seen    INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, api, method)
    ) STRICT;
    CREATE TABLE observed_facts (
        workspace_id       TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        assumption         TEXT NOT NULL,
        held               INTEGER NOT NULL,
        contradicted       INTEGER NOT NULL,
        latest_held        INTEGER NOT NULL CHECK (latest_held IN (0, 1)),
        seen_held          TEXT,
        seen_contradicted  TEXT,
        last_seen          INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, assumption)
    ) STRICT;
    "#,
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn schema_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema to [`LATEST_VERSION`] atomically: either every pending step lands or none.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<u32> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = schema_version(&tx)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
    }
    tx.commit()?;
    Ok(LATEST_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_reaches_the_latest_version_with_the_sandbox_row() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), LATEST_VERSION);
        assert_eq!(schema_version(&conn).unwrap(), LATEST_VERSION);
        let sandbox: String = conn
            .query_row(
                "SELECT kind FROM workspaces WHERE id = 'sandbox'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(sandbox, "sandbox");
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM workspaces", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1);
    }

    #[test]
    fn a_failing_step_leaves_the_database_as_it_was() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE workspaces (x INTEGER);")
            .unwrap();
        assert!(migrate(&mut conn).is_err());
        assert_eq!(schema_version(&conn).unwrap(), 0);
        assert!(
            conn.query_row("SELECT count(*) FROM app_settings", [], |r| r
                .get::<_, i64>(0))
                .is_err()
        );
    }
}
