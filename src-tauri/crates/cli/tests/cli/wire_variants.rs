//! The whole job from a script — thinQ enabled, DIDs imported, numbers from a CSV, readiness
//! fixes, apply — against the strict sandbox and under each open question answered the other
//! way; `doctor` then names what was seen. Also `sandbox serve --wire` as a script starts it.

use crate::Cli;
use crate::readiness::harbor_with_thinq;
use sandbox::{DEMO_API_KEY, Sandbox, WireSwitch, WireVariant, demo_thinq_accounts};
use std::collections::HashMap;

async fn the_whole_job_by_script(wire: WireVariant) {
    let sandbox = Sandbox::start().await.unwrap();
    sandbox.set_wire(wire);
    let cli = harbor_with_thinq(&sandbox).await;
    let listed = cli
        .expect(0, &["dids", "--org", "harbor", "--json"], "")
        .await;
    let view: serde_json::Value = serde_json::from_str(&listed.stdout).unwrap();
    let free: Vec<String> = view["dids"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["taken"] == false)
        .map(|d| d["number"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(free.len(), 22, "every DID, whatever the paging");
    let mut import = vec!["import-dids", "--org", "harbor", "--users", "101,102"];
    import.extend(free[..3].iter().map(String::as_str));
    let added = cli.expect(0, &import, "").await;
    assert!(added.stdout.contains("Added 3 number(s)"), "{added:#?}");
    let file = cli.data.path().join("more.csv");
    std::fs::write(
        &file,
        format!("number,users\r\n{},103\r\n{},104\r\n", free[3], free[4]),
    )
    .unwrap();
    cli.expect(
        0,
        &["draft", "import", file.to_str().unwrap(), "--org", "harbor"],
        "",
    )
    .await;
    let export = cli.data.path().join("exported-draft.json");
    cli.expect(0, &["draft", "export", export.to_str().unwrap()], "")
        .await;
    cli.expect(0, &["apply", "--org", "harbor"], "").await;

    cli.expect(1, &["readiness", "--org", "harbor", "--fix"], "")
        .await;
    let applied = cli.expect(0, &["apply", "--org", "harbor"], "").await;
    assert!(applied.stdout.contains(", 0 failed."), "{applied:#?}");
    let after = cli.expect(0, &["readiness", "--org", "harbor"], "").await;
    assert!(
        after.stdout.contains("9 pass, 0 fail, 0 unknown."),
        "{}",
        after.stdout
    );
    let plan = cli.expect(0, &["plan", "--org", "harbor"], "").await;
    assert!(plan.stdout.contains("Nothing to do"), "{}", plan.stdout);
    // The front desk's opt-out list, in whatever shape it comes: its customers are listed.
    let optouts = cli
        .expect(
            0,
            &[
                "optout",
                "list",
                "--org",
                "harbor",
                "--number",
                "858-437-6048",
            ],
            "",
        )
        .await;
    assert!(
        optouts.stdout.contains("+1 619-555-0188"),
        "{}",
        optouts.stdout
    );

    let shapes = cli.data.path().join("shapes.json");
    let doctor = cli
        .expect(
            0,
            &["doctor", "--json", "--report", shapes.to_str().unwrap()],
            "",
        )
        .await;
    let report: serde_json::Value = serde_json::from_str(&doctor.stdout).unwrap();
    let seen: HashMap<String, String> = report["diagnostics"]["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_owned(),
                a["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for (id, held) in wire.shows() {
        let want = if held { "confirmed" } else { "contradicted" };
        let key = serde_json::to_value(id).unwrap();
        assert_eq!(seen[key.as_str().unwrap()], want, "{wire:?}: {id:?}");
    }
    assert!(shapes.exists(), "the shape report was written");
    // Key and token: in no output (debug logging on), no file, export or report.
    cli.assert_kept_secret(&[DEMO_API_KEY, demo_thinq_accounts()[0].token]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_job_by_script_on_the_published_shapes_and_under_each_switch() {
    let variants: Vec<_> = std::iter::once(WireVariant::default())
        .chain(WireSwitch::ALL.map(|s| WireVariant::default().with(s)))
        .collect();
    // A few at a time: a burst of a dozen scripts, each starting CLI processes that all open
    // the keychain at once, can bring the test keyring daemon down (gnome-keyring#190).
    for batch in variants.chunks(3) {
        let runs: Vec<_> = batch
            .iter()
            .map(|&wire| (wire, tokio::spawn(the_whole_job_by_script(wire))))
            .collect();
        for (wire, run) in runs {
            if let Err(failure) = run.await {
                panic!("under {wire:?}: {failure}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sandbox_serve_takes_its_switches_by_name_and_refuses_an_unknown_one() {
    let cli = Cli::in_new_folder();
    let refused = cli
        .expect(2, &["sandbox", "serve", "--wire", "sideways"], "")
        .await;
    assert!(refused.stderr.contains("did-details"), "{}", refused.stderr);
    let mut server = tokio::process::Command::new(env!("CARGO_BIN_EXE_sms-admin"))
        .args([
            "sandbox",
            "serve",
            "--wire",
            "did-details,organization-object",
        ])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let stdout = server.stdout.take().unwrap();
    let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(stdout));
    let first = lines.next_line().await.unwrap().unwrap();
    let started: serde_json::Value = serde_json::from_str(&first).unwrap();
    let url = started["ringotelUrl"].as_str().unwrap();
    let orgs = rpc(url, "getOrganizations", serde_json::json!({})).await;
    let id = orgs["result"][0]["id"].as_str().unwrap();
    let one = rpc(url, "getOrganization", serde_json::json!({"id": id})).await;
    assert!(
        one["result"].is_object(),
        "a bare object under organization-object: {one}"
    );
    server.kill().await.unwrap();
}

/// One Admin API call to a sandbox, as any client makes it.
async fn rpc(url: &str, method: &str, params: serde_json::Value) -> serde_json::Value {
    transport::build_client()
        .unwrap()
        .post(format!("{url}/api"))
        .bearer_auth(sandbox::DEMO_API_KEY)
        .json(&serde_json::json!({"method": method, "params": params}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
