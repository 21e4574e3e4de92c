//! Base layer: errors, the data home, the engine handle with its database, vault and clients,
//! secrets, the clock and what the services' answers showed. Imports nothing else of the engine.

#[cfg(feature = "builtin-sandbox")]
pub mod builtin_sandbox;
pub mod cancel;
pub mod clock;
pub mod context;
pub mod error;
pub mod handle;
pub mod home;
pub mod next_step;
pub mod observations;
pub mod observer;
pub mod problem;
pub mod sandbox_process;
pub mod saved_thinq;
pub mod secrets;
pub mod settings;
pub mod startup;
