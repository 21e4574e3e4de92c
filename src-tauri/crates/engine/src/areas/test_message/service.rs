//! The test-message area's handle: the stored layer its numbers and results are read through.

use crate::base::handle::Base;
use crate::stored::handle::Stored;

/// Live test messages: sent, followed, and kept.
#[derive(Clone, Copy)]
pub struct TestMessages<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
}

impl<'s> TestMessages<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
        }
    }
}
