//! `api.redirect` (post-login, password-reset-post-challenge): `sendUserTo`,
//! `encodeToken`, `validateToken`, `canRedirect`.
//!
//! `sendUserTo` records where to send the user; the flow suspends after the Action
//! (`flow.rs`) and adds `state`. In a non-interactive transaction (refresh-token and
//! password grants, `prompt=none`) the call is recorded but the decision is a denial with
//! code `interaction_required`. Tokens are HS256 (`jwt.rs`) with claims the host sets
//! from its own record of the execution; `validateToken` reads the token from the
//! continue request the host received, never from the Action's `event`.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::{check_trigger, parse_json};
use crate::bindings::actionbox::runtime::redirect::Host;
use crate::jwt::{self, DEFAULT_EXPIRES_IN_SECONDS, HostClaims, MAX_EXPIRES_IN_SECONDS};
use crate::outcome::{Command, Interaction};
use crate::state::HostState;
use crate::trigger::Trigger;

const TRIGGERS: &[Trigger] = &[Trigger::PostLogin, Trigger::PasswordResetPostChallenge];
const MAX_URL_BYTES: usize = 2048;
const MAX_QUERY_BYTES: usize = 8 * 1024;
const MAX_PAYLOAD_BYTES: usize = 8 * 1024;
const MAX_SECRET_BYTES: usize = 4096;

impl Host for HostState {
    fn send_user_to(&mut self, url: String, query: String) -> Result<(), String> {
        const METHOD: &str = "api.redirect.sendUserTo";
        check_trigger(self, METHOD, TRIGGERS)?;
        let host = url.strip_prefix("https://").unwrap_or_default();
        if host.is_empty()
            || host.starts_with('/')
            || url.len() > MAX_URL_BYTES
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(format!("{METHOD}: the url must be an https URL of at most {MAX_URL_BYTES} bytes"));
        }
        let Value::Object(query) = parse_json(METHOD, "options.query", &query, MAX_QUERY_BYTES)? else {
            return Err(format!("{METHOD}: options.query must be an object"));
        };
        if let Some((key, _)) = query.iter().find(|(k, v)| !v.is_string() || *k == "state") {
            return Err(format!("{METHOD}: query parameter `{key}` must be a string (and `state` is the host's)"));
        }
        self.begin_interaction(METHOD, Interaction::Redirect { url: with_query(&url, &query) })?;
        self.record.command(Command::Redirect { url, query: Value::Object(query) })?;
        Ok(())
    }

    fn encode_token(&mut self, secret: String, payload: String, expires_in: Option<u64>) -> Result<String, String> {
        const METHOD: &str = "api.redirect.encodeToken";
        check_trigger(self, METHOD, TRIGGERS)?;
        check_secret(METHOD, &secret)?;
        let Value::Object(payload) = parse_json(METHOD, "options.payload", &payload, MAX_PAYLOAD_BYTES)? else {
            return Err(format!("{METHOD}: options.payload must be an object"));
        };
        let expires_in = expires_in.unwrap_or(DEFAULT_EXPIRES_IN_SECONDS);
        if expires_in == 0 || expires_in > MAX_EXPIRES_IN_SECONDS {
            return Err(format!("{METHOD}: expiresInSeconds must be between 1 and {MAX_EXPIRES_IN_SECONDS}"));
        }
        let identity = &self.identity;
        let claims =
            HostClaims { issuer: &identity.issuer, subject: &identity.subject, ip: &identity.ip, now: now_seconds() };
        Ok(jwt::encode(secret.as_bytes(), payload, expires_in, &claims))
    }

    fn validate_token(&mut self, secret: String, parameter: String) -> Result<String, String> {
        const METHOD: &str = "api.redirect.validateToken";
        check_trigger(self, METHOD, TRIGGERS)?;
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
            self.record.denied.get_or_insert_with(|| {
                ("this transaction cannot interact with the user".into(), Some("interaction_required".into()))
            });
        }
        self.record.interaction = Some(interaction);
        Ok(())
    }
}

fn check_secret(method: &str, secret: &str) -> Result<(), String> {
    if secret.is_empty() || secret.len() > MAX_SECRET_BYTES {
        return Err(format!("{method}: options.secret must be 1 to {MAX_SECRET_BYTES} bytes"));
    }
    Ok(())
}

/// `url` with the query parameters appended, percent-encoded.
fn with_query(url: &str, query: &serde_json::Map<String, Value>) -> String {
    let mut out = url.to_owned();
    for (i, (key, value)) in query.iter().enumerate() {
        let separator = if i == 0 && !url.contains('?') { '?' } else { '&' };
        out.push(separator);
        out.push_str(&percent_encode(key));
        out.push('=');
        out.push_str(&percent_encode(value.as_str().unwrap_or_default()));
    }
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub(crate) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn now_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
