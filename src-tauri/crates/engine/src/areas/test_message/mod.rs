//! *Send a test message*: proof that texts flow both ways. A text goes from one of the
//! organization's thinQ numbers to a phone the admin names, thinQ's delivery reports are
//! followed, then Ringotel's chats are watched for the phone's reply — each leg with a bounded
//! wait, Cancel, and what to check next when it fails. Kept for History and the Overview.

mod legs;
mod past;
mod run;
mod service;

pub use legs::{Leg, LegState, LegView, TestMessageInput, TestMessageView};
pub use past::{PastTest, Sender, TestHistory};
pub use service::TestMessages;
