//! Readiness: the pre-flight checklist of product.md, each line pass / fail / unknown with why
//! and as of when, and each failure's fix, which goes into the draft and reaches the services
//! through Changes like every other change.

mod check_all;
mod checks;
mod facts;
mod fixes;
mod planned;
mod report;
pub mod report_file;
mod run;
mod service;

pub use crate::stored::readiness_summary::{
    ReadinessState, ReadinessStateChoice, ReadinessSummary,
};
pub use check_all::{CheckAllProgress, CheckAllReport, OrgFixesDrafted, OrgReadiness};
pub use facts::ReadinessProgress;
pub use report::{CheckResult, Fix, FixOffer, ReadinessReport};
pub use service::Readiness;
