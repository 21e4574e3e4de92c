//! `sms-admin plan` and `sms-admin apply`: the Changes tab's plan and Sync, on the same engine.

use super::read::offline_note;
use crate::exit::{FAILED_ITEMS, Failure};
use crate::output::{Output, Table};
use crate::session::Session;
use engine::snapshot::Freshness;
use engine::sync::{ChangesView, SyncProgress, SyncStatus};
use std::io::Write;

pub async fn plan(session: &Session, org: &str, out: Output) -> Result<(), Failure> {
    let view = session
        .engine
        .changes()
        .view(session.org(org).await?, Freshness::Live)
        .await?;
    if out.json {
        out.json(&view);
    } else {
        offline_note(view.offline.as_ref(), view.fetched_at);
        print_plan(&view, out);
    }
    Ok(())
}

fn print_plan(view: &ChangesView, out: Output) {
    if view.items.is_empty() && view.setup.is_empty() {
        println!("Nothing to do: the draft is empty.");
        return;
    }
    if !view.setup.is_empty() {
        out.heading("Setup (sent first)");
        let mut table = Table::new(vec!["SETTING", "CHANGE", "LAST SYNC"]);
        for s in &view.setup {
            table.row(vec![
                s.kind.label_with_service(),
                s.description.clone(),
                s.last_failure.clone().unwrap_or_default(),
            ]);
        }
        out.table(&table);
        println!();
    }
    if !view.items.is_empty() {
        out.heading("SMS numbers");
        let mut table = Table::new(vec!["ACTION", "NUMBER", "NAME", "FIELD", "BEFORE", "AFTER"]);
        for item in &view.items {
            let action = match &item.blocker {
                Some(b) => format!("WAITS: {}", b.message),
                None => item.action_label.clone(),
            };
            // The number's first line names it; its other fields follow on lines of their own.
            let mut lead = Some([action, item.number.clone(), item.name.clone()]);
            let mut row = |field: String, before: String, after: String| {
                let [a, n, m] = lead.take().unwrap_or_default();
                table.row(vec![a, n, m, field, before, after]);
            };
            if item.changes.is_empty() {
                row(String::new(), String::new(), String::new());
            }
            for change in &item.changes {
                let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
                row(
                    change.label.clone(),
                    shown(&change.before),
                    shown(&change.after),
                );
            }
        }
        out.table(&table);
    }
    if view.blocked > 0 {
        eprintln!(
            "{} change(s) wait for a decision (resolve them on the app's Changes tab); apply sends nothing until then.",
            view.blocked
        );
    }
}

pub async fn apply(session: &Session, org: &str, out: Output) -> Result<(), Failure> {
    let live = out.live_progress && !out.json;
    let report = session
        .engine
        .changes()
        .sync(session.org(org).await?, None, move |p| progress(p, live))
        .await?;
    if live {
        eprintln!();
    }
    if out.json {
        out.json(&report);
    } else {
        for s in &report.setup {
            println!(
                "{:<11} {}{}",
                s.state_label,
                s.description,
                s.detail
                    .as_ref()
                    .map(|d| format!(" — {d}"))
                    .unwrap_or_default()
            );
        }
        for i in &report.items {
            println!(
                "{:<11} {} {}{}",
                i.state_label,
                i.action_label,
                i.number,
                i.detail
                    .as_ref()
                    .map(|d| format!(" — {d}"))
                    .unwrap_or_default()
            );
        }
        if report.status == SyncStatus::Blocked {
            // A blocked sync sent nothing, and always carries the plan that blocked it.
            if let Some(view) = &report.view {
                print_plan(view, out);
            }
        } else {
            println!("{} change(s) made, {} failed.", report.sent, report.failed);
            if !report.relogin.is_empty() {
                println!(
                    "Sign in again (or Reload Objects) in the Ringotel app: {}",
                    report.relogin.join(", ")
                );
            }
        }
    }
    match report.status {
        SyncStatus::Blocked => Err(Failure {
            code: FAILED_ITEMS,
            message: "nothing was sent: conflicts wait for a decision".into(),
        }),
        SyncStatus::Finished if report.failed > 0 => Err(Failure {
            code: FAILED_ITEMS,
            message: format!("{} change(s) failed; they stay in the draft", report.failed),
        }),
        SyncStatus::Finished => Ok(()),
    }
}

/// A bar redrawn on one line on a terminal; otherwise one plain line per change.
fn progress(p: SyncProgress, live: bool) {
    let mut err = std::io::stderr().lock();
    if live {
        let width = 30;
        let filled = (p.done as usize * width)
            .checked_div(p.total as usize)
            .unwrap_or(0);
        let _ = write!(
            err,
            "\r[{}{}] {}/{}{}",
            "#".repeat(filled),
            ".".repeat(width - filled),
            p.done,
            p.total,
            if p.failed > 0 {
                format!(", {} failed", p.failed)
            } else {
                String::new()
            }
        );
        let _ = err.flush();
    } else if p.done > 0 {
        let _ = writeln!(err, "{}/{} done, {} failed", p.done, p.total, p.failed);
    }
}
