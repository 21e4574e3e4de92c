//! A status read of a text sent through the simulated thinQ: its delivery report on the second
//! read, and the phone's reply then, as the phone is set (`phone.rs`).

use super::phone::{Phone, REPLY};
use super::records::World;

impl World {
    /// A status read of the text `guid` of `account`: the delivery statuses it shows now. The
    /// second read shows the report; when the phone replies, its reply reaches the number then.
    pub fn read_status(&mut self, account: &str, guid: &str, at: u64) -> Option<Vec<&'static str>> {
        let phone = self.phone;
        let text = self
            .texts
            .iter_mut()
            .find(|t| t.guid == guid && t.account_id == account)?;
        text.status_reads += 1;
        if text.status_reads < 2 {
            return Some(Vec::new());
        }
        let first_report = text.status_reads == 2;
        let (from, to) = (text.from.clone(), text.to.clone());
        Some(match phone {
            Phone::Replies => {
                if first_report {
                    self.inbound_sms(&to, &from, REPLY, at);
                }
                vec!["DELIVRD"]
            }
            Phone::Silent => vec!["DELIVRD"],
            Phone::Undelivered => vec!["UNDELIV"],
            Phone::NoReport | Phone::Refused => Vec::new(),
        })
    }
}
