//! Which addresses a request may connect to: every address a URL names or a name resolves
//! to is checked here, and only a checked address is connected to (`resolve.rs`).
//!
//! Refused: every special-purpose range of the IANA registries (RFC 6890 and successors)
//! that is not globally reachable (loopback, private, shared CGNAT, link-local with the
//! cloud metadata addresses, unique-local, multicast, documentation, benchmarking,
//! reserved), and the IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible,
//! NAT64, 6to4), judged by the IPv4 address inside; Teredo is refused whole. Loopback is allowed only when
//! the policy says so, which only tests do.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Whether a request may connect to `ip`. `loopback` admits 127.0.0.0/8 and `::1`.
pub fn allowed(ip: IpAddr, loopback: bool) -> bool {
    match ip {
        IpAddr::V4(v4) => v4_allowed(v4, loopback),
        IpAddr::V6(v6) => v6_allowed(v6, loopback),
    }
}

fn v4_allowed(ip: Ipv4Addr, loopback: bool) -> bool {
    if ip.is_loopback() {
        return loopback;
    }
    let [a, b, c, _] = ip.octets();
    let special = match a {
        0 => true,                                                      // "this network", 0.0.0.0/8
        10 => true,                                                     // private
        100 => (64..128).contains(&b),                                  // shared address space (CGNAT), 100.64.0.0/10
        169 => b == 254,                                                // link-local, with 169.254.169.254 (metadata)
        172 => (16..32).contains(&b),                                   // private
        192 => matches!((b, c), (0, 0) | (0, 2) | (88, 99) | (168, _)), // IETF, TEST-NET-1, 6to4 relay, private
        198 => (b & 0xfe) == 18 || (b, c) == (51, 100),                 // benchmarking 198.18.0.0/15, TEST-NET-2
        203 => (b, c) == (0, 113),                                      // TEST-NET-3
        224..=255 => true,                                              // multicast, reserved, broadcast
        _ => false,
    };
    !special
}

fn v6_allowed(ip: Ipv6Addr, loopback: bool) -> bool {
    if ip.is_loopback() {
        return loopback;
    }
    if let Some(v4) = embedded_v4(ip) {
        // The address reaches an IPv4 host: judged as that host, loopback included only
        // in its plain forms.
        return !v4.is_loopback() && v4_allowed(v4, false);
    }
    let s = ip.segments();
    let special = ip.is_unspecified()
        || (s[0] & 0xfe00) == 0xfc00 // unique local, fc00::/7
        || (s[0] & 0xffc0) == 0xfe80 // link-local, fe80::/10
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated), fec0::/10
        || (s[0] & 0xff00) == 0xff00 // multicast, ff00::/8
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation, 2001:db8::/32
        || (s[0] == 0x3fff && s[1] < 0x1000) // documentation, 3fff::/20
        || (s[0] == 0x2001 && s[1] < 0x0200) // IETF protocol assignments, 2001::/23
        || (s[0] == 0x0100 && s[1..4] == [0, 0, 0]) // discard-only, 100::/64
        || (s[0] == 0x0064 && s[1] == 0xff9b && s[2] == 0x0001) // local-use NAT64, 64:ff9b:1::/48
        || s[0] < 0x2000 // outside global unicast 2000::/3 (the forms above excepted)
        || s[0] >= 0x4000;
    !special
}

/// The IPv4 address inside an IPv6 address that carries one: IPv4-mapped
/// (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, deprecated), NAT64
/// (`64:ff9b::a.b.c.d`) and 6to4 (`2002:aabb:ccdd::`). Teredo (`2001::/32`) is refused
/// whole, with the rest of `2001::/23`.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let tail = Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    match s {
        [0, 0, 0, 0, 0, 0xffff, _, _] => Some(tail),
        [0, 0, 0, 0, 0, 0, _, _] if !ip.is_unspecified() => Some(tail),
        [0x0064, 0xff9b, 0, 0, 0, 0, _, _] => Some(tail),
        [0x2002, high, low, ..] => Some(Ipv4Addr::new((high >> 8) as u8, high as u8, (low >> 8) as u8, low as u8)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, loopback: bool) -> bool {
        allowed(text.parse().unwrap(), loopback)
    }

    #[test]
    fn special_ipv4_ranges_are_refused() {
        for refused in [
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "10.255.255.255",
            "100.64.0.1",
            "100.127.255.255",
            "127.0.0.1",
            "127.255.0.9",
            "169.254.169.254",
            "169.254.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "192.88.99.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
        ] {
            assert!(!check(refused, false), "{refused} must be refused");
        }
    }

    #[test]
    fn public_ipv4_addresses_are_allowed() {
        for public in [
            "1.1.1.1",
            "8.8.8.8",
            "100.63.255.255",
            "100.128.0.1",
            "172.15.0.1",
            "172.32.0.1",
            "192.0.1.1",
            "198.20.0.1",
        ] {
            assert!(check(public, false), "{public} is public");
        }
    }

    #[test]
    fn special_ipv6_ranges_and_ipv4_carrying_forms_are_refused() {
        for refused in [
            "::",
            "::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "3fff::1",
            "100::1",
            "64:ff9b:1::1",
            // IPv4-mapped, IPv4-compatible, NAT64, 6to4 and Teredo forms of refused IPv4s.
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "::10.1.2.3",
            "64:ff9b::10.0.0.1",
            "64:ff9b::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:a00:1::",
            "2002:7f00:1::1",
            "2001:0:4136:e378:8000:63bf:f5ff:fffe", // Teredo: client 10.0.0.1
            "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo: client 127.0.0.1
        ] {
            assert!(!check(refused, false), "{refused} must be refused");
        }
    }

    #[test]
    fn public_ipv6_addresses_are_allowed() {
        for public in ["2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"] {
            assert!(check(public, false), "{public} is public");
        }
    }

    #[test]
    fn loopback_is_allowed_only_when_asked_and_only_in_its_plain_forms() {
        assert!(check("127.0.0.1", true));
        assert!(check("127.1.2.3", true));
        assert!(check("::1", true));
        assert!(!check("::ffff:127.0.0.1", true), "a mapped loopback is not the test loopback");
        assert!(!check("10.0.0.1", true), "loopback admits no other range");
        assert!(!check("169.254.169.254", true));
    }
}
