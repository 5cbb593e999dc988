//! `actionbox deps install`: npm installs the Action's dependencies (and any named on
//! the command line) with scripts off, then every version in `package.json` is pinned to
//! the exact version installed, so what compiles is what was installed and nothing is
//! upgraded silently. npm keeps `package-lock.json` beside it.
//!
//! At most [`MAX_DIRECT_DEPENDENCIES`] direct dependencies, checked before npm runs.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use actionbox::deps::{MAX_DIRECT_DEPENDENCIES, Manifest, is_package_name};
use serde_json::{Map, Value};

use super::{npm_present, read_text};
use crate::exit::Failure;

/// Installs the dependencies of the Action in `dir`, adding `packages` (npm's `name`,
/// `name@version` or `name@range`), and pins them. Returns the pinned `name@version`s.
pub fn install(dir: &Path, packages: &[String]) -> Result<Vec<String>, Failure> {
    let manifest_path = dir.join("package.json");
    let text = read_text(&manifest_path)?;
    let mut manifest: Map<String, Value> = match &text {
        Some(text) => match serde_json::from_str(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return Err(Failure::invalid_input(format!("{} is not a JSON object", manifest_path.display()))),
            Err(e) => return Err(Failure::invalid_input(format!("{}: {e}", manifest_path.display()))),
        },
        None => Map::new(),
    };
    let mut names: BTreeSet<String> = dependencies(&manifest).keys().cloned().collect();
    for package in packages {
        names.insert(package_name(package).ok_or_else(|| {
            Failure::invalid_input(format!("`{package}` is not a package name, `name@version` or `name@range`"))
        })?);
    }
    if names.len() > MAX_DIRECT_DEPENDENCIES {
        return Err(Failure::invalid_input(format!(
            "an Action may have at most {MAX_DIRECT_DEPENDENCIES} direct npm dependencies; this would make {}",
            names.len()
        )));
    }
    npm_present()?;
    if text.is_none() {
        manifest.insert("private".into(), Value::Bool(true));
        manifest.insert("dependencies".into(), Value::Object(Map::new()));
        write_manifest(&manifest_path, &manifest)?;
    }
    let status = Command::new("npm")
        .args(["install", "--ignore-scripts", "--save-exact", "--no-audit", "--no-fund", "--no-update-notifier"])
        .args(packages)
        .current_dir(dir)
        .stdout(std::io::stderr())
        .status()
        .map_err(|e| Failure::io(format!("starting npm: {e}")))?;
    if !status.success() {
        return Err(Failure::invalid_input(format!("npm install failed ({status}); its output is above")));
    }
    pin(dir, &manifest_path)
}

/// Rewrites every dependency's version in `package.json` as the exact version installed.
fn pin(dir: &Path, manifest_path: &Path) -> Result<Vec<String>, Failure> {
    let text = read_text(manifest_path)?.ok_or_else(|| Failure::io("npm removed package.json".into()))?;
    let mut manifest: Map<String, Value> = serde_json::from_str(&text)
        .map_err(|e| Failure::invalid_input(format!("{} after npm install: {e}", manifest_path.display())))?;
    let mut pinned = Vec::new();
    if let Some(Value::Object(dependencies)) = manifest.get_mut("dependencies") {
        for (name, version) in dependencies.iter_mut() {
            let installed = read_text(&dir.join("node_modules").join(name).join("package.json"))?
                .and_then(|text| serde_json::from_str::<Value>(&text).ok())
                .and_then(|package| package.get("version").and_then(Value::as_str).map(str::to_owned))
                .ok_or_else(|| Failure::invalid_input(format!("npm did not install `{name}` into node_modules")))?;
            *version = Value::String(installed.clone());
            pinned.push(format!("{name}@{installed}"));
        }
    }
    write_manifest(manifest_path, &manifest)?;
    // What `compile` will read agrees.
    let read = Manifest::read(dir).map_err(|e| Failure::invalid_input(format!("{}: {e}", manifest_path.display())))?;
    if let Some(read) = read {
        read.check_installed(dir).map_err(|e| Failure::invalid_input(e.to_string()))?;
    }
    Ok(pinned)
}

fn dependencies(manifest: &Map<String, Value>) -> Map<String, Value> {
    match manifest.get("dependencies") {
        Some(Value::Object(dependencies)) => dependencies.clone(),
        _ => Map::new(),
    }
}

fn write_manifest(path: &Path, manifest: &Map<String, Value>) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(manifest).expect("a manifest serializes");
    text.push('\n');
    std::fs::write(path, text).map_err(|e| Failure::io(format!("writing {}: {e}", path.display())))
}

/// The package name of an npm install argument: `lodash`, `lodash@4.17.21`,
/// `@scope/name@^1`. `None` for what is not one (a path, a URL, an empty name).
fn package_name(spec: &str) -> Option<String> {
    let (scope, rest) = match spec.strip_prefix('@') {
        Some(rest) => {
            let (scope, rest) = rest.split_once('/')?;
            (Some(scope), rest)
        }
        None => (None, spec),
    };
    let name = rest.split_once('@').map_or(rest, |(name, _)| name);
    let name = match scope {
        Some(scope) => format!("@{scope}/{name}"),
        None => name.to_owned(),
    };
    is_package_name(&name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::package_name;

    #[test]
    fn install_arguments_name_their_package() {
        assert_eq!(package_name("lodash").as_deref(), Some("lodash"));
        assert_eq!(package_name("lodash@4.17.21").as_deref(), Some("lodash"));
        assert_eq!(package_name("@auth0/auth0-spa-js@^2").as_deref(), Some("@auth0/auth0-spa-js"));
        assert_eq!(package_name("js-yaml@latest").as_deref(), Some("js-yaml"));
        for bad in ["", "./local", "../x", "https://example.com/x.tgz", "@scope", "Upper", "a b"] {
            assert_eq!(package_name(bad), None, "{bad}");
        }
    }
}
