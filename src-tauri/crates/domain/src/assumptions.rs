//! The registry of assumptions: every rule about the two services that no published source
//! shows, in one place — what the app assumes, what it does when the service disagrees, and
//! how an answer shows which is true. Code that relies on one names its [`AssumptionId`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which service an assumption is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Api {
    Ringotel,
    Thinq,
}

impl Api {
    pub const ALL: [Self; 2] = [Self::Ringotel, Self::Thinq];

    /// How it is stored and written in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ringotel => "ringotel",
            Self::Thinq => "thinq",
        }
    }

    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == stored)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Ringotel => "Ringotel",
            Self::Thinq => "thinQ",
        }
    }
}

/// Where a screen shows what a contradicted assumption changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NoticeArea {
    Overview,
    Integrations,
    Numbers,
}

/// One assumption. The enum's order is the registry's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AssumptionId {
    ThinqServiceId,
    WebhookField,
    OrganizationShape,
    SessionTimeoutSeconds,
    OptOutObject,
    NestedUpdates,
    IntegrationForm,
    FormAnswer,
    RingotelRateLimit,
    FormatRules,
    DidSmsFlag,
    DidRouting,
    DidFeatureFlags,
    DidIdType,
    DidPageSize,
    DidsNorthAmerican,
    OrderKeepsUnnamed,
    DeliveryUrlUnreadable,
    OptOutList,
    ChatsShape,
}

/// What the registry says about one assumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assumption {
    pub id: AssumptionId,
    pub api: Api,
    /// What the app takes to be true.
    pub assumed: &'static str,
    /// What the app does when the service shows otherwise (or never says).
    pub fallback: &'static str,
    /// How an answer shows which is true; "" when no answer can.
    pub evidence: &'static str,
    /// The screen whose behaviour changes when it is contradicted, and what it says there.
    pub notice: Option<(NoticeArea, &'static str)>,
}

impl AssumptionId {
    pub const ALL: [Self; 20] = [
        Self::ThinqServiceId,
        Self::WebhookField,
        Self::OrganizationShape,
        Self::SessionTimeoutSeconds,
        Self::OptOutObject,
        Self::NestedUpdates,
        Self::IntegrationForm,
        Self::FormAnswer,
        Self::RingotelRateLimit,
        Self::FormatRules,
        Self::DidSmsFlag,
        Self::DidRouting,
        Self::DidFeatureFlags,
        Self::DidIdType,
        Self::DidPageSize,
        Self::DidsNorthAmerican,
        Self::OrderKeepsUnnamed,
        Self::DeliveryUrlUnreadable,
        Self::OptOutList,
        Self::ChatsShape,
    ];

    /// How it is stored and named in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ThinqServiceId => "thinq-service-id",
            Self::WebhookField => "webhook-field",
            Self::OrganizationShape => "organization-shape",
            Self::SessionTimeoutSeconds => "session-timeout-seconds",
            Self::OptOutObject => "optout-object",
            Self::NestedUpdates => "nested-updates",
            Self::IntegrationForm => "integration-form",
            Self::FormAnswer => "form-answer",
            Self::RingotelRateLimit => "ringotel-rate-limit",
            Self::FormatRules => "format-rules",
            Self::DidSmsFlag => "did-sms-flag",
            Self::DidRouting => "did-routing",
            Self::DidFeatureFlags => "did-feature-flags",
            Self::DidIdType => "did-id-type",
            Self::DidPageSize => "did-page-size",
            Self::DidsNorthAmerican => "dids-north-american",
            Self::OrderKeepsUnnamed => "order-keeps-unnamed",
            Self::DeliveryUrlUnreadable => "delivery-url-unreadable",
            Self::OptOutList => "optout-list",
            Self::ChatsShape => "chats-shape",
        }
    }

    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == stored)
    }

    pub fn get(self) -> Assumption {
        let (api, assumed, fallback, evidence, notice) = match self {
            Self::ThinqServiceId => (
                Api::Ringotel,
                "The thinQ integration's id in getServices is \"ThinQ\".",
                "The card is found by its id or by a name that says thinQ or Commio, in any case.",
                "getServices lists the thinQ card with the id \"ThinQ\" (or with another id).",
                Some((
                    NoticeArea::Integrations,
                    "Ringotel lists the thinQ card under another id; this app found it by its name.",
                )),
            ),
            Self::WebhookField => (
                Api::Ringotel,
                "getServices carries the thinQ webhook URL in a field named webhook, webhookUrl or url.",
                "The admin pastes the URL from the Ringotel portal; it is kept for the organization.",
                "The thinQ entry of getServices has one of those fields (or none).",
                Some((
                    NoticeArea::Integrations,
                    "Ringotel does not report the thinQ webhook URL, so it is pasted here from the portal's thinQ card.",
                )),
            ),
            Self::OrganizationShape => (
                Api::Ringotel,
                "getOrganization answers a one-element array, as the published example does.",
                "A bare object is read the same way.",
                "The result of getOrganization is an array or an object.",
                None,
            ),
            Self::SessionTimeoutSeconds => (
                Api::Ringotel,
                "A number's sessionTimeout (stickiness) counts seconds.",
                "Durations are still sent in seconds; the Numbers tab warns that existing values may read 60 times too short.",
                "Stickiness values read from Ringotel equal a preset counted in seconds (or only one counted in minutes).",
                Some((
                    NoticeArea::Numbers,
                    "Ringotel's stickiness values look like minutes, not seconds: durations shown here may be 60 times too short. Check one number in the Ringotel portal.",
                )),
            ),
            Self::OptOutObject => (
                Api::Ringotel,
                "A number's optout is an object {keyword, autoreply}, never null.",
                "A number without an opt-out leaves the field out; clearing one sends an empty keyword and reply. A null read is taken as none.",
                "The types of optout in getSMSTrunks.",
                None,
            ),
            Self::NestedUpdates => (
                Api::Ringotel,
                "Whether updateBranch and updateSMSTrunk merge or replace nested objects (provision, optout) is not published.",
                "Updates read the object first and send it back whole, nested objects included: the same result either way.",
                "",
                None,
            ),
            Self::IntegrationForm => (
                Api::Ringotel,
                "The portal's own form (GET /integrations) enables the thinQ card with its credentials.",
                "getServices is read back after every submission; when the card is not enabled, the app lists what to click in the portal.",
                "The card read back after a submission is enabled (or not).",
                Some((
                    NoticeArea::Integrations,
                    "Ringotel did not enable the card from this app last time: enable it in the Ringotel portal, then Refresh.",
                )),
            ),
            Self::FormAnswer => (
                Api::Ringotel,
                "The integration form answers 200 when it applied a change.",
                "A redirect (3xx) counts as submitted and is not followed; the card read back decides.",
                "The status of the form's answer.",
                None,
            ),
            Self::RingotelRateLimit => (
                Api::Ringotel,
                "Ringotel publishes no rate limit: 8 calls at a time are accepted.",
                "A 429 answer is waited out (Retry-After honoured) and retried with back-off.",
                "A 429 answer from Ringotel.",
                None,
            ),
            Self::FormatRules => (
                Api::Ringotel,
                "Ringotel rewrites numbers as the portal's labels say: inbound E.164 adds '+', National drops the country code, National with 0 puts the trunk prefix in its place; outbound E.164 and International add the country code, National drops it.",
                "The editor's live example and the chat-split check follow these rules and say so; what is sent is only the chosen setting.",
                "",
                None,
            ),
            Self::DidSmsFlag => (
                Api::Thinq,
                "thinQ's DID list (search2) says whether SMS is on: provisioned, or features.sms.",
                "Where it does not, the SMS check is Unknown until SMS was turned on from this app, and that is recorded as set from this app.",
                "search2 rows carry provisioned or features.sms (or neither).",
                Some((
                    NoticeArea::Overview,
                    "thinQ's DID list does not say whether SMS is on: the SMS check rests on what this app turned on.",
                )),
            ),
            Self::DidRouting => (
                Api::Thinq,
                "thinQ's DID list (search2) says which SMS routing profile each DID is on (sms_routing_profile_id).",
                "Where it does not, inbound routing is Unknown until routed from this app, and that is recorded as set from this app; no DID is ever detached from a profile the app did not read.",
                "search2 rows carry sms_routing_profile_id (or not).",
                Some((
                    NoticeArea::Overview,
                    "thinQ's DID list does not say which routing profile each DID is on: inbound routing rests on what this app set.",
                )),
            ),
            Self::DidFeatureFlags => (
                Api::Thinq,
                "thinQ's DID list reports each DID's other features (features.cnam, features.e911), so an order can carry them over.",
                "An order names only the features it read: the others are left out, not sent as off.",
                "search2 rows carry features.cnam and features.e911 (or not).",
                None,
            ),
            Self::DidIdType => (
                Api::Thinq,
                "DID ids in search2 are strings of digits, as the published example shows.",
                "Ids sent as numbers are read as the same digits.",
                "The JSON type of rows[].id.",
                None,
            ),
            Self::DidPageSize => (
                Api::Thinq,
                "search2 returns the number of rows asked for in `rows`.",
                "Pages follow the size thinQ reports (rows_per_page) and has_next_page, whatever was asked.",
                "rows_per_page in the answer equals the rows asked (or not).",
                None,
            ),
            Self::DidsNorthAmerican => (
                Api::Thinq,
                "thinQ's DIDs are North American numbers (11 digits, starting with 1); a connection that names no country is taken as the United States.",
                "A DID that is no valid phone number is left out of Import from thinQ and counted; a connection's own country is used wherever it names one.",
                "search2 rows[].id are 11 digits starting with 1 (or not).",
                None,
            ),
            Self::OrderKeepsUnnamed => (
                Api::Thinq,
                "A features order leaves what a line does not name as it is (a routing profile, a feature).",
                "Lines name the DID's routing profile and features whenever the app read them, and the Ringotel profile when SMS is turned on for a Ringotel number; where the features were not read, the sync result says to check CNAM and E911 in thinQ's portal.",
                "",
                None,
            ),
            Self::DeliveryUrlUnreadable => (
                Api::Thinq,
                "thinQ offers no way to read the delivery-confirmation URL back.",
                "The check rests on what this app last set, shown as set from this app.",
                "",
                None,
            ),
            Self::ChatsShape => (
                Api::Ringotel,
                "getChats {domain, number, begin, end} answers the number's conversations in the window, a customer's message carrying the customer's number somewhere in it (the published example shows nothing of a chat).",
                "The customer's number is looked for anywhere in the answer; when it does not show within the wait, the test says so and what to check, never that inbound failed for sure.",
                "getChats showed the replying customer's number (seen only when it does).",
                None,
            ),
            Self::OptOutList => (
                Api::Ringotel,
                "getOptoutList takes the organization's SMS numbers (digits) and answers, per SMS number, the customers who opted out, each with its number (tonumber) and the keyword they sent; addToOptout and removeFromOptout name the customer as tonumber.",
                "The list is read leniently: every customer number found in the answer is listed, keywords where they show; each add or removal is judged by reading the list back.",
                "getOptoutList's answer holds customer numbers where expected (or in another shape).",
                Some((
                    NoticeArea::Numbers,
                    "Ringotel answered the opt-out list in a shape this app does not know: it lists every customer number it found in it. Compare one list with the Ringotel portal.",
                )),
            ),
        };
        Assumption {
            id: self,
            api,
            assumed,
            fallback,
            evidence,
            notice,
        }
    }
}

/// What a workspace's answers have shown about an assumption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    Confirmed,
    Contradicted,
    NotSeenYet,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Contradicted => "contradicted",
            Self::NotSeenYet => "not seen yet",
        }
    }

    /// From the latest answer that said anything: a service that changed its ways (or an
    /// admin who fixed something in a portal) is shown as it is now, not as it once was.
    pub fn of_latest(held: Option<bool>) -> Self {
        match held {
            Some(true) => Self::Confirmed,
            Some(false) => Self::Contradicted,
            None => Self::NotSeenYet,
        }
    }
}

/// One answer's evidence about an assumption: whether it held, and what was seen, in shape
/// words only (field names and types, never values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub assumption: AssumptionId,
    pub held: bool,
    pub seen: String,
}

impl Fact {
    pub fn new(assumption: AssumptionId, held: bool, seen: impl Into<String>) -> Self {
        Self {
            assumption,
            held,
            seen: seen.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_assumption_is_listed_once_with_words_for_each_part() {
        let mut names: Vec<&str> = AssumptionId::ALL.iter().map(|a| a.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), AssumptionId::ALL.len());
        for id in AssumptionId::ALL {
            let a = id.get();
            assert_eq!(AssumptionId::parse(id.as_str()), Some(id));
            assert!(
                a.assumed.ends_with('.') && a.fallback.ends_with('.'),
                "{id:?}"
            );
        }
    }

    #[test]
    fn the_latest_answer_makes_the_verdict() {
        assert_eq!(Verdict::of_latest(None), Verdict::NotSeenYet);
        assert_eq!(Verdict::of_latest(Some(true)), Verdict::Confirmed);
        assert_eq!(Verdict::of_latest(Some(false)), Verdict::Contradicted);
    }
}
