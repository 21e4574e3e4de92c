//! `sms-admin import-dids`: the Numbers tab's Import from thinQ — chosen DIDs (or every one
//! not yet here) added to the draft as new numbers with shared users, stickiness and formats.

use crate::args::ImportDidsArgs;
use crate::exit::Failure;
use crate::output::Output;
use crate::session::Session;
use domain::sms_number::{NEW_NUMBER_INBOUND, NEW_NUMBER_OUTBOUND, NEW_NUMBER_STICKINESS};
use domain::{DEFAULT_COUNTRY, InboundFormat, OutboundFormat, PhoneNumber, StickinessInput};
use engine::numbers::{ImportDidsInput, ImportDidsOutcome, format_of, stickiness_of};

pub async fn run(session: &Session, args: ImportDidsArgs, out: Output) -> Result<(), Failure> {
    let org = session.org(&args.org.org).await?;
    let engine = &session.engine;
    let stickiness = match &args.stickiness {
        None => StickinessInput::Preset {
            seconds: NEW_NUMBER_STICKINESS.seconds(),
        },
        Some(raw) => {
            stickiness_of(raw).map_err(|m| Failure::usage(format!("{m} (--stickiness)")))?
        }
    };
    let inbound_format = match &args.inbound {
        None => NEW_NUMBER_INBOUND,
        Some(raw) => format_of::<InboundFormat>(raw).ok_or_else(|| {
            Failure::usage(format!(
                "\"{raw}\" is not an inbound format: off, e164, national, national0 (--inbound)"
            ))
        })?,
    };
    let outbound_format = match &args.outbound {
        None => NEW_NUMBER_OUTBOUND,
        Some(raw) => format_of::<OutboundFormat>(raw).ok_or_else(|| {
            Failure::usage(format!("\"{raw}\" is not an outbound format: off, e164, national, international (--outbound)"))
        })?,
    };
    let users = engine
        .numbers()
        .user_ids(org.clone(), &args.users)
        .await?
        .map_err(|m| Failure::usage(format!("{m} (--users)")))?;
    let numbers = if args.all {
        let listed = engine.numbers().thinq_dids(org.clone()).await?;
        listed
            .dids
            .into_iter()
            .filter(|d| !d.taken)
            .map(|d| d.number)
            .collect()
    } else {
        args.dids
            .iter()
            .map(|raw| {
                // thinQ's DIDs are North American numbers.
                PhoneNumber::parse(raw, DEFAULT_COUNTRY)
                    .map(|n| n.ringotel_wire().to_owned())
                    .map_err(|e| Failure::usage(format!("{raw}: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let outcome = engine
        .numbers()
        .import_dids(
            org,
            ImportDidsInput {
                numbers,
                users,
                stickiness,
                inbound_format,
                outbound_format,
            },
        )
        .await?;
    if out.json {
        out.json(&outcome);
    }
    match outcome {
        ImportDidsOutcome::Imported { added, skipped, .. } => {
            if !out.json {
                println!("Added {added} number(s) to the draft; `sms-admin plan` shows them.");
                if !skipped.is_empty() {
                    println!("Already here, skipped: {}", skipped.join(", "));
                }
            }
            Ok(())
        }
        ImportDidsOutcome::Invalid { problems } => Err(Failure::usage(
            problems
                .into_iter()
                .map(|p| format!("{} ({})", p.message, crate::exit::flag_of(p.field)))
                .collect::<Vec<_>>()
                .join("\n"),
        )),
    }
}
