//! The state every handler shares: the world and the fault plan, each behind its own lock.

use crate::faults::FaultPlan;
use crate::world::World;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Clone)]
pub struct Shared(Arc<Inner>);

struct Inner {
    world: Mutex<World>,
    faults: Mutex<FaultPlan>,
}

/// A panic in one handler must not take the sandbox down with a poisoned lock: the world is
/// plain data, still consistent at the point any handler could panic.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub fn new(world: World) -> Self {
        Self(Arc::new(Inner {
            world: Mutex::new(world),
            faults: Mutex::new(FaultPlan::default()),
        }))
    }

    /// Runs `f` with the world locked; never held across an await.
    pub fn with_world<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        f(&mut lock(&self.0.world))
    }

    pub fn with_faults<R>(&self, f: impl FnOnce(&mut FaultPlan) -> R) -> R {
        f(&mut lock(&self.0.faults))
    }
}
