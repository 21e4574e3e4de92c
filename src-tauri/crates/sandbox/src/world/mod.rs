//! Everything the simulated services know, held in memory while the sandbox runs.

mod demo;
mod inbound;
mod phone;
mod phone_status;
mod records;
mod seed;
mod seed_large;
mod seed_scale;
#[cfg(test)]
mod seed_tests;
mod shapes;
pub mod snapshot;
pub mod thinq;

pub use demo::{DemoThinqAccount, webhook_base, webhook_for};
pub use phone::{Phone, REPLY, SentText};
pub use records::{ChatMessage, Object, OptOut, OrgRecord, World, id_of, ringotel_id};
pub use seed::{DEMO_API_KEY, demo_thinq_accounts, seeded};
pub use seed_large::{SUMMIT_NUMBERS, SUMMIT_USERS, summit_thinq_account};
pub use seed_scale::{
    SCALE_ORGS, ScaleProblem, scale_number, scale_org_name, scale_problem, scale_thinq_account,
    seeded_at_scale,
};
pub use shapes::UNKNOWN_FIELD;
pub use thinq::{Did, FeatureOrder, OrderedLine, RoutingProfile, ThinqAccount};

/// Unix milliseconds, as every timestamp of both services; 0 on a clock set before 1970.
pub fn now_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
