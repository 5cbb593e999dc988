//! The instance's one QuickJS runtime and context, created at pre-initialization.
//!
//! `initialize` builds them (through `javy`) and evaluates the JavaScript glue; the host
//! snapshots the instance right after, so no execution ever pays for it. `with_context`
//! applies the caller's limits and lends the context to one `compile` or `run`.

use std::cell::OnceCell;

use javy::quickjs::{Ctx, Function, Object, Persistent, context::EvalOptions, qjs};
use javy::{Config, Runtime};

use crate::actionbox::runtime::types::Limits;
use crate::exception::GLUE_FILENAME;
use crate::natives;

/// The JavaScript side of `api` and `console`, evaluated once at pre-initialization.
const GLUE: &str = include_str!("glue.js");

/// What one instance keeps: the runtime and the glue's entry points.
struct Engine {
    runtime: Runtime,
    /// The object `glue.js` returns: `{ makeApi(trigger) }`.
    glue: Persistent<Object<'static>>,
}

thread_local! {
    static ENGINE: OnceCell<Engine> = const { OnceCell::new() };
}

/// Creates the runtime and evaluates the glue. Runs once, under Wizer.
pub fn initialize() {
    ENGINE.with(|cell| {
        cell.get_or_init(|| {
            let mut config = Config::default();
            config.text_encoding(true).javy_stream_io(false);
            let runtime = Runtime::new(config).expect("the QuickJS runtime to start");
            let glue = runtime.context().with(|ctx| {
                let mut options = EvalOptions::default();
                options.global = true;
                options.strict = true;
                options.filename = Some(GLUE_FILENAME.into());
                let install: Function = ctx
                    .eval_with_options(GLUE, options)
                    .unwrap_or_else(|e| panic!("glue.js to evaluate: {e}"));
                let natives = natives::register(&ctx).expect("the native functions to register");
                let glue: Object = install
                    .call((natives,))
                    .unwrap_or_else(|e| panic!("glue.js to install: {e}"));
                Persistent::save(&ctx, glue)
            });
            Engine { runtime, glue }
        });
    });
}

/// Applies `limits` and runs `f` with the context and the glue object.
pub fn with_context<R>(limits: &Limits, f: impl for<'js> FnOnce(Ctx<'js>, Object<'js>) -> R) -> R {
    // A no-op in a pre-initialized instance; a module run without Wizer pays it here.
    initialize();
    ENGINE.with(|cell| {
        let engine = cell.get().expect("initialize fills the engine cell");
        engine.runtime.context().with(|ctx| {
            apply_limits(&ctx, limits);
            let glue = engine.glue.clone().restore(&ctx).expect("the glue object to restore");
            f(ctx, glue)
        })
    })
}

fn apply_limits(ctx: &Ctx<'_>, limits: &Limits) {
    // SAFETY: the context is live for this call; these only store numbers in the runtime.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_SetMemoryLimit(rt, limits.heap_bytes.min(u32::MAX as u64) as _);
        qjs::JS_SetMaxStackSize(rt, limits.stack_bytes as _);
        // The stack limit is measured from the stack pointer when this is called.
        qjs::JS_UpdateStackTop(rt);
    }
}
