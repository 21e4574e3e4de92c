//! The Admin API methods this app calls, grouped by the resource they touch.

pub mod branches;
pub mod chats;
pub mod integrations;
pub mod optout;
pub mod organizations;
pub mod services;
pub mod sms_trunks;
pub mod users;
