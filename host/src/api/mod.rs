//! The host side of `api`: one file per namespace, each implementing the WIT interface of
//! the same name for [`HostState`]. Every call validates its arguments strictly and
//! within fixed bounds, records a [`Command`](crate::Command), and answers the guest with
//! `Ok` or a message that the guest throws into the Action as an `Error`.

mod access;
mod authentication;
mod cache;
mod console;
mod multifactor;
mod notification;
mod prompt;
mod redirect;
mod saml;
mod sessions;
mod tokens;
mod transaction;
mod user;
mod validation;

use serde_json::Value;

use crate::bindings::types;
use crate::state::HostState;
use crate::trigger::Trigger;

impl types::Host for HostState {}

/// Parses JSON the guest serialized. The guest only sends valid JSON, so a failure here
/// means a forged call; it is refused like any other bad argument.
fn parse_json(method: &str, what: &str, json: &str, max_bytes: usize) -> Result<Value, String> {
    if json.len() > max_bytes {
        return Err(format!("{method}: {what} is {} bytes of JSON; the limit is {max_bytes}", json.len()));
    }
    serde_json::from_str(json).map_err(|e| format!("{method}: {what} is not valid JSON ({e})"))
}

/// A claim name or metadata key: non-empty and bounded.
fn check_key(method: &str, what: &str, key: &str) -> Result<(), String> {
    if key.is_empty() {
        return Err(format!("{method}: {what} must not be empty"));
    }
    if key.len() > crate::limits::MAX_KEY_BYTES {
        return Err(format!("{method}: {what} is {} bytes; the limit is {}", key.len(), crate::limits::MAX_KEY_BYTES));
    }
    Ok(())
}

/// Refuses a method the current trigger's `api` does not have. The guest's glue only
/// offers the trigger's own methods; this catches a forged call.
fn check_trigger(state: &HostState, method: &str, allowed: &[Trigger]) -> Result<(), String> {
    if allowed.contains(&state.trigger) {
        Ok(())
    } else {
        Err(format!("{method} is not available in the {} trigger", state.trigger))
    }
}
