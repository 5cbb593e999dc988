//! Flows: a trigger's Actions, run in order with the platform's semantics.
//!
//! - Each Action sees the `event` with its own `secrets`.
//! - Commands accumulate; a claim's final value is the last one written.
//! - User and app metadata writes are applied to `event.user` before the next Action
//!   runs (top-level keys, `null` deletes) and are returned once, merged.
//! - `api.access.deny` lets the current Action finish and skips the rest.
//! - An Action that fails ends the flow with an error naming it.
//! - One deadline covers the whole trigger execution, and limits that count per session
//!   (custom claims, metadata) count across all of its Actions.
//! - The outcome of a non-blocking trigger is reported, but the platform ignores it
//!   ([`FlowOutcome::blocking`] is false).
//!
//! Each Action runs in a JavaScript runtime of its own: its heap, global object, atoms and
//! job queue are new, and nothing another Action left there (a global, a patched
//! prototype, a job still queued) can be seen or run. Up to five consecutive Actions share
//! one instance of the flow snapshot, one runtime each, which is what keeps a flow cheaper
//! than its Actions run alone; an Action that fails or grows the memory by more than
//! 4 MiB leaves the next one a new instance (`engine/instance.rs`). Each instance
//! lives in a store of its own, dropped as soon as its Actions are done, so a flow holds
//! one instance (and one pool slot) at a time, however long it is; the deadline, the
//! flow-wide totals and the cache's working copy pass from store to store.
//!
//! This file is the model (a flow, its Actions, its outcome); `runner.rs` runs a flow and
//! resumes a suspended one, and `event_patch.rs` carries one Action's writes into the
//! event the next one sees.

pub(crate) mod event_patch;
pub(crate) mod runner;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::action::{CompiledAction, hex_sha256};
use crate::error::{ActionError, Error, Result};
use crate::options::ExecuteOptions;
use crate::outcome::{Interaction, Outcome};
use crate::suspended::SuspendedFlow;
use crate::trigger::Trigger;

/// A trigger and its Actions, in the order they run.
#[derive(Debug, Clone)]
pub struct Flow {
    trigger: Trigger,
    actions: Vec<FlowAction>,
}

/// One Action of a flow, with the options it is given (its secrets, above all).
#[derive(Debug, Clone)]
pub struct FlowAction {
    name: String,
    action: CompiledAction,
    options: ExecuteOptions,
}

impl Flow {
    pub fn new(trigger: Trigger) -> Self {
        Flow { trigger, actions: Vec::new() }
    }

    pub fn trigger(&self) -> Trigger {
        self.trigger
    }

    /// The Actions, in the order they run.
    pub fn actions(&self) -> &[FlowAction] {
        &self.actions
    }

    /// Appends an Action with its options: its secrets (a map converts into options
    /// with those secrets) and configuration. It must export the trigger's handler, and
    /// its secrets and configuration must fit the platform's limits (key ≤ 128
    /// characters, value ≤ 4,096). An Action given no secrets sees none: the event's own
    /// `secrets` are the caller's, not the Action's.
    pub fn push(
        &mut self,
        name: &str,
        action: CompiledAction,
        options: impl Into<ExecuteOptions>,
    ) -> Result<&mut Self> {
        let handler = self.trigger.handler();
        if !action.handlers().iter().any(|h| h == handler) {
            return Err(Error::NoHandler { handler: handler.into(), exported: action.handlers().to_vec() });
        }
        let mut options = options.into();
        if options.secrets_given().is_none() {
            options.secrets(Map::new());
        }
        options.check().map_err(|e| match e {
            Error::InvalidEvent(message) => Error::InvalidEvent(format!("Action `{name}`: {message}")),
            other => other,
        })?;
        self.actions.push(FlowAction { name: name.to_owned(), action, options });
        Ok(self)
    }
}

impl FlowAction {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn action(&self) -> &CompiledAction {
        &self.action
    }

    /// The options the Action runs with: its secrets (always given in a flow, possibly
    /// none) and its configuration.
    pub fn options(&self) -> &ExecuteOptions {
        &self.options
    }
}

/// Everything a flow produced.
#[derive(Debug, Clone, Serialize)]
pub struct FlowOutcome {
    pub trigger: Trigger,
    pub decision: FlowDecision,
    /// Whether the platform acts on the decision (false for post-user-registration and
    /// post-change-password, whose outcome is reported and ignored).
    pub blocking: bool,
    /// Each Action that ran, in order, with its own outcome.
    pub actions: Vec<ActionReport>,
    /// Actions that did not run because an earlier one denied or failed.
    pub skipped: Vec<String>,
    /// The changes to apply, merged over the Actions that ran (when suspended: what to
    /// flush before the redirect).
    pub changes: Changes,
    /// When the decision is `suspended`: the state to resume with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspended: Option<SuspendedFlow>,
}

/// How a flow ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FlowDecision {
    Allowed,
    /// An Action denied; the reason (and code) are the first it gave.
    Denied {
        action: String,
        reason: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        code: Option<String>,
    },
    /// An Action redirected, challenged or prompted the user: the flow is suspended
    /// until the `/continue` request (see
    /// [`Engine::resume_flow`](crate::Engine::resume_flow)). A redirect's `url` includes
    /// `state`; for the others, [`SuspendedFlow::state`] gives it.
    Suspended {
        action: String,
        #[serde(flatten)]
        interaction: Interaction,
    },
    /// An Action failed.
    Error {
        action: String,
        error: ActionError,
    },
}

/// One Action's part of a flow.
#[derive(Debug, Clone, Serialize)]
pub struct ActionReport {
    pub name: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// Merged writes: for metadata a `null` value means "delete the key".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    pub user_metadata: Map<String, Value>,
    pub app_metadata: Map<String, Value>,
    pub id_token_claims: Map<String, Value>,
    pub access_token_claims: Map<String, Value>,
    /// The multifactor requirement to apply after every Action has run (the last
    /// `multifactor.enable`): `{provider, options}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multifactor: Option<Value>,
    /// The user this login was linked to by `setPrimaryUser`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_user: Option<String>,
}

/// The `/continue` request a suspended flow resumes with: its query and body parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContinueRequest {
    #[serde(default)]
    pub query: Map<String, Value>,
    #[serde(default)]
    pub body: Map<String, Value>,
}

impl Flow {
    /// Identifies the flow's trigger, Actions and sources.
    fn fingerprint(&self) -> String {
        let mut text = self.trigger.name().to_owned();
        for step in &self.actions {
            text.push('\n');
            text.push_str(&step.name);
            text.push('\0');
            text.push_str(step.action.source_sha256());
        }
        hex_sha256(text.as_bytes())
    }
}
