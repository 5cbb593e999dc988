//! Secrets kept out of the text an execution returns: log lines (and so the stored log),
//! deny and revoke reasons, validation and notification messages, and the name, message
//! and stack of an error.
//!
//! Each value of the Action's `event.secrets` of at least [`MIN_SECRET_CHARS`] characters
//! is replaced by [`MARK`] wherever it appears, and so are the forms it commonly takes
//! on its way into a string: base64 and base64url (of the value alone, with or without
//! padding), percent-encoding (as `encodeURIComponent` and RFC 3986 write it) and
//! JSON-escaped. Matching is on the finished text (a log line after its arguments were
//! joined and formatted), so a secret built from several arguments is found too. Claims,
//! metadata and other data the Action sends through `api` are its own output and are not
//! rewritten; nor is a secret transformed in other ways (reversed, split with separators).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use serde_json::{Map, Value};

/// Shorter values are not redacted: they would match ordinary text.
pub const MIN_SECRET_CHARS: usize = 6;
/// What replaces a secret.
pub const MARK: &str = "[redacted]";

/// The forms of one execution's secrets, longest first.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    patterns: Vec<String>,
}

impl Redactor {
    /// The redactor for `secrets` (the Action's `event.secrets`).
    pub fn new(secrets: Option<&Map<String, Value>>) -> Self {
        let mut patterns = Vec::new();
        for value in secrets.into_iter().flat_map(|s| s.values()).filter_map(Value::as_str) {
            if value.chars().count() < MIN_SECRET_CHARS {
                continue;
            }
            let json = serde_json::to_string(value).expect("a string serializes");
            patterns.extend([
                value.to_owned(),
                STANDARD_NO_PAD.encode(value),
                URL_SAFE_NO_PAD.encode(value),
                crate::urls::percent_encode(value),
                encode_uri_component(value),
                json[1..json.len() - 1].to_owned(),
            ]);
        }
        patterns.retain(|p| p.chars().count() >= MIN_SECRET_CHARS);
        patterns.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        patterns.dedup();
        Redactor { patterns }
    }

    /// `text` with every secret form replaced by [`MARK`].
    pub fn redact(&self, text: String) -> String {
        if !self.patterns.iter().any(|p| text.contains(p.as_str())) {
            return text;
        }
        let mut text = text;
        for pattern in &self.patterns {
            if text.contains(pattern.as_str()) {
                text = text.replace(pattern.as_str(), MARK);
            }
        }
        text
    }

    /// Redacts `text` where it is.
    pub fn redact_in_place(&self, text: &mut String) {
        if !self.patterns.is_empty() {
            *text = self.redact(std::mem::take(text));
        }
    }
}

/// `encodeURIComponent`: like RFC 3986's unreserved set, plus `!'()*` left as they are.
fn encode_uri_component(text: &str) -> String {
    crate::urls::percent_encode_keeping(text, b"-_.!~*'()")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_form_of_a_secret_is_redacted() {
        let secrets = serde_json::json!({ "KEY": "s3cr3t/va+lue\"x", "SHORT": "abc" });
        let redactor = Redactor::new(secrets.as_object());
        let value = "s3cr3t/va+lue\"x";
        for form in [
            value.to_owned(),
            STANDARD_NO_PAD.encode(value) + "=",
            URL_SAFE_NO_PAD.encode(value),
            crate::urls::percent_encode(value),
            encode_uri_component(value),
            r#"s3cr3t/va+lue\"x"#.to_owned(),
        ] {
            let line = redactor.redact(format!("key: {form}!"));
            assert!(line.starts_with("key: [redacted]"), "{form} -> {line}");
        }
        assert_eq!(redactor.redact("abc is short".into()), "abc is short");
    }
}
