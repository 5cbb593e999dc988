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
//! 4 MiB leaves the next one a new instance (`Engine::execute_in_flow`). Each instance
//! lives in a store of its own, dropped as soon as its Actions are done, so a flow holds
//! one instance (and one pool slot) at a time, however long it is; the deadline, the
//! flow-wide totals and the cache's working copy pass from store to store.

use std::time::{Instant, SystemTime};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::action::{CompiledAction, hex_sha256};
use crate::engine::{Engine, FlowSlot, FlowStep};
use crate::error::{ActionError, Error, Result};
use crate::options::ExecuteOptions;
use crate::outcome::{Command, Decision, Interaction, Outcome};
use crate::state::{Carried, Continuation};
use crate::suspended::{self, SuspendedFlow};
use crate::text;
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
    /// until the `/continue` request (see [`Engine::resume_flow`]). A redirect's `url`
    /// includes `state`; for the others, [`SuspendedFlow::state`] gives it.
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

impl Engine {
    /// Runs the flow's Actions in order on `event` (its `secrets` are replaced by each
    /// Action's own). `Err` means the call itself was wrong, as for [`Engine::execute`].
    pub async fn run_flow(&self, flow: &Flow, event: &Value) -> Result<FlowOutcome> {
        if !event.is_object() {
            return Err(Error::InvalidEvent("the event must be a JSON object".into()));
        }
        let _slot = self.slot()?;
        let deadline = self.deadline()?;
        self.run_from(flow, FlowSlot::new(Carried::default()), deadline, event.clone(), 0, None).await
    }

    /// Checks a suspended flow's token (see [`SuspendedFlow`]) and returns it, ready for
    /// [`Engine::resume_flow`]: its signature under [`Config::state_key`], its expiry and
    /// its fields. A token that fails any check is an [`Error::InvalidState`].
    ///
    /// [`Config::state_key`]: crate::Config::state_key
    pub fn open_suspended(&self, token: &str) -> Result<SuspendedFlow> {
        SuspendedFlow::open(&self.config().state_key, token, SystemTime::now())
    }

    /// Resumes a flow suspended by a redirect, a challenge or a prompt: the `state` must
    /// match (otherwise the flow ends with `invalid_request`), the event gets a new
    /// `request` carrying the continue parameters, the deadline restarts, the same
    /// Action's continue handler runs (when it exports one), then the remaining Actions.
    /// `changes` holds only what came after.
    ///
    /// Each token should resume once: when [`SuspendedFlow::accepts`] the request, record
    /// [`SuspendedFlow::id`] before calling this, and refuse an id already recorded (until
    /// [`SuspendedFlow::expires_at`]).
    pub async fn resume_flow(
        &self,
        flow: &Flow,
        suspended: &SuspendedFlow,
        request: &ContinueRequest,
    ) -> Result<FlowOutcome> {
        let saved = suspended.payload();
        if saved.trigger != flow.trigger || saved.fingerprint != flow.fingerprint() {
            return Err(Error::InvalidState("it belongs to another flow".into()));
        }
        let Some(step) = flow.actions.get(saved.action) else {
            return Err(Error::InvalidState("it names no Action of this flow".into()));
        };
        if !suspended.accepts(request) {
            let decision = FlowDecision::Denied {
                action: step.name.clone(),
                reason: "the continue request's state is missing or wrong".into(),
                code: Some("invalid_request".into()),
            };
            return Ok(FlowOutcome {
                trigger: flow.trigger,
                decision,
                blocking: flow.trigger.is_blocking(),
                actions: Vec::new(),
                skipped: flow.actions[saved.action..].iter().map(|a| a.name.clone()).collect(),
                changes: Changes::default(),
                suspended: None,
            });
        }
        let _slot = self.slot()?;
        // A new `event.request` every time a flow resumes.
        let mut event = saved.event.clone();
        let mut new_request = event.get("request").and_then(Value::as_object).cloned().unwrap_or_default();
        new_request.insert("query".into(), Value::Object(request.query.clone()));
        new_request.insert("body".into(), Value::Object(request.body.clone()));
        event["request"] = Value::Object(new_request);
        let slot = FlowSlot::new(Carried { totals: saved.totals.clone(), cache: None });
        let deadline = self.deadline()?;
        match &saved.interaction {
            // After a second factor the flow goes on at the next Action, which sees it.
            Interaction::Challenge { .. } => {
                push_method(&mut event, "mfa");
                self.run_from(flow, slot, deadline, event, saved.action + 1, None).await
            }
            interaction => {
                if let Interaction::Prompt { form_id, .. } = interaction {
                    let mut fields = if request.body.is_empty() { request.query.clone() } else { request.body.clone() };
                    fields.remove("state");
                    event["prompt"] = serde_json::json!({ "id": form_id, "fields": fields });
                }
                let continuation = Continuation {
                    state: saved.state.clone(),
                    query: request.query.clone(),
                    body: request.body.clone(),
                };
                self.run_from(flow, slot, deadline, event, saved.action, Some(continuation)).await
            }
        }
    }

    /// Runs the flow's Actions from `start`; with a `continuation`, the first one runs its
    /// continue handler (and is skipped if it has none).
    async fn run_from(
        &self,
        flow: &Flow,
        mut slot: FlowSlot,
        deadline: Instant,
        mut event: Value,
        start: usize,
        mut continuation: Option<Continuation>,
    ) -> Result<FlowOutcome> {
        let mut changes = Changes::default();
        let mut reports = Vec::with_capacity(flow.actions.len().saturating_sub(start));
        let mut decision = FlowDecision::Allowed;
        let mut suspended = None;
        let mut next = start;
        for (index, step) in flow.actions.iter().enumerate().skip(start) {
            next = index + 1;
            let continuing = continuation.take();
            let handler = if continuing.is_some() {
                match flow.trigger.continue_handler() {
                    Some(handler) if step.action.handlers().iter().any(|h| h == handler) => handler,
                    _ => continue,
                }
            } else {
                flow.trigger.handler()
            };
            if Instant::now() >= deadline {
                let limit_ms = self.config().timeout.as_millis() as u64;
                decision = FlowDecision::Error { action: step.name.clone(), error: ActionError::Timeout { limit_ms } };
                next = index;
                break;
            }
            step.options.apply_to(&mut event);
            let run = FlowStep {
                trigger: flow.trigger,
                deadline,
                action: &step.action,
                event: &event,
                handler,
                continuation: continuing,
            };
            let outcome = match self.execute_in_flow(&mut slot, run).await {
                Ok(outcome) => outcome,
                // The event was valid when the flow began: if it is not now, the writes of
                // the Action before this one grew it past its cap. That is a failure of
                // that Action, reported with the outcomes so far, not the caller's error.
                Err(Error::InvalidEvent(_)) if !reports.is_empty() => {
                    let bytes = serde_json::to_vec(&event).map_or(u64::MAX, |json| json.len() as u64);
                    let error =
                        ActionError::EventTooLarge { bytes, limit_bytes: crate::limits::MAX_EVENT_BYTES as u64 };
                    let culprit: &ActionReport = reports.last().expect("checked above");
                    decision = FlowDecision::Error { action: culprit.name.clone(), error };
                    next = index;
                    break;
                }
                Err(other) => return Err(other),
            };
            apply(&outcome.commands, &mut event, &mut changes);
            let ended = match &outcome.decision {
                Decision::Allowed => None,
                Decision::Denied { reason, code } => {
                    Some(FlowDecision::Denied { action: step.name.clone(), reason: reason.clone(), code: code.clone() })
                }
                Decision::Error { error } => {
                    Some(FlowDecision::Error { action: step.name.clone(), error: error.clone() })
                }
                waiting => {
                    let state = new_state();
                    let interaction =
                        waiting.interaction().expect("the other decisions wait for the user").with_state(&state);
                    let expires_at = suspended::millis(SystemTime::now() + self.config().suspended_lifetime);
                    let payload = suspended::Payload {
                        version: 0,
                        id: new_state(),
                        trigger: flow.trigger,
                        fingerprint: flow.fingerprint(),
                        action: index,
                        state,
                        interaction: interaction.clone(),
                        event: event.clone(),
                        totals: slot.totals().clone(),
                        expires_at,
                    };
                    suspended = Some(SuspendedFlow::seal(&self.config().state_key, payload));
                    Some(FlowDecision::Suspended { action: step.name.clone(), interaction })
                }
            };
            reports.push(ActionReport { name: step.name.clone(), outcome });
            if let Some(ended) = ended {
                decision = ended;
                break;
            }
        }
        let skipped = flow.actions[next.min(flow.actions.len())..].iter().map(|a| a.name.clone()).collect();
        Ok(FlowOutcome {
            trigger: flow.trigger,
            decision,
            blocking: flow.trigger.is_blocking(),
            actions: reports,
            skipped,
            changes,
            suspended,
        })
    }
}

/// An unguessable `state`: 128 random bits, hex.
fn new_state() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Applies one Action's metadata writes to `event.user` (for the Actions after it) and
/// merges its writes into `changes`.
fn apply(commands: &[Command], event: &mut Value, changes: &mut Changes) {
    for command in commands {
        match command {
            Command::SetUserMetadata { key, value } => {
                write_metadata(event, "user_metadata", key, value);
                changes.user_metadata.insert(key.clone(), value.clone());
            }
            Command::SetAppMetadata { key, value } => {
                write_metadata(event, "app_metadata", key, value);
                changes.app_metadata.insert(key.clone(), value.clone());
            }
            Command::SetIdTokenClaim { name, value } => {
                changes.id_token_claims.insert(name.clone(), value.clone());
            }
            Command::SetAccessTokenClaim { name, value } => {
                changes.access_token_claims.insert(name.clone(), value.clone());
            }
            Command::SetTransactionMetadata { key, value } => write_transaction_metadata(event, key, value),
            Command::SetPrimaryUser { user_id } => changes.primary_user = Some(user_id.clone()),
            // MFA runs last, after every Action: the flow returns the final requirement.
            Command::EnableMultifactor { provider, options } => {
                changes.multifactor = Some(serde_json::json!({ "provider": provider, "options": options }));
            }
            Command::RecordMethod { url } => push_method(event, url),
            Command::Deny { .. }
            | Command::RejectInvalidSubjectToken { .. }
            | Command::ValidationError { .. }
            | Command::DropNotification { .. }
            | Command::RetryNotification { .. }
            | Command::AddScope { .. }
            | Command::Challenge { .. }
            | Command::RenderPrompt { .. }
            | Command::SetUserById { .. }
            | Command::SetUserByConnection { .. }
            | Command::SetOrganization { .. }
            | Command::SetActor { .. }
            | Command::SetResultUrl { .. }
            | Command::Redirect { .. }
            | Command::SamlSetAttribute { .. }
            | Command::SamlSetField { .. }
            | Command::RemoveScope { .. }
            | Command::Session(_)
            | Command::RefreshToken(_)
            | Command::CacheSet { .. }
            | Command::CacheDelete { .. } => {}
        }
    }
}

/// Appends `{name, timestamp}` to `event.authentication.methods`.
fn push_method(event: &mut Value, name: &str) {
    let Some(event) = event.as_object_mut() else { return };
    let authentication = event.entry("authentication").or_insert_with(|| Value::Object(Map::new()));
    if !authentication.is_object() {
        *authentication = Value::Object(Map::new());
    }
    let methods =
        authentication.as_object_mut().expect("an object").entry("methods").or_insert_with(|| Value::Array(Vec::new()));
    if !methods.is_array() {
        *methods = Value::Array(Vec::new());
    }
    let timestamp = text::iso8601(std::time::SystemTime::now());
    methods.as_array_mut().expect("an array").push(serde_json::json!({ "name": name, "timestamp": timestamp }));
}

/// `event.transaction.metadata[key] = value`, or removes the key when `value` is null.
fn write_transaction_metadata(event: &mut Value, key: &str, value: &Value) {
    let Some(event) = event.as_object_mut() else { return };
    let transaction = event.entry("transaction").or_insert_with(|| Value::Object(Map::new()));
    set_or_remove(transaction, "metadata", key, value);
}

/// `event.user.<which>[key] = value`, or removes the key when `value` is null.
fn write_metadata(event: &mut Value, which: &str, key: &str, value: &Value) {
    let Some(user) = event.get_mut("user") else { return };
    set_or_remove(user, which, key, value);
}

/// `parent[field][key] = value` (creating `parent[field]` as an object when it is not
/// one), or removes the key when `value` is null.
fn set_or_remove(parent: &mut Value, field: &str, key: &str, value: &Value) {
    let Some(parent) = parent.as_object_mut() else { return };
    let map = parent.entry(field).or_insert_with(|| Value::Object(Map::new()));
    if !map.is_object() {
        *map = Value::Object(Map::new());
    }
    let map = map.as_object_mut().expect("made an object above");
    if value.is_null() {
        map.remove(key);
    } else {
        map.insert(key.to_owned(), value.clone());
    }
}
