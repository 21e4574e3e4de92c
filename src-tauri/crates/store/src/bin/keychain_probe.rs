//! Stores, reads back and deletes one throw-away secret, then prints what happened as JSON:
//! a diagnostic for "is the keychain usable here", and how tests reproduce each failure mode
//! in a process of its own environment.

use domain::{Secret, WorkspaceId};
use std::time::Duration;
use store::{KEYCHAIN_ANSWER_WAIT, Keychain, SecretName};

/// `keychain-probe [--answer-wait-ms N]`: how long each keychain call may take.
fn answer_wait() -> Duration {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|pair| pair[0] == "--answer-wait-ms")
        .and_then(|pair| pair[1].parse().ok())
        .map_or(KEYCHAIN_ANSWER_WAIT, Duration::from_millis)
}

fn main() {
    let keychain = Keychain::with_answer_wait("ringotel-sms-admin-probe", answer_wait());
    let Ok(workspace) = WorkspaceId::parse(&format!("probe-{}", std::process::id())) else {
        println!(
            "{}",
            serde_json::json!({ "ok": false, "message": "no probe id" })
        );
        std::process::exit(1);
    };
    let name = SecretName::RingotelApiKey { workspace };
    let outcome = keychain
        .store_secret(&name, &Secret::new("probe-value"))
        .and_then(|()| keychain.load(&name))
        .and_then(|loaded| {
            let round_trip = loaded.as_ref().map(Secret::expose) == Some("probe-value");
            keychain.delete(&name).map(|()| round_trip)
        });
    let report = match outcome {
        Ok(round_trip) => serde_json::json!({ "ok": round_trip }),
        Err(error) => {
            serde_json::json!({ "ok": false, "problem": error.problem, "message": error.message(), "detail": error.detail })
        }
    };
    println!("{report}");
    if report["ok"] != true {
        std::process::exit(1);
    }
}
