//! What the actionbox host and its QuickJS guest agree on, compiled into both: the
//! built-in modules, the trigger table (each trigger's handlers, required `event` fields and `api` methods),
//! the [`Method`]s with their JavaScript paths, the event tape the host encodes and the
//! guest decodes, every limit either side enforces, why the host refuses a call and why
//! a `fetch` failed (each with the one formatter of the message the Action sees).
//!
//! The WIT contract (`wit/`) says how values cross the boundary; this crate says what
//! both sides must mean by them. It has no dependency the guest does not need; the
//! `serde` feature derives (de)serialization of [`Trigger`] for the host.

pub mod builtins;
pub mod fetch;
pub mod limits;
mod method;
pub mod refusal;
pub mod tape;
mod trigger;

pub use method::Method;
pub use refusal::Refusal;
pub use trigger::{Requirement, Spec, TRIGGERS, Trigger, UnknownTrigger};
