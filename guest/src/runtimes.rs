//! The instance's pool of QuickJS runtimes, created at pre-initialization.
//!
//! `initialize` builds them (through `javy`), each with its own context and its own copy
//! of the JavaScript glue; the host snapshots the instance right after, so no execution
//! ever pays for them. How many is the host's choice, which the initializer asks through
//! the WIT `pre-initialization` import (so nothing of it stays in the snapshot, as an
//! environment variable would): one for a snapshot that serves single executions, a few
//! for one that serves the Actions of a flow in turn.
//!
//! `with_fresh_runtime` applies the caller's limits and lends one runtime to one
//! `compile` or `run`. A runtime serves once, so the Actions of a flow that share an
//! instance share no heap, atoms, job queue or global object, and nothing one left behind
//! (a pending job, a patched prototype) can run or be seen in another. When none is left
//! the caller is told, and the host starts a new instance.
//!
//! A per-Action snapshot (`preload`) spends the single runtime on one Action's top level,
//! ahead of time; `with_preloaded` then lends that runtime, with the Action's exports, to
//! the one `run` of an instance made from that snapshot.

use std::cell::RefCell;

use javy::quickjs::{Ctx, Object, Persistent, Value, qjs};
use javy::{Config, Runtime};

use crate::actionbox_sandbox::contract::types::Limits;
use crate::{api, builtin, console, fetch, heap, node, packages, random, timers};

/// `require`, `module` and `exports` for the Action, and the await helper.
const MODULE: &str = include_str!("module.js");

/// Instantiates QuickJS's lazily defined built-ins, so the snapshot holds them.
const INTRINSICS: &str = include_str!("intrinsics.js");

/// One QuickJS runtime with its context, and the glue's entry points in it.
struct Fresh {
    runtime: Runtime,
    /// The object `module.js` returns: `{ apis, bindEvent, module, exports, require,
    /// builtins, packages, awaitResult }`.
    glue: Persistent<Object<'static>>,
}

/// What one instance keeps.
struct RuntimePool {
    /// Runtimes no `compile` or `run` has used yet, taken from the end.
    fresh: Vec<Fresh>,
    /// Where QuickJS keeps its lower stack limit (see [`StackLimit`]); the same offset
    /// in every runtime.
    stack_limit: StackLimit,
    /// The Action a per-Action snapshot evaluated ahead of time, until its run takes it.
    preloaded: Option<Preloaded>,
}

/// A runtime in which an Action's top level has run: what a per-Action snapshot holds.
struct Preloaded {
    fresh: Fresh,
    /// `module.exports` as the top level left it.
    exports: Persistent<Value<'static>>,
    /// The bytecode it was loaded from: the runtime serves that Action only.
    bytecode: Vec<u8>,
    /// Heap bytes the top level holds. They count against the run's cap, as they would
    /// had the top level run in it.
    heap_bytes: usize,
}

thread_local! {
    static POOL: RefCell<Option<RuntimePool>> = const { RefCell::new(None) };
}

/// Creates the runtimes and evaluates the glue in each. Runs once, under Wizer.
pub fn initialize() {
    POOL.with(|cell| {
        let mut pool = cell.borrow_mut();
        if pool.is_none() {
            let count = requested_runtimes().clamp(1, actionbox_contract::limits::MAX_RUNTIMES);
            let fresh: Vec<Fresh> = (0..count).map(|i| Fresh::new(i == 0)).collect();
            let stack_limit = fresh[0].runtime.context().with(|ctx| StackLimit::locate(&ctx));
            *pool = Some(RuntimePool { fresh, stack_limit, preloaded: None });
        }
    });
}

/// How many runtimes the host asked for (nothing of the question stays in the snapshot).
fn requested_runtimes() -> usize {
    crate::actionbox_sandbox::contract::pre_initialization::runtimes() as usize
}

impl Fresh {
    /// A runtime with its glue; the `first` also compiles Node's modules, before anything
    /// else, so the glue built after it fills the memory compiling left free, and an
    /// execution finds no free blocks among the snapshot's pages to write into.
    fn new(first: bool) -> Self {
        let mut config = Config::default();
        config.text_encoding(true).javy_stream_io(false);
        let runtime = Runtime::new(config).expect("the QuickJS runtime to start");
        let glue = runtime.context().with(|ctx| {
            heap::install(&ctx);
            if first {
                node::prepare(&ctx);
            }
            // The QuickJS build javy makes leaves `WeakRef` and `FinalizationRegistry` out.
            // SAFETY: the context is live; this only adds the two constructors to it.
            let added = unsafe { qjs::JS_AddIntrinsicWeakRef(ctx.as_raw().as_ptr()) };
            assert!(added == 0, "WeakRef and FinalizationRegistry to install");
            let event_loop: Object = timers::natives(&ctx)
                .and_then(|natives| builtin::evaluate(&ctx, timers::JS)?.call(natives))
                .unwrap_or_else(|e| panic!("timers.js to install: {e}"));
            // Node's modules stay bytecode until used: this installs their loader and the
            // accessors of their globals.
            let builtins = node::install(&ctx).unwrap_or_else(|e| panic!("Node's modules to install: {e}"));
            console::install(&ctx, &builtins).unwrap_or_else(|e| panic!("console.js to install: {e}"));
            let apis = api::install(&ctx).unwrap_or_else(|e| panic!("the api to install: {e}"));
            let glue: Object = builtin::evaluate(&ctx, MODULE)
                .and_then(|install| install.call((apis,)))
                .unwrap_or_else(|e| panic!("module.js to install: {e}"));
            glue.set("timers", event_loop).unwrap_or_else(|e| panic!("the event loop to install: {e}"));
            reserve_atoms(&ctx);
            // Last: the objects of `fetch` then sit above everything an execution touches,
            // which keeps the pages an execution dirties (and the host resets) as they
            // were without it.
            let requests: Object =
                fetch::install(&ctx, &builtins).unwrap_or_else(|e| panic!("fetch.js to install: {e}"));
            glue.set("fetch", requests).unwrap_or_else(|e| panic!("fetch to install: {e}"));
            let packages = packages::install(&ctx, &builtins).unwrap_or_else(|e| panic!("loader.js to install: {e}"));
            glue.set("packages", packages).unwrap_or_else(|e| panic!("loader.js to install: {e}"));
            glue.set("builtins", builtins).unwrap_or_else(|e| panic!("Node's modules to install: {e}"));
            random::install(&ctx).unwrap_or_else(|e| panic!("Math.random to install: {e}"));
            builtin::evaluate(&ctx, INTRINSICS)
                .and_then(|warm| warm.call::<_, ()>(()))
                .unwrap_or_else(|e| panic!("intrinsics.js to run: {e}"));
            Persistent::save(&ctx, glue)
        });
        Fresh { runtime, glue }
    }
}

/// Atoms an execution may add (its event's keys, its code's names) before QuickJS's atom
/// table has to grow. Growing it rehashes every atom, a cost that would fall on whichever
/// execution crossed the threshold, so the snapshot is made with the room already there.
const ATOM_ROOM: usize = 2048;

/// Grows the atom table by [`ATOM_ROOM`] atoms and frees them again: the table keeps its
/// size and the freed slots, which later atoms reuse.
fn reserve_atoms(ctx: &Ctx<'_>) {
    let raw = ctx.as_raw().as_ptr();
    let mut atoms = Vec::with_capacity(ATOM_ROOM);
    for i in 0..ATOM_ROOM {
        let name = format!("\u{1}actionbox-reserved-{i}");
        // SAFETY: the context is live; the name is valid UTF-8 of the given length.
        atoms.push(unsafe { qjs::JS_NewAtomLen(raw, name.as_ptr().cast(), name.len() as _) });
    }
    for atom in atoms {
        // SAFETY: each atom was created above and is freed once.
        unsafe { qjs::JS_FreeAtom(raw, atom) };
    }
}

/// Takes a runtime no call has used, applies `limits`, and runs `f` with its context and
/// glue object; `None` when every runtime of this instance has served.
///
/// The runtime is never handed out again. Its memory stays allocated until the host
/// discards the instance (QuickJS freeing a whole heap costs more than the host's reset
/// of the pages), which is why the host gives the next Action a new instance once an
/// Action has grown the memory.
pub fn with_fresh_runtime<R>(limits: &Limits, f: impl for<'js> FnOnce(Ctx<'js>, Object<'js>) -> R) -> Option<R> {
    // A no-op in a pre-initialized instance; a module run without Wizer pays it here.
    initialize();
    let (fresh, stack_limit) = POOL.with(|cell| {
        let mut pool = cell.borrow_mut();
        let pool = pool.as_mut().expect("initialize fills the pool cell");
        (pool.fresh.pop(), pool.stack_limit)
    });
    let fresh = fresh?;
    let result = fresh.runtime.context().with(|ctx| {
        apply_limits(&ctx, limits, 0);
        stack_limit.arm(&ctx);
        let glue = fresh.glue.clone().restore(&ctx).expect("the glue object to restore");
        f(ctx, glue)
    });
    // Dropping would free nothing (javy keeps its runtime and context in `ManuallyDrop`)
    // but the glue reference; the whole runtime goes with the instance instead.
    std::mem::forget(fresh);
    Some(result)
}

/// Evaluates an Action's top level ahead of time in a runtime no call has used: `f`
/// returns its exports (or why it cannot be preloaded), which are kept, with the
/// runtime, for the run of the same `bytecode` ([`with_preloaded`]).
pub fn preload(
    limits: &Limits,
    bytecode: Vec<u8>,
    f: impl for<'js> FnOnce(Ctx<'js>, Object<'js>) -> Result<Value<'js>, String>,
) -> Result<(), String> {
    initialize();
    let (fresh, stack_limit) = POOL.with(|cell| {
        let mut pool = cell.borrow_mut();
        let pool = pool.as_mut().expect("initialize fills the pool cell");
        (pool.fresh.pop(), pool.stack_limit)
    });
    let fresh = fresh.ok_or("every JavaScript runtime of the instance has served")?;
    let before = heap::live();
    let exports = fresh.runtime.context().with(|ctx| {
        apply_limits(&ctx, limits, 0);
        stack_limit.arm(&ctx);
        let glue = fresh.glue.clone().restore(&ctx).expect("the glue object to restore");
        let exports = f(ctx.clone(), glue).map(|exports| Persistent::save(&ctx, exports));
        // What the top level left as garbage is collected now rather than by an
        // execution, and the holes it leaves are taken, as at pre-initialization
        // (`heap::fill_free_blocks`), so executions write above the snapshot.
        // SAFETY: the runtime is live and nothing of it is borrowed across the call.
        unsafe { qjs::JS_RunGC(qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) };
        exports
    });
    let exports = match exports {
        Ok(exports) => exports,
        Err(reason) => {
            std::mem::forget(fresh);
            return Err(reason);
        }
    };
    let heap_bytes = heap::live().saturating_sub(before);
    heap::fill_free_blocks();
    POOL.with(|cell| {
        let mut pool = cell.borrow_mut();
        let pool = pool.as_mut().expect("initialize fills the pool cell");
        pool.preloaded = Some(Preloaded { fresh, exports, bytecode, heap_bytes });
    });
    Ok(())
}

/// Whether this instance holds a preloaded Action: `Some(true)` when it is the one of
/// `bytecode`, `Some(false)` when it is another.
pub fn preloaded_for(bytecode: &[u8]) -> Option<bool> {
    POOL.with(|cell| cell.borrow().as_ref()?.preloaded.as_ref().map(|preloaded| preloaded.bytecode == bytecode))
}

/// Lends the preloaded runtime, with the caller's limits applied, to `f` with its context,
/// glue and the Action's exports; `None` when there is none (or it has served).
pub fn with_preloaded<R>(
    limits: &Limits,
    f: impl for<'js> FnOnce(Ctx<'js>, Object<'js>, Value<'js>) -> R,
) -> Option<R> {
    let (preloaded, stack_limit) = POOL.with(|cell| {
        let mut pool = cell.borrow_mut();
        let pool = pool.as_mut()?;
        Some((pool.preloaded.take()?, pool.stack_limit))
    })?;
    let result = preloaded.fresh.runtime.context().with(|ctx| {
        apply_limits(&ctx, limits, preloaded.heap_bytes);
        stack_limit.arm(&ctx);
        let glue = preloaded.fresh.glue.clone().restore(&ctx).expect("the glue object to restore");
        let exports = preloaded.exports.clone().restore(&ctx).expect("the preloaded exports to restore");
        f(ctx, glue, exports)
    });
    // As in `with_fresh_runtime`: the runtime goes with the instance.
    std::mem::forget(preloaded);
    Some(result)
}

/// Applies `limits`, `held` bytes of whose heap are already taken.
fn apply_limits(ctx: &Ctx<'_>, limits: &Limits, held: usize) {
    heap::begin(limits.heap_bytes.saturating_sub(held as u64));
    // SAFETY: the context is live for this call; these only store numbers in the runtime.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
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
#[derive(Clone, Copy)]
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
