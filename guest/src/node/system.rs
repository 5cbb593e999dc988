//! The natives `process`, `os` and `perf_hooks` read: the run's monotonic clock (the one
//! the timers use), the heap as `heap.rs` counts it, and the Node.js version the Action
//! declared. Nothing of the machine the guest runs on.

use std::cell::Cell;

use javy::quickjs::{Ctx, Function, Object, Result};

use crate::actionbox_sandbox::contract::types::NodeRuntime;
use crate::{heap, timers};

thread_local! {
    /// The Node.js version the current `compile` or `run` is for.
    static RUNTIME: Cell<NodeRuntime> = const { Cell::new(NodeRuntime::Node22) };
}

/// Declares the Node.js version of the Action about to compile or run.
pub fn declare_runtime(runtime: NodeRuntime) {
    RUNTIME.with(|cell| cell.set(runtime));
}

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set(
        "runtime",
        Function::new(ctx.clone(), || match RUNTIME.with(Cell::get) {
            NodeRuntime::Node22 => "node22",
            NodeRuntime::Node18 => "node18",
        })?,
    )?;
    natives.set("now", Function::new(ctx.clone(), timers::now_ms)?)?;
    natives.set("heapUsed", Function::new(ctx.clone(), || heap::live() as f64)?)?;
    natives.set("heapLimit", Function::new(ctx.clone(), || heap::limit() as f64)?)?;
    Ok(natives)
}
