//! The result of one execution: decision, commands, logs, warnings and usage.
//!
//! Serialized as JSON it is the documented `Outcome` shape (README, "Outcome"):
//!
//! ```json
//! { "decision": {"type": "allowed"},
//!   "commands": [{"type": "idToken.setCustomClaim", "name": "https://x/roles", "value": ["admin"]}],
//!   "logs": {"lines": [{"level": "log", "message": "hi"}], "stored": "hi", "stored_truncated": false, "lines_dropped": 0},
//!   "warnings": [],
//!   "usage": {"fuel": 1234567, "wall_time_us": 80, "instantiate_us": 9, "run_us": 65, "peak_memory_bytes": 2162688} }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::api::{Command, SessionCommand};
use crate::error::ActionError;
use crate::fetch::RequestRecord;
use crate::recording::Recording;

/// Everything one execution produced.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub decision: Decision,
    /// The `api` calls the Action made, in order.
    pub commands: Vec<Command>,
    pub logs: Logs,
    pub warnings: Vec<Warning>,
    /// What was still pending when the handler had settled, and so never ran; absent
    /// from the JSON when nothing was.
    #[serde(skip_serializing_if = "Pending::is_empty")]
    pub pending: Pending,
    /// The Action's `fetch` requests, in the order they finished: method, host, status or
    /// failure code, duration and body size, never a path, query, header or body. Absent
    /// from the JSON when it made none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<RequestRecord>,
    /// With `ExecuteOptions::record`: the execution's outside world, to replay it
    /// (`ExecuteOptions::replay`). On a replay: whether it diverged from the recording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recording: Option<Recording>,
    pub usage: Usage,
}

/// What an execution left pending when its handler had settled (and the microtasks queued
/// by then had run): it never runs, as on the platform, where the execution ends there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Pending {
    /// Timers (`setTimeout`, `setInterval`) and immediates not yet run or cleared.
    #[serde(skip_serializing_if = "is_zero")]
    pub timers: u32,
    /// `fetch` requests still running (stopped there).
    #[serde(skip_serializing_if = "is_zero")]
    pub requests: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Pending {
    /// Whether nothing was left pending.
    pub fn is_empty(&self) -> bool {
        self.timers == 0 && self.requests == 0
    }
}

/// How the execution ended.
///
/// As JSON, the interaction of a suspended execution gives the decision its type:
/// `{"type": "redirect", "url": ...}`, `{"type": "challenge", "method": ..., "factors":
/// ...}`, `{"type": "prompt", "form_id": ..., "options": ...}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// The handler finished and did not deny.
    Allowed,
    /// The Action denied (`api.access.deny`, `api.validation.error`,
    /// `api.access.rejectInvalidSubjectToken`); the first denial is kept. `code` is the
    /// OAuth error or validation code, when the trigger's method takes one.
    Denied { reason: String, code: Option<String> },
    /// The Action asked the user for something: a redirect (`api.redirect.sendUserTo`),
    /// a second factor, or a form. A flow suspends here, and resumes at the next Action
    /// (redirect, challenge) or in this Action's continue handler (prompt).
    Suspended(Interaction),
    /// The Action did not finish normally.
    Error { error: ActionError },
}

impl Serialize for Decision {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(tag = "type", rename_all = "snake_case")]
        enum Wire<'a> {
            Allowed,
            Denied {
                reason: &'a str,
                #[serde(skip_serializing_if = "Option::is_none")]
                code: Option<&'a str>,
            },
            Redirect {
                url: &'a str,
            },
            Challenge {
                method: &'a str,
                factors: &'a Value,
            },
            Prompt {
                form_id: &'a str,
                options: &'a Value,
            },
            Error {
                error: &'a ActionError,
            },
        }
        let wire = match self {
            Decision::Allowed => Wire::Allowed,
            Decision::Denied { reason, code } => Wire::Denied { reason, code: code.as_deref() },
            Decision::Suspended(Interaction::Redirect { url }) => Wire::Redirect { url },
            Decision::Suspended(Interaction::Challenge { method, factors }) => Wire::Challenge { method, factors },
            Decision::Suspended(Interaction::Prompt { form_id, options }) => Wire::Prompt { form_id, options },
            Decision::Error { error } => Wire::Error { error },
        };
        wire.serialize(serializer)
    }
}

/// What a suspended flow waits for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Interaction {
    /// The user was sent to `url` (which includes `state` when a flow suspended).
    Redirect { url: String },
    /// A second factor is asked for (or enrolled).
    Challenge { method: String, factors: Value },
    /// Form `form_id` is shown.
    Prompt { form_id: String, options: Value },
}

impl Decision {
    /// What the decision waits for from the user: a redirect, a challenge or a form.
    pub fn interaction(&self) -> Option<&Interaction> {
        match self {
            Decision::Suspended(interaction) => Some(interaction),
            Decision::Allowed | Decision::Denied { .. } | Decision::Error { .. } => None,
        }
    }
}

impl Interaction {
    /// The interaction as a suspended flow presents it: a redirect's URL carries `state`.
    pub(crate) fn with_state(self, state: &str) -> Self {
        match self {
            // The URL was parsed when the Action gave it; `state` goes before any fragment.
            Interaction::Redirect { url } => match url::Url::parse(&url) {
                Ok(parsed) => Interaction::Redirect { url: crate::urls::with_params(&parsed, [("state", state)]) },
                Err(_) => Interaction::Redirect { url },
            },
            other => other,
        }
    }
}

/// Something the host dropped or changed, which the Action's author should know about.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Warning {
    /// A custom claim with a restricted name was dropped.
    RestrictedClaim { token: String, name: String },
    /// User metadata set in the same Action as `setPrimaryUser` was discarded.
    UserMetadataDiscarded { keys: Vec<String> },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::RestrictedClaim { token, name } => {
                write!(f, "the {token} claim `{name}` is restricted and was dropped")
            }
            Warning::UserMetadataDiscarded { keys } => {
                write!(f, "user metadata set in the same Action as setPrimaryUser was discarded: {}", keys.join(", "))
            }
        }
    }
}

/// Console output.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Logs {
    /// Every line, in order (bounded: see `lines_dropped`).
    pub lines: Vec<LogLine>,
    /// What the platform would store: the lines joined by newlines, control characters
    /// escaped, cut to 256 characters.
    pub stored: String,
    /// Whether `stored` was cut.
    pub stored_truncated: bool,
    /// Lines not kept because the whole log passed its cap.
    pub lines_dropped: u64,
}

/// One console line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogLine {
    pub level: LogLevel,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogLevel {
    Log,
    Info,
    Warn,
    Error,
    Debug,
}

/// Resources the execution used.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Usage {
    /// Fuel consumed (about one unit per Wasm instruction).
    pub fuel: u64,
    /// Wall-clock time of the whole execution.
    pub wall_time_us: u64,
    /// Of which: creating the fresh instance from the snapshot.
    pub instantiate_us: u64,
    /// Of which: the guest's work (load bytecode, build `event` and `api`, run the
    /// handler and its job queue) and the host calls it made.
    pub run_us: u64,
    /// Largest linear memory size the instance reached.
    pub peak_memory_bytes: u64,
}
