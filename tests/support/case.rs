//! The data-driven case format: `tests/cases/<name>/` holds `action.js`, `expected.json`
//! and, unless the case runs with the default event (`tests/cases/event.json`), its own
//! `event.json`. The examples (`examples/<name>/`) that have an `expected.json` are cases
//! too. `expected.json` says what must happen; every key is optional:
//!
//! ```json
//! { "trigger": "post-login",
//!   "config": { "timeout_ms": 300, "fuel": 50000000, "memory_bytes": 33554432 },
//!   "compile_error": "syntax",            // the kind of a compile failure (Error::kind)
//!   "error": "invalid_event",             // the kind of an execute failure (Error::kind)
//!   "location": { "line": 3, "column": 9 },
//!   "decision": { "type": "error", "error": { "kind": "threw", "name": "TypeError" } },
//!   "commands": [ ... ],                  // exactly these, in order
//!   "logs": [ "hello" ],                  // exactly these messages, in order
//!   "log_levels": [ "log" ],
//!   "stored_log": "hello", "stored_truncated": false,
//!   "warnings": [ ... ],
//!   "fuel": { "about": 285000 },          // the fuel used, within 3 %
//!   "max_wall_ms": 1500 }                 // the whole execute call, deadline tests only
//! ```
//!
//! `decision` and `warnings` entries match when every key given is equal (a subset
//! match), so a case states the error kind without depending on message text.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use actionbox::Trigger;
use anyhow::{Context, Result, bail, ensure};
use serde::Deserialize;
use serde_json::Value;

use crate::{Limits, block_on, engine_with};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    #[serde(default)]
    pub trigger: Option<String>,
    #[serde(default)]
    pub config: Limits,
    pub compile_error: Option<String>,
    pub error: Option<String>,
    pub location: Option<Value>,
    pub decision: Option<Value>,
    pub commands: Option<Vec<Value>>,
    pub logs: Option<Vec<String>>,
    pub log_levels: Option<Vec<String>>,
    pub stored_log: Option<String>,
    pub stored_truncated: Option<bool>,
    pub warnings: Option<Vec<Value>>,
    pub fuel: Option<Fuel>,
    pub max_wall_ms: Option<u64>,
}

/// The fuel an execution is expected to use: an accidental slowdown of the guest (or a
/// speed-up the pin was not updated for) fails the case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fuel {
    pub about: u64,
}

/// How far the fuel used may be from [`Fuel::about`], in percent.
pub const FUEL_TOLERANCE_PERCENT: u64 = 3;

/// The case directories under `dir`, sorted by name.
pub fn discover(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("expected.json").is_file())
        .collect();
    cases.sort();
    Ok(cases)
}

/// Runs one case and checks everything its `expected.json` states; `default_event` is
/// the event of a case without an `event.json`.
pub fn run(dir: &Path, default_event: &Value) -> Result<()> {
    let source = std::fs::read_to_string(dir.join("action.js")).context("reading action.js")?;
    let expected: Expected =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json"))?).context("parsing expected.json")?;
    let event: Value = match std::fs::read_to_string(dir.join("event.json")) {
        Ok(text) => serde_json::from_str(&text).context("parsing event.json")?,
        Err(_) => default_event.clone(),
    };
    let trigger: Trigger = expected.trigger.as_deref().unwrap_or("post-login").parse()?;
    let engine = engine_with(expected.config);

    let compiled = block_on(engine.compile("action.js", &source));
    if let Some(kind) = &expected.compile_error {
        let error = match compiled {
            Ok(_) => bail!("expected the compile error `{kind}`, but the source compiled"),
            Err(error) => error,
        };
        ensure!(error.kind() == kind, "expected the compile error `{kind}`, got `{}`: {error}", error.kind());
        if let Some(location) = &expected.location {
            let actual = serde_json::to_value(error.location())?;
            ensure!(&actual == location, "compile error location: expected {location}, got {actual}");
        }
        return Ok(());
    }
    let action = compiled.context("compiling action.js")?;

    let started = Instant::now();
    let executed = block_on(engine.execute(trigger, &action, &event));
    let wall = started.elapsed();
    if let Some(kind) = &expected.error {
        let error = match executed {
            Ok(outcome) => bail!("expected the error `{kind}`, got an outcome: {}", serde_json::to_string(&outcome)?),
            Err(error) => error,
        };
        ensure!(error.kind() == kind, "expected the error `{kind}`, got `{}`: {error}", error.kind());
        return Ok(());
    }
    let outcome = executed.context("executing")?;
    let actual = serde_json::to_value(&outcome)?;
    let shown = || serde_json::to_string_pretty(&actual).unwrap_or_default();

    if let Some(decision) = &expected.decision {
        ensure!(
            is_subset(decision, &actual["decision"]),
            "decision: expected (subset) {decision}\noutcome: {}",
            shown()
        );
    }
    if let Some(location) = &expected.location {
        let got = &actual["decision"]["error"]["location"];
        ensure!(got == location, "thrown location: expected {location}, got {got}");
    }
    if let Some(commands) = &expected.commands {
        ensure!(actual["commands"] == Value::Array(commands.clone()), "commands differ\noutcome: {}", shown());
    }
    if let Some(logs) = &expected.logs {
        let messages: Vec<&str> = outcome.logs.lines.iter().map(|l| l.message.as_str()).collect();
        ensure!(&messages == logs, "logs: expected {logs:?}, got {messages:?}");
    }
    if let Some(levels) = &expected.log_levels {
        let got: Vec<Value> =
            actual["logs"]["lines"].as_array().into_iter().flatten().map(|l| l["level"].clone()).collect();
        let want: Vec<Value> = levels.iter().map(|l| Value::String(l.clone())).collect();
        ensure!(got == want, "log levels: expected {want:?}, got {got:?}");
    }
    if let Some(stored) = &expected.stored_log {
        ensure!(&outcome.logs.stored == stored, "stored log: expected {stored:?}, got {:?}", outcome.logs.stored);
    }
    if let Some(truncated) = expected.stored_truncated {
        ensure!(outcome.logs.stored_truncated == truncated, "stored_truncated: expected {truncated}");
    }
    if let Some(warnings) = &expected.warnings {
        let got = actual["warnings"].as_array().cloned().unwrap_or_default();
        ensure!(
            got.len() == warnings.len() && warnings.iter().zip(&got).all(|(w, g)| is_subset(w, g)),
            "warnings: expected {warnings:?}, got {got:?}"
        );
    }
    if let Some(Fuel { about }) = expected.fuel {
        let used = outcome.usage.fuel;
        ensure!(
            used.abs_diff(about) * 100 <= about * FUEL_TOLERANCE_PERCENT,
            "fuel: expected about {about} (within {FUEL_TOLERANCE_PERCENT} %), used {used}"
        );
    }
    if let Some(max) = expected.max_wall_ms {
        ensure!(wall <= Duration::from_millis(max), "the execution took {wall:?}, more than {max} ms");
    }
    Ok(())
}

/// Whether every key of `expected` (recursively, for objects) has the same value in `actual`.
pub fn is_subset(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => {
            want.iter().all(|(key, value)| got.get(key).is_some_and(|g| is_subset(value, g)))
        }
        _ => expected == actual,
    }
}
