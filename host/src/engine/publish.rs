//! [`Engine::publish_module`]: an Action Module into a local registry (`deps/registry.rs`).

use std::path::Path;

use super::Engine;
use crate::deps::{DependencyError, Manifest, PublishedModule, Registry, SyntaxHint};
use crate::error::{Error, Result};
use crate::limits::MAX_DEPENDENCY_FILE_BYTES;

impl Engine {
    /// Publishes the Action Module in `dir` into `registry`, frozen as it is now: its
    /// files and its `node_modules`. Its `package.json` names it and its version (exact),
    /// pins its npm dependencies (installed as pinned), and has a main file.
    ///
    /// Refused, with the file that says why: a version already published, a manifest
    /// without a name or an exact version, `actionbox.modules` in it, and any of its own
    /// files (outside `node_modules`) that requires `actions:...`: a module may not use
    /// another. The files are parsed by the guest, in the sandbox.
    pub async fn publish_module(&self, registry: &Registry, dir: &Path) -> Result<PublishedModule> {
        let refuse = |file: &str, reason| Error::Dependency { file: file.to_owned(), reason };
        let manifest = Manifest::read(dir).map_err(|reason| refuse("package.json", reason))?.ok_or_else(|| {
            refuse("package.json", DependencyError::Manifest("an Action Module needs a package.json".into()))
        })?;
        let name = manifest.name.clone().filter(|name| crate::deps::is_package_name(name)).ok_or_else(|| {
            refuse("package.json", DependencyError::Manifest("`name` is missing or not a package name".into()))
        })?;
        let version = manifest.version.clone().filter(|v| crate::deps::is_exact_version(v)).ok_or_else(|| {
            refuse("package.json", DependencyError::Manifest("`version` is missing or not one exact version".into()))
        })?;
        if !manifest.modules.is_empty() {
            let specifier = format!("actions:{}", manifest.modules.keys().next().expect("not empty"));
            return Err(refuse("package.json", DependencyError::ModuleRequiresModule { specifier, location: None }));
        }
        manifest.check_installed(dir).map_err(|reason| refuse("package.json", reason))?;
        if registry.is_published(&name, &version) {
            return Err(refuse("package.json", DependencyError::AlreadyPublished { name, version }));
        }
        self.refuse_module_requires(dir, dir).await?;
        registry.store(dir, &name, &version).map_err(|reason| refuse("package.json", reason))?;
        Ok(PublishedModule { name, versions: vec![version] })
    }

    /// Scans the module's own scripts under `dir` (not `node_modules`) for `actions:...`.
    async fn refuse_module_requires(&self, module: &Path, dir: &Path) -> Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| Error::Dependency {
                file: dir.display().to_string(),
                reason: DependencyError::Unreadable(e.to_string()),
            })?
            .filter_map(std::result::Result::ok)
            .collect();
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            let Ok(file_type) = entry.file_type() else { continue };
            let path = entry.path();
            let shown = path.strip_prefix(module).unwrap_or(&path).display().to_string();
            if file_type.is_dir() {
                if entry.file_name() != "node_modules" && entry.file_name() != ".git" {
                    Box::pin(self.refuse_module_requires(module, &path)).await?;
                }
                continue;
            }
            let script = matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "cjs" | "mjs"));
            if !file_type.is_file() || !script {
                continue;
            }
            let refuse = |reason| Error::Dependency { file: shown.clone(), reason };
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            if size > MAX_DEPENDENCY_FILE_BYTES as u64 {
                return Err(refuse(DependencyError::TooLarge {
                    size: size as usize,
                    limit: MAX_DEPENDENCY_FILE_BYTES,
                }));
            }
            let source =
                std::fs::read_to_string(&path).map_err(|e| refuse(DependencyError::Unreadable(e.to_string())))?;
            let hint =
                if path.extension().is_some_and(|e| e == "mjs") { SyntaxHint::Esm } else { SyntaxHint::CommonJs };
            let scan = self.scan(&shown, &source, hint).await?;
            if let Some(request) = scan.requests.iter().find(|r| r.specifier.starts_with("actions:")) {
                return Err(refuse(DependencyError::ModuleRequiresModule {
                    specifier: request.specifier.clone(),
                    location: Some(request.location),
                }));
            }
        }
        Ok(())
    }
}
