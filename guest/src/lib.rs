//! The actionbox guest: QuickJS (through `javy`) compiled to `wasm32-wasip1`.
//!
//! It exports the `sandbox` interface of `wit/sandbox.wit`: `compile` turns an Action's
//! CommonJS source into bytecode and lists its handlers; `scan` lists the modules a file of
//! its dependency graph asks for (`scan.rs`), and `prepare-module` also compiles it
//! (`packages/`, which loads them at run time); `run` loads bytecode and runs one handler
//! with an `event` and the trigger's `api`. The world's `preload` export evaluates an
//! Action's top level ahead of time, for a per-Action snapshot. The QuickJS runtimes, their contexts
//! and the JavaScript glue are created by `wizer-initialize`, which the host runs once under
//! Wizer, so every instance starts from that snapshot. Each call takes a runtime of its
//! own (`runtimes.rs`), so one instance can serve the Actions of a flow in turn.
//!
//! The guest holds no host objects: `api` methods are JavaScript functions that call the
//! imported WIT interfaces with plain data (see `api/`, one folder per namespace).

mod api;
mod builtin;
mod console;
mod event;
mod exception;
mod fetch;
mod heap;
mod json;
mod node;
mod packages;
mod random;
mod run;
mod runtimes;
mod scan;
mod script;
mod table;
mod text;
mod timers;
mod wasi;
mod wrapper;

wit_bindgen::generate!({
    world: "actionbox-sandbox:contract/action-runtime",
    path: ["../wit/api", "../wit"],
    // The `api` interfaces are another package's: bound here too.
    generate_all,
});

use actionbox_sandbox::contract::scan_types::{PreparedModule, ScanError, Scanned, Syntax, SyntaxHint};
use actionbox_sandbox::contract::types::{
    CompileError, Compiled, Limits, Link, NodeRuntime, RunError, RunReport, RunRequest,
};
use exports::actionbox_sandbox::contract::sandbox::Guest as SandboxGuest;

struct Sandbox;

impl SandboxGuest for Sandbox {
    fn compile(
        filename: String,
        source: String,
        links: Vec<Link>,
        runtime: NodeRuntime,
        limits: Limits,
    ) -> Result<Compiled, CompileError> {
        timers::set_running(false);
        random::reseed();
        node::declare_runtime(runtime);
        fetch::reset();
        runtimes::with_fresh_runtime(&limits, |ctx, glue| script::compile(ctx, glue, &filename, &source, &links))
            .unwrap_or(Err(CompileError::Exhausted))
    }

    fn scan(_filename: String, source: String, hint: SyntaxHint) -> Result<Scanned, ScanError> {
        scan::scan(&source, hint)
    }

    fn prepare_module(
        path: String,
        source: String,
        hint: SyntaxHint,
        limits: Limits,
    ) -> Result<PreparedModule, ScanError> {
        let scanned = scan::scan(&source, hint)?;
        let esm = matches!(scanned.syntax, Syntax::Esm);
        runtimes::with_fresh_runtime(&limits, |ctx, _| packages::compile(&ctx, &path, &source, esm))
            .unwrap_or(Err(ScanError::Exhausted))
            .map(|bytecode| PreparedModule { scanned, bytecode })
    }

    fn run(request: RunRequest, limits: Limits) -> Result<RunReport, RunError> {
        timers::set_running(true);
        random::reseed();
        fetch::reset();
        node::declare_runtime(request.runtime);
        match runtimes::preloaded_for(&request.bytecode) {
            Some(true) => {
                runtimes::with_preloaded(&limits, |ctx, glue, exports| run::run_preloaded(ctx, glue, exports, request))
                    .unwrap_or(Err(RunError::Exhausted))
            }
            Some(false) => Err(RunError::InvalidBytecode("this instance holds another Action's snapshot".into())),
            None => runtimes::with_fresh_runtime(&limits, |ctx, glue| run::run(ctx, glue, request))
                .unwrap_or(Err(RunError::Exhausted)),
        }
    }
}

impl Guest for Sandbox {
    fn preload() -> Result<(), String> {
        let request =
            actionbox_sandbox::contract::pre_initialization::preloaded_action().ok_or("no Action to preload")?;
        // As at compile time: a timer or request asked for now belongs to no execution
        // (`run::preload` refuses the Action then).
        timers::set_running(false);
        fetch::reset();
        node::declare_runtime(request.runtime);
        let bytecode = request.bytecode.clone();
        runtimes::preload(&request.limits, bytecode, |ctx, glue| run::preload(ctx, glue, &request))
    }
}

export!(Sandbox);

/// Creates the QuickJS runtimes, their contexts and the glue. Wizer calls this once and
/// snapshots the result; it is not exported from the pre-initialized module.
#[unsafe(export_name = "wizer-initialize")]
pub extern "C" fn wizer_initialize() {
    runtimes::initialize();
    heap::fill_free_blocks();
}
