//! The Node baseline (`bench --node-baseline`): the same Action run by Node's `vm` module
//! with a new context per execution, timed inside Node by `node_vm_baseline.js`.
//!
//! Node's `vm` is not a sandbox, so this runs the Action outside actionbox's: it is off
//! unless asked for, and says so when it runs. What it can do to limit the exposure, it
//! does: the harness is given on the command line and the source and event on stdin (no
//! temporary files), and the Action's context gets no object from Node's own realm (see
//! the harness).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::Latency;

const HARNESS: &str = include_str!("node_vm_baseline.js");

/// Printed wherever the baseline is offered or run.
pub const WARNING: &str = "Node's vm module is not a sandbox: --node-baseline runs the Action outside actionbox, \
with the rights of this process. Never use it with an Action you do not trust.";

pub struct NodeRun {
    pub latency: Latency,
    pub version: String,
}

/// Runs the harness; `Err` says why there is no baseline (no node, a `.wasm` input, ...).
pub fn measure(
    action_path: &Path,
    source: Option<&str>,
    handler: &str,
    event: &Value,
    n: u32,
    timeout: Duration,
) -> Result<NodeRun, String> {
    let Some(source) = source else {
        return Err("the Action was given compiled; Node needs its source".into());
    };
    let input = serde_json::json!({
        "source": source,
        "filename": action_path.display().to_string(),
        "event": event.to_string(),
        "handler": handler,
        "iterations": n,
        "timeout_ms": timeout.as_millis().min(u128::from(u32::MAX)) as u64,
    });
    let mut child = Command::new("node")
        .arg("-e")
        .arg(HARNESS)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("`node` could not be started ({e})"))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let written = stdin.write_all(input.to_string().as_bytes());
    drop(stdin);
    let output = child.wait_with_output().map_err(|e| format!("node failed: {e}"))?;
    written.map_err(|e| format!("node did not read its input: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("node failed: {}", crate::render::escape(stderr.trim())));
    }
    let report: Value = serde_json::from_slice(&output.stdout).map_err(|e| format!("unreadable node report: {e}"))?;
    let number = |key: &str| report[key].as_f64().ok_or_else(|| format!("node report lacks `{key}`"));
    Ok(NodeRun {
        latency: Latency { p50: number("p50")?, p99: number("p99")?, mean: number("mean")? },
        version: report["version"].as_str().unwrap_or("node").to_owned(),
    })
}
