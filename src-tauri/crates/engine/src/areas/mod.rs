//! Areas layer: one module per part of the admin's job (organizations, numbers, the thinQ
//! integration, connections and setup, opt-out lists, diagnostics). Imports the stored and base layers only.

pub mod diagnostics;
pub mod integrations;
pub mod numbers;
pub mod opt_outs;
pub mod organizations;
pub mod setup;
pub mod test_message;
