//! The organization's users by what a file or a command line names them by: an id, or an
//! extension only one user has.

use super::table::NumbersState;
use crate::base::error::EngineResult;
use crate::stored::engine::Engine;
use crate::stored::snapshot::Freshness;
use domain::RingotelId;
use std::collections::HashMap;

/// The organization's users by what a file may name them by: id, or an extension only one
/// user has.
pub(crate) struct UserNames {
    by_id: HashMap<String, RingotelId>,
    by_extension: HashMap<String, Vec<RingotelId>>,
}

impl UserNames {
    pub(crate) fn new(state: &NumbersState) -> Self {
        let mut by_extension: HashMap<String, Vec<RingotelId>> = HashMap::new();
        for u in &state.snapshot.data.users {
            if !u.extension.is_empty() {
                by_extension
                    .entry(u.extension.clone())
                    .or_default()
                    .push(u.id.clone());
            }
        }
        Self {
            by_id: state
                .snapshot
                .data
                .users
                .iter()
                .map(|u| (u.id.to_string(), u.id.clone()))
                .collect(),
            by_extension,
        }
    }

    pub(crate) fn resolve(&self, token: &str) -> Result<String, String> {
        if let Some(id) = self.by_id.get(token) {
            return Ok(id.to_string());
        }
        match self.by_extension.get(token).map(Vec::as_slice) {
            Some([one]) => Ok(one.to_string()),
            Some(many) => Err(format!(
                "extension {token} belongs to {} users: name them by id",
                many.len()
            )),
            None => Err(format!("no user has the extension or id \"{token}\"")),
        }
    }
}

impl Engine {
    /// The user ids `names` (ids or extensions) stand for in the organization as last
    /// fetched, or the first that names no one (or more than one), said why.
    pub async fn user_ids(
        &self,
        org: RingotelId,
        names: &[String],
    ) -> EngineResult<Result<Vec<String>, String>> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        let users = UserNames::new(&state);
        Ok(names.iter().map(|n| users.resolve(n.trim())).collect())
    }
}
