//! A problem with one input field, named so the UI can show it beside that field.

use serde::Serialize;
use ts_rs::TS;

/// One rejected input: which field, and what is wrong with it in words an admin acts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    /// The form field's key, as the UI names it (`accountId`, `username`, `token`, `baseUrl`, ...).
    pub field: String,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// Every problem found in one form, so the admin sees them all at once rather than one per try.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<FieldProblem>);

impl Problems {
    /// Keeps the value when it parsed, or records the problem and keeps going.
    pub fn check<T, E: std::fmt::Display>(
        &mut self,
        field: &str,
        parsed: Result<T, E>,
    ) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(err) => {
                self.0.push(FieldProblem::new(field, err.to_string()));
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldProblem> {
        self.0
    }
}
