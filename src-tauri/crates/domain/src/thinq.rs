//! thinQ credentials as an admin types them, and the rules that catch the usual copy-paste slips.

use crate::field::{FieldKey, FieldProblem, Problems};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;
use ts_rs::TS;

/// Account IDs seen are 5–6 digits; this only stops absurd input.
const MAX_ACCOUNT_ID_DIGITS: usize = 12;
const MAX_USERNAME_LEN: usize = 128;
const MAX_TOKEN_LEN: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CredentialProblem {
    #[error("Enter the thinQ Account ID: the number shown in the thinQ portal, not the username")]
    AccountIdEmpty,
    #[error(
        "The thinQ Account ID is digits only (\"{0}\" is not); it is a different value from the API username"
    )]
    AccountIdNotDigits(String),
    #[error("The thinQ Account ID is at most {MAX_ACCOUNT_ID_DIGITS} digits")]
    AccountIdTooLong,
    #[error("Enter the thinQ API username")]
    UsernameEmpty,
    #[error("The username contains spaces; API usernames never do")]
    UsernameWhitespace,
    #[error("The username is longer than {MAX_USERNAME_LEN} characters")]
    UsernameTooLong,
    #[error("Enter the thinQ API token (thinQ portal → API → Tokens)")]
    TokenEmpty,
    #[error("The token has spaces or line breaks at its start or end; copy it again without them")]
    TokenPadded,
    #[error("The token contains spaces; tokens never do")]
    TokenWhitespace,
    #[error("The token is longer than {MAX_TOKEN_LEN} characters")]
    TokenTooLong,
}

/// thinQ's numeric account id, which goes into most API paths.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct ThinqAccountId(String);

impl ThinqAccountId {
    pub fn parse(raw: &str) -> Result<Self, CredentialProblem> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(CredentialProblem::AccountIdEmpty);
        }
        if !trimmed.chars().all(|c| c.is_ascii_digit()) {
            return Err(CredentialProblem::AccountIdNotDigits(trimmed.to_owned()));
        }
        if trimmed.len() > MAX_ACCOUNT_ID_DIGITS {
            return Err(CredentialProblem::AccountIdTooLong);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ThinqAccountId {
    type Error = CredentialProblem;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ThinqAccountId> for String {
    fn from(value: ThinqAccountId) -> Self {
        value.0
    }
}

impl fmt::Display for ThinqAccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The API username half of thinQ's Basic auth. Not secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct ThinqUsername(String);

impl ThinqUsername {
    pub fn parse(raw: &str) -> Result<Self, CredentialProblem> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(CredentialProblem::UsernameEmpty);
        }
        if trimmed.chars().any(char::is_whitespace) {
            return Err(CredentialProblem::UsernameWhitespace);
        }
        if trimmed.len() > MAX_USERNAME_LEN {
            return Err(CredentialProblem::UsernameTooLong);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ThinqUsername {
    type Error = CredentialProblem;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ThinqUsername> for String {
    fn from(value: ThinqUsername) -> Self {
        value.0
    }
}

/// Checks a pasted token. It is not trimmed silently: a stray space usually means a partial copy.
pub fn parse_token(raw: &str) -> Result<Secret, CredentialProblem> {
    if raw.is_empty() {
        return Err(CredentialProblem::TokenEmpty);
    }
    if raw.trim() != raw {
        return Err(if raw.trim().is_empty() {
            CredentialProblem::TokenEmpty
        } else {
            CredentialProblem::TokenPadded
        });
    }
    if raw.chars().any(char::is_whitespace) {
        return Err(CredentialProblem::TokenWhitespace);
    }
    if raw.len() > MAX_TOKEN_LEN {
        return Err(CredentialProblem::TokenTooLong);
    }
    Ok(Secret::new(raw))
}

/// The thinQ settings form as the UI sends it. An absent token means "keep the one stored".
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThinqSettingsInput {
    pub account_id: String,
    pub username: String,
    #[ts(type = "string | null")]
    pub token: Option<Secret>,
}

/// A complete, well-formed set of thinQ credentials (not yet known to work).
#[derive(Debug, Clone)]
pub struct ThinqCredentials {
    pub account_id: ThinqAccountId,
    pub username: ThinqUsername,
    pub token: Secret,
}

impl ThinqSettingsInput {
    /// Every field checked at once; `stored_token` fills in when the form left the token alone.
    pub fn validate(
        &self,
        stored_token: Option<&Secret>,
    ) -> Result<ThinqCredentials, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let account_id =
            problems.check(FieldKey::AccountId, ThinqAccountId::parse(&self.account_id));
        let username = problems.check(FieldKey::Username, ThinqUsername::parse(&self.username));
        let token = match (&self.token, stored_token) {
            (Some(typed), _) => problems.check(FieldKey::Token, parse_token(typed.expose())),
            (None, Some(stored)) => Some(stored.clone()),
            (None, None) => problems.check(
                FieldKey::Token,
                Err::<Secret, _>(CredentialProblem::TokenEmpty),
            ),
        };
        match (account_id, username, token) {
            (Some(account_id), Some(username), Some(token)) if problems.is_empty() => {
                Ok(ThinqCredentials {
                    account_id,
                    username,
                    token,
                })
            }
            _ => Err(problems.into_vec()),
        }
    }

    /// The problems alone, for checking a form as it is typed; `token_stored` says whether a
    /// blank token field means "keep the stored one".
    pub fn problems(&self, token_stored: bool) -> Vec<FieldProblem> {
        // A placeholder stands in for the stored token: only its presence matters here.
        let stored = token_stored.then(|| Secret::new("stored"));
        self.validate(stored.as_ref()).err().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(account: &str, user: &str, token: Option<&str>) -> ThinqSettingsInput {
        ThinqSettingsInput {
            account_id: account.into(),
            username: user.into(),
            token: token.map(Secret::new),
        }
    }

    fn fields(problems: &[FieldProblem]) -> Vec<FieldKey> {
        problems.iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_complete_form_gives_credentials() {
        let creds = input(" 21458 ", "demo", Some("abc123"))
            .validate(None)
            .unwrap();
        assert_eq!(creds.account_id.as_str(), "21458");
        assert_eq!(creds.token.expose(), "abc123");
    }

    #[test]
    fn an_empty_form_names_all_three_fields() {
        let problems = input("", "", None).validate(None).unwrap_err();
        assert_eq!(
            fields(&problems),
            [FieldKey::AccountId, FieldKey::Username, FieldKey::Token]
        );
    }

    #[test]
    fn the_username_typed_into_the_account_id_is_called_out() {
        let problems = input("acme-sms", "acme-sms", Some("t"))
            .validate(None)
            .unwrap_err();
        assert_eq!(fields(&problems), [FieldKey::AccountId]);
        assert!(
            problems[0].message.contains("not the username")
                || problems[0].message.contains("different value")
        );
    }

    #[test]
    fn token_whitespace_is_refused_with_its_own_reason() {
        let padded = input("1", "u", Some("abc\n")).validate(None).unwrap_err();
        assert_eq!(
            padded[0].message,
            CredentialProblem::TokenPadded.to_string()
        );
        let inner = input("1", "u", Some("ab c")).validate(None).unwrap_err();
        assert_eq!(
            inner[0].message,
            CredentialProblem::TokenWhitespace.to_string()
        );
        let blank = input("1", "u", Some("   ")).validate(None).unwrap_err();
        assert_eq!(blank[0].message, CredentialProblem::TokenEmpty.to_string());
    }

    #[test]
    fn a_stored_token_stands_in_when_the_form_leaves_it_out() {
        let stored = Secret::new("kept");
        let creds = input("1", "u", None).validate(Some(&stored)).unwrap();
        assert_eq!(creds.token.expose(), "kept");
    }

    #[test]
    fn checking_as_typed_accepts_a_blank_token_only_when_one_is_stored() {
        assert!(input("1", "u", None).problems(true).is_empty());
        assert_eq!(
            fields(&input("1", "u", None).problems(false)),
            [FieldKey::Token]
        );
    }

    #[test]
    fn a_validation_message_never_repeats_the_token() {
        let problems = input("x", "a b", Some(" sekrit "))
            .validate(None)
            .unwrap_err();
        assert!(problems.iter().all(|p| !p.message.contains("sekrit")));
    }
}
