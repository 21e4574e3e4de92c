//! What the admin can do about a failure: one sentence per kind of failure, and whether doing
//! the same thing again can help. Every screen's problem notice and `sms-admin` show both.

use super::error::{EngineError, Internal};
use store::{KeychainProblem, StoreError};
use transport::Failure;

/// The way forward from one failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextStep {
    /// What to do, as a sentence; `None` where the failure's own words already say it (a form
    /// field's problem beside the field, the keychain's causes).
    pub advice: Option<&'static str>,
    /// Whether the same action, done again unchanged, may succeed (the network, a busy service,
    /// the disk): the notice then offers Try again.
    pub retry: bool,
    /// Whether the advice holds outside the app's window too (it names no screen, tab or
    /// button of the app): `sms-admin` prints only such advice.
    pub anywhere: bool,
}

/// A failure whose own words already say what to do (a field's problem beside the field, the
/// keychain's causes, a refusal that names the way out).
pub const fn in_its_words(retry: bool) -> NextStep {
    NextStep {
        advice: None,
        retry,
        anywhere: true,
    }
}

/// Advice that holds wherever the failure is read: in the window or at a command line.
const fn step(advice: &'static str, retry: bool) -> NextStep {
    NextStep {
        advice: Some(advice),
        retry,
        anywhere: true,
    }
}

/// Advice that names a part of the app's window.
const fn in_app(advice: &'static str, retry: bool) -> NextStep {
    NextStep {
        advice: Some(advice),
        retry,
        anywhere: false,
    }
}

/// Support reads the app's log; the Diagnostics screen names its file.
const TELL_SUPPORT: &str = "Try again; if it happens again, send the log file (named on the Diagnostics screen) to support.";

/// Where a new key goes: the workspace keeps its drafts, saved copies and thinQ settings.
/// `$first` says where the key comes from.
macro_rules! replace_key {
    ($first:literal) => {
        concat!(
            $first,
            " Then give it to this workspace on the Workspaces screen (Replace key…)."
        )
    };
}

/// `said` and then `next` as two sentences: a service's words often end their own.
pub fn then(said: &str, next: &str) -> String {
    let said = said.trim_end();
    if said.ends_with(['.', '!', '?']) {
        format!("{said} {next}")
    } else {
        format!("{said}. {next}")
    }
}

pub fn next_step(error: &EngineError) -> NextStep {
    match error {
        EngineError::Ringotel(e) => ringotel(e.failure()),
        EngineError::Thinq(e) => thinq(e.failure()),
        // A saved value that cannot be read: a copy read again from Ringotel replaces it.
        EngineError::Store(StoreError::Corrupt { .. }) => in_app(
            "Refresh to read it from Ringotel again; if it keeps happening, send the log file (named on the Diagnostics screen) to support.",
            false,
        ),
        EngineError::Store(_) => step(
            "Check that the disk has free space and the app's data folder can be written, then try again.",
            true,
        ),
        EngineError::Keychain(e) => keychain(e.problem),
        EngineError::Invalid(_) => in_its_words(false),
        EngineError::UnknownWorkspace(_) => {
            in_app("Choose a workspace on the Workspaces screen.", false)
        }
        EngineError::MissingApiKey(_) => in_app(
            replace_key!("Find the key in the Ringotel admin portal."),
            false,
        ),
        EngineError::SandboxNotRunning => in_app(
            "Restart the app: the Sandbox's services start with it.",
            false,
        ),
        EngineError::NoThinqCard(_) => step(
            "Add the thinQ integration to this organization in the Ringotel admin portal, then try again.",
            false,
        ),
        EngineError::NotFound(_) => in_app("Refresh to see the current list.", false),
        EngineError::NoThinqSettings(_) => {
            in_app("Save them on the Integrations tab first.", false)
        }
        EngineError::NoCheckAllReport => in_app("Run Check all first.", false),
        // The change says itself what to do: discard it and draft it again.
        EngineError::Internal(Internal::CannotCompare(_)) => in_its_words(false),
        EngineError::Internal(_) => in_app(TELL_SUPPORT, true),
    }
}

fn ringotel(failure: Failure) -> NextStep {
    match failure {
        Failure::RefusedCredentials { status: 401 } => in_app(
            replace_key!("Copy a valid API key from the Ringotel admin portal."),
            false,
        ),
        Failure::RefusedCredentials { .. } => in_app(
            replace_key!("Get the API key of an administrator who may manage this organization."),
            false,
        ),
        Failure::Unreachable => step(
            "Check the network connection and the workspace's server address, then try again.",
            true,
        ),
        Failure::TimedOut => step("Ringotel may be busy: wait a moment and try again.", true),
        Failure::ServerError { status: 429 } => step(
            "Ringotel asked to slow down: wait a minute and try again.",
            true,
        ),
        Failure::ServerError { .. } => step(
            "Ringotel or a proxy in front of it is failing: wait a few minutes and try again.",
            true,
        ),
        // Sent again unchanged it would be refused again.
        Failure::Rejected => step("Correct what Ringotel named, then try again.", false),
        Failure::AnswerLost => in_app(
            "Try again; if it keeps happening, save the answers' shapes on the Diagnostics screen and send the file to support.",
            true,
        ),
    }
}

fn thinq(failure: Failure) -> NextStep {
    match failure {
        Failure::RefusedCredentials { status: 401 } => in_app(
            "Correct the thinQ username and API token on the Integrations tab, then try again.",
            false,
        ),
        Failure::RefusedCredentials { .. } => in_app(
            "Check the thinQ Account ID on the Integrations tab (the account's number, not the username), then try again.",
            false,
        ),
        Failure::Unreachable => step("Check the network connection, then try again.", true),
        Failure::TimedOut => step("thinQ may be busy: wait a moment and try again.", true),
        Failure::ServerError { status: 429 } => step(
            "thinQ asked to slow down: wait a minute and try again.",
            true,
        ),
        Failure::ServerError { .. } => {
            step("thinQ is failing: wait a few minutes and try again.", true)
        }
        Failure::Rejected => step("Correct what thinQ named, then try again.", false),
        Failure::AnswerLost => in_app(
            "Try again; if it keeps happening, save the answers' shapes on the Diagnostics screen and send the file to support.",
            true,
        ),
    }
}

fn keychain(problem: KeychainProblem) -> NextStep {
    match problem {
        // Their messages name the cause and the fix (start a desktop session, install a
        // keychain, unlock it); done, the same action works.
        KeychainProblem::NoSessionBus
        | KeychainProblem::NoSecretService
        | KeychainProblem::Locked
        | KeychainProblem::NoAnswer => in_its_words(true),
        KeychainProblem::Unsupported => in_app(
            "Keep secrets for this session only when the app offers it, or use a system with a keychain.",
            false,
        ),
        KeychainProblem::Failed => in_app(
            "Try again; if it keeps failing, log in again to restart the keychain, or keep secrets for this session only when the app offers it.",
            true,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::KeychainError;

    #[test]
    fn every_failure_says_what_to_do_or_its_words_do() {
        let keychain = |problem| {
            EngineError::Keychain(KeychainError {
                problem,
                detail: String::new(),
            })
        };
        // A cause whose own message carries no step gets one.
        for error in [
            keychain(KeychainProblem::Unsupported),
            keychain(KeychainProblem::Failed),
            EngineError::SandboxNotRunning,
            EngineError::NoCheckAllReport,
        ] {
            assert!(next_step(&error).advice.is_some(), "{error}");
        }
        // Messages that already say what to do are not told twice.
        let locked = keychain(KeychainProblem::Locked);
        assert!(locked.to_string().contains("Unlock"));
        assert_eq!(next_step(&locked).advice, None);
        assert!(next_step(&locked).retry);
    }

    #[test]
    fn advice_for_anywhere_names_no_part_of_the_window() {
        let failures = [
            Failure::RefusedCredentials { status: 401 },
            Failure::RefusedCredentials { status: 403 },
            Failure::Unreachable,
            Failure::TimedOut,
            Failure::ServerError { status: 429 },
            Failure::ServerError { status: 502 },
            Failure::Rejected,
            Failure::AnswerLost,
        ];
        let disk = EngineError::Store(StoreError::Io(std::io::Error::other("disk full")));
        let steps = failures
            .iter()
            .flat_map(|f| [ringotel(*f), thinq(*f)])
            .chain([next_step(&disk)]);
        let mut anywhere = 0;
        for step in steps {
            let Some(advice) = step.advice.filter(|_| step.anywhere) else {
                continue;
            };
            anywhere += 1;
            for part in ["screen", "tab", "Refresh", "refresh", "button", "…"] {
                assert!(!advice.contains(part), "{advice}");
            }
        }
        assert!(
            anywhere >= 8,
            "the network and busy services' advice holds anywhere"
        );
    }

    #[test]
    fn trying_again_is_offered_only_where_it_can_help() {
        assert!(ringotel(Failure::Unreachable).retry);
        assert!(ringotel(Failure::ServerError { status: 503 }).retry);
        assert!(!ringotel(Failure::RefusedCredentials { status: 401 }).retry);
        assert!(!thinq(Failure::RefusedCredentials { status: 404 }).retry);
        assert!(!next_step(&EngineError::NoCheckAllReport).retry);
    }
}
