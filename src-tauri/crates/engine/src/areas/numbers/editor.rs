//! The number editor: what it offers (connections and their users, countries, durations,
//! formats), the values it opens with, and the as-you-type check of the number field.

use super::convert;
use super::service::Numbers;
use super::table::{NumberKey, NumbersState};
use crate::base::error::Missing;
use crate::base::error::{EngineError, EngineResult};
use crate::stored::snapshot::Freshness;
use domain::ConnectionId;
use domain::OrgId;
use domain::UserId;
use domain::format_simulator::{FormatExample, simulate};
use domain::formats::WireChoice;
use domain::{
    Choice, Country, CountryOption, FieldKey, FieldProblem, InboundFormat, OutboundFormat,
    PhoneNumber, SmsMode, SmsNumberInput, Stickiness, StickinessInput, StickinessUnit,
    country::country_options,
};
use serde::Serialize;
use store::tables::drafted::numbers::{DraftChange, DraftTarget};
use ts_rs::TS;

/// A user the multiselect lists.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PickUser {
    pub id: UserId,
    pub name: String,
    pub extension: String,
}

/// A connection whose users the editor can pick from, as in the portal.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EditorConnection {
    pub id: ConnectionId,
    pub name: String,
    pub country: String,
    pub sms_via_integrations: bool,
    pub users: Vec<PickUser>,
}

/// Everything the editor needs, so it works without the network.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumberEditor {
    /// The number being edited, or `None` for a new one.
    pub editing: Option<NumberKey>,
    pub values: SmsNumberInput,
    /// Things about the stored number the admin should know before saving.
    pub notes: Vec<String>,
    pub connections: Vec<EditorConnection>,
    /// The first connection with SMS via Integrations, else the first.
    pub default_connection: Option<ConnectionId>,
    pub countries: Vec<CountryOption>,
    pub stickiness_presets: Vec<Choice<u32>>,
    pub stickiness_units: Vec<Choice<StickinessUnit>>,
    pub inbound_formats: Vec<Choice<InboundFormat>>,
    pub outbound_formats: Vec<Choice<OutboundFormat>>,
    /// The integration new numbers go through; `None` when the organization has no thinQ card.
    pub service: Option<String>,
}

/// The number field as typed, normalized: what will be sent and how people read it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NumberPreview {
    /// E.164 digits without '+', as Ringotel stores it.
    pub wire: String,
    pub national: String,
    pub international: String,
}

/// The outcome of checking the number field: its preview, or the problem at the field.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum NumberCheck {
    Valid { preview: NumberPreview },
    Invalid { problem: FieldProblem },
}

/// The editor's values for a new number: the domain's new-number defaults.
fn new_number_values(country: Country) -> SmsNumberInput {
    SmsNumberInput {
        country: country.as_str().to_owned(),
        number: String::new(),
        name: String::new(),
        users: Vec::new(),
        stickiness: StickinessInput::Preset {
            seconds: domain::sms_number::NEW_NUMBER_STICKINESS.seconds(),
        },
        inbound_format: domain::sms_number::NEW_NUMBER_INBOUND,
        outbound_format: domain::sms_number::NEW_NUMBER_OUTBOUND,
        send_name: false,
        opt_out_keyword: String::new(),
        opt_out_reply: String::new(),
        auto_replies: Vec::new(),
    }
}

fn connections(state: &NumbersState) -> Vec<EditorConnection> {
    let data = &state.snapshot.data;
    data.branches
        .iter()
        .map(|b| EditorConnection {
            id: b.id.clone(),
            name: b.name.clone(),
            country: b.country.clone(),
            sms_via_integrations: b.provision.sms.map(SmsMode::from_wire)
                == Some(SmsMode::Integrations),
            users: data
                .users()
                .iter()
                .filter(|u| u.branchid.as_ref() == Some(&b.id))
                .map(|u| PickUser {
                    id: u.id.clone(),
                    name: u.name.clone(),
                    extension: u.extension.clone(),
                })
                .collect(),
        })
        .collect()
}

/// Whether `number` is already an SMS number, live or drafted, other than the one `editing`.
pub(crate) fn duplicate_of(
    state: &NumbersState,
    number: &PhoneNumber,
    editing: Option<&NumberKey>,
) -> Option<String> {
    let fallback = state.fallback_country();
    let drafted_for = |key: &NumberKey| state.draft_of(key).map(|d| &d.change);
    for trunk in &state.snapshot.data.trunks {
        let key = NumberKey::Existing {
            trunk_id: trunk.id.clone(),
        };
        if Some(&key) == editing {
            continue;
        }
        let current = match drafted_for(&key) {
            Some(DraftChange::Upsert(f)) => Some(f.number.clone()),
            Some(DraftChange::Delete) => {
                if PhoneNumber::from_wire(&trunk.number).ok().as_ref() == Some(number) {
                    return Some(format!(
                        "{} is drafted for deletion; undo that instead of adding it again",
                        number.international_display()
                    ));
                }
                None
            }
            None => PhoneNumber::from_wire(&trunk.number).ok(),
        };
        if current.as_ref() == Some(number) {
            let name = trunk
                .fields(fallback)
                .map(|f| f.name)
                .unwrap_or_else(|_| trunk.name.clone());
            return Some(format!(
                "{} is already an SMS number here (\"{name}\")",
                number.international_display()
            ));
        }
    }
    state
        .drafts
        .iter()
        .filter(|d| d.target == DraftTarget::New)
        .filter(|d| editing != Some(&NumberKey::New { draft_id: d.id }))
        .find_map(|d| match &d.change {
            DraftChange::Upsert(f) if &f.number == number => Some(format!(
                "{} is already in the draft (\"{}\")",
                number.international_display(),
                f.name
            )),
            _ => None,
        })
}

/// Checks the number field as typed: valid and not already used.
pub(crate) fn check(
    state: &NumbersState,
    input: &SmsNumberInput,
    editing: Option<&NumberKey>,
) -> NumberCheck {
    let number = match input.parse_number() {
        Ok((_, number)) => number,
        Err(problem) => return NumberCheck::Invalid { problem },
    };
    if let Some(message) = duplicate_of(state, &number, editing) {
        return NumberCheck::Invalid {
            problem: FieldProblem::new(FieldKey::Number, message),
        };
    }
    NumberCheck::Valid {
        preview: NumberPreview {
            wire: number.ringotel_wire().to_owned(),
            national: number.national_display(),
            international: number.international_display(),
        },
    }
}

impl Numbers<'_> {
    /// The editor for a new number (`editing` = `None`) or an existing one, from saved data.
    pub async fn editor(
        &self,
        org: OrgId,
        editing: Option<NumberKey>,
    ) -> EngineResult<NumberEditor> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        let connections = connections(&state);
        let default = connections
            .iter()
            .find(|c| c.sms_via_integrations)
            .or(connections.first());
        let default_country = default
            .and_then(|c| Country::parse(&c.country).ok())
            .unwrap_or(domain::DEFAULT_COUNTRY);
        let mut notes = Vec::new();
        let values = match &editing {
            None => new_number_values(default_country),
            Some(key) => match (state.draft_of(key).map(|d| &d.change), key) {
                (Some(DraftChange::Upsert(fields)), _) => convert::input_of(fields),
                (_, NumberKey::Existing { trunk_id }) => {
                    let trunk = state.trunk(trunk_id).ok_or_else(|| {
                        EngineError::NotFound(Missing::SmsNumber(trunk_id.clone()))
                    })?;
                    match trunk.fields(state.fallback_country()) {
                        Ok(fields) => convert::input_of(&fields),
                        Err(_) => convert::input_of_unreadable(
                            trunk,
                            state.fallback_country(),
                            &mut notes,
                        ),
                    }
                }
                (_, NumberKey::New { draft_id }) => {
                    return Err(EngineError::NotFound(Missing::DraftedNumber(*draft_id)));
                }
            },
        };
        let service = state.thinq_service().map(|s| s.id.to_string());
        Ok(NumberEditor {
            default_connection: default.map(|c| c.id.clone()),
            editing,
            values,
            notes,
            connections,
            countries: country_options(),
            stickiness_presets: Stickiness::presets()
                .into_iter()
                .map(|s| Choice {
                    value: s.seconds(),
                    label: s.label(),
                })
                .collect(),
            stickiness_units: StickinessUnit::ALL
                .into_iter()
                .map(|u| Choice {
                    value: u,
                    label: u.label().into(),
                })
                .collect(),
            inbound_formats: InboundFormat::choices(),
            outbound_formats: OutboundFormat::choices(),
            service,
        })
    }

    /// The as-you-type check of the number field, from saved data and the draft.
    pub async fn check(
        &self,
        org: OrgId,
        input: SmsNumberInput,
        editing: Option<NumberKey>,
    ) -> EngineResult<NumberCheck> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        Ok(check(&state, &input, editing.as_ref()))
    }
}

/// The live example for a pair of formats in a country.
pub fn format_example(
    inbound: InboundFormat,
    outbound: OutboundFormat,
    country: &str,
) -> FormatExample {
    simulate(
        inbound,
        outbound,
        Country::parse(country).unwrap_or(domain::DEFAULT_COUNTRY),
    )
}
