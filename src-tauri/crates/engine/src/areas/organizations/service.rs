//! The organizations area's handle: the stored layer it reads and drafts through.

use crate::base::handle::Base;
use crate::stored::handle::Stored;

/// The organizations area: reads organizations and drafts their setup changes.
#[derive(Clone, Copy)]
pub struct Organizations<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
}

impl<'s> Organizations<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
        }
    }
}
