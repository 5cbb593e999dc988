//! The memory limiter of a store: caps one instance's linear memory and tables (the
//! limits are in [`crate::limits`]) and records what the engine needs to know after a
//! run: the peak, the growth since the newest instance started, and any refusal.

use crate::limits::MAX_TABLE_ELEMENTS;

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

impl wasmtime::ResourceLimiter for MemoryLimiter {
    fn memory_growing(&mut self, current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        self.peak_bytes = self.peak_bytes.max(current);
        if desired > self.limit_bytes {
            self.refused = true;
            return Ok(false);
        }
        self.peak_bytes = self.peak_bytes.max(desired);
        // Wasmtime asks with `current` 0 when it creates a memory.
        if current == 0 {
            self.initial_bytes = desired;
        }
        self.current_bytes = desired;
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }
}
