//! `sms-admin enable-thinq`: the thinQ integration's credentials saved and the card enabled;
//! `sms-admin webhook`: the card's webhook URL kept when Ringotel does not report it.

use crate::args::{EnableThinqArgs, WebhookArgs};
use crate::exit::{FAILED_ITEMS, Failure, KEYCHAIN};
use crate::output::Output;
use crate::session::Session;
use domain::ThinqSettingsInput;
use engine::SecretPersistence;
use engine::integrations::{PasteWebhookOutcome, SaveThinqOutcome};

pub async fn webhook(session: &Session, args: WebhookArgs, out: Output) -> Result<(), Failure> {
    let org = session.org(&args.org.org).await?;
    let outcome = session
        .engine
        .integrations()
        .paste_webhook_url(org, args.webhook_url)
        .await?;
    if out.json {
        out.json(&outcome);
    }
    match outcome {
        PasteWebhookOutcome::Saved { integration } => {
            if !out.json {
                match (integration.webhook_pasted, &integration.webhook_url) {
                    (true, Some(url)) => {
                        println!("Webhook URL for {} kept: {url}", integration.org_name)
                    }
                    _ => println!(
                        "Ringotel reports the card's own webhook URL for {}; that one is used.",
                        integration.org_name
                    ),
                }
            }
            Ok(())
        }
        PasteWebhookOutcome::Invalid { problem } => Err(Failure::usage(format!(
            "{} ({})",
            problem.message,
            crate::exit::flag_of(problem.field)
        ))),
    }
}

pub async fn enable(session: &Session, args: EnableThinqArgs, out: Output) -> Result<(), Failure> {
    let org = session.org(&args.org.org).await?;
    let input = ThinqSettingsInput {
        account_id: args.account_id,
        username: args.username,
        token: Some(crate::secret_input::read("thinQ API token")?),
    };
    let persistence = if args.session_only {
        SecretPersistence::Session
    } else {
        SecretPersistence::Keychain
    };
    let outcome = session
        .engine
        .integrations()
        .save_thinq_settings(org, input, persistence)
        .await?;
    if out.json {
        out.json(&outcome);
    }
    match outcome {
        SaveThinqOutcome::Saved { integration, note } => {
            if !out.json {
                println!("thinQ integration enabled for {}.", integration.org_name);
                if let Some(note) = note {
                    println!("{note}");
                }
            }
            Ok(())
        }
        SaveThinqOutcome::SavedNotApplied {
            message,
            portal_steps,
            ..
        } => Err(Failure {
            code: FAILED_ITEMS,
            message: format!(
                "saved here, but not enabled in Ringotel: {message}\n{}",
                portal_steps.join("\n")
            ),
        }),
        SaveThinqOutcome::Invalid { problems } => Err(Failure::usage(
            problems
                .into_iter()
                .map(|p| format!("{} ({})", p.message, crate::exit::flag_of(p.field)))
                .collect::<Vec<_>>()
                .join("\n"),
        )),
        SaveThinqOutcome::KeychainUnavailable { message, .. } => Err(Failure {
            code: KEYCHAIN,
            message: format!(
                "{message}. Nothing was saved; --session-only keeps the token for this run only."
            ),
        }),
    }
}
