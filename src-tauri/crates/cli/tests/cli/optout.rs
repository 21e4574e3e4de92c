//! `sms-admin optout`: a number's opt-out list read and searched, a customer added and one
//! removed as drafts, sent by `apply`; bad input named with exit 2.

use crate::Cli;
use sandbox::Sandbox;

#[tokio::test(flavor = "multi_thread")]
async fn optout_lists_searches_and_drafts_adds_and_removals_that_apply_sends() {
    let sandbox = Sandbox::start().await.unwrap();
    let cli = Cli::in_new_folder();
    cli.add_account(&sandbox).await;
    let at = ["--org", "harbor", "--number", "(858) 437-6048"];
    let args = |verb: &'static str, more: &[&'static str]| -> Vec<&'static str> {
        let mut all = vec!["optout", verb];
        all.extend(at);
        all.extend(more);
        all
    };
    let list = cli.expect(0, &args("list", &[]), "").await;
    assert!(
        list.stdout.contains("2 on the opt-out list"),
        "{}",
        list.stdout
    );
    assert!(
        list.stdout.contains("+1 760-555-0123  STOP"),
        "{}",
        list.stdout
    );
    let found = cli.expect(0, &args("list", &["--search", "760"]), "").await;
    assert!(
        found.stdout.contains("1 on the opt-out list"),
        "{}",
        found.stdout
    );

    let bad = cli
        .expect(2, &args("add", &["--customer", "555"]), "")
        .await;
    assert!(
        bad.stderr
            .contains("555 is not a valid US number (--customer)"),
        "{bad:#?}"
    );
    let added = cli
        .expect(0, &args("add", &["--customer", "619-555-0111"]), "")
        .await;
    assert!(added.stdout.contains("Draft: add"), "{}", added.stdout);
    let removed = cli
        .expect(0, &args("remove", &["--customer", "+1 760 555 0123"]), "")
        .await;
    assert!(
        removed.stdout.contains("Draft: remove"),
        "{}",
        removed.stdout
    );

    let applied = cli.expect(0, &["apply", "--org", "harbor"], "").await;
    assert!(
        applied.stdout.contains("2 change(s) made, 0 failed."),
        "{}",
        applied.stdout
    );
    let json = cli
        .expect(
            0,
            &{
                let mut a = args("list", &[]);
                a.push("--json");
                a
            },
            "",
        )
        .await;
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let listed: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["customer"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["16195550188", "16195550111"]);
}
