//! The memory limiter of a store: caps one instance's linear memory and tables (the
//! limits are in [`crate::limits`]) and records what the engine needs to know after a
//! run: the peak, the growth since the newest instance started, and any refusal. The
//! store asks it through [`HostState`], whose growth is also a point where a long runner
//! yields (`engine/schedule.rs`).

use crate::limits::MAX_TABLE_ELEMENTS;
use crate::state::HostState;

/// Caps one instance's linear memory and tables, and records the peak, the growth since
/// the newest instance started, and any refusal.
#[derive(Debug)]
pub struct MemoryLimiter {
    limit_bytes: usize,
    peak_bytes: usize,
    /// The newest memory's size when it was created, and now.
    initial_bytes: usize,
    current_bytes: usize,
    refused: bool,
}

impl MemoryLimiter {
    pub fn new(limit_bytes: u64) -> Self {
        MemoryLimiter {
            limit_bytes: limit_bytes as usize,
            peak_bytes: 0,
            initial_bytes: 0,
            current_bytes: 0,
            refused: false,
        }
    }

    /// Forgets the peak and any refusal, for the next Action in the same store.
    pub fn reset(&mut self) {
        self.peak_bytes = self.current_bytes;
        self.refused = false;
    }

    /// How much the newest instance's memory has grown since it was created.
    pub fn grown_bytes(&self) -> usize {
        self.current_bytes.saturating_sub(self.initial_bytes)
    }

    /// The largest memory size reached.
    pub fn peak_bytes(&self) -> u64 {
        self.peak_bytes as u64
    }

    /// Whether a growth was refused: a trap that follows is a memory failure.
    pub fn refused(&self) -> bool {
        self.refused
    }
}

impl MemoryLimiter {
    /// Whether the memory may grow from `current` to `desired` bytes.
    fn memory_growing(&mut self, current: usize, desired: usize) -> bool {
        self.peak_bytes = self.peak_bytes.max(current);
        if desired > self.limit_bytes {
            self.refused = true;
            return false;
        }
        self.peak_bytes = self.peak_bytes.max(desired);
        // Wasmtime asks with `current` 0 when it creates a memory.
        if current == 0 {
            self.initial_bytes = desired;
        }
        self.current_bytes = desired;
        true
    }
}

/// The store's limiter. Growth is where a memory bomb spends its time (the pages it then
/// touches fault in, and are given back when its store is dropped) while using little
/// fuel, so a grown execution is a long runner, and a long runner yields at each growth
/// for the scheduler to park it.
#[async_trait::async_trait]
impl wasmtime::ResourceLimiterAsync for HostState {
    async fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let allowed = self.limiter.memory_growing(current, desired);
        if allowed && let Some(long_runner) = &self.long_runner {
            long_runner.grew(self.limiter.grown_bytes()).await;
        }
        Ok(allowed)
    }

    async fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }
}
