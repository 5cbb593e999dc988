//! [`Command`]: one `api` call as the host accepted it, a sum of the namespaces' own
//! command types (each in its folder's `command.rs`, with its JSON, its line in the CLI's
//! summary and its effect on the rest of a flow).
//!
//! As JSON a command is its namespace's: `{"type": "idToken.setCustomClaim", ...}`, and
//! for the session and the refresh token `{"type": "session", "method": "revoke", ...}`.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::{
    AccessCommand, AccessTokenCommand, AuthenticationCommand, CacheCommand, IdTokenCommand, MultifactorCommand,
    NotificationCommand, PromptCommand, RedirectCommand, SamlResponseCommand, SessionCommand, TransactionCommand,
    UserCommand, ValidationCommand,
};
use crate::flow::Changes;

/// One `api` call, as the host accepted it.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Access(AccessCommand),
    Validation(ValidationCommand),
    Notification(NotificationCommand),
    IdToken(IdTokenCommand),
    AccessToken(AccessTokenCommand),
    /// `api.session.*`.
    Session(SessionCommand),
    /// `api.refreshToken.*`: the session's commands, on the refresh token.
    RefreshToken(SessionCommand),
    User(UserCommand),
    Multifactor(MultifactorCommand),
    SamlResponse(SamlResponseCommand),
    Authentication(AuthenticationCommand),
    Redirect(RedirectCommand),
    Prompt(PromptCommand),
    Transaction(TransactionCommand),
    Cache(CacheCommand),
}

/// Calls `$body` with `$command` bound to the namespace's command, whichever it is.
macro_rules! each {
    ($self:expr, $command:ident => $body:expr) => {
        match $self {
            Command::Access($command) => $body,
            Command::Validation($command) => $body,
            Command::Notification($command) => $body,
            Command::IdToken($command) => $body,
            Command::AccessToken($command) => $body,
            Command::Session($command) => $body,
            Command::RefreshToken($command) => $body,
            Command::User($command) => $body,
            Command::Multifactor($command) => $body,
            Command::SamlResponse($command) => $body,
            Command::Authentication($command) => $body,
            Command::Redirect($command) => $body,
            Command::Prompt($command) => $body,
            Command::Transaction($command) => $body,
            Command::Cache($command) => $body,
        }
    };
}

impl Command {
    /// Carries the command into the event the next Action of a flow sees, and into the
    /// flow's [`Changes`].
    pub(crate) fn apply_to_flow(&self, event: &mut Value, changes: &mut Changes) {
        each!(self, command => command.apply_to_flow(event, changes))
    }

    /// Runs `redact` over the reasons and messages the command carries.
    pub(crate) fn redact(&mut self, redact: &mut dyn FnMut(&mut String)) {
        each!(self, command => command.redact(redact))
    }
}

/// What each namespace's command type provides beyond its JSON and its `Display` (the
/// line `actionbox run` prints).
pub(crate) trait NamespaceCommand: Serialize + fmt::Display {
    /// What the command changes for the Actions after it in a flow: nothing, by default.
    fn apply_to_flow(&self, _event: &mut Value, _changes: &mut Changes) {}
    /// The reasons and messages it carries, which may hold a secret: none, by default.
    fn redact(&mut self, _redact: &mut dyn FnMut(&mut String)) {}
}

impl Serialize for Command {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The session's commands carry the namespace as their `type`, the method apart.
        #[derive(Serialize)]
        struct Tagged<'a> {
            #[serde(rename = "type")]
            namespace: &'static str,
            #[serde(flatten)]
            command: &'a SessionCommand,
        }
        match self {
            Command::Session(command) => Tagged { namespace: "session", command }.serialize(serializer),
            Command::RefreshToken(command) => Tagged { namespace: "refreshToken", command }.serialize(serializer),
            other => each!(other, command => command.serialize(serializer)),
        }
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Session(command) => write!(f, "session.{command}"),
            Command::RefreshToken(command) => write!(f, "refreshToken.{command}"),
            other => each!(other, command => command.fmt(f)),
        }
    }
}

/// Each namespace's command converts into a [`Command`].
macro_rules! from {
    ($($variant:ident($type:ty),)*) => {
        $(impl From<$type> for Command {
            fn from(command: $type) -> Self {
                Command::$variant(command)
            }
        })*
    };
}

from! {
    Access(AccessCommand),
    Validation(ValidationCommand),
    Notification(NotificationCommand),
    IdToken(IdTokenCommand),
    AccessToken(AccessTokenCommand),
    User(UserCommand),
    Multifactor(MultifactorCommand),
    SamlResponse(SamlResponseCommand),
    Authentication(AuthenticationCommand),
    Redirect(RedirectCommand),
    Prompt(PromptCommand),
    Transaction(TransactionCommand),
    Cache(CacheCommand),
}
