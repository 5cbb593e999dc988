//! Every limit the host enforces, and the one mechanism behind each.
//!
//! | limit | value | mechanism |
//! |---|---|---|
//! | wall clock per execution | 20 s (configurable) | epoch interruption (`epoch.rs`) |
//! | CPU per execution | [`DEFAULT_FUEL`] (configurable) | wasmtime fuel |
//! | memory per instance | 64 MiB (configurable) | [`MemoryLimiter`] + QuickJS heap cap |
//! | JS stack | 512 KiB (configurable) | QuickJS stack cap: catchable RangeError |
//! | source size | [`MAX_SOURCE_BYTES`] | checked before compiling |
//! | stored log | [`STORED_LOG_CHARS`] characters per Action | `state::LogBuffer` |
//! | whole log | [`MAX_LOG_BYTES`], lines of [`MAX_LOG_LINE_BYTES`] | `state::LogBuffer` |
//! | custom claims | [`MAX_CUSTOM_CLAIMS_BYTES`] per token | `api::tokens` |
//! | deny reason | [`MAX_REASON_BYTES`] | `api::access` |
//! | metadata value | [`MAX_METADATA_BYTES`] per kind | `api::user` |
//! | transaction metadata | key [`MAX_TX_METADATA_KEY_CHARS`] characters, value [`MAX_TX_METADATA_VALUE_BYTES`], total [`MAX_TX_METADATA_BYTES`] | `api::transaction` |
//! | cache | [`MAX_CACHE_ENTRIES`] entries, key [`MAX_CACHE_KEY_BYTES`], value [`MAX_CACHE_VALUE_BYTES`], total [`MAX_CACHE_BYTES`], [`MAX_CACHE_TTL_MS`] | `api::cache` |
//! | commands and warnings | [`MAX_OUTPUT_RECORDS`], [`MAX_OUTPUT_BYTES`] of JSON per execution | `state::Record` |
//! | compiled artifact | [`DEFAULT_MAX_ARTIFACT_BYTES`] (configurable) | checked on load and before running |
//! | secrets | key [`MAX_SECRET_KEY_CHARS`], value [`MAX_SECRET_VALUE_CHARS`] characters | `event.rs` |

use std::time::Duration;

/// An Action's source may have at most 100 kB (taken as KiB: 102,400 bytes).
pub const MAX_SOURCE_BYTES: usize = 100 * 1024;
/// Each execution of a trigger must complete in 20 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// The longest deadline a configuration may set.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(60 * 60);
/// How long a suspended flow can be resumed, by default: the redirect's lifetime.
pub const DEFAULT_SUSPENDED_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// Commands and warnings one execution may produce, in number and in bytes of JSON (the
/// same bound as the whole log): past either, the `api` call throws a catchable Error.
pub const MAX_OUTPUT_RECORDS: usize = 10_000;
pub const MAX_OUTPUT_BYTES: usize = 1024 * 1024;
/// The largest compiled artifact accepted by default, in bytes. It leaves room for the
/// npm packages artifacts will carry; the bytecode one execution loads must also fit in
/// a quarter of the memory limit.
pub const DEFAULT_MAX_ARTIFACT_BYTES: u64 = 64 * 1024 * 1024;
/// Default CPU budget. A typical Action uses well under a million units; these machines
/// burn about 8 x 10^9 a second, so this stops pure computation after about six seconds,
/// well inside the 20 s deadline, while time spent waiting costs no fuel.
pub const DEFAULT_FUEL: u64 = 50_000_000_000;
pub const DEFAULT_MEMORY_BYTES: u64 = 64 * 1024 * 1024;
pub const MIN_MEMORY_BYTES: u64 = 16 * 1024 * 1024;
pub const MAX_MEMORY_BYTES: u64 = 4 * 1024 * 1024 * 1024 - 65536;
/// The least QuickJS's heap cap leaves below the instance's memory cap, for the Rust
/// heap, the guest's stack and its static data.
pub const HEAP_HEADROOM_BYTES: u64 = 6 * 1024 * 1024;

/// QuickJS's heap cap for a memory cap: a quarter (at least [`HEAP_HEADROOM_BYTES`])
/// is left for what QuickJS does not count, allocator overhead above all, so that a
/// full heap is first a catchable JS error rather than a refused memory growth.
pub fn js_heap_bytes(memory_bytes: u64) -> u64 {
    memory_bytes.saturating_sub((memory_bytes / 4).max(HEAP_HEADROOM_BYTES))
}
pub const DEFAULT_JS_STACK_BYTES: u32 = 512 * 1024;
pub const MIN_JS_STACK_BYTES: u32 = 64 * 1024;
pub const MAX_JS_STACK_BYTES: u32 = 768 * 1024;
/// Characters of console output stored per Action.
pub const STORED_LOG_CHARS: usize = 256;
/// Bytes of console output kept per execution; later lines are counted, not kept.
pub const MAX_LOG_BYTES: usize = 1024 * 1024;
/// Bytes of one console line; longer lines are cut and marked.
pub const MAX_LOG_LINE_BYTES: usize = 16 * 1024;
/// Total JSON size of the custom claims of one token.
pub const MAX_CUSTOM_CLAIMS_BYTES: usize = 100 * 1024;
/// Length of a deny reason.
pub const MAX_REASON_BYTES: usize = 1024;
/// JSON size of the user (or app) metadata one execution may write.
pub const MAX_METADATA_BYTES: usize = 32 * 1024;
pub const MAX_SECRET_KEY_CHARS: usize = 128;
pub const MAX_SECRET_VALUE_CHARS: usize = 4096;
/// Transaction metadata: key length in characters, value and total sizes in bytes.
pub const MAX_TX_METADATA_KEY_CHARS: usize = 64;
pub const MAX_TX_METADATA_VALUE_BYTES: usize = 8 * 1024;
pub const MAX_TX_METADATA_BYTES: usize = 16 * 1024;
/// Cache: entries per trigger, key and value sizes, total size of keys and values.
pub const MAX_CACHE_ENTRIES: usize = 20;
pub const MAX_CACHE_KEY_BYTES: usize = 64;
pub const MAX_CACHE_VALUE_BYTES: usize = 4 * 1024;
pub const MAX_CACHE_BYTES: usize = 8 * 1024;
/// Cached items persist for at most 24 hours.
pub const MAX_CACHE_TTL_MS: u64 = 24 * 60 * 60 * 1000;
/// Cache sets and deletes one execution may make.
pub const MAX_CACHE_WRITES: u32 = 100;
/// Session and refresh-token metadata: value and total sizes in bytes.
pub const MAX_SESSION_METADATA_VALUE_BYTES: usize = 1024;
pub const MAX_SESSION_METADATA_BYTES: usize = 16 * 1024;
/// SAML attributes changed or added, name and value sizes, total size; other text.
pub const MAX_SAML_ATTRIBUTES: usize = 100;
pub const MAX_SAML_ATTRIBUTE_NAME_BYTES: usize = 1024;
pub const MAX_SAML_ATTRIBUTE_VALUE_BYTES: usize = 2048;
pub const MAX_SAML_BYTES: usize = 10 * 1024;
/// SAML configuration text the limits seed gives no size for (issuer, relay state).
pub const MAX_SAML_TEXT_BYTES: usize = 4096;
/// `setPrimaryUser`'s id, in characters.
pub const MAX_PRIMARY_USER_ID_CHARS: usize = 128;
/// Length of a claim name or metadata key.
pub const MAX_KEY_BYTES: usize = 1024;

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
        Ok(desired <= 100_000)
    }
}
