//! `sms-admin apply` killed with SIGKILL at random points of a 200-number sync, twenty seeded
//! times (quality.md): after each kill no number exists twice and the draft still holds every
//! change not yet made; the next `apply` ends with Ringotel holding exactly the draft.

use crate::drafts::csv;
use crate::{Cli, files_containing};
use sandbox::{DEMO_API_KEY, Sandbox};
use std::collections::HashMap;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::AsyncBufReadExt;

const TRIALS: u64 = 20;
const NUMBERS: u32 = 200;

/// A small seeded generator for the kill times, so a failing trial can be run again.
fn next(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

/// Harbor's numbers as the sandbox holds them, with how many times each occurs.
fn held(sandbox: &Sandbox) -> HashMap<String, usize> {
    sandbox.with_world(|w| {
        let harbor = w
            .orgs
            .iter()
            .find(|o| o.org["name"] == "Harbor Dental Group")
            .unwrap();
        let mut counts = HashMap::new();
        for trunk in &harbor.trunks {
            *counts
                .entry(trunk["number"].as_str().unwrap_or_default().to_owned())
                .or_insert(0) += 1;
        }
        counts
    })
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_apply_killed_at_random_points_never_duplicates_and_the_next_one_finishes_it() {
    // One data folder with the account and the drafted numbers, copied into each trial; every
    // trial's fresh sandbox listens where the account points.
    let template = Cli::in_new_folder();
    let ports = {
        let sandbox = Sandbox::start().await.unwrap();
        template.add_account(&sandbox).await;
        let file = template.data.path().join("numbers.csv");
        std::fs::write(&file, csv(NUMBERS)).unwrap();
        template
            .expect(
                0,
                &["draft", "import", file.to_str().unwrap(), "--org", "harbor"],
                "",
            )
            .await;
        sandbox.addresses().map(|a| a.port())
    };
    let wanted: Vec<String> = (0..NUMBERS)
        .map(|i| format!("1858200{:04}", 1000 + i))
        .collect();
    let mut seed = 0x5EED;
    for trial in 0..TRIALS {
        let sandbox = Sandbox::start_on(ports[0], ports[1]).await.unwrap();
        sandbox.set_latency(Duration::from_millis(10));
        let cli = Cli::in_new_folder();
        copy_dir(template.data.path(), cli.data.path());
        let kill_after = Duration::from_millis(next(&mut seed) % 550);

        let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_sms-admin"))
            .args(["apply", "--org", "harbor"])
            .env("SMSADMIN_DATA_DIR", cli.data.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Off a terminal, apply prints a line as each change ends: the first says sending began.
        let mut progress = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let first = progress.next_line().await.unwrap().unwrap_or_default();
        assert!(
            first.contains(&format!("/{NUMBERS} done")),
            "trial {trial}: {first}"
        );
        tokio::time::sleep(kill_after).await;
        child.kill().await.unwrap(); // SIGKILL on Unix

        let now = held(&sandbox);
        let twice: Vec<_> = now.iter().filter(|(_, n)| **n > 1).collect();
        assert!(
            twice.is_empty(),
            "trial {trial} ({kill_after:?}): {twice:?}"
        );
        let made = wanted.iter().filter(|n| now.contains_key(*n)).count();
        let plan = cli
            .expect(0, &["plan", "--org", "harbor", "--json"], "")
            .await;
        let view: serde_json::Value = serde_json::from_str(&plan.stdout).unwrap();
        let drafted = view["items"].as_array().unwrap().len();
        assert!(
            drafted >= NUMBERS as usize - made,
            "trial {trial}: the draft still holds every change not yet made ({drafted}, {made} made)"
        );
        eprintln!("trial {trial}: killed after {kill_after:?}, {made} of {NUMBERS} made");

        cli.expect(0, &["apply", "--org", "harbor"], "").await;
        let after = held(&sandbox);
        for number in &wanted {
            assert_eq!(
                after.get(number),
                Some(&1),
                "trial {trial}: {number} exactly once"
            );
        }
        let again = cli.expect(0, &["plan", "--org", "harbor"], "").await;
        assert!(
            again.stdout.contains("Nothing to do"),
            "trial {trial}: {}",
            again.stdout
        );
        assert!(files_containing(cli.data.path(), DEMO_API_KEY).is_empty());
    }
    template
        .expect(0, &["workspace", "remove", "Acme MSP"], "")
        .await;
}
