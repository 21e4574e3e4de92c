//! `sms-admin doctor`: each assumption about the two services as this workspace's answers
//! showed it — confirmed, contradicted or not seen yet — with what the app does about it; and
//! `--report FILE`, the shape report (keys and types, no values) to send to the developers.

use crate::exit::Failure;
use crate::output::{Output, Table};
use crate::session::Session;
use clap::Args;
use domain::Verdict;
use engine::diagnostics::ReportFile;
use std::path::PathBuf;

#[derive(Args)]
pub struct DoctorArgs {
    /// Also write the shape report to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
}

pub async fn run(session: &Session, args: DoctorArgs, out: Output) -> Result<(), Failure> {
    let engine = &session.engine;
    let view = engine.diagnostics().view().await?;
    let saved = match &args.report {
        Some(path) => match engine.diagnostics().save_shape_report(path).await? {
            ReportFile::NotWritten { message } => return Err(Failure::usage(message)),
            saved @ ReportFile::Saved { .. } => Some(saved),
        },
        None => None,
    };
    if out.json {
        out.json(&serde_json::json!({"diagnostics": view, "report": saved}));
        return Ok(());
    }
    out.heading(&format!(
        "Assumptions about Ringotel and thinQ, as the answers to \"{}\" showed them ({} method(s) recorded)",
        view.workspace_name, view.methods_seen
    ));
    let mut table = Table::new(vec!["VERDICT", "SERVICE", "ASSUMPTION", "SEEN"]);
    for a in &view.assumptions {
        table.row(vec![
            a.verdict_label.clone(),
            a.api_label.clone(),
            a.id.as_str().to_owned(),
            a.seen.clone().unwrap_or_default(),
        ]);
    }
    out.table(&table);
    let contradicted: Vec<_> = view
        .assumptions
        .iter()
        .filter(|a| a.verdict == Verdict::Contradicted)
        .collect();
    if !contradicted.is_empty() {
        println!();
        out.heading("Contradicted, and what the app does about it:");
        for a in contradicted {
            println!("  {}: {}", a.id.as_str(), a.fallback);
        }
    }
    if let Some(ReportFile::Saved { path }) = saved {
        println!();
        println!("Shape report written to {path}: keys and types only, no values or secrets.");
    }
    Ok(())
}
