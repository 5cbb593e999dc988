//! Making one per-Action snapshot: Wizer runs the guest's `preload` export in an instance
//! of the single-runtime snapshot, whose `pre-initialization.preloaded-action` import
//! hands it the Action, and snapshots the whole component (the guest's memory with the
//! Action's top level evaluated, and the state of the WASI adapter and of the shims) into
//! a new one.
//!
//! The instance is linked as an execution's, and the preload runs under an execution's
//! limits (fuel, the deadline, memory). Its top level may load the Action's packaged
//! modules, read the clocks, draw random numbers and compute digests: nothing of these
//! stays behind in the host. What would (a log line, a key in the execution's table, a
//! command) belongs to an execution, so an Action whose top level leaves any is not
//! snapshotted; timers and requests are refused by the guest (`run::preload`).

use wasmtime::Store;
use wasmtime::component::Val;
use wasmtime_wizer::Wizer;

use crate::action::CompiledAction;
use crate::bindings::actionbox_sandbox::contract::pre_initialization;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::state::HostState;

/// The guest's export that evaluates the Action (`wit/world.wit`), as Wizer calls it.
const PRELOAD: &str = "preload()";

/// The component of `base` (the single-runtime snapshot, not compiled) with `action`'s top
/// level evaluated. An Action that cannot be preloaded is an [`Error::NotSnapshotted`]
/// saying why.
pub(super) async fn preload(engine: &Engine, base: &[u8], action: &CompiledAction) -> Result<Vec<u8>> {
    let request = engine.preload_request(action)?;
    let mut store: Store<HostState> = engine.preload_store(action, request);
    let linker = engine.linker().clone();
    let (snapshot, returned) = Wizer::new()
        .init_func(PRELOAD)
        .run_component(&mut store, base, async move |store, component| linker.instantiate_async(store, component).await)
        .await
        .map_err(|e| refusal(&e))?;
    match returned.as_slice() {
        [Val::Result(Ok(_))] => match left_behind(store.data()) {
            Some(what) => Err(Error::NotSnapshotted(format!("its top level {what}, which each execution must do"))),
            None => Ok(snapshot),
        },
        [Val::Result(Err(Some(reason)))] => match reason.as_ref() {
            Val::String(reason) => Err(Error::NotSnapshotted(reason.clone())),
            other => Err(Error::Internal(format!("the guest's preload returned {other:?}"))),
        },
        other => Err(Error::Internal(format!("the guest's preload returned {other:?}"))),
    }
}

/// What the top level did that belongs to an execution: the host's records of it are
/// the execution's, and a snapshot would carry none of them.
fn left_behind(state: &HostState) -> Option<&'static str> {
    if !state.record.logs.is_empty() {
        Some("writes to the console")
    } else if !state.keys.is_empty() {
        Some("creates cryptographic keys (kept by the host for one execution)")
    } else if !state.record.commands.is_empty() || !state.record.warnings.is_empty() {
        Some("calls the api")
    } else {
        None
    }
}

/// Why Wizer failed: a trap in the preload (an import that belongs to an execution, a
/// limit) refuses the Action; anything else is the host's problem.
fn refusal(error: &wasmtime::Error) -> Error {
    let text = format!("{error:#}");
    if let Some(trap) = error.downcast_ref::<wasmtime::Trap>() {
        let limit = match trap {
            wasmtime::Trap::OutOfFuel => "its top level ran out of CPU (fuel)",
            wasmtime::Trap::Interrupt => "its top level ran past the deadline",
            _ => "its top level trapped",
        };
        return Error::NotSnapshotted(format!("{limit}: {text}"));
    }
    if text.contains("the initialization function trapped") {
        Error::NotSnapshotted(format!("its top level trapped: {text}"))
    } else {
        Error::Internal(format!("preloading the Action: {text}"))
    }
}

/// The Action to preload, asked by the guest's `preload`; none in an execution.
impl pre_initialization::Host for HostState {
    fn runtimes(&mut self) -> u32 {
        // An instance made from a snapshot has its runtimes and never asks; one that did
        // would be told the least.
        1
    }

    fn preloaded_action(&mut self) -> Option<pre_initialization::PreloadRequest> {
        self.preload.take()
    }
}
