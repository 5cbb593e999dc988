//! One Action's writes, carried into the event the next Action of the flow sees and into
//! the flow's [`Changes`]: user and app metadata on `event.user` (top-level keys, `null`
//! deletes), transaction metadata on `event.transaction.metadata`, recorded methods on
//! `event.authentication.methods`; claims, the primary user and the last MFA
//! requirement into the changes.

use serde_json::{Map, Value};

use super::Changes;
use crate::outcome::Command;
use crate::text;

/// Applies one Action's metadata writes to `event.user` (for the Actions after it) and
/// merges its writes into `changes`.
pub(super) fn apply(commands: &[Command], event: &mut Value, changes: &mut Changes) {
    for command in commands {
        match command {
            Command::SetUserMetadata { key, value } => {
                write_metadata(event, "user_metadata", key, value);
                changes.user_metadata.insert(key.clone(), value.clone());
            }
            Command::SetAppMetadata { key, value } => {
                write_metadata(event, "app_metadata", key, value);
                changes.app_metadata.insert(key.clone(), value.clone());
            }
            Command::SetIdTokenClaim { name, value } => {
                changes.id_token_claims.insert(name.clone(), value.clone());
            }
            Command::SetAccessTokenClaim { name, value } => {
                changes.access_token_claims.insert(name.clone(), value.clone());
            }
            Command::SetTransactionMetadata { key, value } => write_transaction_metadata(event, key, value),
            Command::SetPrimaryUser { user_id } => changes.primary_user = Some(user_id.clone()),
            // MFA runs last, after every Action: the flow returns the final requirement.
            Command::EnableMultifactor { provider, options } => {
                changes.multifactor = Some(serde_json::json!({ "provider": provider, "options": options }));
            }
            Command::RecordMethod { url } => push_method(event, url),
            Command::Deny { .. }
            | Command::RejectInvalidSubjectToken { .. }
            | Command::ValidationError { .. }
            | Command::DropNotification { .. }
            | Command::RetryNotification { .. }
            | Command::AddScope { .. }
            | Command::Challenge { .. }
            | Command::RenderPrompt { .. }
            | Command::SetUserById { .. }
            | Command::SetUserByConnection { .. }
            | Command::SetOrganization { .. }
            | Command::SetActor { .. }
            | Command::SetResultUrl { .. }
            | Command::Redirect { .. }
            | Command::SamlSetAttribute { .. }
            | Command::SamlSetField { .. }
            | Command::RemoveScope { .. }
            | Command::Session(_)
            | Command::RefreshToken(_)
            | Command::CacheSet { .. }
            | Command::CacheDelete { .. } => {}
        }
    }
}

/// Appends `{name, timestamp}` to `event.authentication.methods`.
pub(super) fn push_method(event: &mut Value, name: &str) {
    let Some(event) = event.as_object_mut() else { return };
    let authentication = event.entry("authentication").or_insert_with(|| Value::Object(Map::new()));
    if !authentication.is_object() {
        *authentication = Value::Object(Map::new());
    }
    let methods =
        authentication.as_object_mut().expect("an object").entry("methods").or_insert_with(|| Value::Array(Vec::new()));
    if !methods.is_array() {
        *methods = Value::Array(Vec::new());
    }
    let timestamp = text::iso8601(std::time::SystemTime::now());
    methods.as_array_mut().expect("an array").push(serde_json::json!({ "name": name, "timestamp": timestamp }));
}

/// `event.transaction.metadata[key] = value`, or removes the key when `value` is null.
fn write_transaction_metadata(event: &mut Value, key: &str, value: &Value) {
    let Some(event) = event.as_object_mut() else { return };
    let transaction = event.entry("transaction").or_insert_with(|| Value::Object(Map::new()));
    set_or_remove(transaction, "metadata", key, value);
}

/// `event.user.<which>[key] = value`, or removes the key when `value` is null.
fn write_metadata(event: &mut Value, which: &str, key: &str, value: &Value) {
    let Some(user) = event.get_mut("user") else { return };
    set_or_remove(user, which, key, value);
}

/// `parent[field][key] = value` (creating `parent[field]` as an object when it is not
/// one), or removes the key when `value` is null.
fn set_or_remove(parent: &mut Value, field: &str, key: &str, value: &Value) {
    let Some(parent) = parent.as_object_mut() else { return };
    let map = parent.entry(field).or_insert_with(|| Value::Object(Map::new()));
    if !map.is_object() {
        *map = Value::Object(Map::new());
    }
    let map = map.as_object_mut().expect("made an object above");
    if value.is_null() {
        map.remove(key);
    } else {
        map.insert(key.to_owned(), value.clone());
    }
}
