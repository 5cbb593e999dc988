//! The local registry of Action Modules: shared code an Action `require`s as
//! `actions:<name>`, at the version its manifest pins.
//!
//! The registry is a directory (by default `<data dir>/modules`, see
//! [`Registry::default_dir`]):
//!
//! ```text
//! <registry>/<name>/<version>/package.json    name, version, pinned npm dependencies
//! <registry>/<name>/<version>/...             the module's files, as published
//! <registry>/<name>/<version>/node_modules/   its npm dependencies, as installed then
//! ```
//!
//! Publishing copies the module's directory there, `node_modules` included, so its npm
//! dependencies are frozen with it; a version once published is never replaced, and an
//! Action gets the version it pins, never a newer one. A module may not require another
//! Action Module (refused at publish and at compile time). Copying leaves symbolic links
//! out (npm's `.bin` holds nothing a module requires) and writes the version under a
//! temporary name first, so an interrupted publish leaves no half version behind.

use std::path::{Path, PathBuf};

use super::DependencyError;

/// A local registry of Action Modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    dir: PathBuf,
}

/// One module of a registry and its published versions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PublishedModule {
    pub name: String,
    /// Oldest first, by their numbers.
    pub versions: Vec<String>,
}

impl Registry {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Registry { dir: dir.into() }
    }

    /// `modules` under actionbox's data directory (`ACTIONBOX_DATA_DIR`, or
    /// `$XDG_DATA_HOME/actionbox`, or `~/.local/share/actionbox`).
    pub fn default_dir() -> Option<PathBuf> {
        crate::config::data_dir().map(|dir| dir.join("modules"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where version `version` of `name` is, published or not.
    pub fn module_dir(&self, name: &str, version: &str) -> PathBuf {
        self.dir.join(name).join(version)
    }

    /// Whether version `version` of `name` is published.
    pub fn is_published(&self, name: &str, version: &str) -> bool {
        self.module_dir(name, version).join("package.json").is_file()
    }

    /// Every module and its versions, by name.
    pub fn list(&self) -> std::io::Result<Vec<PublishedModule>> {
        let mut modules = Vec::new();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(modules),
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('@') && entry.file_type()?.is_dir() {
                // A scope: its modules are one level down.
                for scoped in std::fs::read_dir(entry.path())? {
                    let scoped = scoped?;
                    let full = format!("{name}/{}", scoped.file_name().to_string_lossy());
                    self.push_versions(&mut modules, full)?;
                }
            } else if entry.file_type()?.is_dir() {
                self.push_versions(&mut modules, name)?;
            }
        }
        modules.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(modules)
    }

    fn push_versions(&self, modules: &mut Vec<PublishedModule>, name: String) -> std::io::Result<()> {
        let mut versions: Vec<String> = std::fs::read_dir(self.dir.join(&name))?
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|version| !version.contains(".partial-") && self.is_published(&name, version))
            .collect();
        versions.sort_by_key(|version| version_key(version));
        if !versions.is_empty() {
            modules.push(PublishedModule { name, versions });
        }
        Ok(())
    }

    /// Copies the module in `source` as version `version` of `name`.
    pub(crate) fn store(&self, source: &Path, name: &str, version: &str) -> Result<PathBuf, DependencyError> {
        if self.is_published(name, version) {
            return Err(DependencyError::AlreadyPublished { name: name.to_owned(), version: version.to_owned() });
        }
        let target = self.module_dir(name, version);
        let scratch = target.with_file_name(format!("{version}.partial-{}", std::process::id()));
        let failed =
            |e: std::io::Error| DependencyError::Unreadable(format!("publishing to {}: {e}", target.display()));
        let _ = std::fs::remove_dir_all(&scratch);
        copy_dir(source, &scratch).map_err(failed)?;
        std::fs::rename(&scratch, &target).map_err(|e| {
            let _ = std::fs::remove_dir_all(&scratch);
            failed(e)
        })?;
        Ok(target)
    }
}

/// Copies the regular files and directories under `from` into `to`, leaving symbolic
/// links and version-control folders out.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let file_type = entry.file_type()?;
        let name = entry.file_name();
        if file_type.is_dir() {
            if name != ".git" {
                copy_dir(&entry.path(), &to.join(&name))?;
            }
        } else if file_type.is_file() {
            std::fs::copy(entry.path(), to.join(&name))?;
        }
    }
    Ok(())
}

/// Sorts `1.10.0` after `1.9.0`, a pre-release before its release.
fn version_key(version: &str) -> (Vec<u64>, bool, String) {
    let (core, pre) = version.split_once('-').unwrap_or((version, ""));
    let numbers = core.split('.').map(|part| part.parse().unwrap_or(0)).collect();
    (numbers, pre.is_empty(), pre.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_sort_by_their_numbers() {
        let mut versions = vec!["1.10.0", "1.9.0", "2.0.0-beta.1", "2.0.0", "1.9.0-rc.1"];
        versions.sort_by_key(|v| version_key(v));
        assert_eq!(versions, ["1.9.0-rc.1", "1.9.0", "1.10.0", "2.0.0-beta.1", "2.0.0"]);
    }
}
