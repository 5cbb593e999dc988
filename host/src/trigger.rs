//! The triggers an Action can run for, and the handler each one calls.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::bindings::types;

/// A point of the login or signup flow at which Actions run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Trigger {
    /// After a successful login: `exports.onExecutePostLogin = async (event, api) => {}`.
    PostLogin,
}

impl Trigger {
    /// Every trigger, in the reference's order.
    pub const ALL: &'static [Trigger] = &[Trigger::PostLogin];

    /// The name used in files and on the command line: `post-login`.
    pub fn name(self) -> &'static str {
        match self {
            Trigger::PostLogin => "post-login",
        }
    }

    /// The exported function the trigger calls.
    pub fn handler(self) -> &'static str {
        match self {
            Trigger::PostLogin => "onExecutePostLogin",
        }
    }

    /// Whether the platform acts on the outcome. Non-blocking triggers run after the
    /// fact; their outcome is reported and ignored.
    pub fn is_blocking(self) -> bool {
        match self {
            Trigger::PostLogin => true,
        }
    }

    pub(crate) fn to_wit(self) -> types::Trigger {
        match self {
            Trigger::PostLogin => types::Trigger::PostLogin,
        }
    }
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown trigger name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown trigger `{0}` (known: post-login)")]
pub struct UnknownTrigger(pub String);

impl FromStr for Trigger {
    type Err = UnknownTrigger;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Trigger::ALL.iter().copied().find(|t| t.name() == name).ok_or_else(|| UnknownTrigger(name.to_owned()))
    }
}
