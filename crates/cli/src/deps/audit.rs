//! `actionbox deps audit`: the installed packages (every one `package-lock.json` lists,
//! with its version) checked against the security advisories of the npm registry's bulk
//! advisory endpoint (`POST <registry>/-/npm/v1/security/advisories/bulk`, the one
//! `npm audit` uses). The registry is `--registry`, else npm's configured one.
//!
//! A registry that cannot be reached or does not answer with advisories is a failure
//! that says so: an audit that did not happen never reads as a clean one.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use super::read_text;
use crate::exit::Failure;

/// How long the audit service has to answer.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer read, in bytes.
const MAX_ANSWER_BYTES: usize = 16 * 1024 * 1024;

/// One advisory the registry reports.
#[derive(Debug, Deserialize)]
pub struct Advisory {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub severity: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub vulnerable_versions: String,
}

/// The advisories of the packages installed in `dir`, by package name, and how many
/// packages were checked.
pub async fn audit(dir: &Path, registry: Option<&str>) -> Result<(BTreeMap<String, Vec<Advisory>>, usize), Failure> {
    let installed = installed(dir)?;
    let registry = match registry {
        Some(registry) => registry.to_owned(),
        None => configured_registry(),
    };
    let endpoint = format!("{}/-/npm/v1/security/advisories/bulk", registry.trim_end_matches('/'));
    let unreachable =
        |reason: String| Failure::io(format!("could not reach the audit service at {endpoint}: {reason}"));
    let client = reqwest::Client::builder().timeout(TIMEOUT).build().map_err(|e| unreachable(e.to_string()))?;
    let request = serde_json::to_vec(&installed).expect("a map of versions serializes");
    let response = client
        .post(&endpoint)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(request)
        .send()
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(unreachable(format!("it answered {status}")));
    }
    if response.content_length().is_some_and(|length| length > MAX_ANSWER_BYTES as u64) {
        return Err(unreachable("its answer is too large".into()));
    }
    let body = response.bytes().await.map_err(|e| unreachable(e.to_string()))?;
    if body.len() > MAX_ANSWER_BYTES {
        return Err(unreachable("its answer is too large".into()));
    }
    let advisories: BTreeMap<String, Vec<Advisory>> = serde_json::from_slice(&body)
        .map_err(|e| unreachable(format!("its answer is not a list of advisories ({e})")))?;
    Ok((advisories, installed.len()))
}

/// Every package `package-lock.json` lists as installed, with its versions.
fn installed(dir: &Path) -> Result<BTreeMap<String, Vec<String>>, Failure> {
    let path = dir.join("package-lock.json");
    let text = read_text(&path)?.ok_or_else(|| {
        Failure::invalid_input(format!("{} is missing: run `actionbox deps install` first", path.display()))
    })?;
    let lock: Value =
        serde_json::from_str(&text).map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))?;
    let Some(packages) = lock.get("packages").and_then(Value::as_object) else {
        return Err(Failure::invalid_input(format!(
            "{} has no `packages` (lockfile version 2 or later, from npm 7 or later)",
            path.display()
        )));
    };
    let mut installed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (location, package) in packages {
        // `node_modules/a/node_modules/b` is b; "" is the Action's own directory.
        let Some(at) = location.rfind("node_modules/") else { continue };
        let name = &location[at + "node_modules/".len()..];
        let Some(version) = package.get("version").and_then(Value::as_str) else { continue };
        if package.get("link").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let versions = installed.entry(name.to_owned()).or_default();
        if !versions.iter().any(|v| v == version) {
            versions.push(version.to_owned());
        }
    }
    Ok(installed)
}

/// npm's configured registry, or the public one.
fn configured_registry() -> String {
    Command::new("npm")
        .args(["config", "get", "registry"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|text| text.trim().to_owned())
        .filter(|registry| registry.starts_with("http://") || registry.starts_with("https://"))
        .unwrap_or_else(|| "https://registry.npmjs.org".to_owned())
}
