//! One Action's writes, carried into the event the next Action of the flow sees and into
//! the flow's [`Changes`]. What each command changes is its namespace's business
//! (`api/<ns>/command.rs`); this file holds the edits of the event they share: user and
//! app metadata on `event.user` (top-level keys, `null` deletes), transaction metadata on
//! `event.transaction.metadata`, recorded methods on `event.authentication.methods`.

use serde_json::{Map, Value};

use super::Changes;
use crate::outcome::Command;
use crate::text;

/// Carries one Action's commands into `event` (for the Actions after it) and into
/// `changes`; each namespace's command type says what it changes (`api/<ns>/command.rs`).
pub(super) fn apply(commands: &[Command], event: &mut Value, changes: &mut Changes) {
    for command in commands {
        command.apply_to_flow(event, changes);
    }
}

/// Appends `{name, timestamp}` to `event.authentication.methods`.
pub(crate) fn push_method(event: &mut Value, name: &str) {
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
pub(crate) fn write_transaction_metadata(event: &mut Value, key: &str, value: &Value) {
    let Some(event) = event.as_object_mut() else { return };
    let transaction = event.entry("transaction").or_insert_with(|| Value::Object(Map::new()));
    set_or_remove(transaction, "metadata", key, value);
}

/// `event.user.<which>[key] = value`, or removes the key when `value` is null.
pub(crate) fn write_user_metadata(event: &mut Value, which: &str, key: &str, value: &Value) {
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
