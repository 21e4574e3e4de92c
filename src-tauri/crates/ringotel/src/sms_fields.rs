//! An SMS trunk read as the typed fields the app works with, and those fields written back
//! onto a trunk in their wire form (every field the app does not know kept as it was).

use crate::types::{AutoReplyWire, OptOutWire, SmsTrunkBody};
use domain::formats::WireChoice;
use domain::{
    AutoReply, Country, InboundFormat, OptOut, OutboundFormat, PhoneNumber, ServiceId, SmsField,
    SmsNumberFields, Stickiness,
};

/// What in a trunk the app cannot read, so it is not read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnreadableTrunk {
    #[error("{0}")]
    Number(#[from] domain::NumberProblem),
    #[error("{0}")]
    Stickiness(#[from] domain::stickiness::StickinessProblem),
    #[error("service: {0}")]
    Service(domain::IdProblem),
    #[error("inbound format \"{0}\"")]
    InboundFormat(String),
    #[error("outbound format \"{0}\"")]
    OutboundFormat(String),
    #[error("the opt-out setting")]
    OptOut,
    #[error("the auto-replies")]
    AutoReplies,
}

impl SmsTrunkBody {
    /// The trunk's country, or the number's own, or the fallback.
    pub fn country_or(&self, number: Option<&PhoneNumber>, fallback: Country) -> Country {
        Country::parse(&self.country)
            .ok()
            .or_else(|| number.and_then(PhoneNumber::country))
            .unwrap_or(fallback)
    }

    /// The auto-replies, when they read as a list of key and value.
    pub fn auto_reply_fields(&self) -> Option<Vec<AutoReply>> {
        self.auto_replies().map(|list| {
            list.into_iter()
                .map(|r| AutoReply {
                    key: r.key,
                    value: r.value,
                })
                .collect()
        })
    }

    /// The opt-out (`Some(None)`: none set), when it reads as one.
    pub fn opt_out_fields(&self) -> Option<Option<OptOut>> {
        self.opt_out().map(|o| {
            o.map(|o| OptOut {
                keyword: o.keyword,
                reply: o.autoreply,
            })
        })
    }

    /// The trunk as typed fields, or what in it this app cannot read.
    pub fn fields(&self, fallback: Country) -> Result<SmsNumberFields, UnreadableTrunk> {
        let number = PhoneNumber::from_wire(&self.number)?;
        let stickiness = Stickiness::from_wire(self.session_timeout.unwrap_or(0))?;
        Ok(SmsNumberFields {
            country: self.country_or(Some(&number), fallback),
            number,
            name: self.name.clone(),
            service: ServiceId::parse(&self.service).map_err(UnreadableTrunk::Service)?,
            users: self.users.clone(),
            inbound_format: InboundFormat::from_wire(&self.inbound_format)
                .ok_or_else(|| UnreadableTrunk::InboundFormat(self.inbound_format.clone()))?,
            outbound_format: OutboundFormat::from_wire(&self.outbound_format)
                .ok_or_else(|| UnreadableTrunk::OutboundFormat(self.outbound_format.clone()))?,
            stickiness,
            send_name: self.send_name().unwrap_or(false),
            opt_out: self.opt_out_fields().ok_or(UnreadableTrunk::OptOut)?,
            auto_replies: self
                .auto_reply_fields()
                .ok_or(UnreadableTrunk::AutoReplies)?,
        })
    }

    /// Writes one typed field onto the trunk in its wire form; every other field, known or
    /// not, stays as it was (read-modify-write).
    pub fn write_field(&mut self, field: SmsField, fields: &SmsNumberFields) {
        match field {
            SmsField::Number => self.number = fields.number.ringotel_wire().to_owned(),
            SmsField::Name => self.name = fields.name.clone(),
            SmsField::Service => self.service = fields.service.as_str().to_owned(),
            SmsField::Users => self.users = fields.users.clone(),
            SmsField::Country => self.country = fields.country.as_str().to_owned(),
            SmsField::InboundFormat => {
                self.inbound_format = fields.inbound_format.wire().to_owned();
            }
            SmsField::OutboundFormat => {
                self.outbound_format = fields.outbound_format.wire().to_owned();
            }
            SmsField::Stickiness => self.session_timeout = Some(fields.stickiness.to_wire()),
            SmsField::SendName => self.set_send_name(fields.send_name),
            SmsField::OptOut => self.set_opt_out(
                fields
                    .opt_out
                    .as_ref()
                    .map(|o| OptOutWire {
                        keyword: o.keyword.clone(),
                        autoreply: o.reply.clone(),
                    })
                    .as_ref(),
            ),
            SmsField::AutoReplies => self.set_auto_replies(
                &fields
                    .auto_replies
                    .iter()
                    .map(|r| AutoReplyWire {
                        key: r.key.clone(),
                        value: r.value.clone(),
                    })
                    .collect::<Vec<_>>(),
            ),
        }
    }

    /// A new trunk with every field written, as a create sends it.
    pub fn from_fields(fields: &SmsNumberFields) -> Self {
        let mut trunk = Self::default();
        for field in SmsField::ALL {
            trunk.write_field(field, fields);
        }
        trunk
    }
}
