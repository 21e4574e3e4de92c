//! The Ringotel objects this app reads and writes, decoded leniently; in those it writes, fields
//! the app does not interpret are kept in `rest` and sent back untouched on update
//! (read-modify-write).

use crate::lenient;
use domain::ConnectionId;
use domain::SmsNumberId;
use domain::UserId;
use domain::{OrgId, ServiceId};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Organization {
    pub id: OrgId,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub domain: String,
    #[serde(
        default,
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub packageid: Option<i64>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

impl Organization {
    /// The package the organization is on, when Ringotel reports one this app reads.
    pub fn package(&self) -> Option<domain::Package> {
        self.packageid
            .and_then(|id| u32::try_from(id).ok())
            .map(domain::Package::from_id)
    }
}

/// A connection ("branch" in the API).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Branch {
    pub id: ConnectionId,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub country: String,
    #[serde(default)]
    pub provision: Provision,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// A connection's provisioning settings; only `sms` is interpreted here.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Provision {
    #[serde(
        default,
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub sms: Option<i64>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// A user, read only: the app never sends one back, so the fields it does not read are not
/// kept (an organization's copy holds thousands of users; their other fields would be most of it).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct User {
    pub id: UserId,
    #[serde(default)]
    pub branchid: Option<ConnectionId>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub extension: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub username: String,
}

/// [assumed] The field that carries an integration's webhook URL is not published; these are
/// the names tried, in order. Change here when it is learned.
pub const ASSUMED_WEBHOOK_FIELDS: [&str; 3] = ["webhook", "webhookUrl", "url"];

/// The integration state value that means enabled. [doc]
const SERVICE_STATE_ENABLED: i64 = 1;

/// An integration ("service" in the API), such as the thinQ card.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Service {
    pub id: ServiceId,
    #[serde(
        default,
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub state: Option<i64>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// [assumed] thinQ's integration id (see `AssumptionId::ThinqServiceId`).
pub const ASSUMED_THINQ_SERVICE_ID: &str = "ThinQ";

impl Service {
    /// Whether this is the thinQ card: the assumed id, or (the fallback) an id or name that
    /// says thinQ or Commio, in any case.
    pub fn is_thinq(&self) -> bool {
        let id = self.id.as_str().to_ascii_lowercase();
        let name = self.name.to_ascii_lowercase();
        id == ASSUMED_THINQ_SERVICE_ID.to_ascii_lowercase()
            || name.contains("thinq")
            || name.contains("commio")
    }

    pub fn is_enabled(&self) -> bool {
        self.state == Some(SERVICE_STATE_ENABLED)
    }

    /// The webhook URL as the service entry gives it, unvalidated (see [`ASSUMED_WEBHOOK_FIELDS`]).
    pub fn webhook_url(&self) -> Option<&str> {
        ASSUMED_WEBHOOK_FIELDS
            .iter()
            .find_map(|key| self.rest.get(*key).and_then(Value::as_str))
            .filter(|s| !s.trim().is_empty())
    }
}

/// An SMS number ("SMS trunk" in the API): its id and everything else, which is what a create
/// sends (the service assigns the id).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct SmsTrunk {
    pub id: SmsNumberId,
    #[serde(flatten)]
    pub body: SmsTrunkBody,
}

impl std::ops::Deref for SmsTrunk {
    type Target = SmsTrunkBody;
    fn deref(&self) -> &SmsTrunkBody {
        &self.body
    }
}

impl std::ops::DerefMut for SmsTrunk {
    fn deref_mut(&mut self) -> &mut SmsTrunkBody {
        &mut self.body
    }
}

/// An SMS number's fields without its id.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SmsTrunkBody {
    #[serde(default, deserialize_with = "lenient::text")]
    pub number: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub service: String,
    #[serde(default, deserialize_with = "lenient::list")]
    pub users: Vec<UserId>,
    #[serde(default, deserialize_with = "lenient::text")]
    pub country: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub inbound_format: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub outbound_format: String,
    #[serde(
        default,
        deserialize_with = "lenient::int",
        skip_serializing_if = "Option::is_none"
    )]
    pub session_timeout: Option<i64>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// [doc] Wire names of trunk fields the app reads from `rest`: their shapes vary in the
/// published examples, so they are read here, leniently, and otherwise left as sent.
const TRUNK_SEND_NAME: &str = "sendName";
const TRUNK_AUTOREPLY: &str = "autoreply";
const TRUNK_OPTOUT: &str = "optout";

/// An auto-reply as Ringotel sends it: `{key, value}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct AutoReplyWire {
    #[serde(default, deserialize_with = "lenient::text")]
    pub key: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub value: String,
}

/// The opt-out setting as Ringotel sends it: `{keyword, autoreply}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct OptOutWire {
    #[serde(default, deserialize_with = "lenient::text")]
    pub keyword: String,
    #[serde(default, deserialize_with = "lenient::text")]
    pub autoreply: String,
}

impl SmsTrunkBody {
    /// Whether the sender's name goes out with messages; `None` when absent or not a bool.
    pub fn send_name(&self) -> Option<bool> {
        self.rest.get(TRUNK_SEND_NAME).and_then(Value::as_bool)
    }

    /// The auto-replies; `None` when the field has a shape this app does not know.
    pub fn auto_replies(&self) -> Option<Vec<AutoReplyWire>> {
        match self.rest.get(TRUNK_AUTOREPLY) {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(value) => serde_json::from_value(value.clone()).ok(),
        }
    }

    /// The opt-out keyword and reply; `Some(None)` when there is none, `None` when unreadable.
    pub fn opt_out(&self) -> Option<Option<OptOutWire>> {
        match self.rest.get(TRUNK_OPTOUT) {
            None | Some(Value::Null) => Some(None),
            Some(value) => serde_json::from_value::<OptOutWire>(value.clone())
                .ok()
                .map(|o| (!o.keyword.is_empty() || !o.autoreply.is_empty()).then_some(o)),
        }
    }

    pub fn set_send_name(&mut self, send: bool) {
        self.rest.insert(TRUNK_SEND_NAME.into(), Value::Bool(send));
    }

    /// Sets the auto-replies. None on a number that has none leaves the field out (a new
    /// number is created without it); none on one that has some sends an empty list.
    pub fn set_auto_replies(&mut self, replies: &[AutoReplyWire]) {
        if replies.is_empty() && !matches!(self.rest.get(TRUNK_AUTOREPLY), Some(Value::Array(_))) {
            self.rest.remove(TRUNK_AUTOREPLY);
        } else {
            self.rest
                .insert(TRUNK_AUTOREPLY.into(), serde_json::json!(replies));
        }
    }

    /// Sets the opt-out keyword and reply. `None` on a number that has an opt-out object sends
    /// it empty, which clears it whether the service merges or replaces; on one without, the
    /// field stays out. Never `null`: published examples send an object or nothing
    /// (`AssumptionId::OptOutObject`).
    pub fn set_opt_out(&mut self, opt_out: Option<&OptOutWire>) {
        match opt_out {
            Some(o) => {
                self.rest.insert(TRUNK_OPTOUT.into(), serde_json::json!(o));
            }
            None if matches!(self.rest.get(TRUNK_OPTOUT), Some(Value::Object(_))) => {
                let empty = OptOutWire {
                    keyword: String::new(),
                    autoreply: String::new(),
                };
                self.rest
                    .insert(TRUNK_OPTOUT.into(), serde_json::json!(empty));
            }
            None => {
                self.rest.remove(TRUNK_OPTOUT);
            }
        }
    }

    /// What the trunk's `optout` field is on the wire, for the diagnostics: `None` when absent.
    pub fn opt_out_is_object(&self) -> Option<bool> {
        self.rest.get(TRUNK_OPTOUT).map(Value::is_object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let raw = json!({"id": "1", "name": "Main", "country": "US",
            "provision": {"sms": "3", "nochats": true, "inboundFormat": "e164"},
            "address": {"city": "San Diego"}});
        let branch: Branch = serde_json::from_value(raw).unwrap();
        assert_eq!(branch.provision.sms, Some(3));
        let back = serde_json::to_value(&branch).unwrap();
        assert_eq!(back["address"]["city"], "San Diego");
        assert_eq!(back["provision"]["nochats"], true);
    }

    #[test]
    fn a_user_keeps_only_what_the_app_reads() {
        let raw = json!({"id": "7", "branchid": "1", "name": "Ava", "extension": 101,
            "username": "ava", "status": 1, "email": "ava@example.com"});
        let user: User = serde_json::from_value(raw).unwrap();
        assert_eq!(user.extension, "101");
        let kept = serde_json::to_value(&user).unwrap();
        assert_eq!(kept.as_object().map(|o| o.len()), Some(5), "{kept}");
    }

    #[test]
    fn a_trunk_with_loose_types_still_decodes() {
        let raw = json!({"id": "5", "number": 18584376047_u64, "users": null,
            "sessionTimeout": "86400", "status": 2, "groupmode": false});
        let trunk: SmsTrunk = serde_json::from_value(raw).unwrap();
        assert_eq!(trunk.number, "18584376047");
        assert!(trunk.users.is_empty());
        assert_eq!(trunk.session_timeout, Some(86400));
        assert_eq!(trunk.rest["status"], 2);
    }

    #[test]
    fn trunk_extras_are_read_from_the_wire_names_and_odd_shapes_are_flagged() {
        let trunk: SmsTrunk = serde_json::from_value(json!({"id": "5", "sendName": true,
            "autoreply": [{"key": "*", "value": "Hi"}], "optout": {"keyword": "STOP", "autoreply": "Bye"}}))
        .unwrap();
        assert_eq!(trunk.send_name(), Some(true));
        assert_eq!(trunk.auto_replies().unwrap()[0].value, "Hi");
        assert_eq!(trunk.opt_out().unwrap().unwrap().keyword, "STOP");
        let odd: SmsTrunk =
            serde_json::from_value(json!({"id": "6", "autoreply": "yes", "optout": {}})).unwrap();
        assert_eq!(odd.auto_replies(), None);
        assert_eq!(odd.opt_out(), Some(None));
    }

    #[test]
    fn a_trunk_written_through_the_setters_reads_back_the_same() {
        let mut trunk: SmsTrunk =
            serde_json::from_value(json!({"id": "7", "number": "18584376047", "x": 1})).unwrap();
        trunk.set_send_name(true);
        trunk.set_auto_replies(&[AutoReplyWire {
            key: "*".into(),
            value: "Hi".into(),
        }]);
        let stop = OptOutWire {
            keyword: "STOP".into(),
            autoreply: "Bye".into(),
        };
        trunk.set_opt_out(Some(&stop));
        let back: SmsTrunk = serde_json::from_value(serde_json::to_value(&trunk).unwrap()).unwrap();
        assert_eq!(back, trunk);
        assert_eq!(back.send_name(), Some(true));
        assert_eq!(back.opt_out(), Some(Some(stop)));
        assert_eq!(back.rest["x"], 1);
        assert_eq!(back.id.as_str(), "7");
        trunk.set_opt_out(None);
        assert_eq!(trunk.opt_out(), Some(None));
        assert_eq!(
            trunk.rest["optout"],
            json!({"keyword": "", "autoreply": ""})
        );
        trunk.set_auto_replies(&[]);
        assert_eq!(trunk.rest["autoreply"], json!([]));
    }

    #[test]
    fn a_new_trunk_without_opt_out_or_auto_replies_leaves_both_out() {
        let mut fresh = SmsTrunkBody::default();
        fresh.set_opt_out(None);
        fresh.set_auto_replies(&[]);
        fresh.set_send_name(false);
        let sent = serde_json::to_value(&fresh).unwrap();
        assert!(sent.get("optout").is_none() && sent.get("autoreply").is_none());
        assert_eq!(sent["sendName"], false);
    }

    #[test]
    fn the_webhook_url_is_read_from_any_of_the_assumed_fields() {
        let svc: Service = serde_json::from_value(json!({"id": "ThinQ", "state": 1,
            "webhookUrl": "https://x.example/hook"}))
        .unwrap();
        assert!(svc.is_enabled());
        assert_eq!(svc.webhook_url(), Some("https://x.example/hook"));
        let bare: Service = serde_json::from_value(json!({"id": "ThinQ", "state": "0"})).unwrap();
        assert!(!bare.is_enabled());
        assert_eq!(bare.webhook_url(), None);
    }
}
