//! The store on real files and the real OS keychain (Secret Service on a D-Bus session bus).

mod database;
mod keychain;
