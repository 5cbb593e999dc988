//! The egress policy: which URLs an execution's `fetch` may reach. One per execution (in
//! its [`ExecuteOptions`](crate::ExecuteOptions)) or per Action of a flow.
//!
//! The default is the platform's guidance: HTTPS only, any public host, a 10 s timeout.
//! Hosts are matched on the URL as parsed (IDNA-normalized, lowercase, without a trailing
//! dot, userinfo refused), never on the text; addresses are checked in `address.rs`
//! whatever the allow-list says.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::time::Duration;

use url::{Host, Url};

use super::address;
use crate::limits;

/// Where an execution's requests may go.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EgressPolicy {
    allow_http: bool,
    /// `None`: any host whose addresses are public.
    allowed_hosts: Option<Vec<HostPattern>>,
    request_timeout: Duration,
    pub(super) transport: Transport,
}

/// The part of a policy the HTTP client itself is built with: policies that share it
/// share a client, and so its pooled connections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(super) struct Transport {
    pub loopback_for_tests: bool,
    pub resolve_for_tests: BTreeMap<String, Vec<IpAddr>>,
    /// Extra trusted roots, DER.
    pub root_certificates: Vec<Vec<u8>>,
}

impl Default for EgressPolicy {
    fn default() -> Self {
        EgressPolicy {
            allow_http: false,
            allowed_hosts: None,
            request_timeout: limits::DEFAULT_REQUEST_TIMEOUT,
            transport: Transport::default(),
        }
    }
}

/// A policy setting that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// An allow-list entry that is not a host name, an IP address or `*.` and a name.
    #[error("`{0}` is not a host name, an IP address, or `*.` followed by a host name")]
    InvalidHost(String),
    /// A root certificate that is not PEM or DER.
    #[error("the root certificate is not a PEM or DER certificate: {0}")]
    InvalidCertificate(String),
}

/// One allow-list entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum HostPattern {
    /// This host exactly.
    Exact(String),
    /// Any host under this domain (one label or more), not the domain itself.
    Subdomains(String),
    Address(IpAddr),
}

impl HostPattern {
    fn parse(entry: &str) -> Result<Self, PolicyError> {
        let invalid = || PolicyError::InvalidHost(entry.to_owned());
        let (wildcard, name) = match entry.strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, entry),
        };
        // Only a bare host: no scheme, port, path, userinfo or further wildcard.
        if name.is_empty() || name.contains(['/', '@', '*', '?', '#', '\\']) || name.trim() != name {
            return Err(invalid());
        }
        match Host::parse(name).map_err(|_| invalid())? {
            Host::Domain(domain) => {
                let domain = domain.strip_suffix('.').unwrap_or(&domain).to_owned();
                // An empty label (`example..com`, `example.com..`) names no host.
                if domain.split('.').any(str::is_empty) || domain.contains(':') {
                    return Err(invalid());
                }
                Ok(if wildcard { HostPattern::Subdomains(domain) } else { HostPattern::Exact(domain) })
            }
            Host::Ipv4(ip) if !wildcard => Ok(HostPattern::Address(ip.into())),
            Host::Ipv6(ip) if !wildcard => Ok(HostPattern::Address(ip.into())),
            _ => Err(invalid()),
        }
    }

    fn matches(&self, host: &Host<&str>) -> bool {
        match (self, host) {
            (HostPattern::Exact(name), Host::Domain(domain)) => trimmed(domain) == name,
            (HostPattern::Subdomains(parent), Host::Domain(domain)) => trimmed(domain)
                .strip_suffix(parent.as_str())
                .is_some_and(|label| label.len() > 1 && label.ends_with('.')),
            (HostPattern::Address(ip), Host::Ipv4(v4)) => *ip == IpAddr::V4(*v4),
            (HostPattern::Address(ip), Host::Ipv6(v6)) => *ip == IpAddr::V6(*v6),
            _ => false,
        }
    }
}

fn trimmed(domain: &str) -> &str {
    domain.strip_suffix('.').unwrap_or(domain)
}

/// Why a URL is refused before any connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refused {
    Scheme(String),
    Host(String),
    Port(u16),
    InvalidUrl(&'static str),
    /// An address literal in a range the policy refuses: reported as a network failure.
    Address,
}

impl EgressPolicy {
    /// The default policy: HTTPS only, any public host, a 10 s timeout.
    pub fn new() -> Self {
        EgressPolicy::default()
    }

    /// Allows `http:` URLs besides `https:` (no other scheme is ever allowed). Redirects
    /// from `https` to `http` stay refused.
    pub fn allow_http(&mut self, allow: bool) -> &mut Self {
        self.allow_http = allow;
        self
    }

    /// Adds a host to the allow-list: a name (`api.example.com`), `*.example.com` (any
    /// subdomain, not `example.com` itself), or an IP address. With an allow-list, no
    /// other host is reached; without one, any host with public addresses is.
    pub fn allow_host(&mut self, entry: &str) -> Result<&mut Self, PolicyError> {
        let pattern = HostPattern::parse(entry)?;
        self.allowed_hosts.get_or_insert_with(Vec::new).push(pattern);
        Ok(self)
    }

    /// Each request's timeout (the default is 10 s); never past the execution's deadline.
    pub fn request_timeout(&mut self, timeout: Duration) -> &mut Self {
        self.request_timeout = timeout;
        self
    }

    /// The timeout of each request.
    pub fn timeout(&self) -> Duration {
        self.request_timeout
    }

    /// **For tests only**: lets requests reach loopback addresses (127.0.0.0/8 and `::1`),
    /// where tests start their servers. Every other special-purpose range stays refused.
    pub fn allow_loopback_for_tests(&mut self, allow: bool) -> &mut Self {
        self.transport.loopback_for_tests = allow;
        self
    }

    /// **For tests only**: answers the name `host` with `addresses` instead of DNS. The
    /// addresses are checked like any resolved address, so a test can show that a name
    /// resolving to a private address is refused without sending a packet to it.
    pub fn resolve_for_tests(&mut self, host: &str, addresses: Vec<IpAddr>) -> &mut Self {
        self.transport.resolve_for_tests.insert(host.trim_end_matches('.').to_ascii_lowercase(), addresses);
        self
    }

    /// Trusts `certificate` (PEM or DER) as a root besides the system's, for servers with
    /// a private certificate authority (a local HTTPS server in tests, for one).
    pub fn add_root_certificate(&mut self, certificate: &[u8]) -> Result<&mut Self, PolicyError> {
        let der = if certificate.starts_with(b"-----BEGIN") {
            reqwest::Certificate::from_pem(certificate).map_err(|e| PolicyError::InvalidCertificate(e.to_string()))?;
            pem_to_der(certificate).ok_or_else(|| PolicyError::InvalidCertificate("no certificate in it".into()))?
        } else {
            reqwest::Certificate::from_der(certificate).map_err(|e| PolicyError::InvalidCertificate(e.to_string()))?;
            certificate.to_vec()
        };
        self.transport.root_certificates.push(der);
        Ok(self)
    }

    /// Checks a URL (the first one, or a redirect's) before anything is sent: its form,
    /// scheme, port and host, and its address when it names one.
    pub(crate) fn check(&self, url: &Url) -> Result<(), Refused> {
        if url.as_str().len() > limits::MAX_FETCH_URL_BYTES {
            return Err(Refused::InvalidUrl("it is longer than the limit"));
        }
        match url.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            other => return Err(Refused::Scheme(other.to_owned())),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Refused::InvalidUrl("it includes credentials"));
        }
        let host = url.host().ok_or(Refused::InvalidUrl("it has no host"))?;
        if let Some(port) = url.port()
            && BLOCKED_PORTS.contains(&port)
        {
            return Err(Refused::Port(port));
        }
        if let Some(allowed) = &self.allowed_hosts
            && !allowed.iter().any(|pattern| pattern.matches(&host))
        {
            return Err(Refused::Host(host.to_string()));
        }
        let literal = match host {
            Host::Ipv4(v4) => Some(IpAddr::V4(v4)),
            Host::Ipv6(v6) => Some(IpAddr::V6(v6)),
            Host::Domain(_) => None,
        };
        if let Some(ip) = literal
            && !address::allowed(ip, self.transport.loopback_for_tests)
        {
            return Err(Refused::Address);
        }
        Ok(())
    }
}

/// The first certificate of a PEM text, as DER.
fn pem_to_der(pem: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let text = std::str::from_utf8(pem).ok()?;
    let start = text.find("-----BEGIN CERTIFICATE-----")? + "-----BEGIN CERTIFICATE-----".len();
    let end = start + text[start..].find("-----END CERTIFICATE-----")?;
    let body: String = text[start..end].chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(body).ok()
}

/// The ports the fetch standard blocks ("bad ports"): services a browser must not reach
/// by HTTP. <https://fetch.spec.whatwg.org/#port-blocking>
const BLOCKED_PORTS: &[u16] = &[
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109,
    110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531,
    532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060,
    5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(hosts: &[&str]) -> EgressPolicy {
        let mut policy = EgressPolicy::new();
        for host in hosts {
            policy.allow_host(host).unwrap();
        }
        policy
    }

    fn verdict(policy: &EgressPolicy, url: &str) -> Result<(), Refused> {
        policy.check(&Url::parse(url).unwrap())
    }

    #[test]
    fn only_https_by_default_and_http_when_allowed() {
        let mut policy = EgressPolicy::new();
        assert_eq!(verdict(&policy, "https://example.com/"), Ok(()));
        for (url, scheme) in [
            ("http://example.com/", "http"),
            ("file:///etc/passwd", "file"),
            ("data:text/plain,hi", "data"),
            ("gopher://example.com/", "gopher"),
            ("ftp://example.com/", "ftp"),
            ("ws://example.com/", "ws"),
        ] {
            assert_eq!(verdict(&policy, url), Err(Refused::Scheme(scheme.into())), "{url}");
        }
        policy.allow_http(true);
        assert_eq!(verdict(&policy, "http://example.com/"), Ok(()));
        assert_eq!(verdict(&policy, "file:///etc/passwd"), Err(Refused::Scheme("file".into())));
    }

    #[test]
    fn the_allow_list_matches_the_parsed_host_only() {
        let policy = policy(&["api.example.com", "*.trusted.org"]);
        assert_eq!(verdict(&policy, "https://api.example.com/x"), Ok(()));
        assert_eq!(verdict(&policy, "https://API.Example.COM./x"), Ok(()), "case and a trailing dot");
        assert_eq!(verdict(&policy, "https://a.b.trusted.org/"), Ok(()));
        for (url, host) in [
            ("https://api.example.com.evil.tld/", "api.example.com.evil.tld"),
            ("https://evil.tld/api.example.com", "evil.tld"),
            ("https://api.example.com%2e.evil.tld/", "api.example.com..evil.tld"),
            ("https://xapi.example.com/", "xapi.example.com"),
            ("https://trusted.org/", "trusted.org"),
            ("https://eviltrusted.org/", "eviltrusted.org"),
            ("https://аpi.example.com/", "xn--pi-6kc.example.com"), // Cyrillic "а"
        ] {
            assert_eq!(verdict(&policy, url), Err(Refused::Host(host.into())), "{url}");
        }
        assert_eq!(
            verdict(&policy, "https://api.example.com@evil.tld/"),
            Err(Refused::InvalidUrl("it includes credentials")),
            "userinfo is refused before the host is looked at"
        );
    }

    #[test]
    fn allow_list_entries_are_hosts_normalized_like_urls() {
        let policy = policy(&["Bücher.example", "10.1.2.3", "[2001:db8::1]"]);
        assert_eq!(verdict(&policy, "https://xn--bcher-kva.example/"), Ok(()));
        assert_eq!(verdict(&policy, "https://BÜCHER.example/"), Ok(()));
        for bad in [
            "",
            "*.",
            "https://a.com",
            "a.com/x",
            "a.com:443",
            "user@a.com",
            "*.*.a.com",
            "a*.com",
            " a.com",
            "*.10.0.0.1",
            // Found by the egress fuzz target: accepted, these matched no host at all.
            "*.example.com..",
            "example..com",
            ".example.com",
        ] {
            assert!(matches!(EgressPolicy::new().allow_host(bad), Err(PolicyError::InvalidHost(_))), "{bad:?}");
        }
    }

    #[test]
    fn literal_addresses_are_checked_even_when_listed() {
        let policy = policy(&["10.1.2.3", "127.0.0.1"]);
        assert_eq!(verdict(&policy, "https://10.1.2.3/"), Err(Refused::Address));
        assert_eq!(verdict(&policy, "https://127.0.0.1/"), Err(Refused::Address));
        let open = EgressPolicy::new();
        for url in [
            "https://127.0.0.1/",
            "https://[::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://2130706433/",
            "https://0177.0.0.1/",
            "https://0x7f.1/",
            "https://10.0.0.1/",
            "https://172.16.0.1/",
            "https://192.168.0.1/",
            "https://100.64.0.1/",
            "https://169.254.169.254/latest/meta-data/",
            "https://[fc00::1]/",
            "https://[fe80::1]/",
            "https://0.0.0.0/",
        ] {
            assert_eq!(verdict(&open, url), Err(Refused::Address), "{url}");
        }
    }

    #[test]
    fn blocked_ports_are_refused_and_others_allowed() {
        let policy = EgressPolicy::new();
        assert_eq!(verdict(&policy, "https://example.com:25/"), Err(Refused::Port(25)));
        assert_eq!(verdict(&policy, "https://example.com:6667/"), Err(Refused::Port(6667)));
        assert_eq!(verdict(&policy, "https://example.com:8443/"), Ok(()));
    }
}
