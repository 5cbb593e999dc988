//! `api.idToken.setCustomClaim` and `api.accessToken.setCustomClaim`.
//!
//! Restricted claim names are dropped with a [`Warning`], not refused, as on the platform.
//! The custom claims of one token may total [`MAX_CUSTOM_CLAIMS_BYTES`] of JSON (a later
//! write of the same name replaces the earlier one); past that the call is refused.

use super::{check_allowed, check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::tokens::{Host, Token};
use crate::limits::{MAX_CUSTOM_CLAIMS_BYTES, MAX_SCOPE_BYTES};
use crate::outcome::{Command, Warning};
use crate::state::HostState;
use crate::trigger::Method;

/// Claim names an Action may not set (plus every name starting `sip_`).
const RESTRICTED_CLAIMS: &[&str] = &[
    "acr",
    "act",
    "active",
    "amr",
    "at_hash",
    "ath",
    "attest",
    "aud",
    "auth_time",
    "authorization_details",
    "azp",
    "c_hash",
    "client_id",
    "cnf",
    "cty",
    "dest",
    "entitlements",
    "events",
    "exp",
    "groups",
    "gty",
    "htm",
    "htu",
    "iat",
    "internalService",
    "iss",
    "jcard",
    "jku",
    "jti",
    "jwe",
    "jwk",
    "kid",
    "may_act",
    "mky",
    "nbf",
    "nonce",
    "object_id",
    "org_id",
    "org_name",
    "orig",
    "origid",
    "permissions",
    "roles",
    "rph",
    "s_hash",
    "sid",
    "sub",
    "sub_jwk",
    "toe",
    "txn",
    "typ",
    "uuid",
    "vot",
    "vtm",
    "x5t#S256",
];

/// Whether `name` is a claim the platform reserves.
pub fn is_restricted_claim(name: &str) -> bool {
    RESTRICTED_CLAIMS.contains(&name) || name.starts_with("sip_")
}

impl Host for HostState {
    fn set_custom_claim(&mut self, token: Token, name: String, value: String) -> Result<(), String> {
        let method = match token {
            Token::IdToken => Method::IdTokenSetCustomClaim,
            Token::AccessToken => Method::AccessTokenSetCustomClaim,
        };
        check_allowed(self, method)?;
        let (method, token_name) = (method.path(), method.namespace());
        check_key(method, "the claim name", &name)?;
        let size = name.len() + value.len();
        let value = parse_json(method, "the claim value", &value, MAX_CUSTOM_CLAIMS_BYTES)?;
        if is_restricted_claim(&name) {
            self.record.warn(Warning::RestrictedClaim { token: token_name.into(), name })?;
            return Ok(());
        }
        let claims = match token {
            Token::IdToken => &mut self.totals.id_token_claims,
            Token::AccessToken => &mut self.totals.access_token_claims,
        };
        claims.try_set(&name, size, MAX_CUSTOM_CLAIMS_BYTES).map_err(|total| {
            format!("{method}: the {token_name} custom claims would total {total} bytes; the limit is {MAX_CUSTOM_CLAIMS_BYTES}")
        })?;
        self.record.command(match token {
            Token::IdToken => Command::SetIdTokenClaim { name, value },
            Token::AccessToken => Command::SetAccessTokenClaim { name, value },
        })?;
        Ok(())
    }

    fn add_scope(&mut self, scope: String) -> Result<(), String> {
        const METHOD: &str = Method::AccessTokenAddScope.path();
        check_allowed(self, Method::AccessTokenAddScope)?;
        check_scope(METHOD, &scope)?;
        self.record.command(Command::AddScope { scope })?;
        Ok(())
    }

    fn remove_scope(&mut self, scope: String) -> Result<(), String> {
        const METHOD: &str = Method::AccessTokenRemoveScope.path();
        check_allowed(self, Method::AccessTokenRemoveScope)?;
        check_scope(METHOD, &scope)?;
        self.record.command(Command::RemoveScope { scope })?;
        Ok(())
    }
}

/// A scope: one non-empty token of at most [`MAX_SCOPE_BYTES`], without spaces.
fn check_scope(method: &str, scope: &str) -> Result<(), String> {
    if scope.is_empty() || scope.len() > MAX_SCOPE_BYTES || scope.chars().any(char::is_whitespace) {
        return Err(format!("{method}: a scope is 1 to {MAX_SCOPE_BYTES} bytes without spaces, got {scope:?}"));
    }
    Ok(())
}
