//! Mocked responses: with [`Mocks`] in its options, an execution's requests are answered
//! from a list of rules instead of the network, so an Action can be run with no network
//! at all. Each request is checked against the policy first, as it would be otherwise (a
//! mocked request the policy refuses is still refused); then the first rule whose method
//! and URL pattern match answers it, after the rule's delay. A request no rule answers
//! fails with `ERR_ACTIONBOX_NOT_MOCKED`, naming it. Redirects a rule answers with are
//! followed as real ones are, each hop checked and answered by the rules again.
//!
//! The JSON form (`Mocks::from_json`, the CLI's `--mock FILE`):
//!
//! ```json
//! { "mocks": [
//!   { "method": "GET", "url": "https://api.example.com/users/*", "status": 200,
//!     "headers": { "content-type": "application/json" }, "json": { "roles": ["admin"] },
//!     "delay_ms": 20 },
//!   { "url": "https://status.example.com/*", "body": "ok" }
//! ] }
//! ```
//!
//! `url` matches the whole URL (without its fragment, with its query); `*` matches any
//! run of characters. `method` (any when absent), `status` (200), `headers`, `body` (text)
//! or `json` (any value, sent as JSON), `delay_ms` (0, at most 60,000) are optional.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Deserialize;

use crate::limits;

/// Rules that answer an execution's requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Mocks {
    rules: Vec<MockRule>,
}

/// One rule: which requests it answers, and its response.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MockRule {
    method: Option<String>,
    url: String,
    pub(super) status: u16,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Vec<u8>,
    pub(super) delay: Duration,
}

/// A mock file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MockError {
    /// Not the JSON form, with the parser's message.
    #[error("not a mock file: {0}")]
    Syntax(String),
    /// A rule that cannot be used: which one (from 1), and why.
    #[error("mock {index}: {problem}")]
    Rule { index: usize, problem: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    mocks: Vec<RuleText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleText {
    method: Option<String>,
    url: String,
    status: Option<u16>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    body: Option<String>,
    json: Option<serde_json::Value>,
    delay_ms: Option<u64>,
}

/// The longest delay a rule may have.
const MAX_DELAY: Duration = Duration::from_secs(60);

impl Mocks {
    /// Reads the JSON form.
    pub fn from_json(text: &[u8]) -> Result<Self, MockError> {
        let file: File = serde_json::from_slice(text).map_err(|e| MockError::Syntax(e.to_string()))?;
        let rules = file
            .mocks
            .into_iter()
            .enumerate()
            .map(|(i, rule)| MockRule::from_text(rule).map_err(|problem| MockError::Rule { index: i + 1, problem }))
            .collect::<Result<_, _>>()?;
        Ok(Mocks { rules })
    }

    /// The rule that answers `method url`, if one does.
    pub(super) fn answer(&self, method: &str, url: &str) -> Option<&MockRule> {
        self.rules
            .iter()
            .find(|rule| rule.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method)) && glob(&rule.url, url))
    }
}

impl MockRule {
    fn from_text(text: RuleText) -> Result<Self, String> {
        let status = text.status.unwrap_or(200);
        if !(200..=599).contains(&status) {
            return Err(format!("status {status} is not between 200 and 599"));
        }
        let mut headers: Vec<(String, String)> = text.headers.into_iter().collect();
        for (name, value) in &headers {
            if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err()
                || reqwest::header::HeaderValue::from_str(value).is_err()
            {
                return Err(format!("the header `{name}` is not a valid header"));
            }
        }
        let body = match (text.body, text.json) {
            (Some(_), Some(_)) => return Err("give `body` or `json`, not both".into()),
            (Some(body), None) => body.into_bytes(),
            (None, Some(json)) => {
                if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("content-type")) {
                    headers.push(("content-type".into(), "application/json".into()));
                }
                json.to_string().into_bytes()
            }
            (None, None) => Vec::new(),
        };
        if body.len() > limits::MAX_RESPONSE_BODY_BYTES {
            return Err(format!("the body is larger than {} bytes", limits::MAX_RESPONSE_BODY_BYTES));
        }
        let delay = Duration::from_millis(text.delay_ms.unwrap_or(0));
        if delay > MAX_DELAY {
            return Err(format!("delay_ms is more than {}", MAX_DELAY.as_millis()));
        }
        if text.url.is_empty() {
            return Err("the url pattern is empty".into());
        }
        Ok(MockRule { method: text.method, url: text.url, status, headers, body, delay })
    }
}

/// Whether `text` matches `pattern`, where `*` matches any run of characters.
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return pattern == text;
    }
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_whole_urls_with_stars() {
        assert!(glob("https://a.example/x", "https://a.example/x"));
        assert!(!glob("https://a.example/x", "https://a.example/xy"));
        assert!(glob("https://a.example/*", "https://a.example/users/1?q=2"));
        assert!(glob("https://*.example/*/roles", "https://api.example/u/1/roles"));
        assert!(!glob("https://*.example/*/roles", "https://api.example/u/1/roles/x"));
        assert!(!glob("https://a.example/*", "https://a.example.evil/"));
        assert!(glob("*", ""));
    }

    #[test]
    fn the_first_matching_rule_answers() {
        let mocks = Mocks::from_json(
            br#"{ "mocks": [
                { "method": "POST", "url": "https://a.example/*", "status": 201 },
                { "url": "https://a.example/*", "json": { "ok": true } }
            ] }"#,
        )
        .unwrap();
        assert_eq!(mocks.answer("post", "https://a.example/x").unwrap().status, 201);
        let get = mocks.answer("GET", "https://a.example/x").unwrap();
        assert_eq!((get.status, get.body.as_slice()), (200, br#"{"ok":true}"#.as_slice()));
        assert!(get.headers.contains(&("content-type".into(), "application/json".into())));
        assert!(mocks.answer("GET", "https://b.example/").is_none());
    }

    #[test]
    fn unusable_rules_are_named() {
        for (text, index) in [
            (r#"{ "mocks": [ { "url": "x" }, { "url": "y", "status": 99 } ] }"#, 2),
            (r#"{ "mocks": [ { "url": "x", "body": "a", "json": 1 } ] }"#, 1),
            (r#"{ "mocks": [ { "url": "x", "delay_ms": 600000 } ] }"#, 1),
            (r#"{ "mocks": [ { "url": "x", "headers": { "a b": "c" } } ] }"#, 1),
            (r#"{ "mocks": [ { "url": "" } ] }"#, 1),
        ] {
            assert!(
                matches!(Mocks::from_json(text.as_bytes()), Err(MockError::Rule { index: i, .. }) if i == index),
                "{text}"
            );
        }
        assert!(matches!(Mocks::from_json(b"[]"), Err(MockError::Syntax(_))));
        assert!(matches!(
            Mocks::from_json(br#"{ "mocks": [ { "url": "x", "extra": 1 } ] }"#),
            Err(MockError::Syntax(_))
        ));
    }
}
