//! One handler invocation: load the bytecode, define the exports, build `event` and `api`,
//! call the handler, and await what it returns as `await` would (a promise or any
//! thenable), running the job queue.
//!
//! When it has settled, the jobs already queued and the jobs they queue run too, before
//! the outcome is taken, as they would in Node: an `api` call in a `.then` the handler did
//! not await still counts. These are microtasks only, under the same fuel, deadline and
//! heap cap, so a flood of them ends like any other limit (a job that ran out of heap
//! rejects its promise instead of throwing: `heap.rs` tells). Nothing else runs after the handler:
//! the runtime is never used again (`runtimes.rs`).
//!
//! A per-Action snapshot runs the first half ahead of time ([`preload`]): the run of an
//! instance made from it starts at the handler ([`run_preloaded`]).

use javy::quickjs::{Ctx, Function, Object, Value, promise::PromiseState, qjs};

use actionbox_contract::Trigger;

use crate::actionbox_sandbox::contract::pre_initialization::PreloadRequest;
use crate::actionbox_sandbox::contract::types::{RunError, RunReport, RunRequest};
use crate::exception::{self, Thrown};
use crate::{api, event, script, table};

pub fn run<'js>(ctx: Ctx<'js>, glue: Object<'js>, request: RunRequest) -> Result<RunReport, RunError> {
    let compiled = script::load(&ctx, &request.bytecode).map_err(|()| {
        ctx.catch();
        RunError::InvalidBytecode("the bytecode does not load in this guest".into())
    })?;
    let wrapper = script::evaluate(&ctx, compiled).map_err(|()| {
        ctx.catch();
        RunError::InvalidBytecode("the bytecode is not a compiled Action".into())
    })?;
    let exports = script::instantiate(&glue, wrapper, &request.filename, &request.links)
        .map_err(|()| thrown(&ctx, &request.filename))?;
    run_preloaded(ctx, glue, exports, request)
}

/// Evaluates the Action's top level, as `run` does before calling the handler, and
/// returns its exports; or why its state cannot stand for an execution's: it threw, or
/// it asked for a timer or a request (an execution would start them), or queued a
/// `nextTick` callback (which runs before the handler is called).
pub fn preload<'js>(ctx: Ctx<'js>, glue: Object<'js>, request: &PreloadRequest) -> Result<Value<'js>, String> {
    let filename = &request.filename;
    let threw = |ctx: &Ctx<'_>| match exception::take(ctx, filename) {
        Thrown::OutOfMemory => "its top level ran out of memory".to_owned(),
        Thrown::Exception(e) => format!("its top level threw {}: {}", e.name, e.message),
    };
    let compiled = script::load(&ctx, &request.bytecode).map_err(|()| {
        ctx.catch();
        "the bytecode does not load in this guest".to_owned()
    })?;
    let wrapper = script::evaluate(&ctx, compiled).map_err(|()| {
        ctx.catch();
        "the bytecode is not a compiled Action".to_owned()
    })?;
    let exports = script::instantiate(&glue, wrapper, filename, &request.links).map_err(|()| threw(&ctx))?;
    if crate::timers::deferred() {
        return Err("its top level sets a timer or starts a request, which each execution must do".into());
    }
    if crate::timers::take_signal() {
        return Err("its top level queues a process.nextTick callback, which each execution must run".into());
    }
    Ok(exports)
}

/// Calls the handler among `exports`, which the Action's top level has defined, and
/// awaits what it returns.
pub fn run_preloaded<'js>(
    ctx: Ctx<'js>,
    glue: Object<'js>,
    exports: Value<'js>,
    request: RunRequest,
) -> Result<RunReport, RunError> {
    let handler = exports
        .as_object()
        .and_then(|exports| exports.get::<_, Value>(request.handler.as_str()).ok())
        .and_then(Value::into_function)
        .ok_or_else(|| {
            ctx.catch();
            RunError::NoSuchHandler(request.handler.clone())
        })?;
    let event = parse_event(&ctx, &request.event)?;
    let bind_event: Function = glue.get("bindEvent").map_err(|_| thrown(&ctx, &request.filename))?;
    bind_event.call::<_, ()>((event.clone(),)).map_err(|_| thrown(&ctx, &request.filename))?;
    let trigger = table::trigger(request.trigger);
    api::call::set_running(trigger);
    let api = make_api(&glue, trigger).map_err(|_| thrown(&ctx, &request.filename))?;
    let returned: Value = match handler.call((event, api)) {
        Ok(returned) => returned,
        Err(_) => {
            let error = thrown(&ctx, &request.filename);
            drain_jobs(&ctx, &glue, &request.filename)?;
            return Err(error);
        }
    };
    // A promise is awaited by its own state. Any other object may be a thenable: it goes
    // through the glue's async function, so its `then` is called as `await` would.
    let awaited = if returned.is_promise() || !(returned.is_object() || returned.is_function()) {
        returned
    } else {
        let awaiting: Function = glue.get("awaitResult").map_err(|_| thrown(&ctx, &request.filename))?;
        awaiting.call((returned,)).map_err(|_| thrown(&ctx, &request.filename))?
    };
    settle(&ctx, &glue, awaited, &request.filename)
}

/// The event as a fresh object graph: nothing in it is shared with the host or another run.
fn parse_event<'js>(ctx: &Ctx<'js>, tape: &[u8]) -> Result<Value<'js>, RunError> {
    match event::build(ctx, tape) {
        Ok(event) if event.is_object() && !event.is_array() => Ok(event),
        Ok(_) => Err(RunError::InvalidEvent("the event must be an object".into())),
        Err(problem) => {
            ctx.catch();
            Err(RunError::InvalidEvent(format!("malformed event tape: {problem}")))
        }
    }
}

/// The trigger's `api`, built by the glue at pre-initialization from the trigger table.
fn make_api<'js>(glue: &Object<'js>, trigger: Trigger) -> javy::quickjs::Result<Value<'js>> {
    glue.get::<_, Object>("apis")?.get(trigger as u32)
}

/// Runs the event loop until `promise` (the handler's result, awaited) settles: the
/// `nextTick` callbacks and microtasks until none is left, then the loop's next timer or
/// immediate (`timers.js`), or one blocking wait for the next timer or request
/// (`fetch/`), whose completed requests then settle their promises. A value that is not a
/// promise is settled at once. When nothing is pending and the promise still is, it can
/// never settle. What is still pending once it has settled is reported, and never runs.
/// An Action that uses no timer costs the loop no call into JavaScript.
fn settle<'js>(ctx: &Ctx<'js>, glue: &Object<'js>, promise: Value<'js>, filename: &str) -> Result<RunReport, RunError> {
    let promise = promise.as_promise().cloned();
    let fail = |_| thrown(ctx, filename);
    loop {
        drain_jobs(ctx, glue, filename)?;
        if promise.as_ref().is_none_or(|p| p.state() != PromiseState::Pending) {
            break;
        }
        let requests = crate::fetch::in_flight();
        if !crate::timers::used() && !requests {
            return Err(RunError::NeverSettled);
        }
        let next: Value = if crate::timers::used() {
            event_loop(glue, "next").and_then(|next| next.call((requests,))).map_err(fail)?
        } else {
            Value::new_number(ctx.clone(), -1.0)
        };
        if let Some(callback) = next.as_function() {
            callback.call::<_, ()>(()).map_err(fail)?;
            continue;
        }
        let timer = next.as_number().filter(|milliseconds| *milliseconds >= 0.0);
        if timer.is_none() && !requests {
            return Err(RunError::NeverSettled);
        }
        let completed = crate::timers::wait(timer);
        crate::fetch::complete(glue, completed).map_err(fail)?;
    }
    if crate::heap::lost_in_promise() {
        return Err(RunError::OutOfMemory);
    }
    if let Some(promise) = promise
        && promise.state() == PromiseState::Rejected
    {
        let _ = promise.result::<Value>();
        return Err(thrown(ctx, filename));
    }
    let pending = if crate::timers::used() {
        event_loop(glue, "pending").and_then(|pending| pending.call::<_, f64>(())).map_err(fail)?
    } else {
        0.0
    };
    Ok(RunReport { pending_timers: pending as u32 })
}

/// One of the event loop's functions (`timers.js`).
fn event_loop<'js>(glue: &Object<'js>, name: &str) -> javy::quickjs::Result<Function<'js>> {
    glue.get::<_, Object>("timers")?.get(name)
}

/// Runs the `nextTick` callbacks, then the queued jobs, until neither has any left, as
/// Node does; an error a microtask threw fails the run.
fn drain_jobs<'js>(ctx: &Ctx<'js>, glue: &Object<'js>, filename: &str) -> Result<(), RunError> {
    loop {
        if crate::timers::take_signal() {
            event_loop(glue, "runTicks").and_then(|run| run.call::<_, ()>(())).map_err(|_| thrown(ctx, filename))?;
        }
        while run_job(ctx, filename)? {}
        if !crate::timers::take_signal() {
            return Ok(());
        }
        // A job queued a tick or recorded an error: once more.
        crate::timers::signal();
    }
}

/// Runs one queued job; `false` when there was none.
fn run_job(ctx: &Ctx<'_>, filename: &str) -> Result<bool, RunError> {
    let mut job_ctx = std::ptr::null_mut();
    // SAFETY: the runtime is live; QuickJS writes the job's context pointer.
    let ran = unsafe { qjs::JS_ExecutePendingJob(qjs::JS_GetRuntime(ctx.as_raw().as_ptr()), &mut job_ctx) };
    if ran < 0 {
        return Err(thrown(ctx, filename));
    }
    Ok(ran > 0)
}

/// The pending exception as a run error.
fn thrown(ctx: &Ctx<'_>, filename: &str) -> RunError {
    match exception::take(ctx, filename) {
        Thrown::OutOfMemory => RunError::OutOfMemory,
        Thrown::Exception(e) => RunError::Threw(e),
    }
}
