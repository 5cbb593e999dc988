//! What `api.session` and `api.refreshToken` record; times are milliseconds since 1970.

use std::fmt;

use serde::Serialize;

use crate::api::command::NamespaceCommand;

/// A call on `api.session` or `api.refreshToken`. As JSON it is tagged with the method
/// (`{"method": "revoke", ...}`), inside the namespace's `type` ([`Command`](crate::Command)).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "camelCase")]
pub enum SessionCommand {
    Revoke { reason: String },
    SetExpiresAt { at: u64 },
    SetIdleExpiresAt { at: u64 },
    SetCookieMode { mode: String },
    SetMetadata { key: String, value: serde_json::Value },
    DeleteMetadata { key: String },
    EvictMetadata,
}

/// The call without its namespace: `revoke("reason")`.
impl fmt::Display for SessionCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionCommand::Revoke { reason } => write!(f, "revoke({reason:?})"),
            SessionCommand::SetExpiresAt { at } => write!(f, "setExpiresAt({at})"),
            SessionCommand::SetIdleExpiresAt { at } => write!(f, "setIdleExpiresAt({at})"),
            SessionCommand::SetCookieMode { mode } => write!(f, "setCookieMode({mode:?})"),
            SessionCommand::SetMetadata { key, value } => write!(f, "setMetadata({key:?}, {value})"),
            SessionCommand::DeleteMetadata { key } => write!(f, "deleteMetadata({key:?})"),
            SessionCommand::EvictMetadata => f.write_str("evictMetadata()"),
        }
    }
}

impl NamespaceCommand for SessionCommand {
    fn redact(&mut self, redact: &mut dyn FnMut(&mut String)) {
        if let SessionCommand::Revoke { reason } = self {
            redact(reason);
        }
    }
}
