//! An Action's dependencies: the files of its npm packages, what each asks for, how the
//! names resolve, and the packaged modules an artifact carries.
//!
//! A package's file is untrusted input. The host never parses one itself: the guest's
//! `scan` does, inside the sandbox ([`Engine::scan`](crate::Engine::scan)), under the
//! limits of a compilation and a size cap. The host resolves the names it reports with
//! Node's algorithm (`resolve.rs`), following the Action's manifest (`manifest.rs`), and
//! the guest compiles each file; `modules.rs` holds the result, `walk.rs` drives it, and
//! `find.rs` looks among it for a name computed at run time. Action Modules come from a
//! local registry (`registry.rs`).

use serde::Serialize;

use crate::error::Location;

mod find;
mod manifest;
mod modules;
mod registry;
mod resolve;
pub(crate) mod walk;

pub(crate) use manifest::is_exact_version;
pub use manifest::is_package_name;
pub use manifest::{MAX_DIRECT_DEPENDENCIES, Manifest};
pub use modules::{Directory, Link, Module, ModuleKind, Modules, Target};
pub use registry::{PublishedModule, Registry};

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Syntax {
    /// A CommonJS script: `require`, `module.exports`.
    CommonJs,
    /// An ES module: `import`, `export`.
    Esm,
}

/// The grammar a file is expected to have, from its extension and its package's `type`
/// field. A file expected to be CommonJS that uses ES module syntax is read as an ES
/// module, as Node 22 does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxHint {
    CommonJs,
    Esm,
}

/// How a module is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// `require('x')`.
    Require,
    /// `require.resolve('x')`: resolved, not loaded.
    RequireResolve,
    /// `import ... from 'x'`, `import 'x'`, `export ... from 'x'`.
    StaticImport,
    /// `import('x')`.
    DynamicImport,
}

/// One module a file asks for by a literal name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    pub specifier: String,
    pub kind: RequestKind,
    /// Asked for inside the block of a `try` statement: an optional dependency.
    pub guarded: bool,
    /// Where it is first asked for.
    pub location: Location,
}

/// What one file asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileScan {
    pub syntax: Syntax,
    /// In source order, each (specifier, kind) once.
    pub requests: Vec<Request>,
    /// Where `require` or `import()` is given a computed name.
    pub computed: Vec<Location>,
}

/// Why a file of an Action's dependencies could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum DependencyError {
    /// It does not parse.
    #[error("SyntaxError: {message}{}", crate::error::at(location))]
    Syntax { message: String, location: Option<Location> },
    /// Its nesting is deeper than the parser's stack in the sandbox holds.
    #[error("it nests too deeply to be parsed")]
    TooDeep,
    /// It is larger than a dependency's file may be.
    #[error("it is {size} bytes; a dependency's file may have at most {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// Parsing it used up the CPU budget, the deadline or the memory of a compilation.
    #[error("parsing it went past the limits of a compilation ({0})")]
    Limit(String),
    /// A module it asks for is not installed.
    #[error("Cannot find module '{specifier}'{}", crate::error::at(location))]
    NotFound { specifier: String, location: Option<Location> },
    /// It asks for a built-in module of Node that actionbox does not offer.
    #[error("the built-in module '{specifier}' is not available in actionbox{}", crate::error::at(location))]
    UnsupportedBuiltin { specifier: String, location: Option<Location> },
    /// A module it asks for is a native addon, which cannot run in the sandbox.
    #[error("'{specifier}' is a native addon ({detail}), which cannot run in actionbox{}", crate::error::at(location))]
    NativeAddon { specifier: String, detail: String, location: Option<Location> },
    /// A module it asks for resolves to a file outside the Action's directory.
    #[error("'{specifier}' resolves outside the Action's directory, to {resolved}{}", crate::error::at(location))]
    OutsideProject { specifier: String, resolved: String, location: Option<Location> },
    /// A file could not be read.
    #[error("it could not be read: {0}")]
    Unreadable(String),
    /// The manifest (`package.json`) is missing something, or says something wrong.
    #[error("{0}")]
    Manifest(String),
    /// The packaged modules together are over a limit.
    #[error("{0}")]
    TooMany(String),
    /// `require('actions:<name>')` of an Action Module the manifest does not pin.
    #[error(
        "the Action Module `{name}` is not pinned: add it to `actionbox.modules` in package.json with its version{}",
        crate::error::at(location)
    )]
    UnpinnedModule { name: String, location: Option<Location> },
    /// An Action Module the manifest pins that the registry does not hold.
    #[error("the Action Module `{name}` {version} is not published in {registry}{}", crate::error::at(location))]
    ModuleNotPublished { name: String, version: String, registry: String, location: Option<Location> },
    /// An Action Module that requires another Action Module.
    #[error("an Action Module may not require another Action Module ('{specifier}'){}", crate::error::at(location))]
    ModuleRequiresModule { specifier: String, location: Option<Location> },
    /// A version of an Action Module that is already published (versions never change).
    #[error("the Action Module `{name}` {version} is already published: publish a new version")]
    AlreadyPublished { name: String, version: String },
}

/// Something compiling an Action noticed that does not stop it: an optional dependency
/// (asked for inside `try`) that is not installed, for example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DependencyWarning {
    /// The file that asks for it, from the Action's directory.
    pub file: String,
    pub reason: DependencyError,
}

impl std::fmt::Display for DependencyWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}
