//! From the embedded guest module to ready-to-instantiate components, once per process
//! at most and once per machine normally. There are two snapshots of the same guest: one
//! with a single JavaScript runtime, for compiling and for single executions, and one
//! with [`FLOW_RUNTIMES`](crate::limits::FLOW_RUNTIMES), whose instances serve a flow's Actions in turn. Keeping them
//! apart keeps single executions as cheap as they are alone: the pool resets a slot by
//! copying back every page ever written in it, so a slot that served flows would make
//! later single executions pay for the pages of all the runtimes. For each snapshot:
//!
//! 1. The guest's bulk-memory instructions are rewritten to run a page at a time, with
//!    the fuel and the epoch checked between pages ([`bulk_memory`]);
//! 2. Wizer runs the guest's `wizer-initialize` (QuickJS runtimes, contexts, glue) and
//!    snapshots the instance into a new module;
//! 3. `wit-component` wraps that module, with the WASI preview 1 adapter, into a component;
//! 4. Cranelift compiles it, and the result is written to the cache directory, named by
//!    the guest's hash and the engine's compatibility hash and authenticated by a keyed
//!    hash ([`GuestCache`]), so the next process only checks and loads the file.
//!
//! The single-runtime snapshot is prepared when the engine starts; the flow snapshot
//! the first time a flow runs.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use cap_std::fs::Dir;
use wasmtime::component::Component;
use wasmtime::{Linker, Store};
use wasmtime_wasi::WasiCtxBuilder;
use wasmtime_wasi::p1::{self, WasiP1Ctx};
use wasmtime_wizer::Wizer;

use crate::error::{Error, Result};
use crate::files;
use crate::key::Key;
use crate::limits::MAX_GUEST_CACHE_FILE_BYTES;

mod bulk_memory;

/// The guest module built by `guest/build.sh` (located by `build.rs`).
const GUEST_WASM: &[u8] = include_bytes!(env!("ACTIONBOX_GUEST_WASM"));

/// Bumped whenever the preparation steps change, so old cache files are not reused.
const PREPARATION_VERSION: u32 = 6;

/// Separates this use of the cache key from others.
const PURPOSE: &str = "actionbox guest cache";

/// The SHA-256 (hex) of the embedded guest module (computed by `build.rs`).
pub fn guest_sha256() -> String {
    env!("ACTIONBOX_GUEST_SHA256").to_owned()
}

/// The directory where compiled snapshots are kept, and the key their files are
/// checked against.
///
/// Each `name.cwasm` has a `name.cwasm.tag` beside it: a keyed hash of the name and the
/// content. A file that was changed (a patched memory image, overwritten code) does not
/// match, and is rebuilt instead of loaded. The key lives elsewhere (the data directory),
/// so write access to the cache directory alone cannot forge a file. The file is checked
/// and then mapped through the same open descriptor, so a rename in the directory cannot
/// swap it in between (changing the checked file in place needs write access to it, 0600
/// and ours). It is hashed through a mapping of the page cache, not read into memory.
pub struct GuestCache {
    dir: Dir,
    key: Key,
}

impl GuestCache {
    /// The cache in `dir` (created 0700 if missing); `None` when it cannot be used, which
    /// only costs each process the preparation.
    pub fn open(dir: &Path, key: Option<&Key>) -> Option<Self> {
        let key = match key {
            Some(key) => key.clone(),
            None => Key::load_or_create(&crate::config::data_dir()?.join("guest-cache.key")).ok()?,
        };
        Some(GuestCache { dir: files::private_dir(dir).ok()?, key })
    }

    /// The compiled snapshot in file `name`, if it is there and its tag matches.
    pub(crate) fn load(&self, engine: &wasmtime::Engine, name: &str) -> Option<Component> {
        let tag = files::read_regular_in(&self.dir, Path::new(&tag_name(name)), 64).ok()?;
        let (file, compiled) = files::map_regular_in(&self.dir, Path::new(name), MAX_GUEST_CACHE_FILE_BYTES).ok()?;
        if !self.key.verify(PURPOSE, &[name.as_bytes(), &compiled], &tag) {
            return None;
        }
        use std::os::fd::AsRawFd;
        let by_descriptor = format!("/proc/self/fd/{}", file.as_raw_fd());
        // SAFETY: the tag proves this process's key wrote these bytes, and `store` only
        // writes what `Engine::precompile_component` produced; the path names the very
        // file just checked; wasmtime checks the engine compatibility itself.
        unsafe { Component::deserialize_file(engine, &by_descriptor) }
            .or_else(|_| unsafe { Component::deserialize(engine, &compiled) })
            .ok()
    }

    /// Writes `compiled` to file `name` and its tag beside it (0600, atomically each).
    pub(crate) fn store(&self, name: &str, compiled: &[u8]) -> std::io::Result<()> {
        let tag = self.key.tag(PURPOSE, &[name.as_bytes(), compiled]);
        files::write_private_in(&self.dir, name, compiled)?;
        files::write_private_in(&self.dir, &tag_name(name), &tag)
    }
}

impl GuestCache {
    /// Removes the oldest files whose names start with `prefix` (and their tags), so
    /// that at most `keep` remain. Best effort: a file that cannot be removed stays.
    pub(crate) fn prune(&self, prefix: &str, keep: usize) {
        let Ok(entries) = self.dir.entries() else { return };
        let mut files: Vec<(std::time::SystemTime, String)> = entries
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let name = entry.file_name().into_string().ok()?;
                let modified = entry.metadata().ok()?.modified().ok()?.into_std();
                (name.starts_with(prefix) && name.ends_with(".cwasm")).then_some((modified, name))
            })
            .collect();
        if files.len() <= keep {
            return;
        }
        files.sort();
        for (_, name) in &files[..files.len() - keep] {
            let _ = self.dir.remove_file(tag_name(name));
            let _ = self.dir.remove_file(name);
        }
    }
}

fn tag_name(name: &str) -> String {
    format!("{name}.tag")
}

/// The component of the snapshot with `runtimes` JavaScript runtimes, from the cache
/// when a valid copy is there. Several processes starting on an empty cache take turns
/// under a lock file, so the snapshot is prepared once, not once each.
pub async fn snapshot(engine: &wasmtime::Engine, cache: Option<&GuestCache>, runtimes: usize) -> Result<Component> {
    let name = cache_file_name(engine, &guest_sha256(), runtimes);
    let _lock = match cache {
        Some(cache) => {
            if let Some(component) = cache.load(engine, &name) {
                return Ok(component);
            }
            // Waits while another process prepares the same file; a lock that cannot be
            // taken only means preparing without it.
            let lock = files::lock_in(&cache.dir, &format!("{name}.lock")).ok();
            if let Some(component) = cache.load(engine, &name) {
                return Ok(component);
            }
            lock
        }
        None => None,
    };
    let component_wasm = component_wasm(engine, runtimes).await?;
    let compiled = engine.precompile_component(&component_wasm).map_err(guest_error("compiling the guest"))?;
    if let Some(cache) = cache {
        // A cache that cannot be written only costs the next process the same work.
        let _ = cache.store(&name, &compiled);
    }
    // SAFETY: `compiled` was produced just above by this engine.
    unsafe { Component::deserialize(engine, &compiled) }.map_err(guest_error("loading the compiled guest"))
}

/// The snapshot with `runtimes` JavaScript runtimes as a component, not yet compiled: what
/// a per-Action snapshot (`snapshot/`) starts from.
pub async fn component_wasm(engine: &wasmtime::Engine, runtimes: usize) -> Result<Vec<u8>> {
    let initialized = pre_initialize(engine, runtimes).await?;
    componentize(&initialized)
}

/// A name of the cache's that changes with the engine's compatibility and the
/// preparation's version.
pub(crate) fn compatibility(engine: &wasmtime::Engine) -> u64 {
    let mut hasher = DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut hasher);
    PREPARATION_VERSION.hash(&mut hasher);
    hasher.finish()
}

fn cache_file_name(engine: &wasmtime::Engine, guest_sha256: &str, runtimes: usize) -> String {
    format!("guest-{}-{:016x}-{runtimes}.cwasm", &guest_sha256[..16], compatibility(engine))
}

/// The core module name of the WIT `pre-initialization` interface.
const PRE_INITIALIZATION: &str = "actionbox-sandbox:contract/pre-initialization@0.1.0";

/// Rewrites the guest's bulk memory in pages, runs its initializer under Wizer, building
/// `runtimes` JavaScript runtimes, and returns the snapshot module.
async fn pre_initialize(engine: &wasmtime::Engine, runtimes: usize) -> Result<Vec<u8>> {
    let paged = bulk_memory::in_pages(GUEST_WASM).map_err(Error::Guest)?;
    let wasi = WasiCtxBuilder::new().build_p1();
    let mut store = Store::new(engine, wasi);
    store.set_fuel(u64::MAX).map_err(guest_error("configuring the initializer"))?;
    store.set_epoch_deadline(1 << 40);
    let mut linker = Linker::<WasiP1Ctx>::new(engine);
    p1::add_to_linker_async(&mut linker, |cx| cx).map_err(guest_error("linking WASI"))?;
    // The guest's initializer asks how many runtimes to build (its `runtimes.rs`): unlike
    // an environment variable or stdin, nothing of the answer stays in the snapshot.
    let count = u32::try_from(runtimes).unwrap_or(u32::MAX);
    linker
        .func_wrap(PRE_INITIALIZATION, "runtimes", move || count)
        .map_err(guest_error("linking the pre-initialization import"))?;
    Wizer::new()
        .run(&mut store, &paged, async move |store, module| {
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

pub(crate) fn guest_error(step: &'static str) -> impl Fn(wasmtime::Error) -> Error {
    move |e| Error::Guest(format!("{step}: {e:#}"))
}
