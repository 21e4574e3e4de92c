//! Across-areas layer: readiness, which reads every area's facts, and sync, which plans, applies
//! and reports the draft's changes. Imports any layer below.

pub mod readiness;
pub mod sync;
