//! The setup area's handle: the base its drafted changes are read and sent through.

use crate::base::handle::Base;

/// The setup area: the drafted setup changes as the Changes tab lists them.
#[derive(Clone, Copy)]
pub struct Setup<'s> {
    pub(crate) base: &'s Base,
}

impl<'s> Setup<'s> {
    pub(crate) fn new(base: &'s Base) -> Self {
        Self { base }
    }
}
