//! The opt-out area's handle: the stored layer its lists and drafts are read through.

use crate::base::handle::Base;
use crate::stored::handle::Stored;

/// Opt-out lists: read, searched, and changed through the draft.
#[derive(Clone, Copy)]
pub struct OptOuts<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
}

impl<'s> OptOuts<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
        }
    }
}
