//! Checks an `event` before any Action sees it, and turns it into the JSON the guest
//! parses. A problem is an [`Error::InvalidEvent`] naming the field.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::limits::{MAX_SECRET_KEY_CHARS, MAX_SECRET_VALUE_CHARS};
use crate::trigger::Trigger;

/// Largest event accepted, as JSON text.
pub const MAX_EVENT_BYTES: usize = 1024 * 1024;

/// Validates `event` for `trigger` and returns its JSON text.
pub fn prepare(trigger: Trigger, event: &Value) -> Result<String> {
    let invalid = |message: String| Err(Error::InvalidEvent(message));
    let Value::Object(fields) = event else {
        return invalid(format!("the event must be a JSON object, not {}", kind(event)));
    };
    if let Some(secrets) = fields.get("secrets") {
        check_secrets(secrets)?;
    }
    match trigger {
        Trigger::PostLogin => match fields.get("user") {
            Some(Value::Object(user)) => match user.get("user_id") {
                Some(Value::String(id)) if !id.is_empty() => {}
                Some(other) => {
                    return invalid(format!("`event.user.user_id` must be a non-empty string, not {}", kind(other)));
                }
                None => return invalid("`event.user.user_id` is required".into()),
            },
            Some(other) => return invalid(format!("`event.user` must be an object, not {}", kind(other))),
            None => return invalid("`event.user` is required for post-login".into()),
        },
    }
    let text = event.to_string();
    if text.len() > MAX_EVENT_BYTES {
        return invalid(format!("the event is {} bytes of JSON; the limit is {MAX_EVENT_BYTES}", text.len()));
    }
    Ok(text)
}

fn check_secrets(secrets: &Value) -> Result<()> {
    let invalid = |message: String| Err(Error::InvalidEvent(message));
    let Value::Object(secrets) = secrets else {
        return invalid(format!("`event.secrets` must be an object, not {}", kind(secrets)));
    };
    for (key, value) in secrets {
        if key.chars().count() > MAX_SECRET_KEY_CHARS {
            return invalid(format!("the secret key `{key}` is longer than {MAX_SECRET_KEY_CHARS} characters"));
        }
        match value {
            Value::String(v) if v.chars().count() > MAX_SECRET_VALUE_CHARS => {
                return invalid(format!("the secret `{key}` is longer than {MAX_SECRET_VALUE_CHARS} characters"));
            }
            Value::String(_) => {}
            other => return invalid(format!("`event.secrets.{key}` must be a string, not {}", kind(other))),
        }
    }
    Ok(())
}

/// What a JSON value is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
