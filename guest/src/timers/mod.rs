//! The event loop's guest half: its JavaScript (`timers.js`: the timer globals,
//! `queueMicrotask`, `process.nextTick`, and the queue `run.rs` drives), its natives (the
//! monotonic clock, and whether timers may be set now), and the one blocking host call
//! (`wait`) the loop makes when nothing is ready, which also returns when a request
//! (`fetch/`) completes.

use std::cell::Cell;
use std::time::{Duration, Instant};

use actionbox_contract::limits;
use javy::quickjs::{Ctx, Function, Object, Result};

use crate::actionbox_sandbox::contract::event_loop;

pub const JS: &str = include_str!("timers.js");

thread_local! {
    /// Whether the call in progress is a run (timers allowed) rather than a compile.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// When the run in progress started: what the timers' clock counts from.
    static ORIGIN: Cell<Option<Instant>> = const { Cell::new(None) };
    /// Whether the run set a timer or an immediate: only then is anything pending.
    static USED: Cell<bool> = const { Cell::new(false) };
    /// Whether a `nextTick` callback or a microtask's uncaught error waits for `run.rs`.
    static SIGNALLED: Cell<bool> = const { Cell::new(false) };
    /// Whether the call, not being a run, was asked to set a timer or start a request.
    static DEFERRED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the run set a timer or an immediate.
pub fn used() -> bool {
    USED.get()
}

/// Whether a timer, an immediate or a request was asked for outside a run (and so made
/// and never started): a top level that does so cannot be evaluated ahead of an
/// execution, which would have started it.
pub fn deferred() -> bool {
    DEFERRED.get()
}

/// Whether timers and requests may start now; asking outside a run is remembered
/// ([`deferred`]).
pub fn usable() -> bool {
    let running = RUNNING.get();
    if !running {
        DEFERRED.set(true);
    }
    running
}

/// Raises the signal again (after [`take_signal`] found it raised).
pub fn signal() {
    SIGNALLED.set(true);
}

/// Takes the signal that a `nextTick` callback or an uncaught microtask error waits. An
/// Action that uses neither costs the loop no call into JavaScript.
pub fn take_signal() -> bool {
    SIGNALLED.replace(false)
}

/// Allows timers for a run, or refuses them while a source is compiled: its top level
/// runs once there, and a timer set then would belong to no execution.
pub fn set_running(running: bool) {
    RUNNING.set(running);
    ORIGIN.set(None);
    USED.set(false);
    SIGNALLED.set(false);
    DEFERRED.set(false);
}

/// The clock timers are measured on: milliseconds since its first reading in the run,
/// monotonic (read at run time, so no reading is kept in the snapshot).
pub fn now_ms() -> f64 {
    let origin = ORIGIN.get().unwrap_or_else(|| {
        let now = Instant::now();
        ORIGIN.set(Some(now));
        now
    });
    origin.elapsed().as_secs_f64() * 1000.0
}

/// What `timers.js` receives.
pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<(Object<'js>, Object<'js>)> {
    let natives = Object::new(ctx.clone())?;
    natives.set("now", Function::new(ctx.clone(), now_ms)?)?;
    // Asked before each timer or immediate is set: a run that asks has used them.
    natives.set(
        "usable",
        Function::new(ctx.clone(), || {
            let usable = usable();
            USED.set(usable);
            usable
        })?,
    )?;
    natives.set("signal", Function::new(ctx.clone(), || SIGNALLED.set(true))?)?;
    let caps = Object::new(ctx.clone())?;
    caps.set("maxPendingTimers", limits::MAX_PENDING_TIMERS as f64)?;
    Ok((natives, caps))
}

/// Blocks until `milliseconds` have passed (forever when `None`) or a request has
/// completed, returning the ids of those that have (the host ends the execution instead
/// if its deadline comes first).
pub fn wait(milliseconds: Option<f64>) -> Vec<u32> {
    let nanoseconds = milliseconds.map(|ms| {
        let wait = Duration::from_secs_f64((ms.max(0.0) / 1000.0).min(86_400.0));
        u64::try_from(wait.as_nanos()).unwrap_or(u64::MAX)
    });
    event_loop::wait(nanoseconds)
}
