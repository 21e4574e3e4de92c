//! The world's records: organizations as raw JSON objects, thinQ accounts, and the API key.

use super::thinq::ThinqAccount;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

pub type Object = Map<String, Value>;

/// One Ringotel organization with everything beneath it. Objects are kept as raw JSON maps so
/// that, like the real service, an update replaces the object and unknown fields live on.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OrgRecord {
    pub org: Object,
    pub branches: Vec<Object>,
    pub users: Vec<Object>,
    pub services: Vec<Object>,
    pub trunks: Vec<Object>,
    /// What the integration form stored per service id (the simulated card settings). Written
    /// without the tokens typed into it.
    #[serde(serialize_with = "settings_without_secrets")]
    pub service_settings: Vec<(String, Object)>,
    /// The customers who opted out of its numbers.
    #[serde(default)]
    pub optouts: Vec<OptOut>,
    /// Texts customers sent to its numbers, as Ringotel keeps them in chats.
    #[serde(default)]
    pub chats: Vec<ChatMessage>,
}

/// A customer's text to an SMS number (numbers as digits without '+').
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub number: String,
    pub customer: String,
    pub text: String,
    pub at: u64,
}

/// One customer on an SMS number's opt-out list (numbers as digits without '+').
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptOut {
    pub number: String,
    pub customer: String,
    /// The keyword they texted; none when an administrator put them on the list.
    pub keyword: Option<String>,
    pub created: u64,
}

impl OrgRecord {
    pub fn id(&self) -> &str {
        id_of(&self.org)
    }
}

pub fn id_of(object: &Object) -> &str {
    object.get("id").and_then(Value::as_str).unwrap_or_default()
}

/// The whole simulated state: one Ringotel account and the thinQ accounts beside it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct World {
    /// Not written to a snapshot; the sandbox always answers to its demo key.
    #[serde(skip)]
    pub api_key: String,
    pub orgs: Vec<OrgRecord>,
    pub thinq: Vec<ThinqAccount>,
    next_id: u64,
    /// How the simulated phone at the other end of a test message behaves.
    #[serde(default)]
    pub phone: super::phone::Phone,
    /// Texts sent through the thinQ API, with what their delivery reports say so far.
    #[serde(default)]
    pub texts: Vec<super::phone::SentText>,
}

impl World {
    pub fn new(
        api_key: &str,
        orgs: Vec<OrgRecord>,
        thinq: Vec<ThinqAccount>,
        next_id: u64,
    ) -> Self {
        Self {
            api_key: api_key.to_owned(),
            orgs,
            thinq,
            next_id,
            phone: super::phone::Phone::default(),
            texts: Vec::new(),
        }
    }

    /// The last id handed out: a world extended with more records goes on from it.
    pub(super) fn last_id(&self) -> u64 {
        self.next_id
    }

    /// A fresh 19-digit id string, as Ringotel hands them out.
    pub fn new_id(&mut self) -> String {
        self.next_id += 1;
        ringotel_id(self.next_id)
    }

    pub fn org(&self, id: &str) -> Option<&OrgRecord> {
        self.orgs.iter().find(|o| o.id() == id)
    }

    pub fn org_mut(&mut self, id: &str) -> Option<&mut OrgRecord> {
        self.orgs.iter_mut().find(|o| o.id() == id)
    }

    pub fn thinq_account(&self, id: &str) -> Option<&ThinqAccount> {
        self.thinq.iter().find(|a| a.account_id == id)
    }

    pub fn thinq_account_mut(&mut self, id: &str) -> Option<&mut ThinqAccount> {
        self.thinq.iter_mut().find(|a| a.account_id == id)
    }
}

/// Ids past i64's range on purpose (i64::MAX + n), so a client that parses them as numbers
/// breaks in tests.
pub fn ringotel_id(n: u64) -> String {
    (i64::MAX as u64 + n).to_string()
}

/// Field labels whose values the simulated integration form must not write to disk.
const SECRET_FIELDS: [&str; 2] = ["Token", "token"];

/// Serializes an organization's integration settings without their secret fields.
fn settings_without_secrets<S: Serializer>(
    settings: &[(String, Object)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(settings.iter().map(|(service, fields)| {
        let kept: Object = fields
            .iter()
            .filter(|(label, _)| !SECRET_FIELDS.contains(&label.as_str()))
            .map(|(label, value)| (label.clone(), value.clone()))
            .collect();
        (service, kept)
    }))
}
