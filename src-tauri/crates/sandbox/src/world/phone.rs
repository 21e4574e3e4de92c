//! The phone at the other end of a test message: texts sent through the simulated thinQ reach
//! it, its delivery report comes on the second status read (thinQ's list "may be empty at
//! first"), and as set it replies, stays silent, is never reported, is undelivered, or the send
//! is refused — each leg of a live test can be made to fail on request.

use serde::{Deserialize, Serialize};

/// How the simulated phone behaves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phone {
    /// Delivered, and it replies "Test received" (reaching Ringotel's chats).
    #[default]
    Replies,
    /// Delivered, but no reply comes.
    Silent,
    /// Accepted by thinQ; no delivery report ever comes.
    NoReport,
    /// thinQ reports it undelivered (UNDELIV).
    Undelivered,
    /// thinQ refuses the send (403, as when the API is limited to other source addresses).
    Refused,
}

impl Phone {
    pub const ALL: [Self; 5] = [
        Self::Replies,
        Self::Silent,
        Self::NoReport,
        Self::Undelivered,
        Self::Refused,
    ];

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Its name on the command line (`sandbox serve --phone silent`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Replies => "replies",
            Self::Silent => "silent",
            Self::NoReport => "no-report",
            Self::Undelivered => "undelivered",
            Self::Refused => "refused",
        }
    }
}

/// The phone's reply to a test message.
pub const REPLY: &str = "Test received";

/// One text sent through the thinQ API (numbers as 11 digits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentText {
    pub guid: String,
    pub account_id: String,
    pub from: String,
    pub to: String,
    pub message: String,
    pub status_reads: u32,
}
