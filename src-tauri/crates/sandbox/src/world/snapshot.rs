//! Saving the simulated world to a file and reading it back, so the app's Sandbox workspace
//! behaves like a real service across restarts. Snapshots never hold a token: the simulated
//! thinQ tokens come back from the demo accounts, and tokens typed into the integration form
//! are dropped.

use super::records::World;
use super::seed::{DEMO_API_KEY, all_thinq_accounts};
use std::path::Path;

/// The world as it would be written: no API key, no tokens. Compact, and without copying the
/// world first: the large organization makes it megabytes, written after every change.
pub fn to_json(world: &World) -> serde_json::Result<String> {
    serde_json::to_string(world)
}

/// Reads a snapshot, restoring what snapshots leave out. `None` when there is none or it
/// cannot be read (the caller starts from the demo state and says so in its log).
pub fn load(path: &Path) -> Option<World> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut world: World = match serde_json::from_str(&text) {
        Ok(world) => world,
        Err(error) => {
            tracing::warn!(%error, path = %path.display(), "sandbox snapshot unreadable; starting from the demo state");
            return None;
        }
    };
    world.api_key = DEMO_API_KEY.to_owned();
    for account in &mut world.thinq {
        if let Some(demo) = all_thinq_accounts().find(|d| d.account_id == account.account_id) {
            account.token = demo.token.to_owned();
        }
    }
    Some(world)
}

/// Writes the snapshot atomically (a temporary file renamed over the old one).
pub fn save(path: &Path, json: &str) -> std::io::Result<()> {
    let temporary = path.with_extension("json.tmp");
    std::fs::write(&temporary, json)?;
    std::fs::rename(&temporary, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::seeded;

    #[test]
    fn a_snapshot_round_trips_without_any_token() {
        let mut world = seeded();
        world.orgs[1].service_settings[0]
            .1
            .insert("Token".into(), "typed-token".into());
        let json = to_json(&world).unwrap();
        for demo in all_thinq_accounts() {
            assert!(!json.contains(demo.token));
        }
        assert!(!json.contains("typed-token") && !json.contains(DEMO_API_KEY));

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.json");
        save(&path, &json).unwrap();
        let back = load(&path).unwrap();
        for (account, demo) in back.thinq.iter().zip(all_thinq_accounts()) {
            assert_eq!(account.token, demo.token);
        }
        assert_eq!(back.thinq.len(), world.thinq.len());
        assert_eq!(back.api_key, DEMO_API_KEY);
        assert_eq!(
            to_json(&back).unwrap(),
            json,
            "everything else, the large organization included, comes back as it was"
        );
    }

    #[test]
    fn the_large_world_snapshot_stays_a_few_megabytes() {
        // Written after every change the app makes: about 2.6 MB with the large organization.
        let json = to_json(&seeded()).unwrap();
        assert!(json.len() < 4_000_000, "{} bytes", json.len());
        let back: World = serde_json::from_str(&json).unwrap();
        assert_eq!(back.orgs[3].users.len(), crate::world::SUMMIT_USERS);
    }

    #[test]
    fn an_unreadable_snapshot_means_the_demo_state() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.json");
        std::fs::write(&path, "{not json").unwrap();
        assert!(load(&path).is_none());
    }
}
