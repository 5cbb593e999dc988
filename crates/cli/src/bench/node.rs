//! The Node baseline: the same Action run by Node's `vm` module with a new context per
//! execution, timed inside Node by `node_vm_baseline.js`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::Latency;

const HARNESS: &str = include_str!("node_vm_baseline.js");

pub struct NodeRun {
    pub latency: Latency,
    pub version: String,
}

/// Runs the harness; `Err` says why there is no baseline (no node, a `.wasm` input, ...).
pub fn measure(action_path: &Path, handler: &str, event: &Value, n: u32) -> Result<NodeRun, String> {
    if action_path.extension().is_some_and(|e| e == "wasm") {
        return Err("the Action was given compiled; Node needs its source".into());
    }
    let dir = std::env::temp_dir().join(format!("actionbox-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let harness = dir.join("node_vm_baseline.js");
    let event_file = dir.join("event.json");
    std::fs::write(&harness, HARNESS).map_err(|e| e.to_string())?;
    std::fs::write(&event_file, event.to_string()).map_err(|e| e.to_string())?;
    let output = Command::new("node")
        .arg(&harness)
        .arg(action_path)
        .arg(&event_file)
        .arg(handler)
        .arg(n.to_string())
        .output()
        .map_err(|e| format!("`node` could not be started ({e})"));
    let _ = std::fs::remove_dir_all(&dir);
    let output = output?;
    if !output.status.success() {
        return Err(format!("node failed: {}", String::from_utf8_lossy(&output.stderr).trim()));
    }
    let report: Value = serde_json::from_slice(&output.stdout).map_err(|e| format!("unreadable node report: {e}"))?;
    let number = |key: &str| report[key].as_f64().ok_or_else(|| format!("node report lacks `{key}`"));
    Ok(NodeRun {
        latency: Latency { p50: number("p50")?, p99: number("p99")?, mean: number("mean")? },
        version: report["version"].as_str().unwrap_or("node").to_owned(),
    })
}
