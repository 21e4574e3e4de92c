//! *Export report…*: a *Check all* report as CSV (one row per organization and check) or as
//! JSON (the report itself), written from the same report the list shows, private to the user.

use super::check_all::CheckAllReport;
use crate::areas::diagnostics::ReportFile;
use crate::base::error::{EngineError, EngineResult, Internal};
use serde::Deserialize;
use std::path::Path;
use ts_rs::TS;

/// The two forms a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReportFormat {
    Csv,
    Json,
}

impl ReportFormat {
    /// The file name the save dialog suggests.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Csv => "readiness-report.csv",
            Self::Json => "readiness-report.json",
        }
    }

    /// The save dialog's filter: its name and extension.
    pub fn filter(self) -> (&'static str, &'static str) {
        match self {
            Self::Csv => ("Readiness report (CSV)", "csv"),
            Self::Json => ("Readiness report (JSON)", "json"),
        }
    }
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) gets a `'` in
/// front: an organization's name must never run as one.
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

const CSV_HEADER: [&str; 9] = [
    "organization",
    "organization id",
    "readiness",
    "check",
    "result",
    "reason",
    "at fault",
    "fix",
    "as of (UTC)",
];

/// One row per organization and check; an organization that was not checked has one row
/// saying why.
pub fn csv(report: &CheckAllReport) -> EngineResult<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| EngineError::Internal(Internal::Report(e.to_string()));
    out.write_record(CSV_HEADER).map_err(failed)?;
    for org in &report.orgs {
        let head = [
            org.name.as_str(),
            org.org.as_str(),
            org.state_label.as_str(),
        ];
        let Some(checked) = &org.report else {
            let why = org
                .problem
                .as_ref()
                .map_or("not checked", |p| p.message.as_str());
            out.write_record(
                head.iter()
                    .copied()
                    .chain(["", "", why, "", "", ""])
                    .map(|t| cell(t).into_owned()),
            )
            .map_err(failed)?;
            continue;
        };
        for check in &checked.checks {
            let fix = check.fix.as_ref().map_or(String::new(), |f| {
                if f.drafted {
                    format!("{} (drafted)", f.label)
                } else {
                    f.label.clone()
                }
            });
            let at = domain::time::utc_iso_minutes(check.as_of);
            let items = check.items.join("; ");
            let row = [
                check.label.as_str(),
                check.outcome_label.as_str(),
                check.detail.as_str(),
                items.as_str(),
                fix.as_str(),
                at.as_str(),
            ];
            out.write_record(
                head.iter()
                    .copied()
                    .chain(row)
                    .map(|t| cell(t).into_owned()),
            )
            .map_err(failed)?;
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| EngineError::Internal(Internal::Report(e.into_error().to_string())))?;
    String::from_utf8(bytes).map_err(|e| EngineError::Internal(Internal::Report(e.to_string())))
}

/// The report as the list has it, for scripts.
pub fn json(report: &CheckAllReport) -> EngineResult<String> {
    serde_json::to_string_pretty(report).map_err(|e| EngineError::Internal(e.into()))
}

/// Writes `report` to `path` in `format`, readable by the user only.
pub fn write(
    report: &CheckAllReport,
    format: ReportFormat,
    path: &Path,
) -> EngineResult<ReportFile> {
    let text = match format {
        ReportFormat::Csv => csv(report)?,
        ReportFormat::Json => json(report)?,
    };
    Ok(ReportFile::written(
        path,
        store::private::write_private(path, text.as_bytes()),
    ))
}
