//! A CSV file of new SMS numbers into the draft, all or nothing: every bad row is named by its
//! line and column, and nothing is added while any row is bad.
//!
//! Columns (a header line names them, in any order): `number` and `users` (extensions or user
//! ids, separated by `;` or spaces) are required; `name`, `stickiness` (`disabled`, seconds, or
//! `30m`, `2h`, `1d`), `inbound` and `outbound` (`off`, a wire value such as `e164`, or the
//! editor's label) take the editor's defaults for new numbers when their column is missing;
//! `country` (ISO code) the organization's first connection's. Files come as spreadsheets
//! write them (see `csv_text.rs`); every problem names the file's own line.

use super::cells::{format_of, stickiness_of};
use super::csv_text;
use super::import::Taken;
use super::service::Numbers;
use super::table::NumbersState;
use super::user_names::UserNames;
use crate::base::error::EngineResult;
use crate::stored::snapshot::Freshness;
use domain::OrgId;
use domain::sms_number::{
    NEW_NUMBER_INBOUND, NEW_NUMBER_OUTBOUND, NEW_NUMBER_STICKINESS, NumberRules,
};
use domain::{FieldKey, InboundFormat, OutboundFormat, SmsNumberInput, StickinessInput};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use store::tables::drafted::{
    self,
    numbers::{DraftChange, DraftTarget},
};
use ts_rs::TS;

/// The columns a file must have, and those it may leave out (the editor's defaults stand in).
const REQUIRED: [&str; 2] = ["number", "users"];
const OPTIONAL: [&str; 5] = ["name", "stickiness", "inbound", "outbound", COUNTRY];
const COUNTRY: &str = "country";

/// The largest file read: far past any organization's numbers, well short of a mistake's size.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The most problems listed; a file that is wrong throughout says so without a flood.
const MAX_PROBLEMS: usize = 200;

/// One bad cell (or line), as the admin finds it in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// The file's line (1 is the header).
    pub line: u64,
    pub column: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(
    tag = "outcome",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CsvImportOutcome {
    Imported {
        added: u32,
        /// How the file was read, when it was not plain UTF-8.
        note: Option<String>,
    },
    /// Nothing was added.
    Refused { problems: Vec<RowProblem> },
}

fn problem(line: u64, column: &str, message: impl Into<String>) -> RowProblem {
    RowProblem {
        line,
        column: column.into(),
        message: message.into(),
    }
}

/// The column a form field comes from.
fn column_of(field: FieldKey) -> &'static str {
    match field {
        FieldKey::Number => "number",
        FieldKey::DisplayName => "name",
        FieldKey::Users => "users",
        FieldKey::Stickiness => "stickiness",
        FieldKey::Country => COUNTRY,
        _ => "row",
    }
}

/// A number's national form as its display name, or the cell as typed when it is no number.
fn national_name(raw: &str, country: &str) -> String {
    domain::Country::parse(country)
        .ok()
        .and_then(|c| domain::PhoneNumber::parse(raw, c).ok())
        .map_or_else(|| raw.to_owned(), |n| n.national_display())
}

/// The header's column positions, or what is missing.
fn columns(header: &csv::StringRecord) -> Result<HashMap<String, usize>, RowProblem> {
    let found: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim().to_lowercase(), i))
        .collect();
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|c| !found.contains_key(*c))
        .collect();
    if missing.is_empty() {
        Ok(found)
    } else {
        Err(problem(
            1,
            "header",
            format!(
                "the header lacks {}; it needs {} (and may have {})",
                missing.join(", "),
                REQUIRED.join(", "),
                OPTIONAL.join(", ")
            ),
        ))
    }
}

impl Numbers<'_> {
    /// Adds the numbers in the CSV file at `path` to the organization's draft as new numbers
    /// through its thinQ card, all or none. Needs no network.
    pub async fn import_csv(&self, org: OrgId, path: &Path) -> EngineResult<CsvImportOutcome> {
        let refused = |message: String| {
            Ok(CsvImportOutcome::Refused {
                problems: vec![problem(0, "file", message)],
            })
        };
        match std::fs::metadata(path) {
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                return refused(format!(
                    "{} is larger than {} MB: split it",
                    path.display(),
                    MAX_FILE_BYTES >> 20
                ));
            }
            _ => {}
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => return refused(format!("{} could not be read: {e}", path.display())),
        };
        let (text, note) = match csv_text::decode(&bytes) {
            Ok(decoded) => decoded,
            Err(why) => return refused(why.to_string()),
        };
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        let service = state.thinq_service().map(|s| s.id.clone()).ok_or_else(|| {
            crate::base::error::EngineError::NoThinqCard(
                state.snapshot.data.organization.name.clone(),
            )
        })?;
        let known = state.known_users();
        let rules = NumberRules {
            known_users: &known,
            service,
        };
        let (fields, problems) = read_rows(&text, &state, &rules);
        if !problems.is_empty() {
            return Ok(CsvImportOutcome::Refused { problems });
        }
        let added = fields.len() as u32;
        let changes: Vec<_> = fields
            .into_iter()
            .map(|f| {
                (
                    org.clone(),
                    DraftTarget::New,
                    DraftChange::Upsert(Box::new(f)),
                )
            })
            .collect();
        let ws = state.workspace.clone();
        self.stored
            .write_drafts(&ws.clone(), move |db| {
                Ok(drafted::numbers::insert_all(db.conn(), &ws, &changes)?)
            })
            .await?;
        Ok(CsvImportOutcome::Imported { added, note })
    }
}

/// The file reader on bytes against `state`, as the import runs it once the file is read: how
/// many numbers it would add, or how many problems it names. For the fuzz target.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn read_csv(
    bytes: &[u8],
    state: &NumbersState,
    rules: &NumberRules<'_>,
) -> Result<usize, usize> {
    let Ok((text, _)) = csv_text::decode(bytes) else {
        return Err(1);
    };
    match read_rows(&text, state, rules) {
        (fields, problems) if problems.is_empty() => Ok(fields.len()),
        (_, problems) => Err(problems.len()),
    }
}

/// Every row checked; the numbers when all are good, else every problem found.
fn read_rows(
    text: &str,
    state: &NumbersState,
    rules: &NumberRules<'_>,
) -> (Vec<domain::SmsNumberFields>, Vec<RowProblem>) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return (Vec::new(), vec![problem(1, "header", e.to_string())]),
    };
    let at = match columns(&header) {
        Ok(at) => at,
        Err(p) => return (Vec::new(), vec![p]),
    };
    // The file's own line of a record: the csv reader's own count drifts on CRLF files.
    let mut lines = csv_text::LineCounter::default();
    let mut line_at =
        |byte: u64| lines.line_of(text.as_bytes(), usize::try_from(byte).unwrap_or(usize::MAX));
    let users = UserNames::new(state);
    let taken = Taken::new(state);
    let fallback = state.fallback_country();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut fields = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                problems.push(problem(line, "row", e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let mut row_problems = Vec::new();
        if let Some(input) = row_input(&record, &at, line, &users, fallback, &mut row_problems) {
            match input.validate(rules) {
                Ok(f) => {
                    let e164 = f.number.e164().to_owned();
                    if taken.has(&f.number) {
                        row_problems.push(problem(
                            line,
                            "number",
                            format!(
                                "{} is already an SMS number of this organization (or drafted)",
                                f.number.international_display()
                            ),
                        ));
                    } else if let Some(first) = seen.insert(e164, line) {
                        row_problems.push(problem(
                            line,
                            "number",
                            format!(
                                "{} is also on line {first}",
                                f.number.international_display()
                            ),
                        ));
                    } else if row_problems.is_empty() {
                        fields.push(f);
                    }
                }
                Err(found) => {
                    // A users cell already named as unreadable is not named again as empty.
                    let users_named = row_problems.iter().any(|r| r.column == "users");
                    row_problems.extend(
                        found
                            .into_iter()
                            .filter(|p| !(users_named && p.field == FieldKey::Users))
                            .map(|p| problem(line, column_of(p.field), p.message)),
                    );
                }
            }
        }
        problems.extend(row_problems);
    }
    (fields, problems)
}

/// One record's cells read as the editor's input for a new number; `None` when a setting cell
/// cannot be read. What is wrong with a cell is added to `row_problems`.
fn row_input(
    record: &csv::StringRecord,
    at: &HashMap<String, usize>,
    line: u64,
    users: &UserNames,
    fallback: domain::Country,
    row_problems: &mut Vec<RowProblem>,
) -> Option<SmsNumberInput> {
    let cell = |name: &str| at.get(name).and_then(|i| record.get(*i)).unwrap_or("");
    // A column the file leaves out takes the editor's default for a new number.
    let column = |name: &str| at.contains_key(name).then(|| cell(name));
    let user_ids: Vec<String> = cell("users")
        .split([';', ' ', ','])
        .filter(|t| !t.is_empty())
        .filter_map(|t| {
            users
                .resolve(t)
                .map_err(|m| row_problems.push(problem(line, "users", m.to_string())))
                .ok()
        })
        .collect();
    let stickiness = match column("stickiness") {
        None => Some(StickinessInput::Preset {
            seconds: NEW_NUMBER_STICKINESS.seconds(),
        }),
        Some(raw) => stickiness_of(raw)
            .map_err(|m| row_problems.push(problem(line, "stickiness", m.to_string())))
            .ok(),
    };
    let inbound = column("inbound").map_or(Some(NEW_NUMBER_INBOUND), format_of::<InboundFormat>);
    if inbound.is_none() {
        row_problems.push(problem(
            line,
            "inbound",
            format!(
                "\"{}\" is not an inbound format (off, e164, national, national0)",
                cell("inbound")
            ),
        ));
    }
    let outbound =
        column("outbound").map_or(Some(NEW_NUMBER_OUTBOUND), format_of::<OutboundFormat>);
    if outbound.is_none() {
        row_problems.push(problem(
            line,
            "outbound",
            format!(
                "\"{}\" is not an outbound format (off, e164, national, international)",
                cell("outbound")
            ),
        ));
    }
    let country = match cell(COUNTRY) {
        "" => fallback.as_str().to_owned(),
        given => given.to_uppercase(),
    };
    let (Some(stickiness), Some(inbound_format), Some(outbound_format)) =
        (stickiness, inbound, outbound)
    else {
        return None;
    };
    // Without a name, a number is named by itself, as Import from thinQ names it.
    let name = match column("name").map(str::trim) {
        None | Some("") => national_name(cell("number"), &country),
        Some(given) => given.to_owned(),
    };
    let input = SmsNumberInput {
        country,
        number: cell("number").to_owned(),
        name,
        users: user_ids,
        stickiness,
        inbound_format,
        outbound_format,
        send_name: false,
        opt_out_keyword: String::new(),
        opt_out_reply: String::new(),
        auto_replies: Vec::new(),
    };
    Some(input)
}
