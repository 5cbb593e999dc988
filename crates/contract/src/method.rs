//! Every `api` method an Action can call, with its JavaScript path. Which trigger has
//! which method is the trigger table's business (`trigger.rs`).
//!
//! A method is one form of a call: `api.access.deny` is three methods, because the
//! triggers that have it take different arguments (`deny(reason)`, `deny(code, reason)`,
//! `deny(reason, userMessage)`). [`Method::key`] names each form uniquely; the guest's
//! JavaScript implements each key once.

macro_rules! methods {
    ($( $(#[$doc:meta])* $variant:ident => $namespace:literal . $name:literal, )*) => {
        /// One `api` method, in the form one trigger or more offer it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[non_exhaustive]
        pub enum Method {
            $( $(#[$doc])* $variant, )*
        }

        impl Method {
            /// Every method, in declaration order.
            pub const ALL: &'static [Method] = &[$(Method::$variant),*];

            /// The namespace under `api`: `accessToken` for `api.accessToken.addScope`.
            pub const fn namespace(self) -> &'static str {
                match self { $(Method::$variant => $namespace,)* }
            }

            /// The property of the namespace: `addScope` for `api.accessToken.addScope`.
            pub const fn name(self) -> &'static str {
                match self { $(Method::$variant => $name,)* }
            }

            /// The path an Action calls it by, `api.accessToken.addScope`: the prefix of
            /// every message about a call.
            pub const fn path(self) -> &'static str {
                match self { $(Method::$variant => concat!("api.", $namespace, ".", $name),)* }
            }

            /// A name unique to this form of the method (`AccessDenyWithCode`), under
            /// which the guest's JavaScript implements it.
            pub const fn key(self) -> &'static str {
                match self { $(Method::$variant => stringify!($variant),)* }
            }
        }
    };
}

methods! {
    /// `deny(reason)`: post-login, password-reset-post-challenge.
    AccessDeny => "access"."deny",
    /// `deny(code, reason)`: credentials-exchange, custom-token-exchange.
    AccessDenyWithCode => "access"."deny",
    /// `deny(reason, userMessage)`: pre-user-registration.
    AccessDenyWithUserMessage => "access"."deny",
    AccessRejectInvalidSubjectToken => "access"."rejectInvalidSubjectToken",
    ValidationError => "validation"."error",
    NotificationDrop => "notification"."drop",
    NotificationRetry => "notification"."retry",
    IdTokenSetCustomClaim => "idToken"."setCustomClaim",
    AccessTokenSetCustomClaim => "accessToken"."setCustomClaim",
    AccessTokenAddScope => "accessToken"."addScope",
    AccessTokenRemoveScope => "accessToken"."removeScope",
    SessionRevoke => "session"."revoke",
    SessionSetExpiresAt => "session"."setExpiresAt",
    SessionSetIdleExpiresAt => "session"."setIdleExpiresAt",
    SessionSetCookieMode => "session"."setCookieMode",
    SessionSetMetadata => "session"."setMetadata",
    SessionDeleteMetadata => "session"."deleteMetadata",
    SessionEvictMetadata => "session"."evictMetadata",
    RefreshTokenRevoke => "refreshToken"."revoke",
    RefreshTokenSetExpiresAt => "refreshToken"."setExpiresAt",
    RefreshTokenSetIdleExpiresAt => "refreshToken"."setIdleExpiresAt",
    RefreshTokenSetMetadata => "refreshToken"."setMetadata",
    RefreshTokenDeleteMetadata => "refreshToken"."deleteMetadata",
    RefreshTokenEvictMetadata => "refreshToken"."evictMetadata",
    UserSetUserMetadata => "user"."setUserMetadata",
    UserSetAppMetadata => "user"."setAppMetadata",
    MultifactorEnable => "multifactor"."enable",
    SamlResponseSetAttribute => "samlResponse"."setAttribute",
    SamlResponseSetAudience => "samlResponse"."setAudience",
    SamlResponseSetRecipient => "samlResponse"."setRecipient",
    SamlResponseSetDestination => "samlResponse"."setDestination",
    SamlResponseSetIssuer => "samlResponse"."setIssuer",
    SamlResponseSetRelayState => "samlResponse"."setRelayState",
    SamlResponseSetLifetimeInSeconds => "samlResponse"."setLifetimeInSeconds",
    SamlResponseSetSignResponse => "samlResponse"."setSignResponse",
    SamlResponseSetNameIdentifierFormat => "samlResponse"."setNameIdentifierFormat",
    SamlResponseSetNameIdentifierProbes => "samlResponse"."setNameIdentifierProbes",
    SamlResponseSetAuthnContextClassRef => "samlResponse"."setAuthnContextClassRef",
    SamlResponseSetSignatureAlgorithm => "samlResponse"."setSignatureAlgorithm",
    SamlResponseSetDigestAlgorithm => "samlResponse"."setDigestAlgorithm",
    SamlResponseSetSigningCert => "samlResponse"."setSigningCert",
    SamlResponseSetEncryptionCert => "samlResponse"."setEncryptionCert",
    SamlResponseSetEncryptionPublicKey => "samlResponse"."setEncryptionPublicKey",
    SamlResponseSetEncryptionAlgorithm => "samlResponse"."setEncryptionAlgorithm",
    SamlResponseSetCert => "samlResponse"."setCert",
    SamlResponseSetKey => "samlResponse"."setKey",
    SamlResponseSetCreateUpnClaim => "samlResponse"."setCreateUpnClaim",
    SamlResponseSetPassthroughClaimsWithNoMapping => "samlResponse"."setPassthroughClaimsWithNoMapping",
    SamlResponseSetMapUnknownClaimsAsIs => "samlResponse"."setMapUnknownClaimsAsIs",
    SamlResponseSetMapIdentities => "samlResponse"."setMapIdentities",
    SamlResponseSetIncludeAttributeNameFormat => "samlResponse"."setIncludeAttributeNameFormat",
    SamlResponseSetTypedAttributes => "samlResponse"."setTypedAttributes",
    AuthenticationSetPrimaryUser => "authentication"."setPrimaryUser",
    AuthenticationRecordMethod => "authentication"."recordMethod",
    AuthenticationChallengeWith => "authentication"."challengeWith",
    AuthenticationChallengeWithAny => "authentication"."challengeWithAny",
    AuthenticationEnrollWith => "authentication"."enrollWith",
    AuthenticationEnrollWithAny => "authentication"."enrollWithAny",
    AuthenticationSetUserById => "authentication"."setUserById",
    AuthenticationSetUserByConnection => "authentication"."setUserByConnection",
    AuthenticationSetOrganization => "authentication"."setOrganization",
    AuthenticationSetActor => "authentication"."setActor",
    RedirectSendUserTo => "redirect"."sendUserTo",
    RedirectEncodeToken => "redirect"."encodeToken",
    RedirectValidateToken => "redirect"."validateToken",
    RedirectCanRedirect => "redirect"."canRedirect",
    PromptRender => "prompt"."render",
    TransactionSetMetadata => "transaction"."setMetadata",
    TransactionSetResultUrl => "transaction"."setResultUrl",
    CacheGet => "cache"."get",
    CacheSet => "cache"."set",
    CacheDelete => "cache"."delete",
    /// Always false: actionbox runs no Rules.
    RulesWasExecuted => "rules"."wasExecuted",
}

// A trigger's surface is a bit set of methods (`trigger.rs`).
const _: () = assert!(Method::ALL.len() <= 128);

impl Method {
    /// This method's bit in a trigger's set of methods.
    pub(crate) const fn bit(self) -> u128 {
        1 << self as u8
    }
}

#[cfg(test)]
mod tests {
    use super::Method;

    #[test]
    fn keys_are_unique_and_paths_are_js_paths() {
        let mut keys: Vec<_> = Method::ALL.iter().map(|m| m.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Method::ALL.len());
        assert_eq!(Method::AccessTokenAddScope.path(), "api.accessToken.addScope");
        assert_eq!(Method::AccessDenyWithCode.path(), "api.access.deny");
        assert!(Method::ALL.iter().enumerate().all(|(i, m)| *m as usize == i));
    }
}
