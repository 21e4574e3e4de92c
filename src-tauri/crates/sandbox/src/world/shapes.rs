//! How each simulated Ringotel object looks: every field of the published examples, read by the
//! app or not, plus one field no client knows, so read-modify-write is tested against the whole.

use super::records::{Object, id_of, ringotel_id};
use serde_json::{Value, json};

/// A field no client knows, on every kind of object: a client that reads, changes and sends an
/// object back must keep it, as it must keep whatever the real service adds one day.
pub const UNKNOWN_FIELD: &str = "x_sandbox_unknown";

/// The Ringotel account all connections belong to (`accountid`). Not one of the seeded ids, and
/// past i64 like them.
const ACCOUNT_ID: &str = "12611894510637402113";

/// The Ringotel app version on users' devices.
const APP_VERSION: &str = "4.9.1";

pub fn obj(value: Value) -> Object {
    match value {
        Value::Object(map) => map,
        _ => Object::new(),
    }
}

fn unknown() -> Value {
    Value::Object(fields([("kept", true.into())]))
}

/// Hands out the seeded ids in order, so the same world always gets the same ids.
pub struct Ids(pub u64);

impl Ids {
    pub fn next(&mut self) -> String {
        self.0 += 1;
        ringotel_id(self.0)
    }
}

/// An organization; `packageid` is a `Value` because the real service sends it as a number or
/// as a string.
pub fn organization(
    id: &str,
    name: &str,
    domain: &str,
    packageid: Value,
    region: &str,
    created: u64,
) -> Object {
    let timezone = if region == "us-east" {
        "America/New_York"
    } else {
        "America/Los_Angeles"
    };
    obj(json!({
        "id": id, "name": name, "domain": domain, "packageid": packageid, "status": 1,
        "region": region, "created": created, "admlogin": format!("{domain}-admin"),
        // [doc] A number in the published example (its meaning is not).
        "options": 7,
        "params": {"timezone": timezone, "supportemail": format!("it@{domain}.example")},
        UNKNOWN_FIELD: unknown(),
    }))
}

/// What differs between connections ("branches").
pub struct Connection<'a> {
    pub name: &'a str,
    pub country: &'a str,
    /// `provision.sms`: 0 off, 1 SIP SIMPLE, 2 API, 3 SMS via Integrations.
    pub sms: i64,
    /// The PBX's SIP domain; `address` is its `host:port`.
    pub domain: &'a str,
    pub port: u16,
    pub created: u64,
}

pub fn branch(id: &str, connection: &Connection) -> Object {
    let Connection {
        name,
        country,
        sms,
        domain,
        port,
        created,
    } = connection;
    obj(json!({
        "id": id, "name": name, "country": country, "status": 1, "accountid": ACCOUNT_ID,
        "created": created, "domain": domain, "address": format!("sip.{domain}:{port}"),
        "provision": {"sms": sms, "sms2email": 0, "sms2phone": 0, "nochats": false,
            "inboundFormat": "", "codecs": "opus,g722,pcmu", UNKNOWN_FIELD: unknown()},
        UNKNOWN_FIELD: unknown(),
    }))
}

/// What differs between users; `n` varies the rest (devices, presence) from one user to the next.
pub struct Person<'a> {
    pub branch_id: &'a str,
    /// The connection's SIP domain.
    pub domain: &'a str,
    pub name: String,
    pub username: String,
    pub extension: u32,
    pub created: u64,
    pub n: usize,
}

/// Built field by field rather than with `json!`: there are thousands of users, and seeding
/// runs at every sandbox start.
pub fn user(id: String, person: Person) -> Object {
    let Person {
        branch_id,
        domain,
        name,
        username,
        extension,
        created,
        n,
    } = person;
    let seen = created + (n % 48) as u64 * 3_600_000;
    let device = |os: &str| {
        Value::Object(fields([
            ("os", os.into()),
            ("version", APP_VERSION.into()),
            ("lastlogin", seen.into()),
        ]))
    };
    let devs = match n % 4 {
        0 => Vec::new(),
        1 => vec![device("ios")],
        2 => vec![device("android")],
        _ => vec![device("ios"), device("windows")],
    };
    let note = if n % 10 == 7 { "Works remotely" } else { "" };
    let extension = extension.to_string();
    fields([
        ("id", id.into()),
        ("branchid", branch_id.into()),
        ("name", name.into()),
        ("extension", extension.clone().into()),
        ("username", username.into()),
        ("status", 1.into()),
        ("created", created.into()),
        ("authname", extension.into()),
        ("domain", domain.into()),
        ("devs", devs.into()),
        ("note", note.into()),
        ("state", i64::from(n % 4 != 0).into()),
        ("stime", seen.into()),
        ("trunkid", "".into()),
        ("trunkstate", 0.into()),
        (UNKNOWN_FIELD, unknown()),
    ])
}

/// An object from its fields, built in one go (sorted once, not inserted one by one).
fn fields<const N: usize>(pairs: [(&str, Value); N]) -> Object {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// The integrations an organization can enable; the thinQ one carries its webhook URL.
pub fn services(webhook: &str, thinq_state: i64) -> Vec<Object> {
    vec![
        obj(
            json!({"id": "ThinQ", "name": "thinQ", "state": thinq_state, "webhook": webhook,
            UNKNOWN_FIELD: unknown()}),
        ),
        obj(json!({"id": "Twilio", "name": "Twilio", "state": 0, UNKNOWN_FIELD: unknown()})),
        obj(json!({"id": "Telnyx", "name": "Telnyx", "state": 0, UNKNOWN_FIELD: unknown()})),
    ]
}

/// What differs between SMS numbers ("SMS trunks").
pub struct Number<'a> {
    pub number: String,
    pub name: String,
    pub users: Vec<&'a Object>,
    pub inbound: &'a str,
    pub outbound: &'a str,
    pub timeout: i64,
    pub send_name: bool,
    /// The first-contact reply (autoreply key `"*"`), if any.
    pub welcome: Option<String>,
    /// The opt-out keyword and its reply, if any.
    pub optout: Option<(&'a str, String)>,
    pub created: u64,
}

pub fn trunk(id: String, number: Number) -> Object {
    let users: Vec<Value> = number.users.iter().map(|u| id_of(u).into()).collect();
    let autoreply = match number.welcome {
        Some(text) => vec![Value::Object(fields([
            ("key", "*".into()),
            ("value", text.into()),
        ]))],
        None => Vec::new(),
    };
    let (keyword, reply) = number.optout.unwrap_or_default();
    let optout = fields([("keyword", keyword.into()), ("autoreply", reply.into())]);
    fields([
        ("id", id.into()),
        ("number", number.number.into()),
        ("name", number.name.into()),
        ("service", "ThinQ".into()),
        ("users", users.into()),
        ("country", "US".into()),
        ("inboundFormat", number.inbound.into()),
        ("outboundFormat", number.outbound.into()),
        ("sessionTimeout", number.timeout.into()),
        ("sendName", number.send_name.into()),
        ("autoreply", autoreply.into()),
        ("optout", optout.into()),
        ("status", 2.into()),
        ("groupmode", false.into()),
        ("created", number.created.into()),
        (UNKNOWN_FIELD, unknown()),
    ])
}
