//! The triggers an Action can run for: their names, handlers, whether the platform acts
//! on their outcome, and the `event` fields each one requires.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::bindings::types;

/// A point of a login, sign-up or messaging flow at which Actions run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Trigger {
    /// After a successful login: `onExecutePostLogin`.
    PostLogin,
    /// Machine-to-machine token issue: `onExecuteCredentialsExchange`.
    CredentialsExchange,
    /// Before a user is created: `onExecutePreUserRegistration`.
    PreUserRegistration,
    /// After a user was created (non-blocking): `onExecutePostUserRegistration`.
    PostUserRegistration,
    /// After a password change (non-blocking): `onExecutePostChangePassword`.
    PostChangePassword,
    /// To send an SMS or voice message: `onExecuteSendPhoneMessage`.
    SendPhoneMessage,
    /// After the password-reset challenge: `onExecutePostChallenge`.
    PasswordResetPostChallenge,
    /// Token exchange with a custom subject token: `onExecuteCustomTokenExchange`.
    CustomTokenExchange,
    /// To deliver an e-mail: `onExecuteCustomEmailProvider`.
    CustomEmailProvider,
    /// To deliver a phone message: `onExecuteCustomPhoneProvider`.
    CustomPhoneProvider,
}

/// What a trigger's `event` must contain, checked before any Action runs.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Requirement {
    /// A non-empty string at this path.
    String(&'static [&'static str]),
    /// An object at this path.
    Object(&'static [&'static str]),
}

impl Trigger {
    /// Every trigger, in the reference's order.
    pub const ALL: &'static [Trigger] = &[
        Trigger::PostLogin,
        Trigger::CredentialsExchange,
        Trigger::PreUserRegistration,
        Trigger::PostUserRegistration,
        Trigger::PostChangePassword,
        Trigger::SendPhoneMessage,
        Trigger::PasswordResetPostChallenge,
        Trigger::CustomTokenExchange,
        Trigger::CustomEmailProvider,
        Trigger::CustomPhoneProvider,
    ];

    /// The name used in files and on the command line: `post-login`.
    pub fn name(self) -> &'static str {
        match self {
            Trigger::PostLogin => "post-login",
            Trigger::CredentialsExchange => "credentials-exchange",
            Trigger::PreUserRegistration => "pre-user-registration",
            Trigger::PostUserRegistration => "post-user-registration",
            Trigger::PostChangePassword => "post-change-password",
            Trigger::SendPhoneMessage => "send-phone-message",
            Trigger::PasswordResetPostChallenge => "password-reset-post-challenge",
            Trigger::CustomTokenExchange => "custom-token-exchange",
            Trigger::CustomEmailProvider => "custom-email-provider",
            Trigger::CustomPhoneProvider => "custom-phone-provider",
        }
    }

    /// The exported function the trigger calls.
    pub fn handler(self) -> &'static str {
        match self {
            Trigger::PostLogin => "onExecutePostLogin",
            Trigger::CredentialsExchange => "onExecuteCredentialsExchange",
            Trigger::PreUserRegistration => "onExecutePreUserRegistration",
            Trigger::PostUserRegistration => "onExecutePostUserRegistration",
            Trigger::PostChangePassword => "onExecutePostChangePassword",
            Trigger::SendPhoneMessage => "onExecuteSendPhoneMessage",
            Trigger::PasswordResetPostChallenge => "onExecutePostChallenge",
            Trigger::CustomTokenExchange => "onExecuteCustomTokenExchange",
            Trigger::CustomEmailProvider => "onExecuteCustomEmailProvider",
            Trigger::CustomPhoneProvider => "onExecuteCustomPhoneProvider",
        }
    }

    /// The handler that runs when a suspended flow resumes at this trigger's Action.
    pub fn continue_handler(self) -> Option<&'static str> {
        match self {
            Trigger::PostLogin => Some("onContinuePostLogin"),
            Trigger::PasswordResetPostChallenge => Some("onContinuePostChallenge"),
            _ => None,
        }
    }

    /// Whether the platform acts on the outcome. Non-blocking triggers run after the
    /// fact; their outcome is reported and ignored.
    pub fn is_blocking(self) -> bool {
        !matches!(self, Trigger::PostUserRegistration | Trigger::PostChangePassword)
    }

    /// The `event` fields the trigger requires.
    pub(crate) fn requirements(self) -> &'static [Requirement] {
        use Requirement::{Object, String};
        match self {
            Trigger::PostLogin
            | Trigger::PostUserRegistration
            | Trigger::PostChangePassword
            | Trigger::PasswordResetPostChallenge => &[String(&["user", "user_id"])],
            Trigger::CredentialsExchange => &[String(&["client", "client_id"])],
            Trigger::PreUserRegistration => &[Object(&["user"])],
            Trigger::SendPhoneMessage => {
                &[String(&["message_options", "recipient"]), String(&["message_options", "text"])]
            }
            Trigger::CustomTokenExchange => &[Object(&["transaction"])],
            Trigger::CustomEmailProvider | Trigger::CustomPhoneProvider => &[Object(&["notification"])],
        }
    }

    pub(crate) fn to_wit(self) -> types::Trigger {
        match self {
            Trigger::PostLogin => types::Trigger::PostLogin,
            Trigger::CredentialsExchange => types::Trigger::CredentialsExchange,
            Trigger::PreUserRegistration => types::Trigger::PreUserRegistration,
            Trigger::PostUserRegistration => types::Trigger::PostUserRegistration,
            Trigger::PostChangePassword => types::Trigger::PostChangePassword,
            Trigger::SendPhoneMessage => types::Trigger::SendPhoneMessage,
            Trigger::PasswordResetPostChallenge => types::Trigger::PasswordResetPostChallenge,
            Trigger::CustomTokenExchange => types::Trigger::CustomTokenExchange,
            Trigger::CustomEmailProvider => types::Trigger::CustomEmailProvider,
            Trigger::CustomPhoneProvider => types::Trigger::CustomPhoneProvider,
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
#[error("unknown trigger `{0}` (known: {known})", known = Trigger::ALL.iter().map(|t| t.name()).collect::<Vec<_>>().join(", "))]
pub struct UnknownTrigger(pub String);

impl FromStr for Trigger {
    type Err = UnknownTrigger;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Trigger::ALL.iter().copied().find(|t| t.name() == name).ok_or_else(|| UnknownTrigger(name.to_owned()))
    }
}
