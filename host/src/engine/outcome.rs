//! A run's result as an [`Outcome`]: what the guest's answer means (including the errors
//! the caller made), the decision (an error, else the first denial, else what the Action
//! asked the user for, else allowed), the platform's rule for a primary-user switch,
//! secrets kept out of reasons and errors, and the usage figures.

use std::time::Instant;

use wasmtime::Store;

use super::{Called, Engine, instance, threw};
use crate::api::{AuthenticationCommand, UserCommand};
use crate::bindings::types::{RunError, RunReport};
use crate::error::{ActionError, Error, Result};
use crate::outcome::{Command, Decision, Outcome, Pending, Usage, Warning};
use crate::recording::Tape;
use crate::redact::Redactor;
use crate::state::{HostState, Record};

impl Engine {
    /// What a run's result means: the outcome, and whether its instance may serve the
    /// next Action of a flow. `Err` for what the caller got wrong (the artifact, the
    /// event, the handler).
    pub(crate) fn finish(
        &self,
        store: &mut Store<HostState>,
        called: Called<RunReport, RunError>,
        source: Option<&str>,
        started: Instant,
        timing: Timing,
    ) -> Result<(Outcome, bool)> {
        let state = store.data();
        let mut pending = Pending::default();
        let failure = match called {
            Ok(Ok(report)) => {
                pending.timers = report.pending_timers;
                None
            }
            // Memory growth was refused and the Action then failed: whatever it threw
            // (often `null`, QuickJS having no memory left for an Error), it ran out.
            Ok(Err(RunError::Threw(_))) if state.limiter.refused() => Some(self.memory_error()),
            // An output cap was reached and the Action then failed: that is the limit.
            Ok(Err(RunError::Threw(_))) if state.record.output_limit.is_some() => {
                let limit = state.record.output_limit.expect("checked above");
                Some(ActionError::OutputLimit { limit, max: limit.max() })
            }
            Ok(Err(RunError::Threw(e))) => Some(threw(e, source)),
            Ok(Err(RunError::OutOfMemory)) => Some(self.memory_error()),
            Ok(Err(RunError::NeverSettled)) => Some(ActionError::NeverSettled),
            Ok(Err(RunError::InvalidBytecode(message))) => return Err(Error::InvalidArtifact(message)),
            Ok(Err(RunError::InvalidEvent(message))) => return Err(Error::InvalidEvent(message)),
            Ok(Err(RunError::NoSuchHandler(handler))) => {
                return Err(Error::InvalidArtifact(format!(
                    "it lists `{handler}` among its handlers, but its bytecode does not export it"
                )));
            }
            Ok(Err(RunError::Exhausted)) => {
                return Err(Error::Internal("a new instance has no JavaScript runtime left".into()));
            }
            Err(trap) => Some(self.classify_trap(&trap, store)),
        };
        let reusable = instance::may_serve_next(failure.as_ref(), store.data().limiter.grown_bytes());
        let (requests, unfinished) = store.data_mut().requests.finish();
        pending.requests = unfinished;
        let mut outcome = self.outcome(store, failure, started, timing);
        outcome.pending = pending;
        outcome.requests = requests;
        outcome.recording = store.data().tape.as_ref().map(Tape::finish);
        Ok((outcome, reusable))
    }

    /// The Action's outcome, taken from the store's record.
    fn outcome(
        &self,
        store: &mut Store<HostState>,
        failure: Option<ActionError>,
        started: Instant,
        timing: Timing,
    ) -> Outcome {
        let fuel = self.inner.config.fuel.saturating_sub(store.get_fuel().unwrap_or(0));
        let state = store.data_mut();
        let mut record = std::mem::take(&mut state.record);
        discard_metadata_of_primary_user_switch(&mut record);
        let mut failure = failure;
        redact(&state.redactor, &mut record, failure.as_mut());
        let decision = match (failure, record.take_denied(), record.interaction.take()) {
            (Some(error), _, _) => Decision::Error { error },
            (None, Some((reason, code)), _) => Decision::Denied { reason, code },
            (None, None, Some(interaction)) => Decision::Suspended(interaction),
            (None, None, None) => Decision::Allowed,
        };
        Outcome {
            decision,
            commands: record.commands,
            logs: record.logs.finish(),
            warnings: record.warnings,
            pending: Pending::default(),
            requests: Vec::new(),
            recording: None,
            usage: Usage {
                fuel,
                wall_time_us: micros(started, Some(Instant::now())),
                instantiate_us: micros(started, timing.instantiated),
                run_us: timing.instantiated.map_or(0, |from| micros(from, timing.ran)),
                peak_memory_bytes: state.limiter.peak_bytes(),
            },
        }
    }
}

/// User metadata set by an Action that also called `setPrimaryUser` is discarded, as on
/// the platform: it belonged to the user being replaced.
fn discard_metadata_of_primary_user_switch(record: &mut Record) {
    if !record
        .commands
        .iter()
        .any(|c| matches!(c, Command::Authentication(AuthenticationCommand::SetPrimaryUser { .. })))
    {
        return;
    }
    let mut keys = Vec::new();
    record.commands.retain(|command| match command {
        Command::User(UserCommand::SetUserMetadata { key, .. }) => {
            keys.push(key.clone());
            false
        }
        _ => true,
    });
    if !keys.is_empty() {
        record.warnings.push(Warning::UserMetadataDiscarded { keys });
    }
}

/// Secrets out of the reasons and messages of the record, and of the error (log lines are
/// redacted as they are written).
fn redact(redactor: &Redactor, record: &mut Record, failure: Option<&mut ActionError>) {
    record.redact_denial(|reason| redactor.redact_in_place(reason));
    for command in &mut record.commands {
        command.redact(&mut |text| redactor.redact_in_place(text));
    }
    if let Some(ActionError::Threw { name, message, stack, .. }) = failure {
        for text in [name, message, stack] {
            redactor.redact_in_place(text);
        }
    }
}

/// When the steps of an execution ended, for [`Usage`].
#[derive(Default, Clone, Copy)]
pub(crate) struct Timing {
    pub(crate) instantiated: Option<Instant>,
    pub(crate) ran: Option<Instant>,
}

fn micros(from: Instant, to: Option<Instant>) -> u64 {
    to.map_or(0, |to| to.saturating_duration_since(from).as_micros() as u64)
}
