//! A secret value (API key, token) that cannot be printed, logged or serialized by accident,
//! and is overwritten in memory when dropped.

use serde::{Deserialize, Deserializer};
use std::fmt;
use zeroize::Zeroize;

/// Holds a credential in memory. `Debug` and `Display` print `<redacted>`, there is no
/// `Serialize`, and reading the value takes an explicit, greppable call to [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The only way to the value: used where it goes into a request header or the keychain.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Overwrites the value, so a freed buffer does not keep the credential.
impl Zeroize for Secret {
    fn zeroize(&mut self) {
        self.0.zeroize();
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        self.zeroize();
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The UI sends secrets in to the backend; nothing sends them back out.
impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let secret = Secret::new("tok-123");
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert_eq!(format!("{secret}"), "<redacted>");
        assert_eq!(secret.expose(), "tok-123");
    }

    #[test]
    fn wiping_a_secret_leaves_nothing_of_it() {
        let mut secret = Secret::new("tok-123");
        secret.zeroize();
        assert_eq!(secret.expose(), "");
        // `Drop` runs the same wipe; a clone is a value of its own, wiped when it goes.
        let kept = Secret::new("tok-456");
        let copy = kept.clone();
        drop(kept);
        assert_eq!(copy.expose(), "tok-456");
    }

    #[test]
    fn a_struct_holding_a_secret_debug_prints_without_it() {
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Login {
            user: &'static str,
            token: Secret,
        }
        let printed = format!(
            "{:?}",
            Login {
                user: "u",
                token: Secret::new("tok-123")
            }
        );
        assert!(!printed.contains("tok-123"), "{printed}");
    }
}
