//! Why a `fetch` failed, as both sides mean it: the host builds a [`FetchFailure`], the
//! WIT `fetch.failure` carries it, and the guest rejects the Action's promise with a
//! `TypeError` whose `code` is [`FetchFailure::code`] and whose message is this type's
//! `Display`, the one formatter of it.
//!
//! Every failure of the network itself is [`FetchFailure::Network`], whatever its cause
//! (an address the policy refuses, a closed port, an unknown name, TLS), so a failure is
//! no oracle for what lies behind the policy. What the Action's code or its policy
//! decides (the scheme, the allow-list, a cap) has a code of its own.

/// Why a request failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FetchFailure {
    #[error("fetch failed")]
    Network,
    #[error("fetch failed: invalid URL: {0}")]
    InvalidUrl(String),
    #[error("fetch failed: the scheme `{0}:` is not allowed (https only, unless the policy allows http)")]
    SchemeNotAllowed(String),
    #[error("fetch failed: the host `{0}` is not on the allow-list")]
    HostNotAllowed(String),
    #[error("fetch failed: port {0} is blocked")]
    PortNotAllowed(u16),
    #[error("fetch failed: invalid header: {0}")]
    InvalidHeader(String),
    #[error("fetch failed: invalid method `{0}`")]
    InvalidMethod(String),
    #[error("fetch failed: the request body is larger than {0} bytes")]
    RequestBodyTooLarge(u64),
    #[error("fetch failed: an execution may start at most {0} requests")]
    TooManyRequests(u32),
    #[error("fetch failed: redirect not allowed")]
    RedirectNotAllowed,
    #[error("fetch failed: more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("fetch failed: no response within {0} ms")]
    Timeout(u64),
    #[error("fetch failed: the response body is larger than {0} bytes")]
    ResponseTooLarge(u64),
    #[error("fetch failed: the response headers are larger than {0} bytes")]
    HeadersTooLarge(u64),
    #[error(
        "fetch cannot run while the Action is compiled: call it in a handler, where each execution has its own requests"
    )]
    NotAtCompileTime,
    /// The execution's mocks have no answer for this request (method and URL).
    #[error("fetch failed: no mock answers {0}")]
    NotMocked(String),
    /// A replayed execution made a request its recording does not have next.
    #[error("fetch failed: the recording has no {0} next")]
    NotRecorded(String),
}

impl FetchFailure {
    /// The `code` of the `TypeError` the Action sees, and of the request in the Outcome.
    pub fn code(&self) -> &'static str {
        match self {
            FetchFailure::Network => "ERR_ACTIONBOX_NETWORK",
            FetchFailure::InvalidUrl(_) => "ERR_INVALID_URL",
            FetchFailure::SchemeNotAllowed(_) => "ERR_ACTIONBOX_SCHEME_NOT_ALLOWED",
            FetchFailure::HostNotAllowed(_) => "ERR_ACTIONBOX_HOST_NOT_ALLOWED",
            FetchFailure::PortNotAllowed(_) => "ERR_ACTIONBOX_PORT_NOT_ALLOWED",
            FetchFailure::InvalidHeader(_) => "ERR_ACTIONBOX_INVALID_HEADER",
            FetchFailure::InvalidMethod(_) => "ERR_ACTIONBOX_INVALID_METHOD",
            FetchFailure::RequestBodyTooLarge(_) => "ERR_ACTIONBOX_REQUEST_BODY_TOO_LARGE",
            FetchFailure::TooManyRequests(_) => "ERR_ACTIONBOX_TOO_MANY_REQUESTS",
            FetchFailure::RedirectNotAllowed => "ERR_ACTIONBOX_REDIRECT_NOT_ALLOWED",
            FetchFailure::TooManyRedirects(_) => "ERR_ACTIONBOX_TOO_MANY_REDIRECTS",
            FetchFailure::Timeout(_) => "ERR_ACTIONBOX_TIMEOUT",
            FetchFailure::ResponseTooLarge(_) => "ERR_ACTIONBOX_RESPONSE_TOO_LARGE",
            FetchFailure::HeadersTooLarge(_) => "ERR_ACTIONBOX_HEADERS_TOO_LARGE",
            FetchFailure::NotAtCompileTime => "ERR_ACTIONBOX_NOT_AT_COMPILE_TIME",
            FetchFailure::NotMocked(_) => "ERR_ACTIONBOX_NOT_MOCKED",
            FetchFailure::NotRecorded(_) => "ERR_ACTIONBOX_NOT_RECORDED",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_failure_says_nothing_of_its_cause() {
        assert_eq!(FetchFailure::Network.to_string(), "fetch failed");
        assert_eq!(FetchFailure::Network.code(), "ERR_ACTIONBOX_NETWORK");
    }

    #[test]
    fn policy_failures_name_what_to_change() {
        let failure = FetchFailure::HostNotAllowed("evil.tld".into());
        assert_eq!(failure.code(), "ERR_ACTIONBOX_HOST_NOT_ALLOWED");
        assert!(failure.to_string().contains("evil.tld"));
    }
}
