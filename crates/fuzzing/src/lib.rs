//! Generators and oracles of actionbox's fuzz targets, in an ordinary library so that
//! each oracle also runs under `cargo test` (`tests/`: the committed corpus replayed and
//! a smoke run), while `fuzz/` holds only the few lines of glue cargo-fuzz needs.
//!
//! Each target is one function taking the fuzzer's bytes; it panics on a finding (the
//! message says which property failed and on what), which libFuzzer reports as a crash
//! and `cargo test` as a failure. Inputs the target cannot use are ignored.
//!
//! - [`actions::check`]: generated Actions compiled and run under small limits.
//! - [`boundary::check`]: the host's imports called with arbitrary values, in any order.
//! - [`inputs::check`]: what an embedder passes: events, artifacts, suspended-flow
//!   tokens, continue requests.
//! - [`egress::check`]: URLs and addresses against the egress policy and a reference
//!   model of it.
//!
//! Network: the only traffic is to the loopback server of `server.rs`; every other
//! address is refused at the address check, before any connection.

pub mod actions;
pub mod boundary;
pub mod egress;
pub mod inputs;
mod runtime;
mod server;

pub use runtime::resident_bytes;

/// Where an outcome shows `secret` in a text the README's rule redacts ("Decisions",
/// Secrets): log lines and the stored log, the decision (reasons, an error's name, message
/// and stack), and the reasons and messages commands carry. Claims, metadata and other
/// `api` data are the Action's own output, not rewritten, so not looked at.
pub fn secret_shown(outcome: &actionbox::Outcome, secret: &str) -> Option<String> {
    let shows = |text: &str| text.contains(secret);
    if let Some(line) = outcome.logs.lines.iter().find(|line| shows(&line.message)) {
        return Some(format!("log line {:?}", line.message));
    }
    if shows(&outcome.logs.stored) {
        return Some(format!("stored log {:?}", outcome.logs.stored));
    }
    let decision = serde_json::to_string(&outcome.decision).expect("a decision serializes");
    if shows(&decision) {
        return Some(format!("decision {decision}"));
    }
    let commands = serde_json::to_value(&outcome.commands).expect("commands serialize");
    for command in commands.as_array().into_iter().flatten() {
        for field in ["reason", "message"] {
            if command.get(field).and_then(serde_json::Value::as_str).is_some_and(shows) {
                return Some(format!("command {command}"));
            }
        }
    }
    None
}

/// The targets, by the name of their `fuzz/fuzz_targets/` file and corpus folder.
pub const TARGETS: &[(&str, fn(&[u8]))] =
    &[("actions", actions::check), ("boundary", boundary::check), ("inputs", inputs::check), ("egress", egress::check)];
