//! The walk over an Action's dependency graph at compile time: from the names the
//! Action's own file asks for, every file they lead to, each read once, scanned and
//! compiled by the guest ([`Engine::prepare_module`]), its names resolved in turn.
//!
//! What cannot be used is named with the file and line that asks for it: a module that is
//! not installed, a built-in actionbox does not offer, a native addon, a file outside the
//! Action's directory. Inside a `try` block (an optional dependency), or through
//! `require.resolve` (a probe), it is a warning and the name leads nowhere at run time,
//! as it would in Node.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

use super::manifest::Manifest;
use super::modules::{Link, Module, ModuleKind, Modules, Target};
use super::resolve::{FileKind, Resolved, Resolver, Unresolved};
use super::{DependencyError, DependencyWarning, FileScan, Request, RequestKind, SyntaxHint};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::limits::{MAX_DEPENDENCY_FILE_BYTES, MAX_PACKAGED_MODULES};

/// What the walk produced.
pub(crate) struct Walked {
    pub modules: Modules,
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
}

/// Resolves what the Action `filename` asks for (`scan`) from `project`, its directory,
/// and everything that leads to.
pub(crate) async fn walk(engine: &Engine, project: Option<&Path>, filename: &str, scan: &FileScan) -> Result<Walked> {
    let refuse = |reason| Error::Dependency { file: "package.json".into(), reason };
    let resolver = match project {
        Some(dir) => {
            if let Some(manifest) = Manifest::read(dir).map_err(refuse)? {
                manifest.check_installed(dir).map_err(refuse)?;
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
    };
    let action_path = walk.resolver.as_ref().map(|r| r.root().join(filename));
    let action_links = walk.links(action_path.as_deref(), filename, &scan.requests)?;
    while let Some((id, path, kind)) = walk.queue.pop_front() {
        walk.prepare(id, &path, kind).await?;
    }
    Ok(Walked { modules: Modules { action_links, modules: walk.modules }, warnings: walk.warnings })
}

impl Walk<'_> {
    /// The links of the file at `path` (named `shown` in messages), queueing each file
    /// not seen before.
    fn links(&mut self, path: Option<&Path>, shown: &str, requests: &[Request]) -> Result<Vec<Link>> {
        let mut links = Vec::with_capacity(requests.len());
        for request in requests {
            let import = matches!(request.kind, RequestKind::StaticImport | RequestKind::DynamicImport);
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

    /// The id of the file at `path`, queued for preparing when it is new.
    fn id_of(&mut self, path: PathBuf, kind: FileKind) -> Result<u32> {
        if let Some(id) = self.ids.get(&path) {
            return Ok(*id);
        }
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

    /// Reads, scans and compiles the file `id`, and resolves what it asks for.
    async fn prepare(&mut self, id: u32, path: &Path, kind: FileKind) -> Result<()> {
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
