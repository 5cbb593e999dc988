//! The engine's HTTP clients, one per [`Transport`] (what a client is built with: the
//! loopback and fixed-name settings of tests, extra roots), so that executions with the
//! same transport share pooled connections. Built at the first request that needs one, so
//! an engine whose Actions never fetch builds none.
//!
//! Each client: rustls with aws-lc-rs and the system's roots, HTTP/1.1 and HTTP/2 (by
//! ALPN), gzip, deflate and brotli decoding, no proxy (one would see requests the policy
//! has not checked), no redirects (`send.rs` follows them itself, checking each hop), the
//! checked resolver, and the HTTP/1.1 header count limit (`send.rs` checks the headers'
//! size). Setting HTTP/2's header list size here made every HTTP/1.1 request about
//! 70 µs slower on these machines (measured with `fetch-bench`), so HTTP/2 keeps hyper's
//! default and the same check after receipt.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::policy::Transport;
use super::resolve::CheckedResolver;
use crate::limits;

/// Clients one engine keeps. Transports come from embedders' options, so their number
/// is bounded: past it, a new transport's client replaces one of the others (whose
/// pooled connections close).
const MAX_CLIENTS: usize = 32;

/// The clients of one engine.
#[derive(Default)]
pub struct Clients {
    built: Mutex<HashMap<Transport, reqwest::Client>>,
}

impl std::fmt::Debug for Clients {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clients")
    }
}

impl Clients {
    /// The client for `transport`, built on first use; `None` if it cannot be built.
    pub(super) fn client(&self, transport: &Transport) -> Option<reqwest::Client> {
        let mut built = self.built.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(client) = built.get(transport) {
            return Some(client.clone());
        }
        let client = build(transport)?;
        if built.len() >= MAX_CLIENTS
            && let Some(evicted) = built.keys().next().cloned()
        {
            built.remove(&evicted);
        }
        built.insert(transport.clone(), client.clone());
        Some(client)
    }
}

fn build(transport: &Transport) -> Option<reqwest::Client> {
    let roots = transport.root_certificates.iter().filter_map(|der| reqwest::Certificate::from_der(der).ok());
    let resolver = CheckedResolver {
        loopback: transport.loopback_for_tests,
        fixed: Arc::new(transport.resolve_for_tests.clone()),
    };
    reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .referer(false)
        .dns_resolver(Arc::new(resolver))
        .tls_certs_merge(roots)
        .http1_max_headers(limits::MAX_RESPONSE_HEADERS)
        .tcp_nodelay(true)
        .build()
        .ok()
}
