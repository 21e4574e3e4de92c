//! The read commands: organizations, connections, users, SMS numbers, integrations, DIDs.

use super::when;
use crate::args::Command;
use crate::exit::Failure;
use crate::output::{Output, Table};
use crate::session::Session;
use engine::snapshot::Freshness;

pub async fn run(session: &Session, command: Command, out: Output) -> Result<(), Failure> {
    let engine = &session.engine;
    match command {
        Command::Orgs => {
            let list = engine.organizations().list().await?;
            if out.json {
                out.json(&list);
                return Ok(());
            }
            let mut table =
                Table::new(vec!["ORGANIZATION", "DOMAIN", "PACKAGE", "READINESS", "ID"]);
            for o in &list.organizations {
                let readiness = o.readiness.as_ref().map_or_else(
                    || "not checked".into(),
                    |r| {
                        format!(
                            "{}/{} pass, {}",
                            r.passed,
                            r.passed + r.failed + r.unknown,
                            when(r.checked_at)
                        )
                    },
                );
                table.row(vec![
                    o.name.clone(),
                    o.domain.clone(),
                    o.package_label.clone(),
                    readiness,
                    o.id.to_string(),
                ]);
            }
            offline_note(list.offline.as_ref(), list.fetched_at);
            out.table(&table);
        }
        Command::Connections(org) => {
            let detail = engine
                .organizations()
                .detail_as(session.org(&org.org).await?, Freshness::Live)
                .await?;
            if out.json {
                out.json(&detail);
                return Ok(());
            }
            let mut table = Table::new(vec!["CONNECTION", "COUNTRY", "USERS", "SMS MODE", "ID"]);
            for c in &detail.connections {
                table.row(vec![
                    c.name.clone(),
                    c.country.clone(),
                    c.user_count.to_string(),
                    c.sms_mode_label.clone(),
                    c.id.to_string(),
                ]);
            }
            offline_note(detail.offline.as_ref(), detail.fetched_at);
            out.table(&table);
        }
        Command::Users(org) => {
            let org = session.org(&org.org).await?;
            // The organization as Ringotel has it now, then its users by connection.
            engine
                .organizations()
                .detail_as(org.clone(), Freshness::Live)
                .await?;
            let editor = engine.numbers().editor(org, None).await?;
            if out.json {
                out.json(&editor.connections);
                return Ok(());
            }
            let mut table = Table::new(vec!["USER", "EXTENSION", "CONNECTION", "ID"]);
            for c in &editor.connections {
                for u in &c.users {
                    table.row(vec![
                        u.name.clone(),
                        u.extension.clone(),
                        c.name.clone(),
                        u.id.to_string(),
                    ]);
                }
            }
            out.table(&table);
        }
        Command::Numbers(org) => {
            let view = engine
                .numbers()
                .view(session.org(&org.org).await?, Freshness::Live)
                .await?;
            if out.json {
                out.json(&view);
                return Ok(());
            }
            let mut table = Table::new(vec![
                "NUMBER",
                "NAME",
                "USERS",
                "STICKINESS",
                "IN",
                "OUT",
                "STATUS",
            ]);
            for r in &view.rows {
                let users: Vec<&str> = r.users.iter().map(|u| u.label.as_str()).collect();
                table.row(vec![
                    r.formatted.clone(),
                    r.name.clone(),
                    users.join(", "),
                    r.stickiness.clone(),
                    r.inbound.clone(),
                    r.outbound.clone(),
                    r.status_label.to_owned(),
                ]);
            }
            offline_note(view.offline.as_ref(), view.fetched_at);
            out.table(&table);
        }
        Command::Integrations(org) => {
            let view = engine
                .integrations()
                .thinq(session.org(&org.org).await?, Freshness::Live)
                .await?;
            if out.json {
                out.json(&view);
                return Ok(());
            }
            let mut table = Table::new(vec!["INTEGRATION", "STATE", "DETAIL"]);
            let thinq_detail = match (&view.account_id, &view.webhook_url) {
                (Some(account), Some(url)) => format!("account {account}, webhook {url}"),
                (Some(account), None) => format!("account {account}, webhook URL not known"),
                (None, _) => view
                    .unavailable_reason
                    .clone()
                    .unwrap_or_else(|| "settings not saved here".into()),
            };
            if view.service_id.is_some() {
                table.row(vec![
                    "thinQ".into(),
                    state(view.enabled).into(),
                    thinq_detail,
                ]);
            }
            for card in &view.other_cards {
                table.row(vec![
                    card.name.clone(),
                    state(card.enabled).into(),
                    String::new(),
                ]);
            }
            offline_note(view.offline.as_ref(), view.fetched_at);
            out.table(&table);
        }
        Command::Dids(org) => {
            let view = engine
                .numbers()
                .thinq_dids(session.org(&org.org).await?)
                .await?;
            if out.json {
                out.json(&view);
                return Ok(());
            }
            let mut table = Table::new(vec!["DID", "SMS", "IN THIS ORGANIZATION"]);
            for d in &view.dids {
                let sms = match d.sms {
                    Some(true) => "on",
                    Some(false) => "off",
                    None => "not reported",
                };
                table.row(vec![
                    d.formatted.clone(),
                    sms.into(),
                    if d.taken { "yes".into() } else { String::new() },
                ]);
            }
            out.table(&table);
            if view.unreadable > 0 {
                eprintln!(
                    "{} DIDs thinQ listed could not be read and are left out.",
                    view.unreadable
                );
            }
        }
        _ => return Err(Failure::general("not a read command")),
    }
    Ok(())
}

fn state(enabled: bool) -> &'static str {
    if enabled { "enabled" } else { "disabled" }
}

/// Says on stderr that Ringotel could not be reached and this is the saved copy.
pub fn offline_note(offline: Option<&engine::snapshot::OfflineNote>, fetched_at: i64) {
    if let Some(note) = offline {
        eprintln!(
            "Offline: {}. Showing what was saved {}.",
            note.reason,
            when(fetched_at)
        );
    }
}
