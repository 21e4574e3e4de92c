//! Cancel for long actions over many items: the admin's Cancel sets it, and the action starts
//! nothing new once it is set (what already runs finishes, so nothing is left half done).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Shared between the action and whoever may cancel it; clones cancel the same action.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}
