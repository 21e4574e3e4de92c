//! The state every handler shares: the world and the fault plan, each behind its own lock, and
//! where the world is saved after each change (when the sandbox was started with a file).

use crate::faults::FaultPlan;
use crate::wire::WireVariant;
use crate::world::{World, snapshot};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Clone)]
pub struct Shared(Arc<Inner>);

struct Inner {
    world: Mutex<World>,
    /// Counts changes to the world, so a snapshot is written only after one.
    revision: AtomicU64,
    faults: Mutex<FaultPlan>,
    wire: Mutex<WireVariant>,
    snapshot: Option<Snapshot>,
}

/// The snapshot file and the revision last written to it (`None`: nothing written yet).
struct Snapshot {
    path: PathBuf,
    written: Mutex<Option<u64>>,
}

/// A panic in one handler must not take the sandbox down with a poisoned lock: the world is
/// plain data, still consistent at the point any handler could panic.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub fn new(world: World, snapshot_path: Option<PathBuf>) -> Self {
        let snapshot = snapshot_path.map(|path| Snapshot {
            path,
            written: Mutex::new(None),
        });
        Self(Arc::new(Inner {
            world: Mutex::new(world),
            revision: AtomicU64::new(0),
            faults: Mutex::new(FaultPlan::default()),
            wire: Mutex::new(WireVariant::default()),
            snapshot,
        }))
    }

    /// Runs `f` with the world locked, to read it; never held across an await.
    pub fn with_world<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        f(&lock(&self.0.world))
    }

    /// Runs `f` with the world locked, to change it; the change is saved with the next snapshot.
    pub fn change_world<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        let result = f(&mut lock(&self.0.world));
        self.0.revision.fetch_add(1, Ordering::SeqCst);
        result
    }

    /// Which way the open questions are answered now.
    pub fn wire(&self) -> WireVariant {
        *lock(&self.0.wire)
    }

    pub fn set_wire(&self, wire: WireVariant) {
        *lock(&self.0.wire) = wire;
    }

    pub fn with_faults<R>(&self, f: impl FnOnce(&mut FaultPlan) -> R) -> R {
        f(&mut lock(&self.0.faults))
    }

    /// Records that the snapshot file already holds the world as it is (it was just read).
    pub fn mark_saved(&self) {
        if let Some(snapshot) = &self.0.snapshot {
            *lock(&snapshot.written) = Some(self.0.revision.load(Ordering::SeqCst));
        }
    }

    /// Writes the world to its snapshot file if it changed since the last write.
    pub fn save_snapshot(&self) {
        let Some(snapshot) = &self.0.snapshot else {
            return;
        };
        let mut written = lock(&snapshot.written);
        let revision = self.0.revision.load(Ordering::SeqCst);
        if *written == Some(revision) {
            return;
        }
        let json = match self.with_world(snapshot::to_json) {
            Ok(json) => json,
            Err(error) => return tracing::error!(%error, "sandbox snapshot not serialized"),
        };
        match snapshot::save(&snapshot.path, &json) {
            Ok(()) => *written = Some(revision),
            Err(error) => {
                tracing::error!(%error, path = %snapshot.path.display(), "sandbox snapshot not saved")
            }
        }
    }
}
