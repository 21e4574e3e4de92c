//! A sync killed with SIGKILL at random points, twenty seeded times: after each, the draft is
//! intact, no number exists twice, and the next sync ends with Ringotel holding the draft.

use crate::sync::{draft_new, server_numbers};
use crate::{KEYCHAIN_SERVICE, endpoints};
use engine::Engine;
use engine::snapshot::Freshness;
use sandbox::{DEMO_API_KEY, Sandbox};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const TRIALS: u64 = 20;
const NUMBERS: usize = 200;

/// A small seeded generator for the kill times, so a failing trial can be run again.
fn next(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

fn probe(data: &Path, sandbox: &Sandbox, org: &domain::RingotelId) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_smsadmin-sync-probe"));
    command
        .arg(data)
        .arg(sandbox.ringotel_url())
        .arg(sandbox.thinq_url())
        .arg(org.as_str())
        .env("SMSADMIN_PROBE_KEY", DEMO_API_KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sync_killed_at_random_points_never_duplicates_and_the_next_one_finishes_it() {
    // One drafted organization, copied into each trial with a fresh sandbox.
    let template = tempfile::tempdir().unwrap();
    let (org, wanted) = {
        let sandbox = Sandbox::start().await.unwrap();
        let engine =
            Engine::open(template.path(), KEYCHAIN_SERVICE, Some(endpoints(&sandbox))).unwrap();
        let orgs = engine.list_organizations().await.unwrap();
        let org = orgs
            .organizations
            .into_iter()
            .find(|o| o.name == "Harbor Dental Group")
            .unwrap()
            .id;
        engine.organization_detail(org.clone()).await.unwrap();
        let wanted = draft_new(&engine, &org, NUMBERS).await;
        (org, wanted)
    };
    let mut seed = 0x5EED;
    for trial in 0..TRIALS {
        let sandbox = Sandbox::start().await.unwrap();
        sandbox.set_latency(Duration::from_millis(10));
        let data = tempfile::tempdir().unwrap();
        copy_dir(template.path(), data.path());
        // From the moment sending starts to about when it would end.
        let kill_after = Duration::from_millis(next(&mut seed) % 550);

        let mut child = probe(data.path(), &sandbox, &org).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let started = tokio::task::spawn_blocking(move || {
            let mut line = String::new();
            std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line)
                .map(|_| line)
        })
        .await
        .unwrap()
        .unwrap();
        assert_eq!(started.trim(), "sending", "trial {trial}: the sync started");
        tokio::time::sleep(kill_after).await;
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();

        let held = server_numbers(&sandbox, &org);
        let duplicates: Vec<_> = held.iter().filter(|(_, n)| **n > 1).collect();
        assert!(
            duplicates.is_empty(),
            "trial {trial} ({kill_after:?}): {duplicates:?}"
        );
        let reopened =
            Engine::open(data.path(), KEYCHAIN_SERVICE, Some(endpoints(&sandbox))).unwrap();
        let view = reopened
            .numbers_view(org.clone(), Freshness::Saved)
            .await
            .unwrap();
        let applied = wanted.iter().filter(|n| held.contains_key(*n)).count();
        assert!(
            view.drafted as usize >= NUMBERS - applied,
            "trial {trial}: the draft still holds every change not yet made"
        );
        eprintln!("trial {trial}: killed after {kill_after:?}, {applied} of {NUMBERS} made");
        drop(reopened);

        let finished = probe(data.path(), &sandbox, &org)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(finished.success(), "trial {trial}: the next sync ran");
        let held = server_numbers(&sandbox, &org);
        for number in &wanted {
            assert_eq!(
                held.get(number),
                Some(&1),
                "trial {trial}: {number} exactly once"
            );
        }
        let after = Engine::open(data.path(), KEYCHAIN_SERVICE, Some(endpoints(&sandbox)))
            .unwrap()
            .numbers_view(org.clone(), Freshness::Saved)
            .await
            .unwrap();
        assert_eq!(after.drafted, 0, "trial {trial}: the draft is all applied");
    }
}
