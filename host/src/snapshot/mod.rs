//! Per-Action snapshots: an Action's top level and the `require`s it makes, evaluated
//! ahead of time, so that an execution starts at the handler.
//!
//! [`Engine::snapshot_action`] makes one (`preload.rs`), compiles it, and keeps it in the
//! engine's [`Snapshots`]; from then on [`Engine::execute`] instantiates the Action from
//! it, each execution still a fresh copy-on-write instance of its own. A snapshot is a
//! host-side cache derived from the artifact, never part of it: it is named by the
//! artifact's [`snapshot_key`](CompiledAction::snapshot_key) (which covers the guest,
//! the bytecode, the packaged modules and the runtime) and kept on disk beside the guest's
//! own compiled snapshots, authenticated the same way ([`GuestCache`](crate::prepare::GuestCache)), so another
//! process loads it instead of making it again.
//!
//! What such an execution sees differs from one that evaluates the top level itself
//! as a warm Node process differs from a cold one: values the top level computed (a
//! `Date.now()` it stored, say) are those of the preload, and its CPU is not counted
//! again. Its heap is: the bytes the top level holds count against each execution's cap.
//! `Math.random` is seeded afresh in each instance (the guest's `run`), and the clock is
//! read live. An Action whose top level logs, creates keys, sets timers or starts
//! requests is not snapshotted ([`Error::NotSnapshotted`]), and runs as before.

mod preload;

use std::collections::VecDeque;
use std::sync::Mutex;

use wasmtime::Store;
use wasmtime::component::Component;

use crate::action::CompiledAction;
use crate::bindings::ActionRuntimePre;
use crate::bindings::actionbox_sandbox::contract::pre_initialization::PreloadRequest;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::prepare;
use crate::state::{Carried, HostState};
use crate::trigger::Trigger;

/// The per-Action snapshots an engine holds, the most recently made last; at most
/// [`Config::max_snapshots`](crate::Config::max_snapshots) of them (the oldest goes).
/// The cache directory keeps as many files of them, the oldest removed first.
pub(crate) struct Snapshots {
    entries: Mutex<VecDeque<([u8; 32], ActionRuntimePre<HostState>)>>,
    capacity: usize,
}

impl Snapshots {
    pub(crate) fn new(capacity: usize) -> Self {
        Snapshots { entries: Mutex::new(VecDeque::new()), capacity }
    }

    /// Whether the engine holds none (then an execution need not compute its key).
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).is_empty()
    }

    /// The snapshot of the Action named `key`, if the engine holds one.
    pub(crate) fn get(&self, key: &[u8; 32]) -> Option<ActionRuntimePre<HostState>> {
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.iter().find(|(k, _)| k == key).map(|(_, pre)| pre.clone())
    }

    fn insert(&self, key: [u8; 32], pre: ActionRuntimePre<HostState>) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.retain(|(k, _)| *k != key);
        while entries.len() >= self.capacity.max(1) {
            entries.pop_front();
        }
        entries.push_back((key, pre));
    }

    fn remove(&self, key: &[u8; 32]) -> bool {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let before = entries.len();
        entries.retain(|(k, _)| k != key);
        entries.len() != before
    }
}

/// What the names of per-Action snapshot files start with.
const FILE_PREFIX: &str = "action-";

/// The name of an Action's compiled snapshot in the cache directory.
fn cache_file_name(engine: &wasmtime::Engine, key: &[u8; 32]) -> String {
    let hex: String = key[..16].iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{FILE_PREFIX}{hex}-{:016x}.cwasm", prepare::compatibility(engine))
}

/// What [`Engine::snapshot_action`] did, and the sizes it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SnapshotReport {
    pub origin: SnapshotOrigin,
    /// Bytes of initialized memory (the data segments of every core module) in the
    /// Action's snapshot and in the shared one it started from: what copy-on-write maps
    /// into each instance. Known when this call made the snapshot.
    pub image_bytes: Option<(u64, u64)>,
    /// Bytes of the compiled snapshot (code and image), as kept in the cache directory.
    /// Known when this call made the snapshot.
    pub compiled_bytes: Option<u64>,
}

/// Where the snapshot [`Engine::snapshot_action`] installed came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotOrigin {
    /// The engine held it already.
    Held,
    /// Loaded from the cache directory, checked.
    Loaded,
    /// Made by this call.
    Made,
}

/// Bytes of the data segments of every core module in `wasm`; 0 for what does not parse.
fn image_bytes(wasm: &[u8]) -> u64 {
    let mut total = 0;
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::DataSection(reader)) = payload {
            total += reader.into_iter().filter_map(Result::ok).map(|data| data.data.len() as u64).sum::<u64>();
        }
    }
    total
}

impl Engine {
    /// Evaluates `action`'s top level (and the modules it requires there) ahead of time
    /// into a snapshot of its own, which later [`execute`](Engine::execute) calls of the
    /// same Action start from. Made once per machine (kept in the guest cache directory,
    /// when there is one) and once per engine; the first costs about as much as preparing
    /// the guest (seconds). Flows keep using the shared snapshot.
    ///
    /// An Action whose top level cannot stand for an execution's is refused with
    /// [`Error::NotSnapshotted`] saying why; it runs as before.
    pub async fn snapshot_action(&self, action: &CompiledAction) -> Result<SnapshotReport> {
        let key = action.snapshot_key();
        let mut report = SnapshotReport { origin: SnapshotOrigin::Held, image_bytes: None, compiled_bytes: None };
        if self.inner_snapshots().get(&key).is_some() {
            return Ok(report);
        }
        self.check_artifact(action)?;
        let wasm = self.wasmtime();
        let name = cache_file_name(wasm, &key);
        let cache = self.guest_cache();
        let component = match cache.and_then(|cache| cache.load(wasm, &name)) {
            Some(component) => {
                report.origin = SnapshotOrigin::Loaded;
                component
            }
            None => {
                let _slot = self.slot()?;
                let base = self.base_component().await?;
                let snapshot = preload::preload(self, &base, action).await?;
                report.origin = SnapshotOrigin::Made;
                report.image_bytes = Some((image_bytes(&snapshot), image_bytes(&base)));
                let engine = wasm.clone();
                let compiled = tokio::task::spawn_blocking(move || engine.precompile_component(&snapshot))
                    .await
                    .map_err(|e| Error::Internal(format!("compiling the snapshot: {e}")))?
                    .map_err(prepare::guest_error("compiling the snapshot"))?;
                report.compiled_bytes = Some(compiled.len() as u64);
                if let Some(cache) = cache {
                    // A cache that cannot be written only costs the next process the same work.
                    let _ = cache.store(&name, &compiled);
                    cache.prune(FILE_PREFIX, self.config().max_snapshots);
                }
                // SAFETY: `compiled` was produced just above by this engine.
                unsafe { Component::deserialize(wasm, &compiled) }
                    .map_err(prepare::guest_error("loading the compiled snapshot"))?
            }
        };
        let pre = self.instantiate_pre(&component)?;
        self.inner_snapshots().insert(key, pre);
        Ok(report)
    }

    /// Drops the engine's snapshot of `action` (the cache directory keeps its file);
    /// whether it had one.
    pub fn forget_snapshot(&self, action: &CompiledAction) -> bool {
        self.inner_snapshots().remove(&action.snapshot_key())
    }

    /// Whether executions of `action` start from a snapshot of its own.
    pub fn has_snapshot(&self, action: &CompiledAction) -> bool {
        self.inner_snapshots().get(&action.snapshot_key()).is_some()
    }

    /// What the guest's `preload` is given: the artifact checked as for a run.
    fn preload_request(&self, action: &CompiledAction) -> Result<PreloadRequest> {
        self.check_artifact(action)?;
        Ok(PreloadRequest {
            bytecode: action.bytecode().to_vec(),
            links: action.modules().wit_links(&action.modules().action_links),
            filename: action.filename().to_owned(),
            runtime: action.runtime().to_wit(),
            limits: self.guest_limits(),
        })
    }

    /// A store for a preload: an execution's limits, the Action's modules, no outside world.
    fn preload_store(&self, action: &CompiledAction, request: PreloadRequest) -> Store<HostState> {
        let deadline = self.deadline().unwrap_or_else(|_| std::time::Instant::now());
        let mut store = self.new_store(Trigger::PostLogin, deadline, Carried::default());
        store.data_mut().modules = action.modules_shared();
        store.data_mut().preload = Some(request);
        self.arm(&mut store);
        store
    }
}
