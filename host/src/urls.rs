//! The https URLs Actions give (`redirect.sendUserTo`, `transaction.setResultUrl`):
//! parsed as URLs, not checked by prefix, and given query parameters in the right place.

use url::Url;

use crate::limits::MAX_URL_BYTES;

/// Parses `text` as an https URL with a host (a valid port, if any) and no user name or
/// password; `method` names the caller in the error.
pub fn https(method: &str, text: &str) -> Result<Url, String> {
    let refuse = |why: &str| Err(format!("{method}: the url {why}"));
    if text.len() > MAX_URL_BYTES {
        return refuse(&format!("is longer than {MAX_URL_BYTES} bytes"));
    }
    let url = match Url::parse(text) {
        Ok(url) => url,
        Err(e) => return refuse(&format!("is not a valid URL ({e})")),
    };
    if url.scheme() != "https" {
        return refuse("must use https");
    }
    if url.host_str().is_none_or(str::is_empty) {
        return refuse("must name a host");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return refuse("must not carry a user name or password");
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
            assert!(https("m", good).is_ok(), "{good}");
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
            assert!(https("m", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parameters_go_before_the_fragment() {
        let url = https("m", "https://x.example/p?a=1#frag").unwrap();
        assert_eq!(
            with_params(&url, [("b", "two words"), ("state", "s")]),
            "https://x.example/p?a=1&b=two%20words&state=s#frag"
        );
        assert!(has_param(&https("m", "https://x.example/?state=1").unwrap(), "state"));
    }
}
