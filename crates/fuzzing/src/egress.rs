//! The egress target: generated URLs, allow-lists and addresses, judged by the host's
//! policy and by a reference model written here from the specifications (the URL
//! standard's parser, the Fetch standard's bad ports, the IANA special-purpose address
//! registries as prefix tables); the two must agree.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use actionbox::EgressPolicy;
use actionbox::fuzzing::{Verdict, address_allowed, egress_verdict};
use arbitrary::{Arbitrary, Unstructured};
use url::{Host, Url};

/// One case: a policy, URLs to judge, and addresses to classify.
#[derive(Debug)]
pub struct Case {
    pub allow_http: bool,
    pub loopback: bool,
    pub allow_list: Option<Vec<String>>,
    pub urls: Vec<String>,
    pub addresses: Vec<IpAddr>,
}

impl<'a> Arbitrary<'a> for Case {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let allow_list = if u.arbitrary()? {
            let n = u.int_in_range(0..=3)?;
            Some((0..n).map(|_| entry(u)).collect::<arbitrary::Result<_>>()?)
        } else {
            None
        };
        let n = u.int_in_range(1..=8)?;
        let urls = (0..n).map(|_| url(u)).collect::<arbitrary::Result<_>>()?;
        let n = u.int_in_range(0..=8)?;
        let addresses = (0..n).map(|_| address(u)).collect::<arbitrary::Result<_>>()?;
        Ok(Case { allow_http: u.arbitrary()?, loopback: u.arbitrary()?, allow_list, urls, addresses })
    }
}

/// Nothing to make ahead: the target has no engine.
pub fn prepare() {}

/// The target: the policy and the model agree on every URL and address of the case.
pub fn check(data: &[u8]) {
    let Ok(case) = Case::arbitrary_take_rest(Unstructured::new(data)) else { return };
    let mut policy = EgressPolicy::new();
    policy.allow_http(case.allow_http).allow_loopback_for_tests(case.loopback);
    let mut accepted = Vec::new();
    if let Some(entries) = &case.allow_list {
        for entry in entries {
            if policy.allow_host(entry).is_ok() {
                accepted.push(entry.clone());
            }
        }
    }
    // An allow-list with no valid entry is no allow-list at all, to the policy as here.
    let model = Model {
        allow_http: case.allow_http,
        loopback: case.loopback,
        allow_list: (!accepted.is_empty()).then(|| accepted.iter().filter_map(|e| Pattern::parse(e)).collect()),
    };
    for url in &case.urls {
        let policy_says = egress_verdict(&policy, url);
        let model_says = model.verdict(url);
        assert_eq!(policy_says, model_says, "the policy and the model disagree on {url:?} under {case:?}");
    }
    for &ip in &case.addresses {
        for loopback in [false, true] {
            assert_eq!(
                address_allowed(ip, loopback),
                model_address_allowed(ip, loopback),
                "the address check and the model disagree on {ip} (loopback allowed: {loopback})"
            );
        }
    }
}

/// The reference model of the policy.
struct Model {
    allow_http: bool,
    loopback: bool,
    allow_list: Option<Vec<Pattern>>,
}

enum Pattern {
    Exact(String),
    Under(String),
    Address(IpAddr),
}

impl Pattern {
    /// An allow-list entry the policy accepted, normalized as the URL parser normalizes
    /// a host.
    fn parse(entry: &str) -> Option<Pattern> {
        let (under, name) = match entry.strip_prefix("*.") {
            Some(name) => (true, name),
            None => (false, entry),
        };
        match Host::parse(name).ok()? {
            Host::Domain(domain) => {
                let domain = domain.trim_end_matches('.').to_owned();
                Some(if under { Pattern::Under(domain) } else { Pattern::Exact(domain) })
            }
            Host::Ipv4(ip) => Some(Pattern::Address(ip.into())),
            Host::Ipv6(ip) => Some(Pattern::Address(ip.into())),
        }
    }

    fn matches(&self, host: &Host<&str>) -> bool {
        match (self, host) {
            (Pattern::Exact(name), Host::Domain(domain)) => domain.strip_suffix('.').unwrap_or(domain) == name,
            (Pattern::Under(parent), Host::Domain(domain)) => {
                let domain = domain.strip_suffix('.').unwrap_or(domain);
                domain.len() > parent.len() + 1 && domain.ends_with(&format!(".{parent}"))
            }
            (Pattern::Address(ip), Host::Ipv4(v4)) => *ip == IpAddr::V4(*v4),
            (Pattern::Address(ip), Host::Ipv6(v6)) => *ip == IpAddr::V6(*v6),
            _ => false,
        }
    }
}

impl Model {
    fn verdict(&self, text: &str) -> Verdict {
        let Ok(url) = Url::parse(text) else { return Verdict::InvalidUrl };
        if url.as_str().len() > actionbox::limits::MAX_FETCH_URL_BYTES {
            return Verdict::InvalidUrl;
        }
        let scheme_allowed = url.scheme() == "https" || (url.scheme() == "http" && self.allow_http);
        if !scheme_allowed {
            return Verdict::Scheme;
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Verdict::InvalidUrl;
        }
        let Some(host) = url.host() else { return Verdict::InvalidUrl };
        if let Some(port) = url.port()
            && BAD_PORTS.contains(&port)
        {
            return Verdict::Port(port);
        }
        if let Some(patterns) = &self.allow_list
            && !patterns.iter().any(|p| p.matches(&host))
        {
            return Verdict::Host;
        }
        let literal = match host {
            Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
            Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
            Host::Domain(_) => None,
        };
        match literal {
            Some(ip) if !model_address_allowed(ip, self.loopback) => Verdict::Address,
            _ => Verdict::Allowed,
        }
    }
}

/// The Fetch standard's bad ports.
const BAD_PORTS: &[u16] = &[
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109,
    110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531,
    532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060,
    5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
];

/// IPv4 ranges that are not globally reachable (IANA IPv4 special-purpose registry),
/// loopback apart.
const V4_REFUSED: &[(&str, u8)] = &[
    ("0.0.0.0", 8),
    ("10.0.0.0", 8),
    ("100.64.0.0", 10),
    ("169.254.0.0", 16),
    ("172.16.0.0", 12),
    ("192.0.0.0", 24),
    ("192.0.2.0", 24),
    ("192.88.99.0", 24),
    ("192.168.0.0", 16),
    ("198.18.0.0", 15),
    ("198.51.100.0", 24),
    ("203.0.113.0", 24),
    ("224.0.0.0", 4),
    ("240.0.0.0", 4),
];

/// IPv6 ranges refused whole (IANA IPv6 special-purpose registry, and what lies outside
/// global unicast), the IPv4-carrying forms and loopback apart.
const V6_REFUSED: &[(&str, u8)] = &[
    ("::", 128),
    ("64:ff9b:1::", 48),
    ("100::", 64),
    ("2001::", 23),
    ("2001:db8::", 32),
    ("3fff::", 20),
    ("fc00::", 7),
    ("fe80::", 10),
    ("fec0::", 10),
    ("ff00::", 8),
];

/// IPv6 prefixes whose addresses carry an IPv4 address, and where it sits (bit offset).
const V6_CARRYING: &[(&str, u8, u32)] =
    &[("::ffff:0:0", 96, 96), ("::", 96, 96), ("64:ff9b::", 96, 96), ("2002::", 16, 16)];

fn in_v4(ip: Ipv4Addr, (net, len): (&str, u8)) -> bool {
    let net: Ipv4Addr = net.parse().expect("a table entry");
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    u32::from(ip) & mask == u32::from(net) & mask
}

fn in_v6(ip: Ipv6Addr, (net, len): (&str, u8)) -> bool {
    let net: Ipv6Addr = net.parse().expect("a table entry");
    let mask = if len == 0 { 0 } else { u128::MAX << (128 - len) };
    u128::from(ip) & mask == u128::from(net) & mask
}

/// The model of the address check.
fn model_address_allowed(ip: IpAddr, loopback: bool) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            if in_v4(v4, ("127.0.0.0", 8)) {
                return loopback;
            }
            !V4_REFUSED.iter().any(|&range| in_v4(v4, range))
        }
        IpAddr::V6(v6) => {
            if v6 == Ipv6Addr::LOCALHOST {
                return loopback;
            }
            if v6 == Ipv6Addr::UNSPECIFIED {
                return false;
            }
            for &(net, len, at) in V6_CARRYING {
                if in_v6(v6, (net, len)) {
                    let inner = Ipv4Addr::from((u128::from(v6) >> (96 - at)) as u32);
                    return !in_v4(inner, ("127.0.0.0", 8)) && model_address_allowed(IpAddr::V4(inner), false);
                }
            }
            in_v6(v6, ("2000::", 3)) && !V6_REFUSED.iter().any(|&range| in_v6(v6, range))
        }
    }
}

/// Host names the URLs and allow-lists are built from: look-alikes of one another.
const NAMES: &[&str] = &[
    "api.example.com",
    "example.com",
    "API.Example.COM",
    "api.example.com.",
    "evil.tld",
    "api.example.com.evil.tld",
    "xn--exmple-cua.com",
    "exämple.com",
    "еxample.com",
    "a.b.c.example.com",
    "localhost",
    "metadata.google.internal",
    "example.com..",
    "1.2.3.4.nip.io",
];

fn name(u: &mut Unstructured) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=2)? {
        0 => u.choose(NAMES)?.to_string(),
        1 => format!("{}.{}", u.choose(&["x", "api", "*", "xn--80ak6aa92e", "ä"])?, u.choose(NAMES)?),
        _ => u.arbitrary::<String>()?,
    })
}

/// An address as a URL may spell it.
fn host_text(u: &mut Unstructured) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=6)? {
        0 | 1 => name(u)?,
        2 => Ipv4Addr::from(v4_bits(u)?).to_string(),
        3 => format!("{}", v4_bits(u)?),
        4 => {
            let [a, b, c, d] = v4_bits(u)?.to_be_bytes();
            format!("0{a:o}.0x{b:x}.{c}.{d}")
        }
        5 => format!("[{}]", v6(u)?),
        _ => format!("[::ffff:{}]", Ipv4Addr::from(v4_bits(u)?)),
    })
}

/// IPv4 addresses, biased towards the edges of the refused ranges.
fn v4_bits(u: &mut Unstructured) -> arbitrary::Result<u32> {
    if u.arbitrary()? {
        let (net, len) = *u.choose(V4_REFUSED)?;
        let net = u32::from(net.parse::<Ipv4Addr>().expect("a table entry"));
        let span = 1u64 << (32 - len);
        let offset = *u.choose(&[0, 1, span - 1, span, span / 2])?;
        Ok(net.wrapping_add(offset as u32).wrapping_sub(u.int_in_range(0..=1)?))
    } else {
        u.arbitrary()
    }
}

fn v6(u: &mut Unstructured) -> arbitrary::Result<Ipv6Addr> {
    Ok(match u.int_in_range(0..=3)? {
        0 => {
            let (net, len) = *u.choose(V6_REFUSED)?;
            let net = u128::from(net.parse::<Ipv6Addr>().expect("a table entry"));
            let low: u128 = u.arbitrary()?;
            let keep = if len == 128 { 0 } else { u128::MAX >> len };
            Ipv6Addr::from(net | (low & keep))
        }
        1 => {
            let (net, _, at) = *u.choose(V6_CARRYING)?;
            let net = u128::from(net.parse::<Ipv6Addr>().expect("a table entry"));
            Ipv6Addr::from(net | (u128::from(v4_bits(u)?) << (96 - at)))
        }
        _ => Ipv6Addr::from(u.arbitrary::<u128>()?),
    })
}

fn address(u: &mut Unstructured) -> arbitrary::Result<IpAddr> {
    Ok(if u.arbitrary()? { IpAddr::V4(Ipv4Addr::from(v4_bits(u)?)) } else { IpAddr::V6(v6(u)?) })
}

fn entry(u: &mut Unstructured) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=3)? {
        0 => format!("*.{}", name(u)?),
        1 => host_text(u)?.trim_start_matches('[').trim_end_matches(']').to_owned(),
        _ => name(u)?,
    })
}

fn url(u: &mut Unstructured) -> arbitrary::Result<String> {
    if u.ratio(1, 8)? {
        return u.arbitrary();
    }
    let scheme = u.choose(&["https", "http", "HTTPS", "file", "data", "gopher", "ftp", "ws", "blob"])?;
    let userinfo = *u.choose(&["", "", "", "user@", "user:pass@", "api.example.com@", ":@"])?;
    let host = host_text(u)?;
    let port = match u.int_in_range(0..=3)? {
        0 => format!(":{}", u.arbitrary::<u16>()?),
        1 => format!(":{}", u.choose(BAD_PORTS)?),
        _ => String::new(),
    };
    let path = *u.choose(&["/", "", "/a?b#c", "/..%2f", "\\\\x"])?;
    Ok(format!("{scheme}://{userinfo}{host}{port}{path}"))
}
