//! `sms-admin draft export|import`: the draft as the app's JSON file (never with secrets), or
//! new numbers from a CSV file.

use crate::args::DraftCommand;
use crate::exit::Failure;
use crate::output::Output;
use crate::session::Session;
use engine::draft_file::DraftTransfer;
use engine::numbers::CsvImportOutcome;
use std::path::Path;

pub async fn run(session: &Session, command: DraftCommand, out: Output) -> Result<(), Failure> {
    let transfer = match command {
        DraftCommand::Export { file } => session.engine.draft_files().export(file).await?,
        DraftCommand::Import { file, org } if is_csv(&file) => {
            let org = org.ok_or_else(|| {
                Failure::usage("a CSV file needs --org: the organization its numbers are for")
            })?;
            return import_csv(session, &org, &file, out).await;
        }
        DraftCommand::Import { file, .. } => session.engine.draft_files().import(file).await?,
    };
    if out.json {
        out.json(&transfer);
    }
    match transfer {
        DraftTransfer::Refused { problem } => Err(Failure::usage(problem.message)),
        DraftTransfer::Exported { changes, path } if !out.json => {
            println!("Exported {changes} drafted change(s) to {path}.");
            Ok(())
        }
        DraftTransfer::Imported { changes, path } if !out.json => {
            println!("Imported {changes} change(s) from {path} into the draft.");
            Ok(())
        }
        _ => Ok(()),
    }
}

fn is_csv(file: &Path) -> bool {
    file.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

async fn import_csv(session: &Session, org: &str, file: &Path, out: Output) -> Result<(), Failure> {
    let org = session.org(org).await?;
    let outcome = session.engine.numbers().import_csv(org, file).await?;
    if out.json {
        out.json(&outcome);
    }
    match outcome {
        CsvImportOutcome::Imported { added, note } => {
            if !out.json {
                if let Some(note) = note {
                    eprintln!("sms-admin: {note}");
                }
                println!("Added {added} new number(s) to the draft; `sms-admin plan` shows them.");
            }
            Ok(())
        }
        CsvImportOutcome::Refused { problems } => {
            if !out.json {
                for p in &problems {
                    eprintln!("{}:{}: {}: {}", file.display(), p.line, p.column, p.message);
                }
            }
            Err(Failure::usage(format!(
                "{} problem(s) in {}; nothing was imported",
                problems.len(),
                file.display()
            )))
        }
    }
}
