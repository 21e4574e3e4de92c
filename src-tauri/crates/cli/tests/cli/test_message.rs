//! `sms-admin test-message`: every leg printed as it settles, exit 0 when texts went both
//! ways; a reply that never comes fails its leg with what to check next, exit 1.

use crate::readiness::harbor_with_thinq;
use sandbox::Sandbox;
use sandbox::world::Phone;

#[tokio::test(flavor = "multi_thread")]
async fn a_test_message_prints_each_leg_and_exits_1_when_the_reply_never_comes() {
    let sandbox = Sandbox::start().await.unwrap();
    let cli = harbor_with_thinq(&sandbox).await;
    let args = |wait: &'static str| {
        [
            "test-message",
            "--org",
            "harbor",
            "--from",
            "(858) 437-6048",
            "--to",
            "619-555-0100",
            "--wait-reply",
            wait,
        ]
    };
    let passed = cli.expect(0, &args("30"), "").await;
    for line in [
        "Passed      Accepted by thinQ",
        "Passed      Delivered to the phone",
        "Passed      Inbound reached Ringotel",
        "Texts flow both ways between +1 858-437-6048 and +1 619-555-0100.",
    ] {
        assert!(passed.stdout.contains(line), "{line}: {}", passed.stdout);
    }

    sandbox.with_world(|w| w.phone = Phone::Silent);
    let silent = cli.expect(1, &args("1"), "").await;
    assert!(
        silent
            .stdout
            .contains("Failed      Inbound reached Ringotel"),
        "{}",
        silent.stdout
    );
    assert!(silent.stdout.contains("Check next: Check inbound routing"));
    assert!(
        silent.stderr.contains("did not go both ways"),
        "{}",
        silent.stderr
    );

    let bad = cli.expect(2, &args("0"), "").await;
    assert!(
        bad.stderr
            .contains("0 s is outside 1 to 900 seconds (--wait-reply)"),
        "{bad:#?}"
    );
}
