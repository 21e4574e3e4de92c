//! What the app does, independent of any window, in four layers that only look down: base,
//! stored, areas and across areas (see `docs/architecture.md`).

mod across;
mod areas;
mod base;
pub mod bindings;
mod engine;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
mod stored;

#[cfg(test)]
mod layers_tests;

pub use across::{readiness, sync};
pub use areas::numbers::draft_file;
pub use areas::{diagnostics, integrations, numbers, opt_outs, organizations, setup, test_message};
#[cfg(feature = "builtin-sandbox")]
pub use base::builtin_sandbox;
pub use base::cancel::Cancel;
pub use base::error::{EngineError, EngineResult};
pub use base::problem::{Problem, ProblemCode};
pub use base::secrets::{SecretPersistence, SecretState};
pub use base::settings::{NetworkSettings, SandboxEndpoints, SandboxThinqAccount};
pub use base::{home, next_step, sandbox_process, startup};
pub use engine::Engine;
pub use stored::{drafts, plan, snapshot, workspace_key, workspaces};
