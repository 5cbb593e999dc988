//! Checks an `event` before any Action sees it, and encodes it as the event tape the
//! guest builds its `event` object from (the format is the contract's,
//! `actionbox_contract::tape`). A problem is an [`Error::InvalidEvent`] naming the field.

use actionbox_contract::tape::{self, Writer};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::limits::{MAX_EVENT_BYTES, MAX_EVENT_DEPTH, MAX_SECRET_KEY_CHARS, MAX_SECRET_VALUE_CHARS};
use crate::trigger::{Requirement, Trigger};

/// Parses an event from JSON text, with messages that say what is wrong and where:
/// invalid UTF-8 (with its byte offset), nesting deeper than [`MAX_EVENT_DEPTH`] levels,
/// or a JSON syntax error (with its line and column). A leading UTF-8 byte order mark is
/// skipped. The result still goes through the checks of `execute`.
pub fn parse(json: &[u8]) -> Result<Value> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let skipped = if json.starts_with(BOM) { BOM.len() } else { 0 };
    let text = std::str::from_utf8(&json[skipped..]).map_err(|e| {
        Error::InvalidEvent(format!(
            "the event is not UTF-8 text (invalid byte at offset {})",
            skipped + e.valid_up_to()
        ))
    })?;
    check_nesting(text)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // `check_nesting` bounds the depth, so serde's own (lower) recursion limit is lifted.
    deserializer.disable_recursion_limit();
    let event = serde::Deserialize::deserialize(&mut deserializer).and_then(|event: Value| {
        deserializer.end()?;
        Ok(event)
    });
    event.map_err(|e| Error::InvalidEvent(format!("the event is not valid JSON: {e}")))
}

/// Refuses JSON text nested more than [`MAX_EVENT_DEPTH`] levels, naming where.
fn check_nesting(text: &str) -> Result<()> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut column) = (1, 0);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => (line, column) = (line + 1, 0),
            _ if in_string => match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            },
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > MAX_EVENT_DEPTH {
                    return Err(Error::InvalidEvent(format!(
                        "the event is nested more than {MAX_EVENT_DEPTH} levels deep (at line {line}, column {column})"
                    )));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Validates `event` for `trigger` and returns its tape.
pub fn check_and_encode(trigger: Trigger, event: &Value) -> Result<Vec<u8>> {
    let invalid = |message: String| Err(Error::InvalidEvent(message));
    let Value::Object(fields) = event else {
        return invalid(format!("the event must be a JSON object, not {}", kind(event)));
    };
    if let Some(secrets) = fields.get("secrets") {
        check_secrets_value(secrets)?;
    }
    for field in ["request", "tenant"] {
        if let Some(value) = fields.get(field).filter(|v| !v.is_object()) {
            return invalid(format!("`event.{field}` must be an object, not {}", kind(value)));
        }
    }
    for requirement in trigger.requirements() {
        check(trigger, event, *requirement)?;
    }
    let mut tape = Writer::with_capacity(1024);
    encode(event, 0, &mut tape)?;
    if tape.len() > MAX_EVENT_BYTES {
        return invalid(format!("the event is {} bytes encoded; the limit is {MAX_EVENT_BYTES}", tape.len()));
    }
    Ok(tape.into_bytes())
}

/// Appends `value` to the tape, in prefix order.
fn encode(value: &Value, depth: usize, tape: &mut Writer) -> Result<()> {
    if !tape::container_allowed(depth) && (value.is_array() || value.is_object()) {
        return Err(Error::InvalidEvent(format!("the event is nested more than {MAX_EVENT_DEPTH} levels deep")));
    }
    if tape.len() > MAX_EVENT_BYTES {
        return Err(Error::InvalidEvent(format!("the event is larger than {MAX_EVENT_BYTES} bytes")));
    }
    match value {
        Value::Null => tape.null(),
        Value::Bool(b) => tape.boolean(*b),
        Value::Number(n) => match n.as_i64().and_then(|i| i32::try_from(i).ok()) {
            Some(small) => tape.int(small),
            None => tape.float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(text) => tape.string(text),
        Value::Array(items) => {
            tape.array(items.len());
            for item in items {
                encode(item, depth + 1, tape)?;
            }
        }
        Value::Object(members) => {
            tape.object(members.len());
            for (key, member) in members {
                tape.key(key);
                encode(member, depth + 1, tape)?;
            }
        }
    }
    Ok(())
}

/// One required field, named by its path in the message.
fn check(trigger: Trigger, event: &Value, requirement: Requirement) -> Result<()> {
    let (path, want_string) = match requirement {
        Requirement::String(path) => (path, true),
        Requirement::Object(path) => (path, false),
    };
    let mut value = event;
    for (depth, key) in path.iter().enumerate() {
        let name = format!("event.{}", path[..=depth].join("."));
        value = match value.get(key) {
            Some(next) => next,
            None => return Err(Error::InvalidEvent(format!("`{name}` is required for {trigger}"))),
        };
        let last = depth + 1 == path.len();
        if last && want_string && value.as_str() == Some("") {
            return Err(Error::InvalidEvent(format!("`{name}` must not be empty")));
        }
        let ok = if last && want_string { value.is_string() } else { value.is_object() };
        if !ok {
            let wanted = if last && want_string { "a non-empty string" } else { "an object" };
            return Err(Error::InvalidEvent(format!("`{name}` must be {wanted}, not {}", kind(value))));
        }
    }
    Ok(())
}

fn check_secrets_value(secrets: &Value) -> Result<()> {
    match secrets {
        Value::Object(secrets) => check_secrets(secrets),
        other => Err(Error::InvalidEvent(format!("`event.secrets` must be an object, not {}", kind(other)))),
    }
}

/// Secrets: string values, keys of at most 128 characters, values of at most 4,096.
pub(crate) fn check_secrets(secrets: &serde_json::Map<String, Value>) -> Result<()> {
    check_string_map("secrets", secrets)
}

/// `event.secrets` or `event.configuration` (`field`): string values, keys of at most
/// [`MAX_SECRET_KEY_CHARS`] characters, values of at most [`MAX_SECRET_VALUE_CHARS`].
pub(crate) fn check_string_map(field: &str, map: &serde_json::Map<String, Value>) -> Result<()> {
    let invalid = |message: String| Err(Error::InvalidEvent(message));
    let noun = if field == "secrets" { "secret" } else { field };
    for (key, value) in map {
        if key.chars().count() > MAX_SECRET_KEY_CHARS {
            return invalid(format!("the {noun} key `{key}` is longer than {MAX_SECRET_KEY_CHARS} characters"));
        }
        match value {
            Value::String(v) if v.chars().count() > MAX_SECRET_VALUE_CHARS => {
                return invalid(format!("the {noun} `{key}` is longer than {MAX_SECRET_VALUE_CHARS} characters"));
            }
            Value::String(_) => {}
            other => return invalid(format!("`event.{field}.{key}` must be a string, not {}", kind(other))),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_tape_encodes_each_kind_in_prefix_order() {
        let tape =
            check_and_encode(Trigger::PostLogin, &json!({ "user": { "user_id": "u" }, "n": [1, 2.5, null, true] }))
                .unwrap();
        let expected: Vec<u8> = [
            &[7, 2][..],
            &[4, b'u', b's', b'e', b'r', 7, 1, 7],
            b"user_id",
            &[5, 1, b'u'],
            &[1, b'n', 6, 4, 3, 1, 0, 0, 0, 4],
            &2.5f64.to_le_bytes(),
            &[0, 2],
        ]
        .concat();
        assert_eq!(tape, expected);
    }

    #[test]
    fn events_are_checked_before_encoding() {
        assert!(matches!(check_and_encode(Trigger::PostLogin, &json!([])), Err(Error::InvalidEvent(_))));
        assert!(matches!(check_and_encode(Trigger::PostLogin, &json!({ "user": {} })), Err(Error::InvalidEvent(_))));
        let mut deep = json!({ "user": { "user_id": "u" } });
        for _ in 0..200 {
            deep = json!({ "user": { "user_id": "u" }, "next": deep });
        }
        assert!(matches!(check_and_encode(Trigger::PostLogin, &deep), Err(Error::InvalidEvent(_))));
    }

    #[test]
    fn nesting_is_limited_to_128_levels_in_values_and_in_text() {
        let nested = |levels: usize| {
            format!("{{\"user\":{{\"user_id\":\"u\"}},\"x\":{}1{}}}", "[".repeat(levels - 1), "]".repeat(levels - 1))
        };
        let at_limit = parse(nested(MAX_EVENT_DEPTH).as_bytes()).unwrap();
        assert!(check_and_encode(Trigger::PostLogin, &at_limit).is_ok());
        assert!(matches!(parse(nested(MAX_EVENT_DEPTH + 1).as_bytes()), Err(Error::InvalidEvent(_))));
        // Brackets inside strings do not count.
        let quoted = format!("{{\"s\": \"{}\\\" {}\"}}", "[".repeat(500), "{".repeat(500));
        assert!(parse(quoted.as_bytes()).is_ok());
    }

    #[test]
    fn event_text_problems_are_named() {
        assert!(parse(b"\xEF\xBB\xBF{\"a\": 1}").is_ok(), "a byte order mark is skipped");
        let Err(Error::InvalidEvent(message)) = parse(b"{\"a\": \"\xff\"}") else { panic!("invalid UTF-8 accepted") };
        assert!(message.contains("offset 7"), "{message}");
        assert!(matches!(parse(b"{} trailing"), Err(Error::InvalidEvent(_))));
        let empty = json!({ "user": { "user_id": "" } });
        let Err(Error::InvalidEvent(message)) = check_and_encode(Trigger::PostLogin, &empty) else {
            panic!("empty id accepted")
        };
        assert!(message.contains("must not be empty"), "{message}");
    }
}
