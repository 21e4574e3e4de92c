//! Readiness's handle: the stored layer and the areas whose facts it reads and fixes.

use crate::areas::numbers::Numbers;
use crate::areas::organizations::Organizations;
use crate::base::handle::Base;
use crate::stored::handle::Stored;

/// Readiness: reads the areas' facts and drafts fixes through them.
#[derive(Clone, Copy)]
pub struct Readiness<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
    pub(crate) numbers: Numbers<'s>,
    pub(crate) organizations: Organizations<'s>,
}

impl<'s> Readiness<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
            numbers: Numbers::new(stored),
            organizations: Organizations::new(stored),
        }
    }
}
