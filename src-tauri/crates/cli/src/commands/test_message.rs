//! `sms-admin test-message`: one real text sent and followed both ways, each leg printed as it
//! settles; exit 1 when one fails.

use crate::args::TestMessageArgs;
use crate::exit::{FAILED_ITEMS, Failure};
use crate::output::Output;
use crate::session::Session;
use engine::Cancel;
use engine::test_message::{LegState, TestMessageInput, TestMessageView};
use std::sync::Mutex;

/// A refused input named by this command's own flag (`--from`, `--to`, `--wait-reply`), not
/// by the form field it shares with other commands.
fn named_by_flag(error: engine::EngineError) -> Failure {
    use domain::FieldKey;
    let field = match &error {
        engine::EngineError::Invalid(problems) => problems.first().map(|p| p.field),
        _ => None,
    };
    let flag = match field {
        Some(FieldKey::Number) => "--from",
        Some(FieldKey::Customer) => "--to",
        Some(FieldKey::ReplyWait) => "--wait-reply",
        // Anything else fails as every command's failures do, with what to do next.
        _ => return error.into(),
    };
    Failure::usage(format!("{} ({flag})", engine::Problem::from(error).message))
}

pub async fn run(session: &Session, args: TestMessageArgs, out: Output) -> Result<(), Failure> {
    let org = session.org(&args.org.org).await?;
    let input = TestMessageInput {
        from: args.from,
        to: args.to,
        wait_reply_secs: args.wait_reply,
    };
    // Each leg is printed once, when it settles (not in JSON, which prints the end result);
    // what a running leg waits for goes to stderr once.
    let printed = Mutex::new((Vec::new(), Vec::new()));
    let view = session
        .engine
        .test_messages()
        .run(org, input, &Cancel::new(), |v: &TestMessageView| {
            if out.json {
                return;
            }
            let mut guard = printed.lock().unwrap_or_else(|p| p.into_inner());
            let (settled, announced) = &mut *guard;
            for leg in &v.legs {
                let done = !matches!(leg.state, LegState::Waiting | LegState::Running);
                if done && !settled.contains(&leg.leg) {
                    settled.push(leg.leg);
                    println!("{:<12}{}", leg.state_label, leg.label);
                    if let Some(detail) = &leg.detail {
                        println!("            {detail}");
                    }
                    if let Some(next) = &leg.check_next {
                        println!("            Check next: {next}");
                    }
                } else if leg.state == LegState::Running
                    && !announced.contains(&leg.leg)
                    && let Some(detail) = &leg.detail
                {
                    announced.push(leg.leg);
                    eprintln!("{detail}");
                }
            }
        })
        .await
        .map_err(named_by_flag)?;
    if out.json {
        out.json(&view);
    } else if view.passed {
        println!(
            "Texts flow both ways between {} and {}.",
            view.from, view.to
        );
    }
    if view.passed {
        Ok(())
    } else {
        Err(Failure {
            code: FAILED_ITEMS,
            message: "the test message did not go both ways".into(),
        })
    }
}
