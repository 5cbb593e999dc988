//! wasmtime's configuration: fuel, epochs, Cranelift, the Wasm stack, and the pooling
//! allocator sized for [`Config::max_concurrent`](crate::Config::max_concurrent) slots.

use wasmtime::{Enabled, InstanceAllocationStrategy, OptLevel, PoolingAllocationConfig};

use crate::config::Config;
use crate::limits::WASM_STACK_BYTES;

/// Linear memory kept resident in a pool slot between instances, so a fresh instance
/// does not fault the snapshot's heap in again. With `PAGEMAP_SCAN` (Linux 6.7+) only
/// the pages an execution dirtied are reset; elsewhere the low addresses are rewritten.
const KEEP_RESIDENT_BYTES: usize = 4 * 1024 * 1024;

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
}
