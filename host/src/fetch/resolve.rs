//! Name resolution for the HTTP client: every address a name resolves to is checked
//! (`address.rs`) and only the checked ones are handed to the connector, so the address
//! connected to is always one that was checked, with no second lookup in between (no
//! DNS-rebinding window). IP literals never reach a resolver; `policy.rs` checks them.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use super::address;

/// The client's resolver: the system's (`getaddrinfo`), or a test's fixed answers.
pub(super) struct CheckedResolver {
    pub loopback: bool,
    pub fixed: Arc<BTreeMap<String, Vec<IpAddr>>>,
}

/// No address of the name may be connected to; a network failure like any other.
#[derive(Debug, thiserror::Error)]
#[error("no address the policy allows")]
struct NoAllowedAddress;

impl Resolve for CheckedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().trim_end_matches('.').to_ascii_lowercase();
        let loopback = self.loopback;
        let fixed = self.fixed.get(&host).cloned();
        Box::pin(async move {
            let resolved: Vec<IpAddr> = match fixed {
                Some(addresses) => addresses,
                None => tokio::net::lookup_host((host.as_str(), 0)).await?.map(|addr| addr.ip()).collect(),
            };
            let checked: Vec<SocketAddr> = resolved
                .into_iter()
                .filter(|ip| address::allowed(*ip, loopback))
                .map(|ip| SocketAddr::new(ip, 0))
                .collect();
            if checked.is_empty() {
                return Err(Box::new(NoAllowedAddress) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(checked.into_iter()) as Addrs)
        })
    }
}
