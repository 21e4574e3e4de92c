//! Entry points for the fuzz targets in `fuzz/`: the readers of files an administrator opens,
//! on raw bytes, against a small fixed organization, with no database, keychain or network.
//! Built with the `fuzzing` feature (and for its own tests, which keep the example honest).

use crate::areas::numbers::csv_import::read_csv;
use crate::areas::numbers::draft_file::read_draft_text;
use crate::areas::numbers::table::NumbersState;
use crate::base::context::Connected;
use crate::stored::snapshot::{Fetched, OrgSnapshot};
use domain::sms_number::NumberRules;
use domain::{BaseUrl, Secret, ServiceId, WorkspaceId};
use ringotel::RingotelClient;
use serde_json::json;
use std::sync::Arc;
use store::tables::workspaces::{WorkspaceRecord, WorkspaceTarget};

/// An organization as Ringotel's published examples show one: a US connection, three users
/// (two sharing an extension's digits as ids elsewhere), a thinQ service and one SMS number.
pub struct Organization {
    state: NumbersState,
    service: ServiceId,
}

impl Organization {
    /// `None` only if the fixed example no longer reads as Ringotel's types (a bug here).
    pub fn example() -> Option<Self> {
        let snapshot = OrgSnapshot::new(
            of(json!({"id": "100", "name": "Harbor Dental", "domain": "harbor"}))?,
            of(json!([{"id": "200", "name": "Main", "country": "US"}]))?,
            of(json!([
                {"id": "301", "branchid": "200", "name": "Ava", "extension": "101"},
                {"id": "302", "branchid": "200", "name": "Ben", "extension": "102"},
                {"id": "303", "branchid": "200", "name": "Cy", "extension": "301"}
            ]))?,
            of(json!([{"id": "400", "type": 15, "name": "thinQ"}]))?,
            of(
                json!([{"id": "500", "number": "18584376048", "name": "Front", "service": "400",
                "users": ["301"]}]),
            )?,
        );
        let service = ServiceId::parse("400").ok()?;
        let workspace = WorkspaceRecord {
            id: WorkspaceId::parse("fuzz").ok()?,
            name: "Fuzz".into(),
            target: WorkspaceTarget::Sandbox,
            created_at: 0,
        };
        // Never called: nothing here reaches a network.
        let nowhere = BaseUrl::parse("http://127.0.0.1:9").ok()?;
        let connected = Connected {
            workspace: workspace.clone(),
            ringotel: RingotelClient::new(
                transport::build_client().ok()?,
                nowhere.clone(),
                Secret::new("unused"),
            ),
            thinq_base: nowhere,
            call_limit: None,
        };
        Some(Self {
            state: NumbersState {
                connected,
                workspace: workspace.id,
                snapshot: Fetched {
                    data: Arc::new(snapshot),
                    fetched_at: 0,
                    offline: None,
                },
                drafts: Arc::new(Vec::new()),
            },
            service,
        })
    }

    /// A CSV file of new numbers read and checked as the import does: how many numbers it
    /// would add, or how many problems it names.
    pub fn csv_import(&self, bytes: &[u8]) -> Result<usize, usize> {
        let known = self.state.known_users();
        let rules = NumberRules {
            known_users: &known,
            service: self.service.clone(),
        };
        read_csv(bytes, &self.state, &rules)
    }
}

/// A value of Ringotel's types from its JSON.
fn of<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Option<T> {
    serde_json::from_value(value).ok()
}

/// A draft file's text read as the import does: how many changes it holds, or the refusal.
pub fn draft_file(text: &str) -> Result<usize, domain::FieldProblem> {
    read_draft_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_reads_and_the_readers_accept_and_refuse_as_the_import_does() {
        let org = Organization::example().unwrap();
        assert_eq!(
            org.csv_import(b"number,users\r\n858-437-6047,101\n858-437-6049,102;303\n"),
            Ok(2)
        );
        // Taken number, unknown user, bad number: each named.
        assert_eq!(
            org.csv_import(b"number,users\n858-437-6048,101\n858-437-6050,999\n12,101\n"),
            Err(3)
        );
        assert!(draft_file("{}").is_err());
        let empty =
            r#"{"format":"ringotel-sms-admin/draft","version":1,"exportedAt":0,"changes":[]}"#;
        assert_eq!(draft_file(empty), Ok(0));
    }
}
