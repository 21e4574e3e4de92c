//! Opening the local database: recover from a damaged or too-new file, then migrate.

use crate::error::StoreError;
use crate::migrations::{self, LATEST_VERSION};
use crate::recovery::{SetAside, SetAsideReason, set_aside};
use rusqlite::{Connection, ErrorCode};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database's file name inside the app's data folder.
pub const DATABASE_FILE: &str = "sms-admin.sqlite3";

/// A second instance may hold a write lock briefly; wait rather than fail at once.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Database {
    conn: Connection,
    path: Option<PathBuf>,
}

/// Why a file could not be opened: unusable (set it aside) or a fault to report as is.
enum OpenFailure {
    Unusable(SetAsideReason),
    Fault(StoreError),
}

impl From<rusqlite::Error> for OpenFailure {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                Self::Unusable(SetAsideReason::Corrupt {
                    detail: error.to_string(),
                })
            }
            _ => Self::Fault(error.into()),
        }
    }
}

impl Database {
    /// Opens (or creates) the database in `dir`. A damaged or too-new file is kept aside and a
    /// fresh one started; the returned [`SetAside`] says so, for the user.
    /// The folder is made the owner's alone (0700) and so is the file (0600); SQLite gives its
    /// WAL and shared-memory files the database file's mode.
    pub fn open_in(dir: &Path) -> Result<(Self, Option<SetAside>), StoreError> {
        crate::private::private_dir(dir)?;
        Self::open(&dir.join(DATABASE_FILE))
    }

    pub fn open(path: &Path) -> Result<(Self, Option<SetAside>), StoreError> {
        match Self::try_open(path) {
            Ok(db) => Ok((db, None)),
            Err(OpenFailure::Fault(error)) => Err(error),
            Err(OpenFailure::Unusable(reason)) => {
                let kept = set_aside(path, reason)?;
                match Self::try_open(path) {
                    Ok(db) => Ok((db, Some(kept))),
                    Err(OpenFailure::Fault(error)) => Err(error),
                    Err(OpenFailure::Unusable(reason)) => Err(StoreError::Corrupt {
                        what: "the new database".into(),
                        reason: format!("{reason:?}"),
                    }),
                }
            }
        }
    }

    /// A private database for tests and tools, migrated like a real one.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        migrations::migrate(&mut conn)?;
        Ok(Self { conn, path: None })
    }

    fn try_open(path: &Path) -> Result<Self, OpenFailure> {
        let mut conn = Connection::open(path)?;
        crate::private::private_file(path).map_err(|e| OpenFailure::Fault(e.into()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found = migrations::schema_version(&conn)?;
        if found > LATEST_VERSION {
            return Err(OpenFailure::Unusable(SetAsideReason::NewerVersion {
                found,
                supported: LATEST_VERSION,
            }));
        }
        let check: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
        if check != "ok" {
            return Err(OpenFailure::Unusable(SetAsideReason::Corrupt {
                detail: check,
            }));
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn)?;
        Ok(Self {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Where the file lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}
