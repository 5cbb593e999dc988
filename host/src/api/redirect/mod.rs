//! `api.redirect` (post-login, password-reset-post-challenge): `sendUserTo`,
//! `encodeToken`, `validateToken`, `canRedirect`.
//!
//! `sendUserTo` records where to send the user; the flow suspends after the Action
//! (`flow/runner.rs`) and adds `state`. In a non-interactive transaction (refresh-token and
//! password grants, `prompt=none`) the call is recorded but the decision is a denial with
//! code `interaction_required`. Tokens are HS256 (`jwt.rs`) with claims the host sets
//! from its own record of the execution; `validateToken` reads the token from the
//! continue request the host received, never from the Action's `event`.

mod command;

pub use command::RedirectCommand;

use std::time::{SystemTime, UNIX_EPOCH};

use actionbox_contract::refusal::{NotNow, Once, RangeUnit, Refusal, TokenProblem, UrlProblem};
use serde_json::Value;

use super::parse_json;
use crate::bindings::actionbox_sandbox::api::redirect::{Call, EncodeToken, Reply, SendUserTo, ValidateToken};
use crate::jwt::{self, HostClaims};
use crate::limits::{
    DEFAULT_TOKEN_EXPIRES_IN_SECONDS, MAX_REDIRECT_QUERY_BYTES, MAX_TOKEN_EXPIRES_IN_SECONDS, MAX_TOKEN_PAYLOAD_BYTES,
    MAX_TOKEN_SECRET_BYTES,
};
use crate::outcome::Interaction;
use crate::state::HostState;
use crate::trigger::Method;
use crate::urls;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::SendUserTo(_) => Method::RedirectSendUserTo,
        Call::EncodeToken(_) => Method::RedirectEncodeToken,
        Call::ValidateToken(_) => Method::RedirectValidateToken,
        Call::CanRedirect => Method::RedirectCanRedirect,
    }
}

/// The readers reply with a value; `sendUserTo` with none.
pub(super) fn call(state: &mut HostState, call: Call) -> Result<Option<Reply>, Refusal> {
    match call {
        Call::SendUserTo(call) => send_user_to(state, call).map(|()| None),
        Call::EncodeToken(call) => encode_token(state, call).map(|token| Some(Reply::Token(token))),
        Call::ValidateToken(call) => validate_token(state, call).map(|claims| Some(Reply::Claims(claims))),
        Call::CanRedirect => Ok(Some(Reply::CanRedirect(state.identity.interactive))),
    }
}

fn wrong_type(argument: &str, expected: &str) -> Refusal {
    Refusal::WrongType { argument: argument.into(), expected: expected.into(), got: None }
}

fn send_user_to(state: &mut HostState, SendUserTo { url, query }: SendUserTo) -> Result<(), Refusal> {
    let parsed = urls::https(&url)?;
    if urls::has_param(&parsed, "state") {
        return Err(Refusal::InvalidUrl(UrlProblem::CarriesState));
    }
    let Value::Object(query) = parse_json("options.query", &query, MAX_REDIRECT_QUERY_BYTES)? else {
        return Err(wrong_type("options.query", "an object"));
    };
    if let Some((key, _)) = query.iter().find(|(k, v)| !v.is_string() || *k == "state") {
        return Err(wrong_type(&format!("query parameter `{key}`"), "a string (and `state` is the host's)"));
    }
    let params = query.iter().map(|(key, value)| (key.as_str(), value.as_str().unwrap_or_default()));
    state.begin_interaction(Interaction::Redirect { url: urls::with_params(&parsed, params) })?;
    state.record.command(RedirectCommand::SendUserTo { url, query: Value::Object(query) })
}

fn encode_token(state: &mut HostState, call: EncodeToken) -> Result<String, Refusal> {
    let EncodeToken { secret, payload, expires_in_seconds } = call;
    check_secret(&secret)?;
    let Value::Object(payload) = parse_json("options.payload", &payload, MAX_TOKEN_PAYLOAD_BYTES)? else {
        return Err(wrong_type("options.payload", "an object"));
    };
    let expires_in = expires_in_seconds.unwrap_or(DEFAULT_TOKEN_EXPIRES_IN_SECONDS);
    if expires_in == 0 || expires_in > MAX_TOKEN_EXPIRES_IN_SECONDS {
        return Err(Refusal::OutOfRange {
            argument: "expiresInSeconds".into(),
            max: MAX_TOKEN_EXPIRES_IN_SECONDS,
            unit: RangeUnit::Number,
        });
    }
    let identity = &state.identity;
    let claims =
        HostClaims { issuer: &identity.issuer, subject: &identity.subject, ip: &identity.ip, now: now_seconds() };
    Ok(jwt::encode(secret.as_bytes(), payload, expires_in, &claims))
}

fn validate_token(
    state: &mut HostState,
    ValidateToken { secret, parameter }: ValidateToken,
) -> Result<String, Refusal> {
    check_secret(&secret)?;
    let Some(continuation) = &state.continuation else {
        return Err(Refusal::NotNow(NotNow::NoContinueRequest));
    };
    let Some(token) = [&continuation.query, &continuation.body]
        .iter()
        .find_map(|fields| fields.get(&parameter).and_then(Value::as_str))
    else {
        return Err(Refusal::Token(TokenProblem::NoParameter(parameter)));
    };
    let claims = jwt::validate(secret.as_bytes(), token, &continuation.state, now_seconds()).map_err(Refusal::Token)?;
    Ok(Value::Object(claims).to_string())
}

impl HostState {
    /// Records what the Action asks the user for. Only the first request of an Action
    /// counts; in a non-interactive transaction it makes the decision a denial with code
    /// `interaction_required` instead.
    pub(super) fn begin_interaction(&mut self, interaction: Interaction) -> Result<(), Refusal> {
        if self.record.interaction.is_some() {
            return Err(Refusal::Once(Once::Interaction));
        }
        if !self.identity.interactive {
            self.record.deny("this transaction cannot interact with the user", Some("interaction_required".into()));
        }
        self.record.interaction = Some(interaction);
        Ok(())
    }
}

fn check_secret(secret: &str) -> Result<(), Refusal> {
    if secret.is_empty() || secret.len() > MAX_TOKEN_SECRET_BYTES {
        return Err(Refusal::OutOfRange {
            argument: "options.secret".into(),
            max: MAX_TOKEN_SECRET_BYTES as u64,
            unit: RangeUnit::Bytes,
        });
    }
    Ok(())
}

fn now_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
