//! A customer's text reaching an SMS number, as thinQ would post it to Ringotel: kept in the
//! number's chats, and the number's opt-out keyword puts the customer on its opt-out list.

use super::records::{OptOut, World};
use serde_json::Value;

impl World {
    /// `text` from `customer` to the SMS number `to` (digits, '+' allowed). Answers whether it
    /// opted the customer out; a number no organization has is ignored.
    pub fn inbound_sms(&mut self, customer: &str, to: &str, text: &str, at: u64) -> bool {
        let (customer, to) = (customer.trim_start_matches('+'), to.trim_start_matches('+'));
        for record in &mut self.orgs {
            let Some(trunk) = record.trunks.iter().find(|t| {
                t.get("number")
                    .and_then(Value::as_str)
                    .map(|n| n.trim_start_matches('+'))
                    == Some(to)
            }) else {
                continue;
            };
            let keyword = trunk
                .get("optout")
                .and_then(|o| o.get("keyword"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim()
                .to_owned();
            record.chats.push(super::records::ChatMessage {
                number: to.to_owned(),
                customer: customer.to_owned(),
                text: text.to_owned(),
                at,
            });
            let opting_out = !keyword.is_empty() && text.trim().eq_ignore_ascii_case(&keyword);
            let listed = record
                .optouts
                .iter()
                .any(|o| o.number == to && o.customer == customer);
            if opting_out && !listed {
                record.optouts.push(OptOut {
                    number: to.to_owned(),
                    customer: customer.to_owned(),
                    keyword: Some(keyword),
                    created: at,
                });
            }
            return opting_out;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::world::seeded;

    #[test]
    fn stop_to_a_number_with_that_keyword_opts_the_customer_out_once() {
        let mut world = seeded();
        let before = world.orgs[0].optouts.len();
        assert!(!world.inbound_sms("+16195550111", "18584376048", "When are you open?", 1));
        assert!(world.inbound_sms("+16195550111", "18584376048", " stop ", 2));
        assert!(world.inbound_sms("16195550111", "18584376048", "STOP", 3));
        assert_eq!(world.orgs[0].optouts.len(), before + 1);
        // Billing has no opt-out keyword: STOP is only a message there.
        assert!(!world.inbound_sms("16195550111", "18584376050", "STOP", 4));
    }
}
