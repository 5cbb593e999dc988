//! The walk over an Action's dependency graph at compile time: from the names the
//! Action's own file asks for, every file they lead to, each read once, scanned and
//! compiled by the guest ([`Engine::prepare_module`]), its names resolved in turn.
//!
//! What cannot be used is named with the file and line that asks for it: a module that is
//! not installed, a built-in actionbox does not offer, a native addon, a file outside the
//! Action's directory. Inside a `try` block (an optional dependency), or through
//! `require.resolve` (a probe), it is a warning and the name leads nowhere at run time,
//! as it would in Node.
//!
//! `actions:<name>` is the Action Module of that name at the version the manifest pins,
//! from the registry; its directory then resolves as the Action's does, and a module may
//! not require another.
//!
//! A file that calls `require` or `import()` with a name computed at run time may reach
//! any file of its package, so its whole package is packaged (its `.js`, `.cjs`, `.mjs`
//! and `.json` files outside nested `node_modules`, symbolic links left out), with the
//! package's `main` for `find.rs`, and the `main` of each package it declares as a
//! dependency (the name computed may be one of those). Such a file that no literal name reaches and that
//! cannot be packaged (it does not parse, it is too large) does not stop the compilation:
//! it is packaged as a module that throws why when it is required.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use super::manifest::Manifest;
use super::modules::{Directory, Link, Module, ModuleKind, Modules, Target};
use super::registry::Registry;
use super::resolve::{FileKind, Resolved, Resolver, Unresolved};
use super::{DependencyError, DependencyWarning, FileScan, Request, RequestKind, SyntaxHint};
use crate::action::NodeRuntime;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::limits::{MAX_DEPENDENCY_FILE_BYTES, MAX_PACKAGED_MODULES};

/// What the walk produced.
pub(crate) struct Walked {
    pub modules: Modules,
    /// The Node.js version the manifest declares (the default without one).
    pub runtime: NodeRuntime,
    pub warnings: Vec<DependencyWarning>,
}

struct Walk<'e> {
    engine: &'e Engine,
    /// `None` without a project directory: only built-ins resolve.
    resolver: Option<Resolver>,
    ids: HashMap<PathBuf, u32>,
    modules: Vec<Module>,
    queue: VecDeque<(u32, PathBuf, FileKind)>,
    warnings: Vec<DependencyWarning>,
    code_bytes: u64,
    /// The packages packaged whole, by their directory.
    whole: HashSet<PathBuf>,
    directories: Vec<Directory>,
    /// Modules only a package packaged whole brought in (no literal name reaches them).
    unnamed: HashSet<u32>,
    /// Those of them that could not be packaged, and why.
    unpackaged: HashMap<u32, DependencyError>,
    /// Where `actions:<name>` is looked for, and the version of each the manifest pins.
    registry: Option<&'e Registry>,
    pinned_modules: BTreeMap<String, String>,
}

/// Resolves what the Action `filename` asks for (`scan`) from `project`, its directory,
/// and everything that leads to.
pub(crate) async fn walk(
    engine: &Engine,
    project: Option<&Path>,
    registry: Option<&Registry>,
    filename: &str,
    scan: &FileScan,
) -> Result<Walked> {
    let refuse = |reason| Error::Dependency { file: "package.json".into(), reason };
    let mut runtime = NodeRuntime::default();
    let mut pinned_modules = BTreeMap::new();
    let resolver = match project {
        Some(dir) => {
            if let Some(manifest) = Manifest::read(dir).map_err(refuse)? {
                manifest.check_installed(dir).map_err(refuse)?;
                runtime = manifest.runtime;
                pinned_modules = manifest.modules;
            }
            let resolver = Resolver::new(dir).map_err(|e| Error::Dependency {
                file: dir.display().to_string(),
                reason: DependencyError::Unreadable(format!("the Action's directory: {e}")),
            })?;
            Some(resolver)
        }
        None => None,
    };
    let mut walk = Walk {
        engine,
        resolver,
        ids: HashMap::new(),
        modules: Vec::new(),
        queue: VecDeque::new(),
        warnings: Vec::new(),
        code_bytes: 0,
        whole: HashSet::new(),
        directories: Vec::new(),
        unnamed: HashSet::new(),
        unpackaged: HashMap::new(),
        registry,
        pinned_modules,
    };
    let action_path = walk.resolver.as_ref().map(|r| r.root().join(filename));
    let action_links = walk.links(action_path.as_deref(), filename, &scan.requests)?;
    while let Some((id, path, kind)) = walk.queue.pop_front() {
        walk.prepare(id, &path, kind).await?;
    }
    Ok(Walked { modules: Modules::new(action_links, walk.modules, walk.directories), runtime, warnings: walk.warnings })
}

impl Walk<'_> {
    /// The links of the file at `path` (named `shown` in messages), queueing each file
    /// not seen before.
    fn links(&mut self, path: Option<&Path>, shown: &str, requests: &[Request]) -> Result<Vec<Link>> {
        let mut links = Vec::with_capacity(requests.len());
        for request in requests {
            let import = matches!(request.kind, RequestKind::StaticImport | RequestKind::DynamicImport);
            if let Some(name) = request.specifier.strip_prefix("actions:") {
                let target = self.action_module(path, shown, name, request, import)?;
                links.push(Link { specifier: request.specifier.clone(), import, target });
                continue;
            }
            let resolved = match (&mut self.resolver, path) {
                (Some(resolver), Some(path)) => resolver.resolve(path, &request.specifier, import),
                _ => builtin_only(&request.specifier),
            };
            let target = match resolved {
                Ok(Resolved::Builtin(name)) => Target::Builtin(name),
                Ok(Resolved::File { path, kind }) => Target::Module(self.id_of(path, kind)?),
                Err(unresolved) => {
                    let reason = self.explain(unresolved, request);
                    if request.guarded || request.kind == RequestKind::RequireResolve {
                        self.warnings.push(DependencyWarning { file: shown.to_owned(), reason });
                        Target::Missing
                    } else {
                        return Err(Error::Dependency { file: shown.to_owned(), reason });
                    }
                }
            };
            links.push(Link { specifier: request.specifier.clone(), import, target });
        }
        Ok(links)
    }

    /// What `require('actions:<name>')` from the file at `path` (named `shown`) leads to:
    /// the main file of the version of the Action Module `name` the manifest pins, whose
    /// directory then resolves like the Action's own. Refused from an Action Module.
    fn action_module(
        &mut self,
        path: Option<&Path>,
        shown: &str,
        name: &str,
        request: &Request,
        import: bool,
    ) -> Result<Target> {
        let location = Some(request.location);
        let refuse = |reason| Error::Dependency { file: shown.to_owned(), reason };
        if let (Some(resolver), Some(path)) = (&self.resolver, path)
            && resolver.in_module(path)
        {
            return Err(refuse(DependencyError::ModuleRequiresModule {
                specifier: request.specifier.clone(),
                location,
            }));
        }
        let version = self
            .pinned_modules
            .get(name)
            .cloned()
            .ok_or_else(|| refuse(DependencyError::UnpinnedModule { name: name.to_owned(), location }))?;
        let not_published = || {
            refuse(DependencyError::ModuleNotPublished {
                name: name.to_owned(),
                version: version.clone(),
                registry: self
                    .registry
                    .map_or_else(|| "no registry (none was given)".into(), |r| r.dir().display().to_string()),
                location,
            })
        };
        let Some(registry) = self.registry.filter(|r| r.is_published(name, &version)) else {
            return Err(not_published());
        };
        let Some(resolver) = self.resolver.as_mut() else { return Err(not_published()) };
        let root = resolver
            .add_module_root(&registry.module_dir(name, &version), format!("actions/{name}@{version}"))
            .map_err(|_| not_published())?;
        let main = resolver.resolve(&root.join("package.json"), "./", import);
        match main {
            Ok(Resolved::File { path, kind }) => Ok(Target::Module(self.id_of(path, kind)?)),
            Ok(Resolved::Builtin(_)) | Err(_) => Err(refuse(DependencyError::NotFound {
                specifier: format!("{} (its main file)", request.specifier),
                location,
            })),
        }
    }

    fn explain(&self, unresolved: Unresolved, request: &Request) -> DependencyError {
        let specifier = request.specifier.clone();
        let location = Some(request.location);
        match unresolved {
            Unresolved::NotFound => DependencyError::NotFound { specifier, location },
            Unresolved::UnsupportedBuiltin => DependencyError::UnsupportedBuiltin { specifier, location },
            Unresolved::NativeAddon(detail) => DependencyError::NativeAddon { specifier, detail, location },
            Unresolved::Outside(resolved) => {
                DependencyError::OutsideProject { specifier, resolved: resolved.display().to_string(), location }
            }
            Unresolved::Invalid(message) => {
                DependencyError::Manifest(format!("'{specifier}'{}: {message}", crate::error::at(&location)))
            }
        }
    }

    /// The id of the file at `path`, which a literal name leads to, queued for preparing
    /// when it is new.
    fn id_of(&mut self, path: PathBuf, kind: FileKind) -> Result<u32> {
        if let Some(&id) = self.ids.get(&path) {
            self.unnamed.remove(&id);
            if let Some(reason) = self.unpackaged.get(&id) {
                return Err(Error::Dependency { file: self.shown(&path), reason: reason.clone() });
            }
            return Ok(id);
        }
        self.new_id(path, kind)
    }

    /// A new id for the file at `path`, queued for preparing.
    fn new_id(&mut self, path: PathBuf, kind: FileKind) -> Result<u32> {
        if self.modules.len() >= MAX_PACKAGED_MODULES {
            return Err(Error::Dependency {
                file: self.shown(&path),
                reason: DependencyError::TooMany(format!(
                    "the dependency graph has more than {MAX_PACKAGED_MODULES} files"
                )),
            });
        }
        let id = self.modules.len() as u32;
        self.modules.push(Module {
            path: format!("/{}", self.shown(&path)),
            kind: ModuleKind::CommonJs,
            code: Vec::new(),
            links: Vec::new(),
        });
        self.ids.insert(path.clone(), id);
        self.queue.push_back((id, path, kind));
        Ok(id)
    }

    fn shown(&self, path: &Path) -> String {
        match &self.resolver {
            Some(resolver) => resolver.relative(path),
            None => path.display().to_string(),
        }
    }

    /// Packages every file of the package holding `file` (once per package), with its
    /// `main`, for names computed at run time.
    fn package_whole(&mut self, file: &Path) {
        let Some(resolver) = &self.resolver else { return };
        let root = resolver.root().to_path_buf();
        let Some(package) =
            file.ancestors().skip(1).take_while(|dir| *dir != root).find(|dir| dir.join("package.json").is_file())
        else {
            return;
        };
        let package = package.to_path_buf();
        if !self.whole.insert(package.clone()) {
            return;
        }
        let manifest = package.join("package.json");
        let mut files = Vec::new();
        let room = MAX_PACKAGED_MODULES.saturating_sub(self.modules.len());
        let complete = package_files(&package, &package, room, &mut files);
        if !complete {
            self.warnings.push(DependencyWarning {
                file: self.shown(&manifest),
                reason: DependencyError::TooMany(format!(
                    "a file of this package computes the names it requires, and its files would take the \
                     dependency graph past {MAX_PACKAGED_MODULES} files: some are left out"
                )),
            });
        }
        for relative in files {
            let resolved = self.resolver.as_mut().map(|r| r.resolve(&manifest, &format!("./{relative}"), false));
            if let Some(Ok(Resolved::File { path, kind })) = resolved {
                self.unnamed_id(path, kind);
            }
        }
        self.directory_main(&manifest, "./");
        // A computed name may also be one of the package's own dependencies.
        for dependency in declared_dependencies(&manifest) {
            self.directory_main(&manifest, &dependency);
        }
    }

    /// Packages what `specifier` leads to from the package of `manifest` (a package's
    /// directory), and records it as the `main` of that package's directory.
    fn directory_main(&mut self, manifest: &Path, specifier: &str) {
        let Some(Ok(Resolved::File { path, kind })) =
            self.resolver.as_mut().map(|r| r.resolve(manifest, specifier, false))
        else {
            return;
        };
        let Some(root) = self.resolver.as_ref().map(|r| r.root().to_path_buf()) else { return };
        let Some(package) =
            path.ancestors().skip(1).take_while(|dir| *dir != root).find(|dir| dir.join("package.json").is_file())
        else {
            return;
        };
        let directory = format!("/{}", self.shown(package));
        if self.directories.iter().any(|d| d.path == directory) {
            return;
        }
        if let Some(main) = self.unnamed_id(path, kind) {
            self.directories.push(Directory { path: directory, main });
        }
    }

    /// The id of a file of a package packaged whole; `None` past the limit on files.
    fn unnamed_id(&mut self, path: PathBuf, kind: FileKind) -> Option<u32> {
        if let Some(&id) = self.ids.get(&path) {
            return Some(id);
        }
        let id = self.new_id(path, kind).ok()?;
        self.unnamed.insert(id);
        Some(id)
    }

    /// Reads, scans and compiles the file `id`, and resolves what it asks for. A file only
    /// a package packaged whole brought in that cannot be packaged becomes a module that
    /// throws why.
    async fn prepare(&mut self, id: u32, path: &Path, kind: FileKind) -> Result<()> {
        match self.prepare_file(id, path, kind).await {
            Err(Error::Dependency { reason, .. }) if self.unnamed.contains(&id) => {
                let shown = self.shown(path);
                let message = format!("actionbox could not package {shown}: {reason}");
                let source =
                    format!("throw new Error({});", serde_json::to_string(&message).expect("a string serializes"));
                let guest_path = self.modules[id as usize].path.clone();
                let (_, bytecode) =
                    self.engine.prepare_module(&shown, &guest_path, &source, SyntaxHint::CommonJs).await?;
                let module = &mut self.modules[id as usize];
                module.kind = ModuleKind::CommonJs;
                module.code = bytecode;
                module.links = Vec::new();
                self.unpackaged.insert(id, reason);
                Ok(())
            }
            result => result,
        }
    }

    async fn prepare_file(&mut self, id: u32, path: &Path, kind: FileKind) -> Result<()> {
        let shown = self.shown(path);
        let refuse = |reason| Error::Dependency { file: shown.clone(), reason };
        let size = std::fs::metadata(path).map_err(|e| refuse(DependencyError::Unreadable(e.to_string())))?.len();
        if size > MAX_DEPENDENCY_FILE_BYTES as u64 {
            return Err(refuse(DependencyError::TooLarge { size: size as usize, limit: MAX_DEPENDENCY_FILE_BYTES }));
        }
        let source = std::fs::read_to_string(path).map_err(|e| refuse(DependencyError::Unreadable(e.to_string())))?;
        let guest_path = self.modules[id as usize].path.clone();
        let (module_kind, code, links) = match kind {
            FileKind::Json => {
                // Node strips a byte order mark before parsing. Parsed here only to
                // refuse a broken file at compile time; the guest parses it again when it
                // is required.
                let source = source.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(source);
                serde_json::from_str::<serde::de::IgnoredAny>(&source).map_err(|e| {
                    refuse(DependencyError::Syntax {
                        message: format!("invalid JSON: {e}"),
                        location: Some(crate::error::Location { line: e.line() as u32, column: e.column() as u32 }),
                    })
                })?;
                (ModuleKind::Json, source.into_bytes(), Vec::new())
            }
            FileKind::CommonJs | FileKind::Esm => {
                let hint = if kind == FileKind::Esm { SyntaxHint::Esm } else { SyntaxHint::CommonJs };
                let (scan, bytecode) = self.engine.prepare_module(&shown, &guest_path, &source, hint).await?;
                let module_kind = match scan.syntax {
                    super::Syntax::CommonJs => ModuleKind::CommonJs,
                    super::Syntax::Esm => ModuleKind::Esm,
                };
                let links = self.links(Some(path), &shown, &scan.requests)?;
                if !scan.computed.is_empty() {
                    self.package_whole(path);
                }
                (module_kind, bytecode, links)
            }
        };
        self.code_bytes += code.len() as u64;
        let limit = self.engine.config().artifact_limit_bytes();
        if self.code_bytes > limit {
            return Err(refuse(DependencyError::TooMany(format!(
                "the dependency graph compiles to more than the artifact limit of {limit} bytes"
            ))));
        }
        let module = &mut self.modules[id as usize];
        module.kind = module_kind;
        module.code = code;
        module.links = links;
        Ok(())
    }
}

/// The `.js`, `.cjs`, `.mjs` and `.json` files under `dir`, relative to `package` with `/`
/// between parts, leaving out nested `node_modules` and symbolic links; at most `room`
/// of them. Whether all fit.
fn package_files(package: &Path, dir: &Path, room: usize, files: &mut Vec<String>) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return true };
    let mut entries: Vec<_> = entries.filter_map(|entry| entry.ok()).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let Ok(file_type) = entry.file_type() else { continue };
        let path = entry.path();
        if file_type.is_dir() {
            if entry.file_name() != "node_modules" && !package_files(package, &path, room, files) {
                return false;
            }
        } else if file_type.is_file()
            && matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "cjs" | "mjs" | "json"))
        {
            if files.len() >= room {
                return false;
            }
            let relative = path.strip_prefix(package).unwrap_or(&path);
            files.push(relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    true
}

/// The names in the `dependencies`, `optionalDependencies` and `peerDependencies` of the
/// package manifest at `manifest` (none when it does not read as one).
fn declared_dependencies(manifest: &Path) -> Vec<String> {
    let small = std::fs::metadata(manifest).is_ok_and(|m| m.len() <= MAX_DEPENDENCY_FILE_BYTES as u64);
    let Some(text) = small.then(|| std::fs::read_to_string(manifest).ok()).flatten() else { return Vec::new() };
    let Ok(serde_json::Value::Object(fields)) = serde_json::from_str(text.trim_start_matches('\u{feff}')) else {
        return Vec::new();
    };
    ["dependencies", "optionalDependencies", "peerDependencies"]
        .iter()
        .filter_map(|field| fields.get(*field).and_then(|v| v.as_object()))
        .flat_map(|names| names.keys().cloned())
        .collect()
}

/// Without a project directory: a built-in the guest offers, or nothing.
fn builtin_only(specifier: &str) -> std::result::Result<Resolved, Unresolved> {
    let name = specifier.strip_prefix("node:").unwrap_or(specifier);
    if actionbox_contract::builtins::is_builtin(name) {
        Ok(Resolved::Builtin(name.to_owned()))
    } else if specifier.starts_with("node:") || nodejs_built_in_modules::is_nodejs_builtin_module(specifier) {
        Err(Unresolved::UnsupportedBuiltin)
    } else {
        Err(Unresolved::NotFound)
    }
}
