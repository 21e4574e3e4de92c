//! Exit codes, one meaning each, and the failure that carries one to `main`.

use engine::{Problem, ProblemCode};
use std::process::ExitCode;

/// Everything asked was done (and every check passed).
pub const DONE: u8 = 0;
/// Some items failed to apply, or some readiness checks failed.
pub const FAILED_ITEMS: u8 = 1;
/// Bad usage or bad input: nothing was changed.
pub const BAD_INPUT: u8 = 2;
/// A service could not be reached.
pub const UNREACHABLE: u8 = 3;
/// The keychain could not keep or give a secret.
pub const KEYCHAIN: u8 = 4;

/// Why a command stopped, in words for stderr, with its exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: BAD_INPUT,
            message: message.into(),
        }
    }

    pub fn general(message: impl Into<String>) -> Self {
        Self {
            code: FAILED_ITEMS,
            message: message.into(),
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code)
    }
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Self {
        let code = match problem.code {
            ProblemCode::Invalid | ProblemCode::NotFound => BAD_INPUT,
            ProblemCode::Unreachable => UNREACHABLE,
            ProblemCode::KeychainUnavailable => KEYCHAIN,
            ProblemCode::Unauthorized
            | ProblemCode::Forbidden
            | ProblemCode::Remote
            | ProblemCode::Storage
            | ProblemCode::Internal => FAILED_ITEMS,
        };
        // The engine's words point at the app's tab; here the same settings have a command.
        if problem.code == ProblemCode::NotFound
            && problem.field == Some(domain::FieldKey::AccountId)
        {
            return Self {
                code,
                message: format!(
                    "{}: save them with `sms-admin enable-thinq`",
                    problem.message
                ),
            };
        }
        let message = match problem.field {
            Some(field) => format!("{} ({})", problem.message, flag_of(field)),
            None => problem.message,
        };
        Self { code, message }
    }
}

impl From<engine::EngineError> for Failure {
    fn from(error: engine::EngineError) -> Self {
        let next = next_step_here(&error);
        let mut failure = Self::from(Problem::from(error));
        if let Some(next) = next {
            failure.message.push('\n');
            failure.message.push_str(next);
        }
        failure
    }
}

/// What to do next, at a command line: the engine's step where it holds outside the window,
/// else the command that does what the window's step says.
fn next_step_here(error: &engine::EngineError) -> Option<&'static str> {
    use engine::EngineError;
    match error {
        EngineError::MissingApiKey(_) => Some(REPLACE_KEY),
        EngineError::Ringotel(e) if e.failure().is_refused_credentials() => Some(REPLACE_KEY),
        EngineError::Thinq(e) if e.failure().is_refused_credentials() => Some(
            "Save the thinQ Account ID, username and token again with `sms-admin enable-thinq`.",
        ),
        other => {
            let next = engine::next_step::next_step(other);
            next.advice.filter(|_| next.anywhere)
        }
    }
}

const REPLACE_KEY: &str = "Give the workspace a valid key with `sms-admin workspace replace-key <workspace>`; its drafts stay.";

/// The flag or input a field of the engine's forms is given by here.
pub fn flag_of(field: domain::FieldKey) -> String {
    // Secrets come from a prompt or stdin, never a flag.
    match field {
        domain::FieldKey::ApiKey => return "the API key".into(),
        domain::FieldKey::Token => return "the token".into(),
        _ => {}
    }
    let json = serde_json::to_value(field).unwrap_or_default();
    let name = json.as_str().unwrap_or("input");
    let mut flag = String::from("--");
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            flag.push('-');
            flag.push(c.to_ascii_lowercase());
        } else {
            flag.push(c);
        }
    }
    flag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_map_to_their_exit_codes_and_name_the_flag() {
        let problem = Problem {
            code: ProblemCode::Invalid,
            message: "The server address must use https".into(),
            field: Some(domain::FieldKey::BaseUrl),
            next_step: None,
            retry: false,
        };
        let failure = Failure::from(problem);
        assert_eq!(failure.code, BAD_INPUT);
        assert!(
            failure.message.ends_with("(--base-url)"),
            "{}",
            failure.message
        );
        let unreachable = Problem {
            code: ProblemCode::Unreachable,
            message: "down".into(),
            field: None,
            next_step: None,
            retry: true,
        };
        assert_eq!(Failure::from(unreachable).code, UNREACHABLE);
    }
}
