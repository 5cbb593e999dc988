//! `api.redirect` (post-login, password-reset-post-challenge): `sendUserTo`,
//! `encodeToken`, `validateToken`, `canRedirect`.
//!
//! `sendUserTo` records where to send the user; the flow suspends after the Action
//! (`flow/runner.rs`) and adds `state`. In a non-interactive transaction (refresh-token and
//! password grants, `prompt=none`) the call is recorded but the decision is a denial with
//! code `interaction_required`. Tokens are HS256 (`jwt.rs`) with claims the host sets
//! from its own record of the execution; `validateToken` reads the token from the
//! continue request the host received, never from the Action's `event`.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::{check_allowed, parse_json};
use crate::bindings::actionbox_sandbox::api::redirect::Host;
use crate::jwt::{self, HostClaims};
use crate::limits::{
    DEFAULT_TOKEN_EXPIRES_IN_SECONDS, MAX_REDIRECT_QUERY_BYTES, MAX_TOKEN_EXPIRES_IN_SECONDS, MAX_TOKEN_PAYLOAD_BYTES,
    MAX_TOKEN_SECRET_BYTES,
};
use crate::outcome::{Command, Interaction};
use crate::state::HostState;
use crate::trigger::Method;
use crate::urls;

impl Host for HostState {
    fn send_user_to(&mut self, url: String, query: String) -> Result<(), String> {
        const METHOD: &str = Method::RedirectSendUserTo.path();
        check_allowed(self, Method::RedirectSendUserTo)?;
        let parsed = urls::https(METHOD, &url)?;
        if urls::has_param(&parsed, "state") {
            return Err(format!("{METHOD}: the url must not carry `state`: the host adds it"));
        }
        let Value::Object(query) = parse_json(METHOD, "options.query", &query, MAX_REDIRECT_QUERY_BYTES)? else {
            return Err(format!("{METHOD}: options.query must be an object"));
        };
        if let Some((key, _)) = query.iter().find(|(k, v)| !v.is_string() || *k == "state") {
            return Err(format!("{METHOD}: query parameter `{key}` must be a string (and `state` is the host's)"));
        }
        let params = query.iter().map(|(key, value)| (key.as_str(), value.as_str().unwrap_or_default()));
        self.begin_interaction(METHOD, Interaction::Redirect { url: urls::with_params(&parsed, params) })?;
        self.record.command(Command::Redirect { url, query: Value::Object(query) })?;
        Ok(())
    }

    fn encode_token(&mut self, secret: String, payload: String, expires_in: Option<u64>) -> Result<String, String> {
        const METHOD: &str = Method::RedirectEncodeToken.path();
        check_allowed(self, Method::RedirectEncodeToken)?;
        check_secret(METHOD, &secret)?;
        let Value::Object(payload) = parse_json(METHOD, "options.payload", &payload, MAX_TOKEN_PAYLOAD_BYTES)? else {
            return Err(format!("{METHOD}: options.payload must be an object"));
        };
        let expires_in = expires_in.unwrap_or(DEFAULT_TOKEN_EXPIRES_IN_SECONDS);
        if expires_in == 0 || expires_in > MAX_TOKEN_EXPIRES_IN_SECONDS {
            return Err(format!("{METHOD}: expiresInSeconds must be between 1 and {MAX_TOKEN_EXPIRES_IN_SECONDS}"));
        }
        let identity = &self.identity;
        let claims =
            HostClaims { issuer: &identity.issuer, subject: &identity.subject, ip: &identity.ip, now: now_seconds() };
        Ok(jwt::encode(secret.as_bytes(), payload, expires_in, &claims))
    }

    fn validate_token(&mut self, secret: String, parameter: String) -> Result<String, String> {
        const METHOD: &str = Method::RedirectValidateToken.path();
        check_allowed(self, Method::RedirectValidateToken)?;
        check_secret(METHOD, &secret)?;
        let Some(continuation) = &self.continuation else {
            return Err(format!("{METHOD}: there is no continue request (only in onContinuePostLogin)"));
        };
        let token = [&continuation.query, &continuation.body]
            .iter()
            .find_map(|fields| fields.get(&parameter).and_then(Value::as_str))
            .ok_or_else(|| format!("{METHOD}: the continue request has no `{parameter}` parameter"))?;
        let claims = jwt::validate(secret.as_bytes(), token, &continuation.state, now_seconds())
            .map_err(|e| format!("{METHOD}: {e}"))?;
        Ok(Value::Object(claims).to_string())
    }

    fn can_redirect(&mut self) -> bool {
        self.identity.interactive
    }
}

impl HostState {
    /// Records what the Action asks the user for. Only the first request of an Action
    /// counts; in a non-interactive transaction it makes the decision a denial with code
    /// `interaction_required` instead.
    pub(super) fn begin_interaction(&mut self, method: &str, interaction: Interaction) -> Result<(), String> {
        if self.record.interaction.is_some() {
            return Err(format!("{method}: this Action already redirects, challenges or prompts the user"));
        }
        if !self.identity.interactive {
            self.record.deny("this transaction cannot interact with the user", Some("interaction_required".into()));
        }
        self.record.interaction = Some(interaction);
        Ok(())
    }
}

fn check_secret(method: &str, secret: &str) -> Result<(), String> {
    if secret.is_empty() || secret.len() > MAX_TOKEN_SECRET_BYTES {
        return Err(format!("{method}: options.secret must be 1 to {MAX_TOKEN_SECRET_BYTES} bytes"));
    }
    Ok(())
}

fn now_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
