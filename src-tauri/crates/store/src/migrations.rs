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
    // 8: one kind of drafted change. Number and setup changes share one draft table and one
    // journal, told apart by `kind` ('number' or a setup kind); ids are never reused, so a
    // journal entry can only ever name the change it was written for. Setup rows and their
    // journal entries are renumbered after the numbers' to keep every id unique.
    r#"
    CREATE TABLE drafted_changes (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id          TEXT NOT NULL,
        kind            TEXT NOT NULL,
        target          TEXT,
        change          TEXT,
        base            TEXT,
        base_fetched_at INTEGER,
        updated_at      INTEGER NOT NULL,
        UNIQUE (workspace_id, org_id, kind, target),
        CHECK (kind = 'number' OR (target IS NOT NULL AND change IS NOT NULL AND base IS NULL)),
        CHECK (kind <> 'number' OR target IS NOT NULL OR change IS NOT NULL),
        CHECK (kind <> 'number' OR (target IS NULL) = (base IS NULL))
    ) STRICT;
    CREATE INDEX drafted_changes_by_org ON drafted_changes (workspace_id, org_id);
    INSERT INTO drafted_changes
        (id, workspace_id, org_id, kind, target, change, base, base_fetched_at, updated_at)
        SELECT id, workspace_id, org_id, 'number', trunk_id, fields, base, base_fetched_at,
               updated_at
        FROM draft_numbers;
    INSERT INTO drafted_changes (id, workspace_id, org_id, kind, target, change, updated_at)
        SELECT id + (SELECT coalesce(max(id), 0) FROM draft_numbers), workspace_id, org_id,
               kind, target, change, updated_at
        FROM draft_setup;
    CREATE TABLE change_journal (
        id           INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        run_id       INTEGER NOT NULL,
        draft_id     INTEGER,
        kind         TEXT NOT NULL,
        target       TEXT,
        change       TEXT NOT NULL,
        state        TEXT NOT NULL
                     CHECK (state IN ('sending', 'done', 'failed', 'interrupted')),
        detail       TEXT,
        started_at   INTEGER NOT NULL,
        finished_at  INTEGER
    ) STRICT;
    CREATE INDEX change_journal_by_org ON change_journal (workspace_id, org_id, id);
    INSERT INTO change_journal (id, workspace_id, org_id, run_id, draft_id, kind, target, change,
                                state, detail, started_at, finished_at)
        SELECT id, workspace_id, org_id, run_id, draft_id, 'number', trunk_id,
               json_object('action', action, 'number', number, 'fields', json(fields)),
               state, detail, started_at, finished_at
        FROM sync_journal;
    INSERT INTO change_journal (id, workspace_id, org_id, run_id, draft_id, kind, target, change,
                                state, detail, started_at, finished_at)
        SELECT id + (SELECT coalesce(max(id), 0) FROM sync_journal), workspace_id, org_id, run_id,
               draft_id + (SELECT coalesce(max(id), 0) FROM draft_numbers),
               CASE json_extract(change, '$.kind')
                   WHEN 'connectionSmsMode' THEN 'connection_sms_mode'
                   WHEN 'proPackage' THEN 'pro_package'
                   WHEN 'thinqSmsOn' THEN 'thinq_sms_on'
                   WHEN 'thinqInbound' THEN 'thinq_inbound'
                   WHEN 'thinqDeliveryUrl' THEN 'thinq_delivery_url'
                   ELSE json_extract(change, '$.kind')
               END,
               coalesce(json_extract(change, '$.connection'), ''),
               change, state, detail, started_at, finished_at
        FROM setup_journal;
    -- No new change may take an id an old journal entry names.
    DELETE FROM sqlite_sequence WHERE name = 'drafted_changes';
    INSERT INTO sqlite_sequence (name, seq) VALUES ('drafted_changes', max(
        (SELECT coalesce(max(id), 0) FROM drafted_changes),
        (SELECT coalesce(max(draft_id), 0) FROM change_journal)));
    DROP TABLE draft_numbers;
    DROP TABLE draft_setup;
    DROP TABLE sync_journal;
    DROP TABLE setup_journal;
    "#,
    // 9: live test messages, each with how its legs ended (History and the Overview).
    r#"
    CREATE TABLE test_messages (
        id           INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        org_id       TEXT NOT NULL,
        from_number  TEXT NOT NULL,
        to_number    TEXT NOT NULL,
        passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
        legs         TEXT NOT NULL,
        started_at   INTEGER NOT NULL,
        finished_at  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX test_messages_by_org ON test_messages (workspace_id, org_id, id);
    "#,
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn schema_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema to [`LATEST_VERSION`] atomically: either every pending step lands or none.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<u32> {
    migrate_to(conn, LATEST_VERSION)
}

fn migrate_to(conn: &mut Connection, version: u32) -> rusqlite::Result<u32> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = schema_version(&tx)?;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(version as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
    }
    tx.commit()?;
    Ok(version)
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
    fn drafts_and_journals_of_version_7_move_into_one_table_each_keeping_their_links() {
        use crate::tables::{drafted, journal};
        use domain::{DraftId, OrgId, SetupChange, WorkspaceId};
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 7).unwrap();
        conn.execute_batch(
            r#"
            INSERT INTO draft_numbers (id, workspace_id, org_id, trunk_id, fields, base,
                                       base_fetched_at, updated_at)
                VALUES (1, 'sandbox', '42', '900', NULL, '{"id":"900"}', 5, 6);
            INSERT INTO draft_setup (id, workspace_id, org_id, kind, target, change, updated_at)
                VALUES (1, 'sandbox', '42', 'thinq_delivery_url', '',
                        '{"kind":"thinqDeliveryUrl","url":"https://a.example/2"}', 8);
            INSERT INTO sync_journal (id, workspace_id, org_id, run_id, draft_id, action, number,
                                      trunk_id, fields, state, detail, started_at, finished_at)
                VALUES (1, 'sandbox', '42', 1, 1, 'update', '18584376047', '900', '["name"]',
                        'failed', 'refused', 10, 11);
            INSERT INTO setup_journal (id, workspace_id, org_id, run_id, draft_id, change, state,
                                       detail, started_at, finished_at)
                VALUES (1, 'sandbox', '42', 1, 1,
                        '{"kind":"thinqDeliveryUrl","url":"https://a.example/1"}', 'done', NULL,
                        12, 13),
                       (2, 'sandbox', '42', 2, 1,
                        '{"kind":"thinqDeliveryUrl","url":"https://a.example/2"}', 'failed',
                        'down', 14, 15);
            "#,
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let (ws, org) = (
            WorkspaceId::parse("sandbox").unwrap(),
            OrgId::parse("42").unwrap(),
        );
        let numbers = drafted::numbers::list(&conn, &ws, &org).unwrap();
        assert_eq!(numbers.len(), 1);
        assert_eq!(numbers[0].id, DraftId(1));
        assert_eq!(numbers[0].change, drafted::numbers::DraftChange::Delete);
        let setup = drafted::setup::list(&conn, &ws, &org).unwrap();
        assert_eq!(setup.len(), 1);
        assert_eq!(setup[0].id, DraftId(2), "renumbered after the numbers");
        let failures = journal::last_failures(&conn, &ws, &org).unwrap();
        assert_eq!(failures[&DraftId(1)], "refused", "the number's entry");
        assert_eq!(failures[&DraftId(2)], "down", "the setup change's entries");
        let calls = journal::list(&conn, &ws, &org, journal::Of::Numbers, 10).unwrap();
        let call = calls[0].number_call().unwrap();
        assert_eq!(call.trunk_id.as_ref().map(|t| t.as_str()), Some("900"));
        assert_eq!(call.fields, [domain::SmsField::Name]);
        let done = journal::setup_done(&conn, &ws, &org).unwrap();
        assert_eq!(
            done.iter().map(|e| e.setup_change()).collect::<Vec<_>>(),
            [Some(&SetupChange::ThinqDeliveryUrl {
                url: "https://a.example/1".into()
            })]
        );
        assert_eq!(
            journal::list(&conn, &ws, &org, journal::Of::Setup, 10)
                .unwrap()
                .len(),
            2
        );
        let next = drafted::numbers::insert_new(
            &conn,
            &ws,
            &org,
            &drafted::numbers::tests::fields("8584376047", "Desk"),
        )
        .unwrap();
        assert_eq!(next, DraftId(3), "no id an old journal entry names");
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
