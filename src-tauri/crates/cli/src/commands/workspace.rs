//! `sms-admin workspace …`: the Ringotel accounts this machine knows, as the app keeps them.

use crate::args::WorkspaceCommand;
use crate::exit::{Failure, KEYCHAIN};
use crate::output::{Output, Table};
use crate::session::Session;
use engine::SecretPersistence;
use engine::workspace_key::ReplaceKeyInput;
use engine::workspaces::{KeySaveOutcome, NewWorkspaceInput, WorkspaceList};

pub async fn run(session: &Session, command: WorkspaceCommand, out: Output) -> Result<(), Failure> {
    let engine = &session.engine;
    match command {
        WorkspaceCommand::List => {}
        WorkspaceCommand::Add {
            name,
            base_url,
            thinq_base_url,
            session_only,
        } => {
            let input = NewWorkspaceInput {
                name,
                base_url,
                thinq_base_url,
                api_key: crate::secret_input::read("Ringotel API key")?,
            };
            let saved = engine
                .workspaces()
                .add_ringotel(
                    input,
                    if session_only {
                        SecretPersistence::Session
                    } else {
                        SecretPersistence::Keychain
                    },
                )
                .await?;
            key_saved(saved, "--session-only keeps the key for this run only")?;
        }
        // No --session-only: a key kept for one run would be gone when this command ends.
        WorkspaceCommand::ReplaceKey { workspace } => {
            let workspace_id = find(&engine.workspaces().list().await?, &workspace)?;
            let input = ReplaceKeyInput {
                workspace_id,
                api_key: crate::secret_input::read("New Ringotel API key")?,
            };
            let saved = engine
                .workspaces()
                .replace_key(input, SecretPersistence::Keychain)
                .await?;
            key_saved(saved, "the workspace keeps the key it had")?;
        }
        WorkspaceCommand::Use { workspace } => {
            let id = find(&engine.workspaces().list().await?, &workspace)?;
            engine.workspaces().activate(id).await?;
        }
        WorkspaceCommand::Remove { workspace } => {
            let id = find(&engine.workspaces().list().await?, &workspace)?;
            engine.workspaces().remove(id).await?;
        }
    }
    print(&engine.workspaces().list().await?, out);
    Ok(())
}

/// A key typed in was kept, or why nothing was and, as `then`, what follows from that.
fn key_saved(outcome: KeySaveOutcome, then: &str) -> Result<(), Failure> {
    match outcome {
        KeySaveOutcome::Saved { .. } => Ok(()),
        KeySaveOutcome::Invalid { problems } => {
            let lines: Vec<String> = problems
                .into_iter()
                .map(|p| format!("{} ({})", p.message, crate::exit::flag_of(p.field)))
                .collect();
            Err(Failure::usage(lines.join("\n")))
        }
        KeySaveOutcome::KeychainUnavailable { message, .. } => Err(Failure {
            code: KEYCHAIN,
            message: format!("{message}. Nothing was saved; {then}."),
        }),
    }
}

fn find(list: &WorkspaceList, given: &str) -> Result<domain::WorkspaceId, Failure> {
    list.workspaces
        .iter()
        .find(|w| w.id.as_str() == given || w.name.eq_ignore_ascii_case(given))
        .map(|w| w.id.clone())
        .ok_or_else(|| {
            Failure::usage(format!(
                "no workspace is called \"{given}\"; `sms-admin workspace list` lists them"
            ))
        })
}

fn print(list: &WorkspaceList, out: Output) {
    if out.json {
        return out.json(list);
    }
    let mut table = Table::new(vec!["", "WORKSPACE", "RINGOTEL", "THINQ", "API KEY"]);
    for w in &list.workspaces {
        let key = match &w.api_key {
            None => "none needed".to_owned(),
            Some(engine::SecretState::Stored { .. }) => "stored".to_owned(),
            Some(engine::SecretState::Unavailable { message }) => format!("unreadable: {message}"),
        };
        table.row(vec![
            if w.active { "*".into() } else { String::new() },
            if w.simulated {
                format!("{} (simulated)", w.name)
            } else {
                w.name.clone()
            },
            w.base_url.clone().unwrap_or_else(|| "built in".into()),
            w.thinq_base_url.clone().unwrap_or_else(|| {
                if w.simulated {
                    "built in".into()
                } else {
                    list.default_thinq_base_url.clone()
                }
            }),
            key,
        ]);
    }
    out.table(&table);
}
