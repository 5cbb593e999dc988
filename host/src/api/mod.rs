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
use crate::trigger::Method;

impl types::Host for HostState {}
impl crate::bindings::actionbox_sandbox::api::json::Host for HostState {}

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

/// Refuses a method the current trigger's `api` does not have: one lookup in the trigger
/// table. The guest builds each trigger's `api` from the same table, so this catches a
/// forged call.
fn check_allowed(state: &HostState, method: Method) -> Result<(), String> {
    if state.trigger.allows(method) {
        Ok(())
    } else {
        Err(format!("{} is not available in the {} trigger", method.path(), state.trigger))
    }
}
