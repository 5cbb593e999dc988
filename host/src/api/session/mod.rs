//! `api.session.*`, and what `api.refreshToken.*` shares with it (post-login). `revoke`
//! ends the flow like a deny (code `session_revoked` or `refresh_token_revoked`); the
//! refresh-token methods exist only when the transaction's protocol is
//! `oauth2-refresh-token`, as the host read it from the event it was given (not from the
//! Action's copy). Expiry times are milliseconds since the Unix epoch; metadata values are
//! strings, numbers or booleans of at most [`MAX_SESSION_METADATA_VALUE_BYTES`],
//! [`MAX_SESSION_METADATA_BYTES`] in all.

mod command;

pub use command::SessionCommand;

use actionbox_contract::refusal::{NotNow, Refusal};
use serde_json::Value;

use super::access::check_reason;
use super::{check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::session::{Call, CookieMode, Entry};
use crate::limits::{MAX_EXPIRES_AT_MS, MAX_SESSION_METADATA_BYTES, MAX_SESSION_METADATA_VALUE_BYTES};
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Method;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::Revoke(_) => Method::SessionRevoke,
        Call::SetExpiresAt(_) => Method::SessionSetExpiresAt,
        Call::SetIdleExpiresAt(_) => Method::SessionSetIdleExpiresAt,
        Call::SetCookieMode(_) => Method::SessionSetCookieMode,
        Call::SetMetadata(_) => Method::SessionSetMetadata,
        Call::DeleteMetadata(_) => Method::SessionDeleteMetadata,
        Call::EvictMetadata => Method::SessionEvictMetadata,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let target = Target::Session;
    match call {
        Call::Revoke(reason) => revoke(state, target, reason),
        Call::SetExpiresAt(at) => record(state, target, SessionCommand::SetExpiresAt { at: time(at)? }),
        Call::SetIdleExpiresAt(at) => record(state, target, SessionCommand::SetIdleExpiresAt { at: time(at)? }),
        Call::SetCookieMode(mode) => {
            let mode = match mode {
                CookieMode::Persistent => "persistent",
                CookieMode::NonPersistent => "non-persistent",
            };
            record(state, target, SessionCommand::SetCookieMode { mode: mode.into() })
        }
        Call::SetMetadata(Entry { key, value }) => set_metadata(state, target, key, value),
        Call::DeleteMetadata(key) => delete_metadata(state, target, key),
        Call::EvictMetadata => record(state, target, SessionCommand::EvictMetadata),
    }
}

/// Which of the two a call is on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Session,
    RefreshToken,
}

/// Records `command` for `target`; the refresh token's need its grant.
pub(super) fn record(state: &mut HostState, target: Target, command: SessionCommand) -> Result<(), Refusal> {
    if target == Target::RefreshToken && state.protocol.as_deref() != Some("oauth2-refresh-token") {
        return Err(Refusal::NotNow(NotNow::NotRefreshTokenProtocol));
    }
    state.record.command(match target {
        Target::Session => Command::Session(command),
        Target::RefreshToken => Command::RefreshToken(command),
    })
}

/// An expiry time: a positive number of milliseconds, at most [`MAX_EXPIRES_AT_MS`].
pub(super) fn time(at: f64) -> Result<u64, Refusal> {
    if !at.is_finite() || at <= 0.0 || at > MAX_EXPIRES_AT_MS as f64 {
        return Err(Refusal::WrongType {
            argument: "the time".into(),
            expected: "a positive number of milliseconds since 1970".into(),
            got: None,
        });
    }
    Ok(at as u64)
}

pub(super) fn revoke(state: &mut HostState, target: Target, reason: String) -> Result<(), Refusal> {
    check_reason(&reason)?;
    record(state, target, SessionCommand::Revoke { reason: reason.clone() })?;
    let code = match target {
        Target::Session => "session_revoked",
        Target::RefreshToken => "refresh_token_revoked",
    };
    state.record.deny(reason, Some(code.into()));
    Ok(())
}

pub(super) fn set_metadata(state: &mut HostState, target: Target, key: String, value: String) -> Result<(), Refusal> {
    check_key("the key", &key)?;
    let size = key.len() + value.len();
    let value = parse_json("the value", &value, MAX_SESSION_METADATA_VALUE_BYTES)?;
    if !matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
        return Err(Refusal::WrongType {
            argument: "the value".into(),
            expected: "a string, number or boolean".into(),
            got: None,
        });
    }
    let totals = match target {
        Target::Session => &mut state.totals.session_metadata,
        Target::RefreshToken => &mut state.totals.refresh_token_metadata,
    };
    let mut after = totals.clone();
    after.try_set(&key, size, MAX_SESSION_METADATA_BYTES).map_err(|total| Refusal::WouldTotal {
        total_of: "the metadata".into(),
        total: total as u64,
        limit: MAX_SESSION_METADATA_BYTES as u64,
    })?;
    record(state, target, SessionCommand::SetMetadata { key, value })?;
    match target {
        Target::Session => state.totals.session_metadata = after,
        Target::RefreshToken => state.totals.refresh_token_metadata = after,
    }
    Ok(())
}

pub(super) fn delete_metadata(state: &mut HostState, target: Target, key: String) -> Result<(), Refusal> {
    check_key("the key", &key)?;
    record(state, target, SessionCommand::DeleteMetadata { key })
}
