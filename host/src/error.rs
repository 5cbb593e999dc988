//! Typed errors at the library boundary.
//!
//! [`Error`] is what `compile` and `execute` return when they cannot produce a result:
//! bad input from the caller, a source that does not compile, an unusable artifact, or a
//! failure of the host itself. What goes wrong *inside* an Action while it runs is not an
//! [`Error`] but an [`ActionError`], carried in the [`Outcome`](crate::Outcome) next to the
//! logs and commands produced until then.

use serde::Serialize;

/// A position in the Action's source, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why `compile` or `execute` did not produce a result.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The source is larger than the 100 kB an Action may have.
    #[error("the source is {size} bytes; an Action may have at most {limit} bytes")]
    SourceTooLarge { size: usize, limit: usize },

    /// The source is TypeScript, which Actions do not support.
    #[error("TypeScript is not supported: Actions must be written in JavaScript{}", at(location))]
    TypeScript { location: Option<Location> },

    /// The source does not parse as JavaScript.
    #[error("SyntaxError: {message}{}", at(location))]
    Syntax { message: String, location: Option<Location> },

    /// The source uses ES module syntax; Actions are CommonJS scripts.
    #[error("ES module syntax (`import`/`export`) is not supported: use `exports.<handler> = ...`{}", at(location))]
    EsModule { location: Option<Location> },

    /// The Action's top-level code failed while defining its exports.
    #[error("the Action failed while loading: {0}")]
    TopLevel(#[source] ActionError),

    /// The Action exports no handler for the trigger.
    #[error("the Action does not export `{handler}` (it exports: {})", exported.join(", "))]
    NoHandler { handler: String, exported: Vec<String> },

    /// The event given to `execute` is not acceptable.
    #[error("invalid event: {0}")]
    InvalidEvent(String),

    /// A compiled artifact could not be used.
    #[error("invalid compiled Action: {0}")]
    InvalidArtifact(String),

    /// A suspended flow's token cannot be resumed: changed, sealed with another key,
    /// expired, or for another flow.
    #[error("invalid suspended-flow state: {0}")]
    InvalidState(String),

    /// Every instance slot is in use (`Config::max_concurrent`): try again later.
    #[error("the engine is busy: all {max_concurrent} instance slots are in use")]
    Busy { max_concurrent: u32 },

    /// A configuration value is out of range.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),

    /// The Action's top level cannot be evaluated ahead of its executions, so it gets no
    /// snapshot of its own (`Engine::snapshot_action`); it still runs without one.
    #[error("the Action cannot be snapshotted: {0}")]
    NotSnapshotted(String),

    /// The guest module the host was built with is unusable.
    #[error("the actionbox guest could not be prepared: {0}")]
    Guest(String),

    /// A file of the Action's dependencies could not be used; `file` names it.
    #[error("{file}: {reason}")]
    Dependency { file: String, reason: crate::deps::DependencyError },
    /// An unexpected failure inside the host (a bug).
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// A stable name for the variant (`syntax`, `typescript`, `invalid_event`, ...), for
    /// JSON output and for tests that check kinds rather than messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::SourceTooLarge { .. } => "source_too_large",
            Error::TypeScript { .. } => "typescript",
            Error::Syntax { .. } => "syntax",
            Error::EsModule { .. } => "es_module",
            Error::TopLevel(_) => "top_level",
            Error::NoHandler { .. } => "no_handler",
            Error::InvalidEvent(_) => "invalid_event",
            Error::InvalidArtifact(_) => "invalid_artifact",
            Error::InvalidState(_) => "invalid_state",
            Error::Busy { .. } => "busy",
            Error::InvalidConfig(_) => "invalid_config",
            Error::NotSnapshotted(_) => "not_snapshotted",
            Error::Guest(_) => "guest",
            Error::Dependency { .. } => "dependency",
            Error::Internal(_) => "internal",
        }
    }

    /// Where in the Action's source the error is, when known.
    pub fn location(&self) -> Option<Location> {
        match self {
            Error::Syntax { location, .. } | Error::TypeScript { location } | Error::EsModule { location } => *location,
            Error::TopLevel(ActionError::Threw { location, .. }) => *location,
            _ => None,
        }
    }
}

/// Why an Action did not finish normally. Part of the [`Outcome`](crate::Outcome).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActionError {
    /// The wall-clock deadline passed (epoch interruption).
    #[error("the Action ran past its {limit_ms} ms deadline")]
    Timeout { limit_ms: u64 },

    /// The CPU budget (fuel) ran out.
    #[error("the Action used up its CPU budget of {fuel} fuel units")]
    CpuLimit { fuel: u64 },

    /// The Action needed more memory than its cap.
    #[error("the Action ran out of memory (cap: {limit_bytes} bytes)")]
    MemoryLimit { limit_bytes: u64 },

    /// The Wasm stack overflowed (QuickJS's own limit normally throws a catchable
    /// RangeError first).
    #[error("the Action overflowed the stack")]
    StackOverflow,

    /// The handler threw, or its promise rejected.
    #[error("{name}: {message}{}", at(location))]
    Threw { name: String, message: String, stack: String, location: Option<Location> },

    /// The handler's promise never settled: nothing was left to run.
    #[error("the handler's promise never settled")]
    NeverSettled,

    /// The Action's commands and warnings passed a per-execution cap. The `api` call that
    /// would have passed it threw an Error the Action could catch; this is the end of an
    /// execution that did not.
    #[error("the Action passed its output cap ({limit}: at most {max})")]
    OutputLimit { limit: OutputLimit, max: u64 },

    /// In a flow, the event grew past its size cap through this Action's writes
    /// (metadata), so the Actions after it cannot be given it.
    #[error("the Action's writes grew the event to {bytes} bytes; the limit is {limit_bytes}")]
    EventTooLarge { bytes: u64, limit_bytes: u64 },

    /// The guest trapped for another reason (a bug in the guest, not the Action).
    #[error("the sandbox trapped: {message}")]
    Trap { message: String },
}

/// The output caps of one execution (`limits.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputLimit {
    /// [`MAX_OUTPUT_RECORDS`](crate::limits::MAX_OUTPUT_RECORDS) commands and warnings.
    Records,
    /// [`MAX_OUTPUT_BYTES`](crate::limits::MAX_OUTPUT_BYTES) of their JSON.
    Bytes,
}

impl OutputLimit {
    /// The cap's value.
    pub fn max(self) -> u64 {
        match self {
            OutputLimit::Records => crate::limits::MAX_OUTPUT_RECORDS as u64,
            OutputLimit::Bytes => crate::limits::MAX_OUTPUT_BYTES as u64,
        }
    }
}

impl std::fmt::Display for OutputLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OutputLimit::Records => "commands and warnings",
            OutputLimit::Bytes => "bytes of commands and warnings",
        })
    }
}

pub(crate) fn at(location: &Option<Location>) -> String {
    location.map(|l| format!(" (at line {}, column {})", l.line, l.column)).unwrap_or_default()
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
