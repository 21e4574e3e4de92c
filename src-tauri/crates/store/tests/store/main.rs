//! The store on real files and the real OS keychain (Secret Service on a D-Bus session bus).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

mod database;
mod keychain;
