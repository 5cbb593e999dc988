//! Where an Action's `fetch` may go, from the command line (`--allow-host`,
//! `--allow-http`, `--request-timeout`, `--ca-cert`, `--allow-loopback`) or from a flow
//! file's `egress` table, as an [`EgressPolicy`]; and `--mock`, the rules that answer its
//! requests instead of the network.

use std::path::PathBuf;
use std::time::Duration;

use actionbox::{EgressPolicy, ExecuteOptions, Mocks};
use clap::Args;
use serde::Deserialize;

use crate::exit::Failure;

/// The egress flags.
#[derive(Args, Debug, Default)]
pub struct NetworkArgs {
    /// Let `fetch` reach only this host (repeatable): a name, `*.example.com` for its
    /// subdomains, or an IP address. Without it, any host with public addresses.
    #[arg(long = "allow-host", value_name = "HOST")]
    pub allow_hosts: Vec<String>,
    /// Allow plain `http:` URLs besides `https:`.
    #[arg(long)]
    pub allow_http: bool,
    /// Each request's timeout, e.g. `5s` (default 10s, never past the deadline).
    #[arg(long, value_name = "DURATION", value_parser = humantime::parse_duration)]
    pub request_timeout: Option<Duration>,
    /// Trust the certificate authority in FILE (PEM or DER) besides the system's
    /// (repeatable): for servers with a private CA.
    #[arg(long = "ca-cert", value_name = "FILE")]
    pub ca_certs: Vec<PathBuf>,
    /// Let `fetch` reach loopback addresses (127.0.0.0/8, ::1), for servers started on
    /// this machine to test against. Every other private range stays refused.
    #[arg(long)]
    pub allow_loopback: bool,
    /// Answer requests from the mock rules in FILE (JSON) instead of the network; a
    /// request no rule answers fails, naming it. The policy still applies.
    #[arg(long = "mock", value_name = "FILE")]
    pub mock: Option<PathBuf>,
}

impl NetworkArgs {
    /// The policy these flags give.
    pub fn policy(&self) -> Result<EgressPolicy, Failure> {
        let entry = EgressEntry {
            allow_hosts: self.allow_hosts.clone(),
            allow_http: self.allow_http,
            request_timeout: self.request_timeout.map(|d| humantime::format_duration(d).to_string()),
            ca_certs: self.ca_certs.clone(),
            allow_loopback: self.allow_loopback,
        };
        entry.policy("the command line")
    }
}

impl NetworkArgs {
    /// The mocks `--mock` gives, if any.
    pub fn mocks(&self) -> Result<Option<Mocks>, Failure> {
        let Some(path) = &self.mock else { return Ok(None) };
        let bytes = crate::input::read_file(path, MAX_MOCK_FILE_BYTES)?;
        Mocks::from_json(&bytes).map(Some).map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))
    }

    /// The options of an execution: the policy and the mocks of the flags.
    pub fn options(&self) -> Result<ExecuteOptions, Failure> {
        let mut options = ExecuteOptions::new();
        options.egress(self.policy()?);
        if let Some(mocks) = self.mocks()? {
            options.mocks(mocks);
        }
        Ok(options)
    }
}

/// The largest mock file read: a few rules of bodies up to the response cap.
const MAX_MOCK_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A flow file Action's `egress` table; the same settings as the flags.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgressEntry {
    #[serde(default)]
    pub allow_hosts: Vec<String>,
    #[serde(default)]
    pub allow_http: bool,
    /// A duration, `5s` or `500ms`.
    pub request_timeout: Option<String>,
    #[serde(default)]
    pub ca_certs: Vec<PathBuf>,
    #[serde(default)]
    pub allow_loopback: bool,
}

impl EgressEntry {
    /// The policy of this entry; `origin` names where it was given, in errors.
    pub fn policy(&self, origin: &str) -> Result<EgressPolicy, Failure> {
        let mut policy = EgressPolicy::new();
        policy.allow_http(self.allow_http).allow_loopback_for_tests(self.allow_loopback);
        for host in &self.allow_hosts {
            policy.allow_host(host).map_err(|e| Failure::invalid_input(format!("{origin}: allow-host: {e}")))?;
        }
        if let Some(text) = &self.request_timeout {
            let timeout = humantime::parse_duration(text)
                .map_err(|e| Failure::invalid_input(format!("{origin}: request-timeout `{text}`: {e}")))?;
            policy.request_timeout(timeout);
        }
        for path in &self.ca_certs {
            let bytes = crate::input::read_file(path, 1024 * 1024)?;
            policy
                .add_root_certificate(&bytes)
                .map_err(|e| Failure::invalid_input(format!("{origin}: {}: {e}", path.display())))?;
        }
        Ok(policy)
    }
}
