//! One request: checked as the guest sent it (`prepare`), then performed (`perform`) by
//! the network or the execution's mocks, with the redirects followed here, each hop
//! checked against the policy and counted, and the response read under the header and
//! body caps.

use bytes::Bytes;
use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};
use reqwest::{Method, StatusCode};
use url::Url;

use std::sync::Arc;

use super::mock::Mocks;
use super::policy::{EgressPolicy, Refused};
use crate::bindings::actionbox_sandbox::contract::fetch::{RedirectMode, Request, Response};
use crate::limits;
use crate::recording::{self, RecordedRequest, RecordedResult};
use crate::redact::Redactor;
use actionbox_contract::fetch::FetchFailure;

/// A request the host has checked, ready to send.
pub(super) struct Prepared {
    pub method: Method,
    pub url: Url,
    headers: HeaderMap,
    body: Option<Bytes>,
    redirect: RedirectMode,
}

/// Request headers fetch does not let a script set: the client computes them, and a
/// script that set them could smuggle a second request or reach another virtual host.
const FORBIDDEN_HEADERS: &[&str] = &[
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "date",
    "expect",
    "host",
    "keep-alive",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// Checks what the guest sent: the method, the URL against the policy, each header, the
/// sizes.
pub(super) fn prepare(policy: &EgressPolicy, request: Request) -> Result<Prepared, FetchFailure> {
    let method = method(&request.method)?;
    if request.url.len() > limits::MAX_FETCH_URL_BYTES {
        return Err(FetchFailure::InvalidUrl(format!("it is longer than {} bytes", limits::MAX_FETCH_URL_BYTES)));
    }
    let mut url = Url::parse(&request.url).map_err(|e| FetchFailure::InvalidUrl(format!("{e}")))?;
    url.set_fragment(None);
    policy.check(&url).map_err(refusal)?;
    let mut headers = HeaderMap::new();
    let mut header_bytes = 0usize;
    for (name, value) in request.headers {
        header_bytes = header_bytes.saturating_add(name.len() + value.len());
        if header_bytes > limits::MAX_REQUEST_HEADER_BYTES {
            return Err(FetchFailure::InvalidHeader(format!(
                "the headers are larger than {} bytes",
                limits::MAX_REQUEST_HEADER_BYTES
            )));
        }
        let lower = name.to_ascii_lowercase();
        if FORBIDDEN_HEADERS.contains(&lower.as_str()) || lower.starts_with("proxy-") || lower.starts_with("sec-") {
            return Err(FetchFailure::InvalidHeader(format!("`{name}` is set by actionbox, not by the Action")));
        }
        let header_name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| FetchFailure::InvalidHeader(format!("`{name}` is not a valid header name")))?;
        let header_value = HeaderValue::from_bytes(latin1(&value)?.as_slice())
            .map_err(|_| FetchFailure::InvalidHeader(format!("the value of `{name}` is not valid")))?;
        headers.append(header_name, header_value);
    }
    if let Some(body) = &request.body {
        if body.len() > limits::MAX_REQUEST_BODY_BYTES {
            return Err(FetchFailure::RequestBodyTooLarge(limits::MAX_REQUEST_BODY_BYTES as u64));
        }
        if method == Method::GET || method == Method::HEAD {
            return Err(FetchFailure::InvalidMethod(format!("{method} with a body")));
        }
    }
    Ok(Prepared { method, url, headers, body: request.body.map(Bytes::from), redirect: request.redirect })
}

impl Prepared {
    /// This request as a recording keeps it: the URL as given (already redacted),
    /// credentials dropped, the rest redacted.
    pub(super) fn recorded(&self, url: String, redactor: &Redactor) -> RecordedRequest {
        let headers = self
            .headers
            .iter()
            .filter(|(name, _)| !matches!(name.as_str(), "authorization" | "cookie" | "proxy-authorization"))
            .map(|(name, value)| {
                (name.as_str().to_owned(), redactor.redact(String::from_utf8_lossy(value.as_bytes()).into_owned()))
            })
            .collect();
        let body = self.body.as_ref().map(|body| match std::str::from_utf8(body) {
            Ok(text) => recording::encode(redactor.redact(text.to_owned()).as_bytes()),
            Err(_) => recording::encode(body),
        });
        RecordedRequest {
            method: self.method.to_string(),
            url,
            headers,
            body,
            result: RecordedResult::Failure(FetchFailure::Network),
        }
    }
}

/// The method as fetch normalizes it: the six standard names in any case are uppercased;
/// others are kept as given; `CONNECT`, `TRACE` and `TRACK` are refused.
fn method(text: &str) -> Result<Method, FetchFailure> {
    let invalid = || FetchFailure::InvalidMethod(text.chars().take(64).collect());
    let upper = text.to_ascii_uppercase();
    if matches!(upper.as_str(), "CONNECT" | "TRACE" | "TRACK") {
        return Err(invalid());
    }
    let normalized = match upper.as_str() {
        "DELETE" | "GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" | "PATCH" => upper.as_str(),
        _ => text,
    };
    if normalized.is_empty() || normalized.len() > 64 {
        return Err(invalid());
    }
    Method::from_bytes(normalized.as_bytes()).map_err(|_| invalid())
}

/// A header value as the bytes it stands for: JavaScript strings carry header bytes as
/// the code points 0-255.
fn latin1(value: &str) -> Result<Vec<u8>, FetchFailure> {
    value
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| FetchFailure::InvalidHeader("a value holds a character above U+00FF".into()))
}

pub(super) fn refusal(refused: Refused) -> FetchFailure {
    match refused {
        Refused::Scheme(scheme) => FetchFailure::SchemeNotAllowed(scheme),
        Refused::Host(host) => FetchFailure::HostNotAllowed(host),
        Refused::Port(port) => FetchFailure::PortNotAllowed(port),
        Refused::InvalidUrl(why) => FetchFailure::InvalidUrl(why.into()),
        Refused::Address => FetchFailure::Network,
    }
}

/// What a request did, for the Outcome.
#[derive(Debug, Default)]
pub(super) struct Progress {
    pub status: Option<u16>,
    pub redirects: u32,
    pub bytes: u64,
}

/// What answers a request: the network, through one of the engine's clients, or the
/// execution's mocks.
pub(super) enum Via {
    Network(reqwest::Client),
    Mocks(Arc<Mocks>),
}

/// One hop's response before its body is read.
enum Hop {
    Network(reqwest::Response),
    Mocked { status: StatusCode, headers: HeaderMap, body: Vec<u8> },
}

impl Hop {
    fn status(&self) -> StatusCode {
        match self {
            Hop::Network(response) => response.status(),
            Hop::Mocked { status, .. } => *status,
        }
    }

    fn headers(&self) -> &HeaderMap {
        match self {
            Hop::Network(response) => response.headers(),
            Hop::Mocked { headers, .. } => headers,
        }
    }

    /// The body, read until the cap.
    async fn body(self, progress: &mut Progress) -> Result<Vec<u8>, FetchFailure> {
        let too_large = || FetchFailure::ResponseTooLarge(limits::MAX_RESPONSE_BODY_BYTES as u64);
        match self {
            Hop::Network(mut response) => {
                let mut body = Vec::new();
                while let Some(chunk) = response.chunk().await.map_err(|_| FetchFailure::Network)? {
                    if body.len() + chunk.len() > limits::MAX_RESPONSE_BODY_BYTES {
                        return Err(too_large());
                    }
                    body.extend_from_slice(&chunk);
                    progress.bytes = body.len() as u64;
                }
                Ok(body)
            }
            Hop::Mocked { body, .. } if body.len() > limits::MAX_RESPONSE_BODY_BYTES => Err(too_large()),
            Hop::Mocked { body, .. } => {
                progress.bytes = body.len() as u64;
                Ok(body)
            }
        }
    }
}

/// Sends one hop of `request`.
async fn send(via: &Via, request: &Prepared) -> Result<Hop, FetchFailure> {
    match via {
        Via::Network(client) => {
            let mut builder =
                client.request(request.method.clone(), request.url.clone()).headers(request.headers.clone());
            if let Some(body) = &request.body {
                builder = builder.body(body.clone());
            }
            builder.send().await.map(Hop::Network).map_err(|_| FetchFailure::Network)
        }
        Via::Mocks(mocks) => {
            let rule = mocks
                .answer(request.method.as_str(), request.url.as_str())
                .ok_or_else(|| FetchFailure::NotMocked(format!("{} {}", request.method, request.url)))?;
            if !rule.delay.is_zero() {
                tokio::time::sleep(rule.delay).await;
            }
            let mut headers = HeaderMap::new();
            for (name, value) in &rule.headers {
                if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) {
                    headers.append(name, value);
                }
            }
            let status = StatusCode::from_u16(rule.status).unwrap_or(StatusCode::OK);
            Ok(Hop::Mocked { status, headers, body: rule.body.clone() })
        }
    }
}

/// Sends `request`, following redirects (each hop checked and counted), and reads the
/// response under the caps.
pub(super) async fn perform(
    via: &Via,
    policy: &EgressPolicy,
    mut request: Prepared,
    progress: &mut Progress,
) -> Result<Response, FetchFailure> {
    loop {
        let response = send(via, &request).await?;
        let status = response.status();
        progress.status = Some(status.as_u16());
        let location = response.headers().get(header::LOCATION).cloned();
        if let (true, Some(location)) = (is_redirect(status), location)
            && request.redirect != RedirectMode::Manual
        {
            if request.redirect == RedirectMode::Error {
                return Err(FetchFailure::RedirectNotAllowed);
            }
            progress.redirects += 1;
            if progress.redirects as usize > limits::MAX_REDIRECTS {
                return Err(FetchFailure::TooManyRedirects(limits::MAX_REDIRECTS as u32));
            }
            let mut next = location
                .to_str()
                .ok()
                .and_then(|location| request.url.join(location).ok())
                .ok_or_else(|| FetchFailure::InvalidUrl("the redirect's location does not parse".into()))?;
            next.set_fragment(None);
            if request.url.scheme() == "https" && next.scheme() != "https" {
                return Err(FetchFailure::RedirectNotAllowed);
            }
            policy.check(&next).map_err(refusal)?;
            redirect(&mut request, status, next);
            continue;
        }
        check_headers(response.headers())?;
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().iter().map(|&b| char::from(b)).collect()))
            .collect();
        let body = response.body(progress).await?;
        return Ok(Response {
            status: status.as_u16(),
            status_text: status.canonical_reason().unwrap_or("").to_owned(),
            url: request.url.to_string(),
            redirected: progress.redirects > 0,
            headers,
            body,
        });
    }
}

fn is_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

/// The next hop's request, as fetch makes it: 303 (and 301/302 after a POST) turn into a
/// GET without a body; credentials are not sent to another origin.
fn redirect(request: &mut Prepared, status: StatusCode, next: Url) {
    let to_get = (status == StatusCode::SEE_OTHER && request.method != Method::HEAD)
        || (matches!(status.as_u16(), 301 | 302) && request.method == Method::POST);
    if to_get {
        request.method = Method::GET;
        request.body = None;
        for name in ["content-type", "content-encoding", "content-language", "content-location"] {
            request.headers.remove(name);
        }
    }
    if next.origin() != request.url.origin() {
        request.headers.remove(header::AUTHORIZATION);
        request.headers.remove(header::COOKIE);
    }
    request.url = next;
}

fn check_headers(headers: &HeaderMap) -> Result<(), FetchFailure> {
    let size = headers.iter().fold(0usize, |sum, (name, value)| sum + name.as_str().len() + value.len());
    if size > limits::MAX_RESPONSE_HEADER_BYTES {
        return Err(FetchFailure::HeadersTooLarge(limits::MAX_RESPONSE_HEADER_BYTES as u64));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Request {
        Request {
            method: method.into(),
            url: url.into(),
            headers: headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
            body: body.map(<[u8]>::to_vec),
            redirect: RedirectMode::Follow,
        }
    }

    fn failure(request: Request) -> FetchFailure {
        prepare(&EgressPolicy::new(), request).err().expect("refused")
    }

    #[test]
    fn methods_are_normalized_and_the_forbidden_ones_refused() {
        let prepared = prepare(&EgressPolicy::new(), request("post", "https://example.com/", &[], None)).unwrap();
        assert_eq!(prepared.method, Method::POST);
        let custom = prepare(&EgressPolicy::new(), request("Purge", "https://example.com/", &[], None)).unwrap();
        assert_eq!(custom.method.as_str(), "Purge");
        for bad in ["CONNECT", "trace", "TRACK", "", "GE T", "G\r\nET"] {
            assert!(matches!(failure(request(bad, "https://example.com/", &[], None)), FetchFailure::InvalidMethod(_)));
        }
        assert!(matches!(
            failure(request("GET", "https://example.com/", &[], Some(b"x"))),
            FetchFailure::InvalidMethod(_)
        ));
    }

    #[test]
    fn smuggling_headers_are_refused() {
        for (name, value) in [
            ("Host", "internal.example"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Length", "0"),
            ("Connection", "close"),
            ("Proxy-Authorization", "x"),
            ("X-A", "a\r\nX-B: b"),
            ("X-A", "a\nb"),
            ("X-A", "a\0b"),
            ("X A", "b"),
            ("X-A\r\n", "b"),
            ("", "b"),
            ("X-A", "\u{100}"),
        ] {
            assert!(
                matches!(
                    failure(request("GET", "https://example.com/", &[(name, value)], None)),
                    FetchFailure::InvalidHeader(_)
                ),
                "{name:?}: {value:?}"
            );
        }
        let ok = prepare(
            &EgressPolicy::new(),
            request("GET", "https://example.com/", &[("Authorization", "Bearer x"), ("X-Latin", "café")], None),
        )
        .unwrap();
        assert_eq!(ok.headers.get("x-latin").unwrap().as_bytes(), b"caf\xe9");
    }

    #[test]
    fn sizes_are_capped() {
        let big = vec![b'x'; limits::MAX_REQUEST_BODY_BYTES + 1];
        assert!(matches!(
            failure(request("POST", "https://example.com/", &[], Some(&big))),
            FetchFailure::RequestBodyTooLarge(_)
        ));
        let long = format!("https://example.com/{}", "a".repeat(limits::MAX_FETCH_URL_BYTES));
        assert!(matches!(failure(request("GET", &long, &[], None)), FetchFailure::InvalidUrl(_)));
        let value = "v".repeat(limits::MAX_REQUEST_HEADER_BYTES);
        assert!(matches!(
            failure(request("GET", "https://example.com/", &[("X-Big", &value)], None)),
            FetchFailure::InvalidHeader(_)
        ));
    }

    #[test]
    fn urls_are_parsed_and_checked() {
        assert!(matches!(failure(request("GET", "not a url", &[], None)), FetchFailure::InvalidUrl(_)));
        assert!(matches!(failure(request("GET", "/relative", &[], None)), FetchFailure::InvalidUrl(_)));
        assert_eq!(
            failure(request("GET", "http://example.com/", &[], None)).code(),
            "ERR_ACTIONBOX_SCHEME_NOT_ALLOWED"
        );
        assert_eq!(failure(request("GET", "https://10.0.0.1/", &[], None)), FetchFailure::Network);
        let prepared = prepare(&EgressPolicy::new(), request("GET", "https://example.com/a#frag", &[], None)).unwrap();
        assert_eq!(prepared.url.as_str(), "https://example.com/a", "the fragment is not sent");
    }
}
