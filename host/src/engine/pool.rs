//! wasmtime's configuration: fuel, epochs, Cranelift (with its incremental cache), the
//! Wasm stack, and the pooling allocator sized for
//! [`Config::max_concurrent`](crate::Config::max_concurrent) slots.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use wasmtime::{CacheStore, Enabled, InstanceAllocationStrategy, OptLevel, PoolingAllocationConfig};

use crate::config::Config;
use crate::limits::WASM_STACK_BYTES;

/// Linear memory kept resident in a pool slot between instances, so a fresh instance
/// does not fault the snapshot's heap in again. With `PAGEMAP_SCAN` (Linux 6.7+) only
/// the pages an execution dirtied are reset; elsewhere the low addresses are rewritten.
const KEEP_RESIDENT_BYTES: usize = 4 * 1024 * 1024;

/// The most the incremental compilation cache holds. The guest's functions, compiled
/// once, take about 25 MB of it: every per-Action snapshot compiles the same functions
/// again (only its memory differs), twice (to run its preload, then the snapshot), and
/// finds them here. Nothing is kept until the engine compiles something: an engine that
/// loads its guest from the cache directory and makes no snapshot holds none of it.
const COMPILED_FUNCTIONS_BYTES: usize = 96 * 1024 * 1024;

/// Cranelift's incremental cache, in memory for the engine's life: compiled functions by
/// the hash of their code, up to [`COMPILED_FUNCTIONS_BYTES`] (then nothing more is kept).
#[derive(Debug, Default)]
struct CompiledFunctions {
    entries: Mutex<Entries>,
}

/// The compiled functions by key, and the bytes of both.
#[derive(Debug, Default)]
struct Entries {
    map: HashMap<Vec<u8>, Vec<u8>>,
    bytes: usize,
}

impl CacheStore for CompiledFunctions {
    fn get(&self, key: &[u8]) -> Option<Cow<'_, [u8]>> {
        let entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        entries.map.get(key).map(|value| Cow::Owned(value.clone()))
    }

    fn insert(&self, key: &[u8], value: Vec<u8>) -> bool {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let size = key.len() + value.len();
        if entries.bytes + size > COMPILED_FUNCTIONS_BYTES {
            return false;
        }
        entries.bytes += size;
        if let Some(old) = entries.map.insert(key.to_vec(), value) {
            entries.bytes -= key.len() + old.len();
        }
        true
    }
}

pub(super) fn wasmtime_config(config: &Config) -> wasmtime::Config {
    let slots = config.max_concurrent;
    let mut pool = PoolingAllocationConfig::default();
    pool.total_component_instances(slots)
        // The component holds the guest, the WASI adapter and wit-component's shims;
        // one more slot is for a pre-initialization run.
        .total_core_instances(slots * 8 + 1)
        .total_memories(slots * 2 + 1)
        .total_tables(slots * 4 + 1)
        .total_stacks(slots + 1)
        .max_core_instances_per_component(16)
        .max_memories_per_component(4)
        .max_tables_per_component(8)
        .max_memory_size(config.memory_bytes as usize)
        .linear_memory_keep_resident(KEEP_RESIDENT_BYTES)
        .table_keep_resident(64 * 1024)
        .pagemap_scan(Enabled::Auto);
    let mut wasmtime = wasmtime::Config::new();
    wasmtime
        .consume_fuel(true)
        .epoch_interruption(true)
        .cranelift_opt_level(OptLevel::Speed)
        .max_wasm_stack(WASM_STACK_BYTES)
        .async_stack_size(WASM_STACK_BYTES + 1024 * 1024)
        .memory_init_cow(true)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    wasmtime
        .enable_incremental_compilation(Arc::new(CompiledFunctions::default()))
        .expect("the incremental cache to be accepted by Cranelift");
    wasmtime
}
