//! Node's module resolution for an Action's dependency graph, with `oxc_resolver`.
//!
//! The conditions are Node 22's: `node`, then `require` or `import` (as the file asks),
//! `module-sync` and `default`; `main`, `exports`/`imports`, directory `index`, `.js` and
//! `.json` as Node tries them; the `browser` field is not read. A name Node would find
//! among its own modules is a built-in: one the guest offers
//! ([`actionbox_contract::builtins`]), or refused. Every file must lie inside the
//! Action's directory (symbolic links are followed, then checked), or inside the
//! directory of an Action Module it pins ([`Resolver::add_module_root`]), and `NODE_PATH`
//! is not read: what compiles is what those directories hold.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use oxc_resolver::{ModuleType, ResolveError, ResolveOptions};

/// How a resolved file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A script Node reads as CommonJS unless it has ES module syntax.
    CommonJs,
    /// An ES module by its extension or its package's `type`.
    Esm,
    Json,
}

/// Where a name leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    File {
        path: PathBuf,
        kind: FileKind,
    },
    /// A built-in module of the guest, by its name without `node:`.
    Builtin(String),
}

/// Why a name leads nowhere usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    NotFound,
    UnsupportedBuiltin,
    NativeAddon(String),
    Outside(PathBuf),
    /// A malformed `package.json` or `exports` field, with the resolver's message.
    Invalid(String),
}

pub struct Resolver {
    require: oxc_resolver::Resolver,
    import: oxc_resolver::Resolver,
    /// The Action's directory, canonical.
    root: PathBuf,
    /// The directories of the Action Modules it uses, canonical, each with the path its
    /// files have in the artifact (`actions/<name>@<version>`).
    module_roots: Vec<(PathBuf, String)>,
    /// Per package directory: whether it builds a native addon.
    native: HashMap<PathBuf, bool>,
}

impl Resolver {
    /// A resolver for the files under `root`, which must exist.
    pub fn new(root: &Path) -> std::io::Result<Self> {
        let root = root.canonicalize()?;
        let options = |condition: &str| ResolveOptions {
            condition_names: vec!["node".into(), condition.into(), "module-sync".into(), "default".into()],
            extensions: vec![".js".into(), ".json".into(), ".node".into()],
            main_fields: vec!["main".into()],
            main_files: vec!["index".into()],
            modules: vec!["node_modules".into()],
            alias_fields: vec![],
            builtin_modules: true,
            module_type: true,
            node_path: false,
            symlinks: true,
            ..ResolveOptions::default()
        };
        let require = oxc_resolver::Resolver::new(options("require"));
        let import = require.clone_with_options(options("import"));
        Ok(Resolver { require, import, root, module_roots: Vec::new(), native: HashMap::new() })
    }

    /// The Action's directory, canonical.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Lets files under `dir`, an Action Module's directory, be resolved, shown as
    /// `prefix/...`. Returns the directory, canonical.
    pub fn add_module_root(&mut self, dir: &Path, prefix: String) -> std::io::Result<PathBuf> {
        let dir = dir.canonicalize()?;
        if !self.module_roots.iter().any(|(root, _)| *root == dir) {
            self.module_roots.push((dir.clone(), prefix));
        }
        Ok(dir)
    }

    /// Whether `path` lies in an Action Module's directory.
    pub fn in_module(&self, path: &Path) -> bool {
        self.module_roots.iter().any(|(root, _)| path.starts_with(root))
    }

    /// What `specifier`, asked for by the file `from` (by `import` when `import`), leads to.
    pub fn resolve(&mut self, from: &Path, specifier: &str, import: bool) -> Result<Resolved, Unresolved> {
        let dir = from.parent().unwrap_or(&self.root);
        let resolver = if import { &self.import } else { &self.require };
        let resolution = match resolver.resolve(dir, specifier) {
            Ok(resolution) => resolution,
            Err(ResolveError::Builtin { resolved, .. }) => {
                let name = resolved.strip_prefix("node:").unwrap_or(&resolved);
                return if actionbox_contract::builtins::is_builtin(name) {
                    Ok(Resolved::Builtin(name.to_owned()))
                } else {
                    Err(Unresolved::UnsupportedBuiltin)
                };
            }
            Err(ResolveError::NotFound(_) | ResolveError::MatchedAliasNotFound(..)) => {
                return Err(Unresolved::NotFound);
            }
            Err(ResolveError::IOError(e)) if std::io::Error::from(e.clone()).kind() == std::io::ErrorKind::NotFound => {
                return Err(Unresolved::NotFound);
            }
            Err(ResolveError::Json(e)) => {
                return Err(Unresolved::Invalid(format!(
                    "{} is not valid JSON: {}",
                    self.relative(&e.path),
                    e.message
                )));
            }
            Err(e) => return Err(Unresolved::Invalid(e.to_string())),
        };
        let path = resolution.path().to_path_buf();
        if !path.starts_with(&self.root) && !self.in_module(&path) {
            return Err(Unresolved::Outside(path));
        }
        let kind = match resolution.module_type() {
            Some(ModuleType::Addon) => {
                return Err(Unresolved::NativeAddon(format!("the compiled file {}", self.relative(&path))));
            }
            Some(ModuleType::Wasm) => return Err(Unresolved::Invalid("WebAssembly modules are not supported".into())),
            Some(ModuleType::Json) => FileKind::Json,
            Some(ModuleType::Module) => FileKind::Esm,
            Some(ModuleType::CommonJs) | None => FileKind::CommonJs,
        };
        if let Some(package) = resolution.package_json() {
            let dir = package.path().parent().unwrap_or(&self.root).to_path_buf();
            let is_root = dir == self.root || self.module_roots.iter().any(|(root, _)| *root == dir);
            if !is_root && self.builds_native_addon(dir.clone()) {
                return Err(Unresolved::NativeAddon(format!("its package {} has a binding.gyp", self.relative(&dir))));
            }
        }
        Ok(Resolved::File { path, kind })
    }

    /// `path` from the Action's directory, with `/` between parts; a file of an Action
    /// Module as `actions/<name>@<version>/...`.
    pub fn relative(&self, path: &Path) -> String {
        let parts = |relative: &Path| {
            relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
        };
        for (root, prefix) in &self.module_roots {
            if let Ok(relative) = path.strip_prefix(root) {
                let rest = parts(relative);
                return if rest.is_empty() { prefix.clone() } else { format!("{prefix}/{rest}") };
            }
        }
        parts(path.strip_prefix(&self.root).unwrap_or(path))
    }

    fn builds_native_addon(&mut self, dir: PathBuf) -> bool {
        *self.native.entry(dir).or_insert_with_key(|dir| dir.join("binding.gyp").is_file())
    }
}
