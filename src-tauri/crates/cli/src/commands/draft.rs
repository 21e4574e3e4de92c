//! `sms-admin draft export|import`: the draft as the app's JSON file, never with secrets.

use crate::args::DraftCommand;
use crate::exit::Failure;
use crate::output::Output;
use crate::session::Session;
use engine::draft_file::DraftTransfer;

pub async fn run(session: &Session, command: DraftCommand, out: Output) -> Result<(), Failure> {
    let transfer = match command {
        DraftCommand::Export { file } => session.engine.export_draft(file).await?,
        DraftCommand::Import { file } => session.engine.import_draft(file).await?,
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
