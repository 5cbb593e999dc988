//! From the embedded guest module to ready-to-instantiate components, once per process
//! at most and once per machine normally. There are two snapshots of the same guest: one
//! with a single JavaScript runtime, for compiling and for single executions, and one
//! with [`FLOW_RUNTIMES`], whose instances serve a flow's Actions in turn. Keeping them
//! apart keeps single executions as cheap as they are alone: the pool resets a slot by
//! copying back every page ever written in it, so a slot that served flows would make
//! later single executions pay for the pages of all the runtimes. For each snapshot:
//!
//! 1. Wizer runs the guest's `wizer-initialize` (QuickJS runtimes, contexts, glue) and
//!    snapshots the instance into a new module;
//! 2. `wit-component` wraps that module, with the WASI preview 1 adapter, into a component;
//! 3. Cranelift compiles it, and the result is written to the cache directory, keyed by
//!    the guest's hash and the engine's compatibility hash, so the next process only maps
//!    the file.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use wasmtime::component::Component;
use wasmtime::{Linker, Store};
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p1::{self, WasiP1Ctx};
use wasmtime_wizer::Wizer;

use crate::action::hex_sha256;
use crate::error::{Error, Result};

/// The guest module built by `guest/build.sh` (located by `build.rs`).
const GUEST_WASM: &[u8] = include_bytes!(env!("ACTIONBOX_GUEST_WASM"));

/// Bumped whenever the preparation steps change, so old cache files are not reused.
const PREPARATION_VERSION: u32 = 2;

/// JavaScript runtimes in the flow snapshot: one instance runs up to this many Actions of
/// a flow, each in a runtime of its own. Each costs about 170 KiB of snapshot.
pub const FLOW_RUNTIMES: usize = 5;

/// How the guest is told how many runtimes to build (read by its `engine.rs`).
const RUNTIMES_VARIABLE: &str = "ACTIONBOX_RUNTIMES";

/// The prepared snapshots and the SHA-256 (hex) of the module they came from.
pub struct PreparedGuest {
    /// One JavaScript runtime: compiling and single executions.
    pub single: Component,
    /// [`FLOW_RUNTIMES`] JavaScript runtimes: the Actions of a flow.
    pub flow: Component,
    pub guest_sha256: String,
}

/// Returns the prepared guest, from `cache_dir` when usable copies are there.
pub async fn prepare(engine: &wasmtime::Engine, cache_dir: Option<&Path>) -> Result<PreparedGuest> {
    let guest_sha256 = hex_sha256(GUEST_WASM);
    let single = snapshot(engine, cache_dir, &guest_sha256, 1).await?;
    let flow = snapshot(engine, cache_dir, &guest_sha256, FLOW_RUNTIMES).await?;
    Ok(PreparedGuest { single, flow, guest_sha256 })
}

/// The component of the snapshot with `runtimes` JavaScript runtimes.
async fn snapshot(
    engine: &wasmtime::Engine,
    cache_dir: Option<&Path>,
    guest_sha256: &str,
    runtimes: usize,
) -> Result<Component> {
    let cached = cache_dir.map(|dir| dir.join(cache_file_name(engine, guest_sha256, runtimes)));
    if let Some(path) = &cached
        && let Some(component) = load_cached(engine, path)
    {
        return Ok(component);
    }
    let initialized = pre_initialize(engine, runtimes).await?;
    let component_wasm = componentize(&initialized)?;
    let compiled = engine.precompile_component(&component_wasm).map_err(guest_error("compiling the guest"))?;
    if let Some(path) = &cached {
        // A cache that cannot be written only costs the next process the same work.
        let _ = store_cached(path, &compiled);
    }
    // SAFETY: `compiled` was produced just above by this engine.
    unsafe { Component::deserialize(engine, &compiled) }.map_err(guest_error("loading the compiled guest"))
}

fn cache_file_name(engine: &wasmtime::Engine, guest_sha256: &str, runtimes: usize) -> String {
    let mut hasher = DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut hasher);
    PREPARATION_VERSION.hash(&mut hasher);
    format!("guest-{}-{:016x}-{runtimes}.cwasm", &guest_sha256[..16], hasher.finish())
}

fn load_cached(engine: &wasmtime::Engine, path: &Path) -> Option<Component> {
    if !path.is_file() {
        return None;
    }
    // SAFETY: files in the cache directory are written only by `store_cached`, from
    // `Engine::precompile_component`; wasmtime checks the engine compatibility itself.
    unsafe { Component::deserialize_file(engine, path) }.ok()
}

fn store_cached(path: &Path, compiled: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().expect("cache files live in a directory");
    std::fs::create_dir_all(dir)?;
    let temporary = PathBuf::from(format!("{}.{}.tmp", path.display(), std::process::id()));
    std::fs::write(&temporary, compiled)?;
    std::fs::rename(&temporary, path)
}

/// Runs the guest's initializer under Wizer, building `runtimes` JavaScript runtimes, and
/// returns the snapshot module.
async fn pre_initialize(engine: &wasmtime::Engine, runtimes: usize) -> Result<Vec<u8>> {
    let wasi = WasiCtxBuilder::new().env(RUNTIMES_VARIABLE, runtimes.to_string()).build_p1();
    let mut store = Store::new(engine, wasi);
    store.set_fuel(u64::MAX).map_err(guest_error("configuring the initializer"))?;
    store.set_epoch_deadline(1 << 40);
    let mut linker = Linker::<WasiP1Ctx>::new(engine);
    p1::add_to_linker_async(&mut linker, |cx| cx).map_err(guest_error("linking WASI"))?;
    Wizer::new()
        .run(&mut store, GUEST_WASM, async move |store, module| {
            // The WIT imports are not called while initializing.
            linker.define_unknown_imports_as_traps(module)?;
            linker.instantiate_async(store, module).await
        })
        .await
        .map_err(guest_error("pre-initializing the guest"))
}

/// Wraps the core module into a component, adapting WASI preview 1 to preview 2.
fn componentize(module: &[u8]) -> Result<Vec<u8>> {
    let adapter = wasi_preview1_component_adapter_provider::WASI_SNAPSHOT_PREVIEW1_REACTOR_ADAPTER;
    wit_component::ComponentEncoder::default()
        .module(module)
        .and_then(|encoder| encoder.adapter("wasi_snapshot_preview1", adapter))
        .and_then(|encoder| encoder.validate(true).encode())
        .map_err(|e| Error::Guest(format!("making the guest a component: {e:#}")))
}

fn guest_error(step: &'static str) -> impl Fn(wasmtime::Error) -> Error {
    move |e| Error::Guest(format!("{step}: {e:#}"))
}
