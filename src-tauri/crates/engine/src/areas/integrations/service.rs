//! The integrations area's handle: the stored layer it reads and saves through.

use crate::base::handle::Base;
use crate::stored::handle::Stored;

/// The integrations area: the thinQ card and settings of an organization.
#[derive(Clone, Copy)]
pub struct Integrations<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
}

impl<'s> Integrations<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
        }
    }
}
