//! DID row fields the client reads beyond the published ones, each named once.

/// [assumed] The per-DID routing field; no published source shows it in search2
/// (`AssumptionId::DidRouting`).
pub const ASSUMED_ROUTING_FIELD: &str = "sms_routing_profile_id";

/// [code] The per-DID SMS flag as the one public client reads it.
pub const PROVISIONED_FIELD: &str = "provisioned";
