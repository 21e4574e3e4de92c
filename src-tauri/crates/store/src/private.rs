//! Folders and files only their owner may read (0700 / 0600): the database, the logs and the
//! exports hold the admin's organizations, users and drafts. The log is also bounded in size.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
#[cfg(unix)]
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Creates `dir` (and its parents) when missing and makes it the owner's alone.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    set_mode(dir, 0o700)
}

/// Makes an existing file the owner's alone (a file another program created, like SQLite's).
pub fn private_file(path: &Path) -> io::Result<()> {
    set_mode(path, 0o600)
}

/// Writes `contents` to `path`, created or replaced, readable by its owner only.
pub fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = open_private(path, false)?;
    file.write_all(contents)?;
    // A file that existed keeps its old mode through `open`: set it.
    private_file(path)
}

fn open_private(path: &Path, append: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true);
    if append {
        options.append(true);
    } else {
        options.write(true).truncate(true);
    }
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// A log file that never grows past `cap` bytes: when the next write (a whole line: the log's
/// formatter writes each event at once) would pass it, the file
/// becomes `<name>.1` (replacing the one before) and a new one starts. At most two files,
/// about `2 × cap` bytes, are ever kept.
pub struct RotatingLog {
    path: PathBuf,
    file: File,
    written: u64,
    cap: u64,
}

impl RotatingLog {
    /// Opens (appending) the log at `path` in a private folder, rotating first when it is
    /// already full.
    pub fn open(path: &Path, cap: u64) -> io::Result<Self> {
        if let Some(dir) = path.parent() {
            private_dir(dir)?;
        }
        let file = open_private(path, true)?;
        private_file(path)?;
        let written = file.metadata()?.len();
        let mut log = Self {
            path: path.to_path_buf(),
            file,
            written,
            cap,
        };
        if log.written >= cap {
            log.rotate()?;
        }
        Ok(log)
    }

    /// The file the log was moved to when it was full.
    pub fn previous(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".1");
        PathBuf::from(name)
    }

    fn rotate(&mut self) -> io::Result<()> {
        self.file.flush()?;
        std::fs::rename(&self.path, self.previous())?;
        self.file = open_private(&self.path, true)?;
        self.written = 0;
        Ok(())
    }
}

impl Write for RotatingLog {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written > 0 && self.written + buf.len() as u64 > self.cap {
            self.rotate()?;
        }
        let n = self.file.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The permission bits; none for a path that is not there.
    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o777)
    }

    #[test]
    fn folders_and_files_are_the_owners_alone() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("export.json");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&file, b"new").unwrap();
        assert_eq!(mode(&file), 0o600, "a replaced file is made private too");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
    }

    #[test]
    fn the_log_rotates_at_its_cap_and_keeps_two_files_at_most() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("logs/app.log");
        let mut log = RotatingLog::open(&path, 100).unwrap();
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&path), 0o600);
        // Each line in one write, as the log's formatter writes an event.
        for i in 0..50 {
            log.write_all(format!("line {i:04} of the log\n").as_bytes())
                .unwrap();
        }
        let current = std::fs::metadata(&path).unwrap().len();
        let previous = std::fs::metadata(log.previous()).unwrap().len();
        assert!(
            current <= 100 && previous <= 100,
            "{current} and {previous}"
        );
        assert_eq!(mode(&log.previous()), 0o600);
        let files = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(files, 2);
        let last = std::fs::read_to_string(&path).unwrap();
        assert!(last.ends_with("line 0049 of the log\n"), "{last}");
        drop(log);
        // Reopened full: it starts a new file rather than growing.
        std::fs::write(&path, vec![b'x'; 150]).unwrap();
        let log = RotatingLog::open(&path, 100).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
        assert_eq!(std::fs::metadata(log.previous()).unwrap().len(), 150);
    }
}
