//! Workspaces and reads: the API key only ever typed in, every read as a table and as JSON,
//! and the exit codes for bad input and an unreachable service.

use crate::{Cli, files_containing};
use sandbox::{DEMO_API_KEY, Sandbox};

#[tokio::test(flavor = "multi_thread")]
async fn an_account_added_with_its_key_on_stdin_reads_everything_and_keeps_the_key_secret() {
    let sandbox = Sandbox::start().await.unwrap();
    let cli = Cli::in_new_folder();
    let mut runs = vec![cli.add_account(&sandbox).await];

    let list = cli.expect(0, &["workspace", "list", "--json"], "").await;
    let json: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    let acme = json["workspaces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["name"] == "Acme MSP")
        .unwrap();
    assert_eq!(acme["active"], true);
    assert_eq!(acme["apiKey"]["state"], "stored", "{acme}");

    let orgs = cli.expect(0, &["orgs", "--json"], "").await;
    let json: serde_json::Value = serde_json::from_str(&orgs.stdout).unwrap();
    assert_eq!(json["organizations"].as_array().unwrap().len(), 4);
    let table = cli.expect(0, &["orgs"], "").await;
    assert!(table.stdout.starts_with("ORGANIZATION"), "{}", table.stdout);
    assert!(table.stdout.contains("Harbor Dental Group"));

    for (args, expect) in [
        (vec!["connections", "--org", "harbor"], "La Jolla Office"),
        (vec!["users", "--org", "harbor"], "Ava Kowalski"),
        (
            vec!["numbers", "--org", "Harbor Dental Group"],
            "+1 858-437-6048",
        ),
        (vec!["integrations", "--org", "harbor"], "thinQ"),
    ] {
        let run = cli.expect(0, &args, "").await;
        assert!(run.stdout.contains(expect), "{args:?}: {}", run.stdout);
        let mut json_args = args.clone();
        json_args.push("--json");
        let run = cli.expect(0, &json_args, "").await;
        serde_json::from_str::<serde_json::Value>(&run.stdout)
            .unwrap_or_else(|e| panic!("{args:?} --json is no JSON: {e}"));
        runs.push(run);
    }

    // The key went in on stdin only: not in any output, not in any file of the data folder.
    for run in &runs {
        assert!(!run.stdout.contains(DEMO_API_KEY) && !run.stderr.contains(DEMO_API_KEY));
    }
    let leaks = files_containing(cli.data.path(), DEMO_API_KEY);
    assert!(leaks.is_empty(), "the API key is in {leaks:?}");

    cli.expect(0, &["workspace", "remove", "Acme MSP"], "")
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_exits_2_naming_the_flag_and_an_unreachable_service_exits_3() {
    let cli = Cli::in_new_folder();
    // There is no flag to put a key where `ps` would show it.
    let flag = cli
        .expect(
            2,
            &[
                "workspace",
                "add",
                "--name",
                "X",
                "--base-url",
                "https://shell.ringotel.co",
                "--api-key",
                "k",
            ],
            "",
        )
        .await;
    assert!(flag.stderr.contains("--api-key"), "{}", flag.stderr);
    let refused = cli
        .expect(
            2,
            &[
                "workspace",
                "add",
                "--name",
                "Plain",
                "--base-url",
                "http://ringotel.example",
            ],
            "some-key\n",
        )
        .await;
    assert!(refused.stderr.contains("--base-url"), "{}", refused.stderr);
    let missing = cli
        .expect(
            2,
            &[
                "workspace",
                "add",
                "--name",
                "No key",
                "--base-url",
                "https://shell.ringotel.co",
            ],
            "",
        )
        .await;
    assert!(missing.stderr.contains("API key"), "{}", missing.stderr);

    // An account whose server has gone: nothing saved to fall back on.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    cli.expect(
        0,
        &[
            "workspace",
            "add",
            "--name",
            "Gone",
            "--base-url",
            &format!("http://127.0.0.1:{port}"),
        ],
        "some-key\n",
    )
    .await;
    let gone = cli.expect(3, &["orgs"], "").await;
    assert!(gone.stderr.contains("sms-admin:"), "{}", gone.stderr);
    // What to do about it, as the app's notice says it (this advice names no screen).
    assert!(
        gone.stderr.contains("Check the network connection"),
        "{}",
        gone.stderr
    );

    cli.expect(0, &["workspace", "use", "Sandbox"], "").await;
    let unknown = cli
        .expect(2, &["numbers", "--org", "no such org"], "")
        .await;
    assert!(unknown.stderr.contains("--org"), "{}", unknown.stderr);
    cli.expect(0, &["workspace", "remove", "Gone"], "").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn help_and_completions_read_like_a_unix_tool() {
    let cli = Cli::in_new_folder();
    let help = cli.expect(0, &["--help"], "").await;
    assert!(
        help.stdout.contains("Exit codes: 0 done"),
        "{}",
        help.stdout
    );
    let bash = cli.expect(0, &["completions", "bash"], "").await;
    assert!(bash.stdout.contains("sms-admin"), "{}", bash.stdout);
    // Not a terminal: no colour codes in a table.
    let list = cli.expect(0, &["workspace", "list"], "").await;
    assert!(!list.stdout.contains('\x1b'), "{:?}", list.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_keychain_nothing_is_saved_exit_4_and_session_only_is_the_way_out() {
    let cli = Cli::in_new_folder();
    let add = [
        "workspace",
        "add",
        "--name",
        "Acme MSP",
        "--base-url",
        "https://shell.ringotel.co",
    ];
    // No session bus to reach a Secret Service through.
    let no_bus = [("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")];
    let refused = cli.run_with(&add, "some-key\n", &no_bus).await;
    assert_eq!(refused.code, 4, "{refused:#?}");
    assert!(
        refused.stderr.contains("--session-only"),
        "{}",
        refused.stderr
    );
    let list = cli.expect(0, &["workspace", "list"], "").await;
    assert!(
        !list.stdout.contains("Acme MSP"),
        "nothing was saved: {}",
        list.stdout
    );

    let mut session_only = add.to_vec();
    session_only.push("--session-only");
    let kept = cli.run_with(&session_only, "some-key\n", &no_bus).await;
    assert_eq!(kept.code, 0, "{kept:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_key_is_replaced_in_place_and_the_draft_stays() {
    let sandbox = Sandbox::start().await.unwrap();
    let cli = Cli::in_new_folder();
    cli.add_account(&sandbox).await;
    let file = cli.data.path().join("numbers.csv");
    std::fs::write(&file, crate::drafts::csv(3)).unwrap();
    cli.expect(
        0,
        &["draft", "import", file.to_str().unwrap(), "--org", "harbor"],
        "",
    )
    .await;

    // The key stops working (revoked, or a wrong one typed): the refusal names the way out.
    cli.expect(
        0,
        &["workspace", "replace-key", "Acme MSP"],
        "revoked-key\n",
    )
    .await;
    let refused = cli.expect(1, &["orgs"], "").await;
    assert!(
        refused.stderr.contains("sms-admin workspace replace-key"),
        "{}",
        refused.stderr
    );
    let blank = cli
        .expect(2, &["workspace", "replace-key", "Acme MSP"], "\n")
        .await;
    assert!(blank.stderr.contains("API key"), "{}", blank.stderr);
    let sandbox_key = cli
        .expect(2, &["workspace", "replace-key", "Sandbox"], "some-key\n")
        .await;
    assert!(
        sandbox_key.stderr.contains("The Sandbox needs no API key"),
        "{}",
        sandbox_key.stderr
    );

    cli.expect(
        0,
        &["workspace", "replace-key", "acme msp"],
        &format!("{DEMO_API_KEY}\n"),
    )
    .await;
    let orgs = cli.expect(0, &["orgs"], "").await;
    assert!(
        orgs.stdout.contains("Harbor Dental Group"),
        "{}",
        orgs.stdout
    );
    let plan = cli
        .expect(0, &["plan", "--org", "harbor", "--json"], "")
        .await;
    let view: serde_json::Value = serde_json::from_str(&plan.stdout).unwrap();
    assert_eq!(
        view["items"].as_array().unwrap().len(),
        3,
        "the draft is as it was: {view}"
    );
    cli.assert_kept_secret(&[DEMO_API_KEY, "revoked-key"]);
}
