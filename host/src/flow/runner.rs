//! Running a flow: its Actions in order from the first, or, when a suspended flow
//! resumes, from the Action it stopped at (its continue handler) or the one after, with
//! one deadline, one pool slot and one instance at a time for the whole trigger
//! execution. An Action that suspends the flow seals its state (`suspended.rs`).

use std::time::{Instant, SystemTime};

use serde_json::Value;

use super::{ActionReport, Changes, ContinueRequest, Flow, FlowDecision, FlowOutcome, event_patch};
use crate::engine::{Engine, FlowStep, InstanceLease};
use crate::error::{ActionError, Error, Result};
use crate::outcome::{Decision, Interaction};
use crate::state::{Carried, Continuation};
use crate::suspended::{self, SuspendedFlow};

/// [`Engine::run_flow`].
pub(crate) async fn run(engine: &Engine, flow: &Flow, event: &Value) -> Result<FlowOutcome> {
    if !event.is_object() {
        return Err(Error::InvalidEvent("the event must be a JSON object".into()));
    }
    let _slot = engine.slot()?;
    // Found by the `inputs` fuzz target: prepared inside the deadline, the first flow of
    // a process with a short timeout trapped while instantiating, as an internal error.
    engine.flow_snapshot().await?;
    let deadline = engine.deadline()?;
    run_from(engine, flow, InstanceLease::new(Carried::default()), deadline, event.clone(), 0, None).await
}

/// [`Engine::resume_flow`].
pub(crate) async fn resume(
    engine: &Engine,
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
    let _slot = engine.slot()?;
    // A new `event.request` every time a flow resumes.
    let mut event = saved.event.clone();
    let mut new_request = event.get("request").and_then(Value::as_object).cloned().unwrap_or_default();
    new_request.insert("query".into(), Value::Object(request.query.clone()));
    new_request.insert("body".into(), Value::Object(request.body.clone()));
    event["request"] = Value::Object(new_request);
    let lease = InstanceLease::new(Carried { totals: saved.totals.clone(), cache: None });
    engine.flow_snapshot().await?;
    let deadline = engine.deadline()?;
    match &saved.interaction {
        // After a second factor the flow goes on at the next Action, which sees it.
        Interaction::Challenge { .. } => {
            event_patch::push_method(&mut event, "mfa");
            run_from(engine, flow, lease, deadline, event, saved.action + 1, None).await
        }
        interaction => {
            if let Interaction::Prompt { form_id, .. } = interaction {
                let mut fields = if request.body.is_empty() { request.query.clone() } else { request.body.clone() };
                fields.remove("state");
                event["prompt"] = serde_json::json!({ "id": form_id, "fields": fields });
            }
            let continuation =
                Continuation { state: saved.state.clone(), query: request.query.clone(), body: request.body.clone() };
            run_from(engine, flow, lease, deadline, event, saved.action, Some(continuation)).await
        }
    }
}

/// Runs the flow's Actions from `start`; with a `continuation`, the first one runs its
/// continue handler (and is skipped if it has none).
async fn run_from(
    engine: &Engine,
    flow: &Flow,
    mut lease: InstanceLease,
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
            let limit_ms = engine.config().timeout.as_millis() as u64;
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
            options: &step.options,
        };
        let outcome = match engine.execute_in_flow(&mut lease, run).await {
            Ok(outcome) => outcome,
            // The event was valid when the flow began: if it is not now, the writes of
            // the Action before this one grew it past its cap. That is a failure of
            // that Action, reported with the outcomes so far, not the caller's error.
            Err(Error::InvalidEvent(_)) if !reports.is_empty() => {
                let bytes = serde_json::to_vec(&event).map_or(u64::MAX, |json| json.len() as u64);
                let error = ActionError::EventTooLarge { bytes, limit_bytes: crate::limits::MAX_EVENT_BYTES as u64 };
                let culprit: &ActionReport = reports.last().expect("checked above");
                decision = FlowDecision::Error { action: culprit.name.clone(), error };
                next = index;
                break;
            }
            Err(other) => return Err(other),
        };
        event_patch::apply(&outcome.commands, &mut event, &mut changes);
        let ended = match &outcome.decision {
            Decision::Allowed => None,
            Decision::Denied { reason, code } => {
                Some(FlowDecision::Denied { action: step.name.clone(), reason: reason.clone(), code: code.clone() })
            }
            Decision::Error { error } => Some(FlowDecision::Error { action: step.name.clone(), error: error.clone() }),
            Decision::Suspended(interaction) => {
                let state = new_state();
                let interaction = interaction.clone().with_state(&state);
                let expires_at = suspended::millis(SystemTime::now() + engine.config().suspended_lifetime);
                let payload = suspended::Payload {
                    version: 0,
                    id: new_state(),
                    trigger: flow.trigger,
                    fingerprint: flow.fingerprint(),
                    action: index,
                    state,
                    interaction: interaction.clone(),
                    event: event.clone(),
                    totals: lease.totals().clone(),
                    expires_at,
                };
                suspended = Some(SuspendedFlow::seal(&engine.config().state_key, payload));
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

/// An unguessable `state`: 128 random bits, hex.
fn new_state() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
