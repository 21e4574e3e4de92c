//! A field's value as the Changes tab shows it: "before → after" in the admin's words.

use crate::stored::snapshot::{OrgSnapshot, unknown_user_label, user_label};
use domain::UserId;
use domain::formats::WireChoice;
use domain::{SmsField, SmsNumberFields};

/// Users by id, named "Name (extension)" as the editor lists them.
pub(crate) struct UserNames<'a>(&'a OrgSnapshot);

impl<'a> UserNames<'a> {
    pub fn new(org: &'a OrgSnapshot) -> Self {
        Self(org)
    }

    /// Whether the organization still has this user.
    pub fn knows(&self, id: &UserId) -> bool {
        self.0.user(id).is_some()
    }

    pub fn name(&self, id: &UserId) -> String {
        match self.0.user(id) {
            Some(u) => user_label(u),
            None => unknown_user_label(id),
        }
    }
}

/// One field's value, shown.
pub(crate) fn show(field: SmsField, fields: &SmsNumberFields, users: &UserNames<'_>) -> String {
    match field {
        SmsField::Number => fields.number.international_display(),
        SmsField::Name if fields.name.is_empty() => "(none)".into(),
        SmsField::Name => fields.name.clone(),
        SmsField::Service => fields.service.to_string(),
        SmsField::Users if fields.users.is_empty() => "(nobody)".into(),
        SmsField::Users => {
            let mut names: Vec<String> = fields.users.iter().map(|id| users.name(id)).collect();
            names.sort();
            names.join(", ")
        }
        SmsField::Country => fields.country.as_str().to_owned(),
        SmsField::InboundFormat => fields.inbound_format.label().into(),
        SmsField::OutboundFormat => fields.outbound_format.label().into(),
        SmsField::Stickiness => fields.stickiness.label(),
        SmsField::SendName => if fields.send_name { "Yes" } else { "No" }.into(),
        SmsField::OptOut => match &fields.opt_out {
            None => "(none)".into(),
            Some(o) => format!("{} → \"{}\"", o.keyword, o.reply),
        },
        SmsField::AutoReplies if fields.auto_replies.is_empty() => "(none)".into(),
        SmsField::AutoReplies => fields
            .auto_replies
            .iter()
            .map(|r| format!("{} → \"{}\"", r.key, r.value))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
