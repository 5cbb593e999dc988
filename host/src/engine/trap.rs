//! What a failed run means in the Action's terms: a trap (deadline, fuel, stack, memory),
//! or the guest's description of a thrown value, with every string it carries bounded.

use std::time::Duration;

use wasmtime::{Store, Trap};

use super::Engine;
use crate::bindings::types::Exception;
use crate::error::{ActionError, Location};
use crate::limits::{MAX_ERROR_MESSAGE_BYTES, MAX_ERROR_NAME_BYTES, MAX_ERROR_STACK_BYTES};
use crate::state::HostState;
use crate::text;

impl Engine {
    pub(super) fn memory_error(&self) -> ActionError {
        ActionError::MemoryLimit { limit_bytes: self.inner.config.memory_bytes }
    }

    /// What a trap means, in the Action's terms.
    pub(super) fn classify_trap(&self, error: &wasmtime::Error, store: &Store<HostState>) -> ActionError {
        match error.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => ActionError::Timeout { limit_ms: duration_ms(self.inner.config.timeout) },
            Some(Trap::OutOfFuel) => ActionError::CpuLimit { fuel: self.inner.config.fuel },
            Some(Trap::StackOverflow) => ActionError::StackOverflow,
            _ if store.data().limiter.refused() => self.memory_error(),
            _ => ActionError::Trap { message: text::truncate(format!("{error:#}"), MAX_ERROR_MESSAGE_BYTES) },
        }
    }
}

/// The guest's description of a thrown value, with every string it carries bounded
/// here too (the guest is not trusted to have done it). With the Action's `source`, a
/// bare `not a function` names what was called, as Node does (`callee.rs`).
pub(super) fn threw(e: Exception, source: Option<&str>) -> ActionError {
    let mut location = e.location.map(location);
    let mut message = e.message;
    if let (Some(at), Some(source)) = (location, source)
        && let Some((named, callee)) = crate::callee::named(&message, at, source)
    {
        (message, location) = (named, Some(callee));
    }
    ActionError::Threw {
        name: text::truncate(e.name, MAX_ERROR_NAME_BYTES),
        message: text::truncate(message, MAX_ERROR_MESSAGE_BYTES),
        stack: text::truncate(e.stack, MAX_ERROR_STACK_BYTES),
        location,
    }
}

pub(super) fn location(l: crate::bindings::types::Location) -> Location {
    Location { line: l.line, column: l.column }
}

fn duration_ms(d: Duration) -> u64 {
    d.as_millis().min(u128::from(u64::MAX)) as u64
}
