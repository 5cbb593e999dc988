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
    /// The object `glue.js` returns: `{ apis, module, exports, require }`.
    glue: Persistent<Object<'static>>,
    /// Where QuickJS keeps its lower stack limit (see [`StackLimit`]).
    stack_limit: StackLimit,
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
                let install: Function =
                    ctx.eval_with_options(GLUE, options).unwrap_or_else(|e| panic!("glue.js to evaluate: {e}"));
                let natives = natives::register(&ctx).expect("the native functions to register");
                let glue: Object = install.call((natives,)).unwrap_or_else(|e| panic!("glue.js to install: {e}"));
                Persistent::save(&ctx, glue)
            });
            let stack_limit = runtime.context().with(|ctx| StackLimit::locate(&ctx));
            Engine { runtime, glue, stack_limit }
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
            engine.stack_limit.arm(&ctx);
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

/// QuickJS's stack check, armed by the guest.
///
/// QuickJS-ng leaves its stack check off when built for WASI: `JS_SetMaxStackSize` and
/// `JS_UpdateStackTop` record the size and the top in the runtime but keep the derived
/// lower limit at 0 ("no limit"), so deep recursion would run the guest's stack into
/// the data below it. The check itself is sound in Wasm (it compares the address of a
/// C local, which lives on the shadow stack, with that limit), so the guest writes the
/// limit: `top - size`, into the word QuickJS keeps right after `stack_size` and
/// `stack_top`. The word is found once, at pre-initialization, from the known values of
/// its two neighbours; if it cannot be found the guest refuses to initialize rather than
/// run without a stack limit. `limit-stack-overflow-is-catchable` tests the result.
struct StackLimit {
    /// Byte offset of `stack_size` in `JSRuntime`; `stack_top` and `stack_limit` follow.
    offset: usize,
}

impl StackLimit {
    /// An unlikely stack size, set only while searching for the field.
    const PROBE: usize = 0x5eed_0a1d;
    /// How far into `JSRuntime` to search.
    const SEARCH_BYTES: usize = 4096;

    fn locate(ctx: &Ctx<'_>) -> Self {
        let word = std::mem::size_of::<usize>();
        // SAFETY: `rt` is the live runtime; the search reads inside its allocation, which
        // is far larger than SEARCH_BYTES, and writes nothing.
        unsafe {
            let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
            qjs::JS_SetMaxStackSize(rt, Self::PROBE as _);
            qjs::JS_UpdateStackTop(rt);
            let base = rt.cast::<u8>();
            let read = |offset: usize| base.add(offset).cast::<usize>().read_unaligned();
            let offset = (0..Self::SEARCH_BYTES - 3 * word)
                .step_by(word)
                .find(|&offset| read(offset) == Self::PROBE && read(offset + word) != 0 && read(offset + 2 * word) == 0)
                .expect("QuickJS's stack fields (stack_size, stack_top, stack_limit) to be found in JSRuntime");
            StackLimit { offset }
        }
    }

    /// Sets the lower stack limit from the size and top QuickJS just recorded.
    fn arm(&self, ctx: &Ctx<'_>) {
        let word = std::mem::size_of::<usize>();
        // SAFETY: `offset` was located in this runtime's own struct by `locate`.
        unsafe {
            let fields = qjs::JS_GetRuntime(ctx.as_raw().as_ptr()).cast::<u8>().add(self.offset);
            let size = fields.cast::<usize>().read_unaligned();
            let top = fields.add(word).cast::<usize>().read_unaligned();
            fields.add(2 * word).cast::<usize>().write_unaligned(top.saturating_sub(size));
        }
    }
}
