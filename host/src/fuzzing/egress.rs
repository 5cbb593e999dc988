//! The egress policy's check of one URL, as the fuzz target compares it with its
//! reference model: the verdict without the message, and the address classifier.

use std::net::IpAddr;

use url::Url;

use crate::fetch::{EgressPolicy, Refused};

/// What the policy says of a URL before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The URL does not parse, or its form is refused (credentials, no host, too long).
    InvalidUrl,
    Scheme,
    Port(u16),
    Host,
    /// An address literal in a refused range.
    Address,
    Allowed,
}

/// The verdict of `policy` on `url`, parsed as `fetch` parses it.
pub fn egress_verdict(policy: &EgressPolicy, url: &str) -> Verdict {
    let Ok(url) = Url::parse(url) else { return Verdict::InvalidUrl };
    match policy.check(&url) {
        Ok(()) => Verdict::Allowed,
        Err(Refused::InvalidUrl(_)) => Verdict::InvalidUrl,
        Err(Refused::Scheme(_)) => Verdict::Scheme,
        Err(Refused::Port(port)) => Verdict::Port(port),
        Err(Refused::Host(_)) => Verdict::Host,
        Err(Refused::Address) => Verdict::Address,
    }
}

/// Whether a request may connect to `ip` (`loopback` as the test-only policy setting).
pub fn address_allowed(ip: IpAddr, loopback: bool) -> bool {
    crate::fetch::address_allowed(ip, loopback)
}
