//! The real app, in a real window under Xvfb, clicked through as an administrator would.
//!
//! Run by the README's test command (`scripts/test`), which builds the app, starts Xvfb and a
//! D-Bus session with an unlocked keyring, then runs these one at a time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly by design

mod check_all_flow;
mod comfort;
mod damaged_database;
mod diagnostics_flow;
mod harbor_one_round;
mod import_thinq;
mod keyboard_walkthrough;
mod keychain_unavailable;
mod markup_names;
mod numbers_draft;
mod numbers_large_org;
mod opt_out_flow;
mod problems;
mod readiness_flow;
mod replace_key;
mod ringotel_account;
mod single_instance;
mod sync_flow;
mod test_message_flow;
mod thinq_flow;

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
        } else if let Ok(bytes) = std::fs::read(&path)
            && bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        {
            hits.push(path);
        }
    }
    hits
}

/// Harbor Dental Group as the sandbox keeps it, to read or change it behind the app's back.
pub fn harbor(world: &mut sandbox::world::World) -> &mut sandbox::world::OrgRecord {
    world.org_mut(&harbor_org_id()).unwrap()
}

/// The id the sandbox gives its first demo organization (seeded the same way every time).
pub fn harbor_org_id() -> String {
    let world = sandbox::world::seeded();
    let harbor = world
        .orgs
        .iter()
        .find(|o| o.org["name"] == "Harbor Dental Group")
        .unwrap();
    harbor.id().to_owned()
}
