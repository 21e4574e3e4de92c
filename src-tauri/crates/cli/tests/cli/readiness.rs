//! Readiness and apply from a script: exit 1 while checks fail, `--fix` drafts the fixes,
//! `apply` sends them (under faults too), and every check then passes with exit 0.

use crate::Cli;
use sandbox::world::webhook_for;
use sandbox::{Fault, FaultRule, Sandbox, Service, demo_thinq_accounts};

pub async fn harbor_with_thinq(sandbox: &Sandbox) -> Cli {
    let cli = Cli::in_new_folder();
    cli.add_account(sandbox).await;
    let demo = demo_thinq_accounts()[0];
    let saved = cli
        .expect(
            0,
            &[
                "enable-thinq",
                "--org",
                "harbor",
                "--account-id",
                demo.account_id,
                "--username",
                demo.username,
            ],
            &format!("{}\n", demo.token),
        )
        .await;
    assert!(
        saved.stdout.contains("thinQ integration enabled"),
        "{saved:#?}"
    );
    if !sandbox.wire().webhook_field {
        // Ringotel does not report the card's webhook URL: it is copied from the portal.
        let org = sandbox.with_world(|w| w.orgs[0].id().to_owned());
        let kept = cli
            .expect(
                0,
                &[
                    "webhook",
                    "--org",
                    "harbor",
                    "--webhook-url",
                    &webhook_for(&org),
                ],
                "",
            )
            .await;
        assert!(kept.stdout.contains("kept"), "{kept:#?}");
    }
    cli
}

#[tokio::test(flavor = "multi_thread")]
async fn failing_checks_exit_1_their_fixes_apply_and_then_every_check_passes() {
    let sandbox = Sandbox::start().await.unwrap();
    let cli = harbor_with_thinq(&sandbox).await;
    let dids = cli.expect(0, &["dids", "--org", "harbor"], "").await;
    assert!(
        dids.stdout.contains("+1 858-437-6050  off"),
        "{}",
        dids.stdout
    );
    let json = cli
        .expect(0, &["dids", "--org", "harbor", "--json"], "")
        .await;
    let view: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(view["dids"].as_array().unwrap().len(), 24);
    let first = cli.expect(1, &["readiness", "--org", "harbor"], "").await;
    assert!(
        first
            .stdout
            .contains("FAIL    Connections use SMS via Integrations"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("(--fix drafts it)"));

    let fixed = cli
        .expect(1, &["readiness", "--org", "harbor", "--fix", "--json"], "")
        .await;
    let report: serde_json::Value = serde_json::from_str(&fixed.stdout).unwrap();
    let drafted = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["fix"]["drafted"] == true)
        .count();
    assert_eq!(drafted, 6, "{report:#}");

    let plan = cli.expect(0, &["plan", "--org", "harbor"], "").await;
    assert!(
        plan.stdout.contains("Setup (sent first)"),
        "{}",
        plan.stdout
    );
    assert!(plan.stdout.contains("Harbor Billing"));

    let applied = cli.expect(0, &["apply", "--org", "harbor"], "").await;
    assert!(
        applied.stdout.contains("6 change(s) made, 0 failed."),
        "{}",
        applied.stdout
    );
    let again = cli.expect(0, &["plan", "--org", "harbor"], "").await;
    assert!(again.stdout.contains("Nothing to do"), "{}", again.stdout);
    let after = cli.expect(0, &["readiness", "--org", "harbor"], "").await;
    assert!(
        after.stdout.contains("9 pass, 0 fail, 0 unknown."),
        "{}",
        after.stdout
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_apply_under_faults_names_what_failed_exits_1_and_the_next_apply_finishes() {
    let sandbox = Sandbox::start().await.unwrap();
    let cli = harbor_with_thinq(&sandbox).await;
    cli.expect(1, &["readiness", "--org", "harbor", "--fix"], "")
        .await;
    sandbox.add_fault_rule(FaultRule {
        service: Service::Ringotel,
        method: Some("updateSMSTrunk".into()),
        rate: 1.0,
        faults: vec![Fault::Status(500)],
    });
    let failed = cli.expect(1, &["apply", "--org", "harbor"], "").await;
    assert!(failed.stdout.contains("2 failed"), "{}", failed.stdout);
    assert!(
        failed.stdout.contains("Failed      Change +1 858-437-6050"),
        "{}",
        failed.stdout
    );
    assert!(
        failed.stderr.contains("they stay in the draft"),
        "{}",
        failed.stderr
    );

    sandbox.clear_faults();
    let finished = cli
        .expect(0, &["apply", "--json", "--org", "harbor"], "")
        .await;
    let report: serde_json::Value = serde_json::from_str(&finished.stdout).unwrap();
    assert_eq!(report["failed"], 0, "{report:#}");
    cli.expect(0, &["readiness", "--org", "harbor"], "").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn readiness_all_checks_every_organization_one_line_each_and_exits_1_when_any_fails() {
    use sandbox::world::{scale_org_name, scale_thinq_account, seeded_at_scale};
    let sandbox = Sandbox::start_world(seeded_at_scale()).await.unwrap();
    let cli = Cli::in_new_folder();
    cli.add_account(&sandbox).await;
    // One organization set up from this app (i = 1: its connection's SMS mode is Off).
    let name = scale_org_name(1);
    let (account_id, username, token) = scale_thinq_account(1);
    cli.expect(
        0,
        &[
            "enable-thinq",
            "--org",
            &name,
            "--account-id",
            &account_id,
            "--username",
            &username,
        ],
        &format!("{token}\n"),
    )
    .await;

    let text = cli.expect(1, &["readiness", "--all"], "").await;
    let line = text
        .stdout
        .lines()
        .find(|l| l.contains(&name))
        .unwrap_or_else(|| panic!("{}", text.stdout));
    assert!(line.starts_with("Not ready"), "{line}");
    assert!(
        line.contains("Connections use SMS via Integrations"),
        "{line}"
    );
    assert!(
        text.stdout.contains("204 organizations: "),
        "{}",
        text.stdout
    );
    assert!(
        text.stderr.contains("organization(s) not ready"),
        "{}",
        text.stderr
    );

    let json = cli.expect(1, &["readiness", "--all", "--json"], "").await;
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let orgs = report["orgs"].as_array().unwrap();
    assert_eq!(orgs.len(), 204);
    let one = orgs.iter().find(|o| o["name"] == name.as_str()).unwrap();
    assert_eq!(one["state"], "notReady");
    let failing: Vec<&str> = one["report"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "fail")
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(failing, ["connectionsSmsMode"]);

    // One organization or all of them, not both.
    cli.expect(2, &["readiness", "--all", "--org", "harbor"], "")
        .await;
}
