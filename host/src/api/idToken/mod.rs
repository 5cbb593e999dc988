//! `api.idToken.setCustomClaim`, and the custom-claim rules `api.accessToken` shares.
//!
//! Restricted claim names are dropped with a [`Warning`], not refused, as on the platform.
//! The custom claims of one token may total [`MAX_CUSTOM_CLAIMS_BYTES`] of JSON (a later
//! write of the same name replaces the earlier one); past that the call is refused.

mod command;

pub use command::IdTokenCommand;

use actionbox_contract::refusal::Refusal;

use super::{check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::id_token::{Call, Claim};
use crate::limits::MAX_CUSTOM_CLAIMS_BYTES;
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
fn is_restricted_claim(name: &str) -> bool {
    RESTRICTED_CLAIMS.contains(&name) || name.starts_with("sip_")
}

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::SetCustomClaim(_) => Method::IdTokenSetCustomClaim,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let Call::SetCustomClaim(claim) = call;
    set_custom_claim(state, Token::IdToken, claim)
}

/// The token a custom claim is for.
#[derive(Clone, Copy)]
pub(super) enum Token {
    IdToken,
    AccessToken,
}

/// `setCustomClaim` on either token.
pub(super) fn set_custom_claim(
    state: &mut HostState,
    token: Token,
    Claim { name, value }: Claim,
) -> Result<(), Refusal> {
    let namespace = match token {
        Token::IdToken => Method::IdTokenSetCustomClaim.namespace(),
        Token::AccessToken => Method::AccessTokenSetCustomClaim.namespace(),
    };
    check_key("the claim name", &name)?;
    let size = name.len() + value.len();
    let value = parse_json("the claim value", &value, MAX_CUSTOM_CLAIMS_BYTES)?;
    if is_restricted_claim(&name) {
        return state.record.warn(Warning::RestrictedClaim { token: namespace.into(), name });
    }
    let claims = match token {
        Token::IdToken => &mut state.totals.id_token_claims,
        Token::AccessToken => &mut state.totals.access_token_claims,
    };
    claims.try_set(&name, size, MAX_CUSTOM_CLAIMS_BYTES).map_err(|total| Refusal::WouldTotal {
        total_of: format!("the {namespace} custom claims"),
        total: total as u64,
        limit: MAX_CUSTOM_CLAIMS_BYTES as u64,
    })?;
    state.record.command(match token {
        Token::IdToken => Command::from(IdTokenCommand::SetCustomClaim { name, value }),
        Token::AccessToken => Command::from(super::AccessTokenCommand::SetCustomClaim { name, value }),
    })
}
