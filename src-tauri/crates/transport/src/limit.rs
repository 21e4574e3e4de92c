//! A bound on calls in flight, shared by every client one action over many items uses: the
//! services publish no rate limit, so such an action keeps at most this many requests open
//! however many items it works on at once.

use std::sync::Arc;
use tokio::sync::{Semaphore, SemaphorePermit};

#[derive(Debug, Clone)]
pub struct CallLimit(Arc<Semaphore>);

impl CallLimit {
    /// At most `calls` requests in flight (at least one).
    pub fn new(calls: usize) -> Self {
        Self(Arc::new(Semaphore::new(calls.max(1))))
    }

    /// Waits for a free slot; held for one request and its answer, not across retry waits.
    pub(crate) async fn slot(&self) -> Option<SemaphorePermit<'_>> {
        // The semaphore is never closed, so this only fails if that changes: go on unbounded.
        self.0.acquire().await.ok()
    }
}
