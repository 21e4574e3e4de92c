//! Saving the simulated world to a file and reading it back, so the app's Sandbox workspace
//! behaves like a real service across restarts. Snapshots never hold a token: the simulated
//! thinQ tokens come back from the demo accounts, and tokens typed into the integration form
//! are dropped.

use super::World;
use super::seed::{DEMO_API_KEY, demo_thinq_accounts};
use std::path::Path;

/// Field labels whose values the simulated integration form must not write to disk.
const SECRET_FIELDS: [&str; 2] = ["Token", "token"];

/// The world as it would be written: no API key, no tokens.
pub fn to_json(world: &World) -> serde_json::Result<String> {
    let mut clean = world.clone();
    for org in &mut clean.orgs {
        for (_, fields) in &mut org.service_settings {
            for key in SECRET_FIELDS {
                fields.remove(key);
            }
        }
    }
    serde_json::to_string_pretty(&clean)
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
        if let Some(demo) = demo_thinq_accounts()
            .iter()
            .find(|d| d.account_id == account.account_id)
        {
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
        for demo in demo_thinq_accounts() {
            assert!(!json.contains(demo.token));
        }
        assert!(!json.contains("typed-token") && !json.contains(DEMO_API_KEY));

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.json");
        save(&path, &json).unwrap();
        let back = load(&path).unwrap();
        assert_eq!(back.thinq[0].token, demo_thinq_accounts()[0].token);
        assert_eq!(back.api_key, DEMO_API_KEY);
        assert_eq!(back.orgs.len(), world.orgs.len());
    }

    #[test]
    fn an_unreadable_snapshot_means_the_demo_state() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.json");
        std::fs::write(&path, "{not json").unwrap();
        assert!(load(&path).is_none());
    }
}
