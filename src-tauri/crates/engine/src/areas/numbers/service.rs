//! The numbers area's handle: the stored layer it reads and drafts through.

use crate::base::handle::Base;
use crate::stored::handle::Stored;

/// The numbers area: the Numbers tab, its editor, and imports from a CSV file or thinQ.
#[derive(Clone, Copy)]
pub struct Numbers<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
}

impl<'s> Numbers<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
        }
    }
}
