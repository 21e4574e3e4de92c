//! The Changes handle: the stored layer and the areas whose changes it plans and sends.

use crate::areas::numbers::Numbers;
use crate::areas::setup::Setup;
use crate::base::handle::Base;
use crate::stored::handle::Stored;

/// The Changes tab: the draft planned against Ringotel, resolved, and sent.
#[derive(Clone, Copy)]
pub struct Changes<'s> {
    pub(crate) base: &'s Base,
    pub(crate) stored: &'s Stored,
    pub(crate) numbers: Numbers<'s>,
    pub(crate) setup: Setup<'s>,
}

impl<'s> Changes<'s> {
    pub(crate) fn new(stored: &'s Stored) -> Self {
        Self {
            base: &stored.base,
            stored,
            numbers: Numbers::new(stored),
            setup: Setup::new(&stored.base),
        }
    }
}
