//! The organization's users by what a file or a command line names them by: an id, or an
//! extension only one user has.

use super::service::Numbers;
use super::table::NumbersState;
use crate::base::error::EngineResult;
use crate::stored::snapshot::Freshness;
use domain::OrgId;
use domain::UserId;
use std::collections::HashMap;

/// The organization's users by what a file may name them by: id, or an extension only one
/// user has.
pub(crate) struct UserNames {
    by_id: HashMap<String, UserId>,
    by_extension: HashMap<String, Vec<UserId>>,
}

impl UserNames {
    pub(crate) fn new(state: &NumbersState) -> Self {
        let mut by_extension: HashMap<String, Vec<UserId>> = HashMap::new();
        for u in state.snapshot.data.users() {
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
                .users()
                .iter()
                .map(|u| (u.id.to_string(), u.id.clone()))
                .collect(),
            by_extension,
        }
    }

    pub(crate) fn resolve(&self, token: &str) -> Result<String, UnknownUser> {
        if let Some(id) = self.by_id.get(token) {
            return Ok(id.to_string());
        }
        match self.by_extension.get(token).map(Vec::as_slice) {
            Some([one]) => Ok(one.to_string()),
            Some(many) => Err(UnknownUser::SharedExtension {
                extension: token.to_owned(),
                users: many.len(),
            }),
            None => Err(UnknownUser::NoOne(token.to_owned())),
        }
    }
}

/// A name for a user that names no one, or more than one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnknownUser {
    SharedExtension { extension: String, users: usize },
    NoOne(String),
}

impl std::fmt::Display for UnknownUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SharedExtension { extension, users } => write!(
                f,
                "extension {extension} belongs to {users} users: name them by id"
            ),
            Self::NoOne(token) => write!(f, "no user has the extension or id \"{token}\""),
        }
    }
}

impl Numbers<'_> {
    /// The user ids `names` (ids or extensions) stand for in the organization as last
    /// fetched, or the first that names no one (or more than one), said why.
    pub async fn user_ids(
        &self,
        org: OrgId,
        names: &[String],
    ) -> EngineResult<Result<Vec<String>, UnknownUser>> {
        let state = self.numbers_state(&org, Freshness::Saved).await?;
        let users = UserNames::new(&state);
        Ok(names.iter().map(|n| users.resolve(n.trim())).collect())
    }
}
