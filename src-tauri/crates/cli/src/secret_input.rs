//! Secrets typed in: at a prompt that does not echo them, or the first line of stdin when
//! stdin is not a terminal. Never from the command line, where other users could read them.

use crate::exit::Failure;
use domain::Secret;
use std::io::{BufRead, IsTerminal};

/// Reads `what` (such as "Ringotel API key").
pub fn read(what: &str) -> Result<Secret, Failure> {
    let text = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("{what}: "))
            .map_err(|e| Failure::usage(format!("the {what} could not be read: {e}")))?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::usage(format!("the {what} could not be read from stdin: {e}")))?;
        line
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(Failure::usage(format!(
            "no {what} was given (type it at the prompt or pipe it to stdin)"
        )));
    }
    Ok(Secret::new(text))
}
