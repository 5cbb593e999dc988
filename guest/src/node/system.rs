//! The natives `process`, `os` and `perf_hooks` read: the run's monotonic clock (the one
//! the timers use) and the heap as `heap.rs` counts it. Nothing of the machine the guest
//! runs on.

use javy::quickjs::{Ctx, Function, Object, Result};

use crate::{heap, timers};

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("now", Function::new(ctx.clone(), timers::now_ms)?)?;
    natives.set("heapUsed", Function::new(ctx.clone(), || heap::live() as f64)?)?;
    natives.set("heapLimit", Function::new(ctx.clone(), || heap::limit() as f64)?)?;
    Ok(natives)
}
