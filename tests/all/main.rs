//! The integration tests of the library, one module per topic, in one binary (one link,
//! and one engine per configuration for all of them). The data-driven cases under
//! `tests/cases/` have a binary of their own (`cases.rs`), which their harness needs.

mod action_modules;
mod adversarial;
mod cache;
mod contract;
mod crypto;
mod deps;
mod faults;
mod fetch;
mod flows;
mod isolation;
mod limits;
mod node_http;
mod npm;
mod options;
mod packages;
mod redirect;
mod saml;
mod snapshots;
mod timers;
mod transaction;
