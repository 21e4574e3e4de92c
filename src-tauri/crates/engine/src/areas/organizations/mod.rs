//! Organizations of the active workspace: the searchable list, one organization's facts, and
//! the setup changes drafted on it (a connection's SMS mode, the package).

mod drafts;
mod read;
mod service;
mod view;

pub use service::Organizations;
pub use view::{ConnectionRow, OrganizationDetail, OrganizationList, OrganizationRow};
