//! actionbox: run identity-platform Actions (JavaScript) in a WebAssembly sandbox.
//!
//! An Action is a CommonJS script exporting handlers such as
//! `exports.onExecutePostLogin = async (event, api) => { ... }`. actionbox compiles it to
//! QuickJS bytecode inside a Wasm guest, and runs each invocation in a fresh instance of
//! that guest under wasmtime, with fuel, a wall-clock deadline and memory caps. The
//! Action reaches the outside only through the `api` methods of its trigger, whose calls
//! come back as an [`Outcome`].
//!
//! # Example
//!
//! ```no_run
//! # async fn demo() -> Result<(), actionbox::Error> {
//! use actionbox::{Config, Decision, Engine, Trigger};
//!
//! let engine = Engine::new(Config::default()).await?;
//! let action = engine
//!     .compile("action.js", r#"
//!         exports.onExecutePostLogin = async (event, api) => {
//!             api.idToken.setCustomClaim("https://example.com/plan", event.user.app_metadata.plan);
//!         };"#)
//!     .await?;
//! let event = serde_json::json!({ "user": { "user_id": "auth0|1", "app_metadata": { "plan": "pro" } } });
//! let outcome = engine.execute(Trigger::PostLogin, &action, &event).await?;
//! assert_eq!(outcome.decision, Decision::Allowed);
//! # Ok(()) }
//! ```
//!
//! # Core concepts
//!
//! - [`Engine`]: wasmtime configured once ([`Config`]), with the pre-initialized guest;
//!   share it. What differs per execution (secrets, configuration) is an
//!   [`ExecuteOptions`], given to [`Engine::execute_with`] or to each Action of a [`Flow`].
//! - [`Trigger`] and [`Method`]: the contract's trigger table, which says which `api`
//!   methods each trigger has; [`limits`] holds every limit.
//! - [`CompiledAction`]: bytecode plus the handlers a source exports; it can be saved as a
//!   `.wasm` file ([`CompiledAction::to_wasm`]) and loaded back.
//! - [`Outcome`]: decision, commands, logs, warnings and resource usage of one execution.
//!   A [`Command`] is one namespace's command ([`commands`]); it prints as the call it
//!   records (`idToken.setCustomClaim("name", value)`).
//! - [`Error`] for calls that fail; [`ActionError`] for Actions that fail, inside the
//!   [`Outcome`].

mod action;
mod api;
mod bindings;
mod cache;
mod callee;
mod config;
mod console;
mod crypto;
pub mod deps;
mod engine;
mod epoch;
mod error;
mod event;
#[cfg(feature = "testing")]
pub mod faults;
mod fetch;
pub mod files;
mod flow;
#[cfg(feature = "testing")]
pub mod fuzzing;
mod jwt;
mod key;
pub mod limits;
mod memory;
mod options;
mod outcome;
mod prepare;
mod recording;
mod redact;
mod snapshot;
mod source;
mod state;
mod suspended;
mod text;
mod timers;
mod trigger;
mod urls;

pub use action::{CompiledAction, NodeRuntime};
pub use cache::{CacheEntries, CacheEntry, CacheFuture, CacheStore, CacheStoreError, MemoryCache};
pub use config::{Config, data_dir};
pub use engine::{CompileOptions, Engine};
pub use error::{ActionError, Error, Location, OutputLimit, Result};
pub use event::parse as parse_event;
pub use fetch::{EgressPolicy, MockError, Mocks, PolicyError, RequestRecord};
pub use flow::{ActionReport, Changes, ContinueRequest, Flow, FlowAction, FlowDecision, FlowOutcome};
pub use key::Key;
pub use options::ExecuteOptions;
pub use outcome::{
    Command, Decision, Interaction, LogLevel, LogLine, Logs, Outcome, Pending, SessionCommand, Usage, Warning,
};
pub use recording::{RecordedRequest, RecordedResult, Recording, RecordingError};
pub use snapshot::{SnapshotOrigin, SnapshotReport};

/// Each `api` namespace's commands: the cases of [`Command`].
pub mod commands {
    pub use crate::api::{
        AccessCommand, AccessTokenCommand, AuthenticationCommand, CacheCommand, IdTokenCommand, MultifactorCommand,
        NotificationCommand, PromptCommand, RedirectCommand, SamlResponseCommand, SessionCommand, TransactionCommand,
        UserCommand, ValidationCommand,
    };
}
pub use suspended::SuspendedFlow;
pub use text::{escape_for_display, is_unsafe_char};
pub use trigger::{Method, Requirement, Trigger, UnknownTrigger};
