//! `api.session.*` and `api.refreshToken.*` (post-login). `revoke` ends the flow like a
//! deny (code `session_revoked` or `refresh_token_revoked`); the refresh-token methods
//! exist only when the transaction's protocol is `oauth2-refresh-token`, as the host read
//! it from the event it was given (not from the Action's copy). Expiry times are
//! milliseconds since the Unix epoch; metadata values are strings, numbers or booleans of
//! at most [`MAX_SESSION_METADATA_VALUE_BYTES`], [`MAX_SESSION_METADATA_BYTES`] in all.

use serde_json::Value;

use super::access::check_reason;
use super::{check_allowed, check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::sessions::{CookieMode, Host, Target};
use crate::limits::{MAX_EXPIRES_AT_MS, MAX_SESSION_METADATA_BYTES, MAX_SESSION_METADATA_VALUE_BYTES};
use crate::outcome::{Command, SessionCommand};
use crate::state::HostState;
use crate::trigger::Method;

impl HostState {
    /// Checks the call is allowed and records it for `target`.
    fn session_command(&mut self, target: Target, method: &str, command: SessionCommand) -> Result<(), String> {
        let name = format!("{}.{method}", prefix(target));
        let namespace = &prefix(target)["api.".len()..];
        let found = Method::ALL.iter().copied().find(|m| m.namespace() == namespace && m.name() == method);
        match found {
            Some(method) => check_allowed(self, method)?,
            None => return Err(format!("{name} is not available in the {} trigger", self.trigger)),
        }
        if target == Target::RefreshToken && self.protocol.as_deref() != Some("oauth2-refresh-token") {
            return Err(format!("{name}: only available when the transaction's protocol is oauth2-refresh-token"));
        }
        self.record.command(match target {
            Target::Session => Command::Session(command),
            Target::RefreshToken => Command::RefreshToken(command),
        })?;
        Ok(())
    }
}

fn prefix(target: Target) -> &'static str {
    match target {
        Target::Session => "api.session",
        Target::RefreshToken => "api.refreshToken",
    }
}

fn time(method: &str, at: f64) -> Result<u64, String> {
    if !at.is_finite() || at <= 0.0 || at > MAX_EXPIRES_AT_MS as f64 {
        return Err(format!("{method}: the time must be a positive number of milliseconds since 1970"));
    }
    Ok(at as u64)
}

impl Host for HostState {
    fn revoke(&mut self, target: Target, reason: String) -> Result<(), String> {
        check_reason(&format!("{}.revoke", prefix(target)), &reason)?;
        self.session_command(target, "revoke", SessionCommand::Revoke { reason: reason.clone() })?;
        let code = match target {
            Target::Session => "session_revoked",
            Target::RefreshToken => "refresh_token_revoked",
        };
        self.record.deny(reason, Some(code.into()));
        Ok(())
    }

    fn set_expires_at(&mut self, target: Target, at: f64) -> Result<(), String> {
        let at = time(&format!("{}.setExpiresAt", prefix(target)), at)?;
        self.session_command(target, "setExpiresAt", SessionCommand::SetExpiresAt { at })
    }

    fn set_idle_expires_at(&mut self, target: Target, at: f64) -> Result<(), String> {
        let at = time(&format!("{}.setIdleExpiresAt", prefix(target)), at)?;
        self.session_command(target, "setIdleExpiresAt", SessionCommand::SetIdleExpiresAt { at })
    }

    fn set_cookie_mode(&mut self, mode: CookieMode) -> Result<(), String> {
        let mode = match mode {
            CookieMode::Persistent => "persistent",
            CookieMode::NonPersistent => "non-persistent",
        };
        self.session_command(Target::Session, "setCookieMode", SessionCommand::SetCookieMode { mode: mode.into() })
    }

    fn set_metadata(&mut self, target: Target, key: String, value: String) -> Result<(), String> {
        let method = format!("{}.setMetadata", prefix(target));
        check_key(&method, "the key", &key)?;
        let size = key.len() + value.len();
        let value = parse_json(&method, "the value", &value, MAX_SESSION_METADATA_VALUE_BYTES)?;
        if !matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
            return Err(format!("{method}: the value must be a string, number or boolean"));
        }
        let totals = match target {
            Target::Session => &mut self.totals.session_metadata,
            Target::RefreshToken => &mut self.totals.refresh_token_metadata,
        };
        let mut after = totals.clone();
        after.try_set(&key, size, MAX_SESSION_METADATA_BYTES).map_err(|total| {
            format!("{method}: the metadata would total {total} bytes; the limit is {MAX_SESSION_METADATA_BYTES}")
        })?;
        self.session_command(target, "setMetadata", SessionCommand::SetMetadata { key, value })?;
        match target {
            Target::Session => self.totals.session_metadata = after,
            Target::RefreshToken => self.totals.refresh_token_metadata = after,
        }
        Ok(())
    }

    fn delete_metadata(&mut self, target: Target, key: String) -> Result<(), String> {
        check_key(&format!("{}.deleteMetadata", prefix(target)), "the key", &key)?;
        self.session_command(target, "deleteMetadata", SessionCommand::DeleteMetadata { key })
    }

    fn evict_metadata(&mut self, target: Target) -> Result<(), String> {
        self.session_command(target, "evictMetadata", SessionCommand::EvictMetadata)
    }
}
