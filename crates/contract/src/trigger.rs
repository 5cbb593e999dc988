//! The trigger table: for each point of a flow at which Actions run, its name, its
//! handlers, whether the platform acts on its outcome, the `event` fields it requires,
//! and its `api`, as the list of methods it has. The guest builds each trigger's `api`
//! from this list; the host allows a call when the method is in it.

use std::fmt;
use std::str::FromStr;

use crate::method::Method;

/// A point of a login, sign-up or messaging flow at which Actions run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "kebab-case"))]
#[repr(u8)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// A non-empty string at this path.
    String(&'static [&'static str]),
    /// An object at this path.
    Object(&'static [&'static str]),
}

/// One row of the trigger table.
#[derive(Debug)]
pub struct Spec {
    pub trigger: Trigger,
    /// The name used in files and on the command line: `post-login`.
    pub name: &'static str,
    /// The exported function the trigger calls.
    pub handler: &'static str,
    /// The handler that runs when a suspended flow resumes at this trigger's Action.
    pub continue_handler: Option<&'static str>,
    /// Whether the platform acts on the outcome. Non-blocking triggers run after the
    /// fact; their outcome is reported and ignored.
    pub blocking: bool,
    /// The `event` fields the trigger requires.
    pub required: &'static [Requirement],
    /// The trigger's `api`, in the order its namespaces and methods appear on it.
    pub surface: &'static [Method],
    /// `surface` as a set, for [`Trigger::allows`].
    allowed: u128,
}

use Method::*;

// Namespaces, or parts of one, that several triggers share.
const CACHE: &[Method] = &[CacheGet, CacheSet, CacheDelete];
const USER: &[Method] = &[UserSetUserMetadata, UserSetAppMetadata];
const REDIRECT: &[Method] = &[RedirectSendUserTo, RedirectEncodeToken, RedirectValidateToken, RedirectCanRedirect];
const CHALLENGE: &[Method] = &[
    AuthenticationChallengeWith,
    AuthenticationChallengeWithAny,
    AuthenticationEnrollWith,
    AuthenticationEnrollWithAny,
];
const SESSION: &[Method] = &[
    SessionRevoke,
    SessionSetExpiresAt,
    SessionSetIdleExpiresAt,
    SessionSetCookieMode,
    SessionSetMetadata,
    SessionDeleteMetadata,
    SessionEvictMetadata,
];
const REFRESH_TOKEN: &[Method] = &[
    RefreshTokenRevoke,
    RefreshTokenSetExpiresAt,
    RefreshTokenSetIdleExpiresAt,
    RefreshTokenSetMetadata,
    RefreshTokenDeleteMetadata,
    RefreshTokenEvictMetadata,
];
const SAML_RESPONSE: &[Method] = &[
    SamlResponseSetAttribute,
    SamlResponseSetAudience,
    SamlResponseSetRecipient,
    SamlResponseSetDestination,
    SamlResponseSetIssuer,
    SamlResponseSetRelayState,
    SamlResponseSetLifetimeInSeconds,
    SamlResponseSetSignResponse,
    SamlResponseSetNameIdentifierFormat,
    SamlResponseSetNameIdentifierProbes,
    SamlResponseSetAuthnContextClassRef,
    SamlResponseSetSignatureAlgorithm,
    SamlResponseSetDigestAlgorithm,
    SamlResponseSetSigningCert,
    SamlResponseSetEncryptionCert,
    SamlResponseSetEncryptionPublicKey,
    SamlResponseSetEncryptionAlgorithm,
    SamlResponseSetCert,
    SamlResponseSetKey,
    SamlResponseSetCreateUpnClaim,
    SamlResponseSetPassthroughClaimsWithNoMapping,
    SamlResponseSetMapUnknownClaimsAsIs,
    SamlResponseSetMapIdentities,
    SamlResponseSetIncludeAttributeNameFormat,
    SamlResponseSetTypedAttributes,
];

const POST_LOGIN: &[&[Method]] = &[
    &[AccessDeny, IdTokenSetCustomClaim, AccessTokenSetCustomClaim, AccessTokenAddScope, AccessTokenRemoveScope],
    &[ValidationError],
    USER,
    SAML_RESPONSE,
    REDIRECT,
    &[AuthenticationSetPrimaryUser, AuthenticationRecordMethod],
    CHALLENGE,
    &[PromptRender, RulesWasExecuted],
    SESSION,
    REFRESH_TOKEN,
    &[TransactionSetMetadata],
    CACHE,
    &[MultifactorEnable],
];
const CREDENTIALS_EXCHANGE: &[&[Method]] = &[&[AccessDenyWithCode, AccessTokenSetCustomClaim], CACHE];
const PRE_USER_REGISTRATION: &[&[Method]] = &[&[AccessDenyWithUserMessage, ValidationError], USER, CACHE];
const PASSWORD_RESET_POST_CHALLENGE: &[&[Method]] =
    &[&[AccessDeny], REDIRECT, CHALLENGE, &[PromptRender, TransactionSetResultUrl], CACHE];
const CUSTOM_TOKEN_EXCHANGE: &[&[Method]] = &[
    &[
        AccessDenyWithCode,
        AccessRejectInvalidSubjectToken,
        AuthenticationSetUserById,
        AuthenticationSetUserByConnection,
        AuthenticationSetOrganization,
        AuthenticationSetActor,
    ],
    USER,
    CACHE,
];
const NOTIFICATION_PROVIDER: &[&[Method]] = &[&[NotificationDrop, NotificationRetry], CACHE];

const POST_LOGIN_SURFACE: [Method; total(POST_LOGIN)] = concat(POST_LOGIN);
const CREDENTIALS_EXCHANGE_SURFACE: [Method; total(CREDENTIALS_EXCHANGE)] = concat(CREDENTIALS_EXCHANGE);
const PRE_USER_REGISTRATION_SURFACE: [Method; total(PRE_USER_REGISTRATION)] = concat(PRE_USER_REGISTRATION);
const PASSWORD_RESET_POST_CHALLENGE_SURFACE: [Method; total(PASSWORD_RESET_POST_CHALLENGE)] =
    concat(PASSWORD_RESET_POST_CHALLENGE);
const CUSTOM_TOKEN_EXCHANGE_SURFACE: [Method; total(CUSTOM_TOKEN_EXCHANGE)] = concat(CUSTOM_TOKEN_EXCHANGE);
const NOTIFICATION_PROVIDER_SURFACE: [Method; total(NOTIFICATION_PROVIDER)] = concat(NOTIFICATION_PROVIDER);

const USER_ID: &[Requirement] = &[Requirement::String(&["user", "user_id"])];

/// The table, one row per trigger in [`Trigger`]'s order.
pub const TRIGGERS: [Spec; 10] = [
    spec(
        Trigger::PostLogin,
        "post-login",
        "onExecutePostLogin",
        Some("onContinuePostLogin"),
        true,
        USER_ID,
        &POST_LOGIN_SURFACE,
    ),
    spec(
        Trigger::CredentialsExchange,
        "credentials-exchange",
        "onExecuteCredentialsExchange",
        None,
        true,
        &[Requirement::String(&["client", "client_id"])],
        &CREDENTIALS_EXCHANGE_SURFACE,
    ),
    spec(
        Trigger::PreUserRegistration,
        "pre-user-registration",
        "onExecutePreUserRegistration",
        None,
        true,
        &[Requirement::Object(&["user"])],
        &PRE_USER_REGISTRATION_SURFACE,
    ),
    spec(
        Trigger::PostUserRegistration,
        "post-user-registration",
        "onExecutePostUserRegistration",
        None,
        false,
        USER_ID,
        CACHE,
    ),
    spec(
        Trigger::PostChangePassword,
        "post-change-password",
        "onExecutePostChangePassword",
        None,
        false,
        USER_ID,
        CACHE,
    ),
    spec(
        Trigger::SendPhoneMessage,
        "send-phone-message",
        "onExecuteSendPhoneMessage",
        None,
        true,
        &[Requirement::String(&["message_options", "recipient"]), Requirement::String(&["message_options", "text"])],
        CACHE,
    ),
    spec(
        Trigger::PasswordResetPostChallenge,
        "password-reset-post-challenge",
        "onExecutePostChallenge",
        Some("onContinuePostChallenge"),
        true,
        USER_ID,
        &PASSWORD_RESET_POST_CHALLENGE_SURFACE,
    ),
    spec(
        Trigger::CustomTokenExchange,
        "custom-token-exchange",
        "onExecuteCustomTokenExchange",
        None,
        true,
        &[Requirement::Object(&["transaction"])],
        &CUSTOM_TOKEN_EXCHANGE_SURFACE,
    ),
    spec(
        Trigger::CustomEmailProvider,
        "custom-email-provider",
        "onExecuteCustomEmailProvider",
        None,
        true,
        &[Requirement::Object(&["notification"])],
        &NOTIFICATION_PROVIDER_SURFACE,
    ),
    spec(
        Trigger::CustomPhoneProvider,
        "custom-phone-provider",
        "onExecuteCustomPhoneProvider",
        None,
        true,
        &[Requirement::Object(&["notification"])],
        &NOTIFICATION_PROVIDER_SURFACE,
    ),
];

// The table's rows are in the enum's order, so `spec` is an index.
const _: () = {
    let mut i = 0;
    while i < TRIGGERS.len() {
        assert!(TRIGGERS[i].trigger as usize == i);
        i += 1;
    }
};

const fn spec(
    trigger: Trigger,
    name: &'static str,
    handler: &'static str,
    continue_handler: Option<&'static str>,
    blocking: bool,
    required: &'static [Requirement],
    surface: &'static [Method],
) -> Spec {
    let mut allowed = 0;
    let mut i = 0;
    while i < surface.len() {
        assert!(allowed & surface[i].bit() == 0, "a method is listed twice");
        allowed |= surface[i].bit();
        i += 1;
    }
    Spec { trigger, name, handler, continue_handler, blocking, required, surface, allowed }
}

const fn total(parts: &[&[Method]]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < parts.len() {
        n += parts[i].len();
        i += 1;
    }
    n
}

const fn concat<const N: usize>(parts: &[&[Method]]) -> [Method; N] {
    let mut out = [Method::CacheGet; N];
    let (mut n, mut i) = (0, 0);
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[n] = parts[i][j];
            n += 1;
            j += 1;
        }
        i += 1;
    }
    out
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

    /// The trigger's row of the table.
    pub const fn spec(self) -> &'static Spec {
        &TRIGGERS[self as usize]
    }

    /// The name used in files and on the command line: `post-login`.
    pub const fn name(self) -> &'static str {
        self.spec().name
    }

    /// The exported function the trigger calls.
    pub const fn handler(self) -> &'static str {
        self.spec().handler
    }

    /// The handler that runs when a suspended flow resumes at this trigger's Action.
    pub const fn continue_handler(self) -> Option<&'static str> {
        self.spec().continue_handler
    }

    /// Whether the platform acts on the outcome. Non-blocking triggers run after the
    /// fact; their outcome is reported and ignored.
    pub const fn is_blocking(self) -> bool {
        self.spec().blocking
    }

    /// The `event` fields the trigger requires.
    pub const fn requirements(self) -> &'static [Requirement] {
        self.spec().required
    }

    /// The trigger's `api` methods.
    pub const fn surface(self) -> &'static [Method] {
        self.spec().surface
    }

    /// Whether the trigger's `api` has `method`.
    pub const fn allows(self, method: Method) -> bool {
        self.spec().allowed & method.bit() != 0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_every_trigger_once_by_name() {
        assert_eq!(Trigger::ALL.len(), TRIGGERS.len());
        for (i, trigger) in Trigger::ALL.iter().enumerate() {
            assert_eq!(*trigger as usize, i);
            assert_eq!(trigger.name().parse::<Trigger>(), Ok(*trigger));
        }
        assert!("post_login".parse::<Trigger>().is_err());
    }

    #[test]
    fn allows_is_membership_of_the_surface() {
        for trigger in Trigger::ALL {
            for method in Method::ALL {
                assert_eq!(trigger.allows(*method), trigger.surface().contains(method), "{trigger} {method:?}");
            }
        }
        assert!(Trigger::PostLogin.allows(Method::SessionSetCookieMode));
        assert!(!Trigger::PostLogin.allows(Method::AccessDenyWithCode));
        assert!(Trigger::ALL.iter().all(|t| t.allows(Method::CacheGet)));
    }

    #[test]
    fn each_trigger_has_at_most_one_form_of_a_method() {
        for trigger in Trigger::ALL {
            let mut paths: Vec<_> = trigger.surface().iter().map(|m| m.path()).collect();
            let all = paths.len();
            paths.sort_unstable();
            paths.dedup();
            assert_eq!(paths.len(), all, "{trigger}");
        }
    }
}
