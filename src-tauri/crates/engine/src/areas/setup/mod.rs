//! Setup changes in the draft (a connection's SMS mode, the package, the thinQ account's DIDs,
//! inbound routing and delivery URL): listing them in the Changes tab (`items.rs`) and sending
//! them (`apply.rs`). The organizations area drafts the Ringotel ones; readiness the thinQ ones.

pub(crate) mod apply;
mod items;
mod sent;
mod service;
mod thinq_orders;

pub use items::SetupItem;
pub use service::Setup;
pub use thinq_orders::ROUTING_PROFILE_NAME;
