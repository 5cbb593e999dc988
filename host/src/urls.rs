//! The https URLs Actions give (`redirect.sendUserTo`, `transaction.setResultUrl`):
//! parsed as URLs, not checked by prefix, and given query parameters in the right place.

use actionbox_contract::refusal::{LengthUnit, Refusal, UrlProblem};
use url::Url;

use crate::limits::MAX_URL_BYTES;

/// Parses `text` as an https URL with a host (a valid port, if any) and no user name or
/// password.
pub fn https(text: &str) -> Result<Url, Refusal> {
    if text.len() > MAX_URL_BYTES {
        return Err(Refusal::TooLong {
            argument: "the url".into(),
            limit: MAX_URL_BYTES as u64,
            unit: LengthUnit::Bytes,
        });
    }
    let url = Url::parse(text).map_err(|e| Refusal::InvalidUrl(UrlProblem::Unparsable(e.to_string())))?;
    if url.scheme() != "https" {
        return Err(Refusal::InvalidUrl(UrlProblem::NotHttps));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Refusal::InvalidUrl(UrlProblem::NoHost));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refusal::InvalidUrl(UrlProblem::Credentials));
    }
    Ok(url)
}

/// Whether the URL's query has a parameter named `name`.
pub fn has_param(url: &Url, name: &str) -> bool {
    url.query_pairs().any(|(key, _)| key == name)
}

/// `url` with `params` appended to its query (percent-encoded as RFC 3986 asks), before
/// any fragment.
pub fn with_params<'a>(url: &Url, params: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut query = url.query().unwrap_or_default().to_owned();
    for (key, value) in params {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&percent_encode(key));
        query.push('=');
        query.push_str(&percent_encode(value));
    }
    let mut url = url.clone();
    url.set_query((!query.is_empty()).then_some(query.as_str()));
    url.into()
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    percent_encode_keeping(text, b"-._~")
}

/// Percent-encodes everything but ASCII letters, digits and the bytes of `kept`.
pub fn percent_encode_keeping(text: &str, kept: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || kept.contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_urls_with_a_host_are_accepted() {
        for good in ["https://x.example", "https://x.example:8443/p?a=1#f", "https://[::1]/"] {
            assert!(https(good).is_ok(), "{good}");
        }
        let long = format!("https://x.example/{}", "a".repeat(MAX_URL_BYTES));
        for bad in [
            "http://x.example",
            "https://",
            "https://x.example:99999/",
            "https://u:p@x.example/",
            "javascript:alert(1)",
            "https://x example/",
            &long,
        ] {
            assert!(https(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parameters_go_before_the_fragment() {
        let url = https("https://x.example/p?a=1#frag").unwrap();
        assert_eq!(
            with_params(&url, [("b", "two words"), ("state", "s")]),
            "https://x.example/p?a=1&b=two%20words&state=s#frag"
        );
        assert!(has_param(&https("https://x.example/?state=1").unwrap(), "state"));
    }
}
