//! [`Manifest`]: what an Action's `package.json` says about its dependencies.
//!
//! The manifest is the `package.json` in the Action's directory, as npm writes it, with
//! an optional `actionbox` object:
//!
//! ```json
//! {
//!   "dependencies": { "lodash": "4.17.21" },
//!   "actionbox": { "runtime": "node22", "modules": { "greeting": "1.2.0" } }
//! }
//! ```
//!
//! `actionbox.modules` pins the Action Modules it may `require('actions:<name>')`, each
//! to one version of the registry (`registry.rs`).
//!
//! Every dependency is pinned to one exact version (a range would let a later install
//! upgrade it silently), at most [`MAX_DIRECT_DEPENDENCIES`] of them, and the version
//! installed in `node_modules` must be the pinned one. No manifest means no npm
//! packages: the Action may `require` built-in modules only.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use super::DependencyError;
use crate::action::NodeRuntime;

pub use crate::limits::MAX_NPM_DEPENDENCIES as MAX_DIRECT_DEPENDENCIES;

/// The largest `package.json` read.
const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;

/// An Action's manifest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    /// Package name → exact version.
    pub dependencies: BTreeMap<String, String>,
    /// `node22` (the default) or `node18`.
    pub runtime: NodeRuntime,
    /// Action Module name → exact version.
    pub modules: BTreeMap<String, String>,
    /// The package's own `name` and `version`, when it has them (an Action Module must).
    pub name: Option<String>,
    pub version: Option<String>,
}

impl Manifest {
    /// Reads `package.json` in `dir`; `Ok(None)` when there is none.
    pub fn read(dir: &Path) -> Result<Option<Manifest>, DependencyError> {
        let path = dir.join("package.json");
        let Some(text) = read_small(&path)? else { return Ok(None) };
        Manifest::parse(&text).map(Some)
    }

    /// Parses a manifest's text.
    pub fn parse(text: &str) -> Result<Manifest, DependencyError> {
        let bad = |message: String| DependencyError::Manifest(message);
        let value: Value =
            serde_json::from_str(text).map_err(|e| bad(format!("package.json is not valid JSON: {e}")))?;
        let Value::Object(object) = value else { return Err(bad("package.json is not a JSON object".into())) };
        let mut manifest = Manifest {
            name: object.get("name").and_then(Value::as_str).map(str::to_owned),
            version: object.get("version").and_then(Value::as_str).map(str::to_owned),
            ..Manifest::default()
        };
        match object.get("dependencies") {
            None | Some(Value::Null) => {}
            Some(Value::Object(dependencies)) => {
                if dependencies.len() > MAX_DIRECT_DEPENDENCIES {
                    return Err(bad(format!(
                        "package.json declares {} dependencies; an Action may have at most {MAX_DIRECT_DEPENDENCIES}",
                        dependencies.len()
                    )));
                }
                for (name, version) in dependencies {
                    let Some(version) = version.as_str().filter(|v| is_exact_version(v)) else {
                        return Err(bad(format!(
                            "the dependency `{name}` is not pinned to one version ({version}): write an exact version such as \"1.2.3\", or run `actionbox deps install`"
                        )));
                    };
                    if !is_package_name(name) {
                        return Err(bad(format!("`{}` is not an npm package name", name.escape_debug())));
                    }
                    manifest.dependencies.insert(name.clone(), version.to_owned());
                }
            }
            Some(_) => return Err(bad("`dependencies` in package.json is not an object".into())),
        }
        if let Some(settings) = object.get("actionbox") {
            let Value::Object(settings) = settings else {
                return Err(bad("`actionbox` in package.json is not an object".into()));
            };
            for (key, value) in settings {
                match key.as_str() {
                    "runtime" => {
                        manifest.runtime = value.as_str().and_then(NodeRuntime::from_name).ok_or_else(|| {
                            let names: Vec<&str> = NodeRuntime::ALL.iter().map(|r| r.name()).collect();
                            bad(format!("`actionbox.runtime` must be one of {}, not {value}", names.join(", ")))
                        })?;
                    }
                    "modules" => {
                        let Value::Object(modules) = value else {
                            return Err(bad("`actionbox.modules` in package.json is not an object".into()));
                        };
                        for (name, version) in modules {
                            let Some(version) = version.as_str().filter(|v| is_exact_version(v)) else {
                                return Err(bad(format!(
                                    "the Action Module `{name}` is not pinned to one version ({version}): write an exact version such as \"1.2.3\""
                                )));
                            };
                            if !is_package_name(name) {
                                return Err(bad(format!("`{}` is not an Action Module name", name.escape_debug())));
                            }
                            manifest.modules.insert(name.clone(), version.to_owned());
                        }
                    }
                    other => {
                        return Err(bad(format!(
                            "`actionbox.{other}` in package.json is not a setting actionbox knows"
                        )));
                    }
                }
            }
        }
        Ok(manifest)
    }

    /// Checks that each dependency is installed under `dir/node_modules` at its pinned
    /// version.
    pub fn check_installed(&self, dir: &Path) -> Result<(), DependencyError> {
        for (name, pinned) in &self.dependencies {
            let path = dir.join("node_modules").join(name).join("package.json");
            let installed = read_small(&path)?
                .and_then(|text| serde_json::from_str::<Value>(&text).ok())
                .and_then(|value| value.get("version").and_then(Value::as_str).map(str::to_owned));
            match installed {
                None => {
                    return Err(DependencyError::Manifest(format!(
                        "the dependency `{name}` ({pinned}) is not installed in node_modules: run `actionbox deps install`"
                    )));
                }
                Some(version) if version != *pinned => {
                    return Err(DependencyError::Manifest(format!(
                        "node_modules holds `{name}` {version}, but package.json pins {pinned}: run `actionbox deps install`"
                    )));
                }
                Some(_) => {}
            }
        }
        Ok(())
    }
}

/// A file's text, or `None` when it does not exist; refused past [`MAX_MANIFEST_BYTES`].
fn read_small(path: &Path) -> Result<Option<String>, DependencyError> {
    let unreadable = |e: std::io::Error| DependencyError::Unreadable(format!("{}: {e}", path.display()));
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    if metadata.len() > MAX_MANIFEST_BYTES {
        return Err(DependencyError::Manifest(format!(
            "{} is {} bytes; a package.json may have at most {MAX_MANIFEST_BYTES}",
            path.display(),
            metadata.len()
        )));
    }
    std::fs::read_to_string(path).map(Some).map_err(unreadable)
}

/// `1.2.3`, `1.2.3-beta.1`, `1.2.3+build`: one version, not a range or a tag.
pub(crate) fn is_exact_version(version: &str) -> bool {
    let (core, _) = version.split_once('+').unwrap_or((version, ""));
    let (core, pre) = core.split_once('-').unwrap_or((core, ""));
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && pre.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// An npm package name: `name` or `@scope/name`, in npm's characters, no path tricks.
pub fn is_package_name(name: &str) -> bool {
    let plain = |part: &str| {
        !part.is_empty()
            && !part.starts_with('.')
            && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._~".contains(&b))
    };
    match name.strip_prefix('@') {
        Some(scoped) => scoped.split_once('/').is_some_and(|(scope, name)| plain(scope) && plain(name)),
        None => name.len() <= 214 && plain(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_must_be_exact() {
        for exact in ["1.2.3", "0.0.1-beta.2", "4.17.21+build.5"] {
            assert!(is_exact_version(exact), "{exact}");
        }
        for range in ["^1.2.3", "~1.2.3", "1.x", "latest", ">=1.0.0", "1.2", "", "1.2.3 || 2.0.0"] {
            assert!(!is_exact_version(range), "{range}");
        }
    }

    #[test]
    fn a_manifest_is_checked() {
        let ok = Manifest::parse(
            r#"{"dependencies":{"lodash":"4.17.21","@scope/x":"1.0.0"},"actionbox":{"runtime":"node18"}}"#,
        )
        .unwrap();
        assert_eq!(ok.dependencies.len(), 2);
        assert_eq!(ok.runtime, NodeRuntime::Node18);
        let modules =
            Manifest::parse(r#"{"name":"m","version":"1.0.0","actionbox":{"modules":{"greeting":"1.2.0"}}}"#).unwrap();
        assert_eq!(modules.modules.get("greeting").map(String::as_str), Some("1.2.0"));
        assert_eq!((modules.name.as_deref(), modules.version.as_deref()), (Some("m"), Some("1.0.0")));
        for bad in [
            r#"{"dependencies":{"lodash":"^4.17.21"}}"#,
            r#"{"dependencies":{"../x":"1.0.0"}}"#,
            r#"{"dependencies":[]}"#,
            r#"{"actionbox":{"runtime":"node16"}}"#,
            r#"{"actionbox":{"unknown":1}}"#,
            r#"{"actionbox":{"modules":{"greeting":"^1.0.0"}}}"#,
            r#"{"actionbox":{"modules":{"../x":"1.0.0"}}}"#,
            r#"{"actionbox":{"modules":[]}}"#,
            r#"[]"#,
            r#"{"#,
        ] {
            assert!(matches!(Manifest::parse(bad), Err(DependencyError::Manifest(_))), "{bad}");
        }
        let many: Vec<String> = (0..11).map(|i| format!("\"p{i}\":\"1.0.0\"")).collect();
        let text = format!("{{\"dependencies\":{{{}}}}}", many.join(","));
        assert!(matches!(Manifest::parse(&text), Err(DependencyError::Manifest(_))));
    }
}
