//! How the service clients tell what they saw: each answer's body (for its shape) and each
//! piece of evidence about an assumption. The engine records both per workspace.

use crate::assumptions::{Api, Fact};
use serde_json::Value;
use std::sync::Arc;

pub trait Observer: Send + Sync {
    /// A successful answer to `method` (a Ringotel method name, or a thinQ path template that
    /// names no account); `None` when it had no body.
    fn answer(&self, api: Api, method: &str, body: Option<&Value>);

    /// Evidence about an assumption.
    fn fact(&self, fact: Fact);
}

/// A client's observer, when it has one.
#[derive(Clone, Default)]
pub struct Observed(Option<Arc<dyn Observer>>);

impl Observed {
    pub fn new(observer: Arc<dyn Observer>) -> Self {
        Self(Some(observer))
    }

    pub fn answer(&self, api: Api, method: &str, body: Option<&Value>) {
        if let Some(o) = &self.0 {
            o.answer(api, method, body);
        }
    }

    pub fn fact(&self, fact: Fact) {
        if let Some(o) = &self.0 {
            o.fact(fact);
        }
    }
}

impl std::fmt::Debug for Observed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Observed(on)"
        } else {
            "Observed(off)"
        })
    }
}
