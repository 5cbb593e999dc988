//! [`Config`]: the knobs of an [`Engine`](crate::Engine), one setter each.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::cache::{CacheStore, SharedCacheStore};
use crate::error::{Error, Result};
use crate::limits;

/// How an [`Engine`](crate::Engine) runs Actions. `Config::default()` mirrors the platform.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) timeout: Duration,
    pub(crate) fuel: u64,
    pub(crate) memory_bytes: u64,
    pub(crate) js_stack_bytes: u32,
    pub(crate) max_concurrent: u32,
    pub(crate) cache_dir: Option<PathBuf>,
    pub(crate) cache_store: SharedCacheStore,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            timeout: limits::DEFAULT_TIMEOUT,
            fuel: limits::DEFAULT_FUEL,
            memory_bytes: limits::DEFAULT_MEMORY_BYTES,
            js_stack_bytes: limits::DEFAULT_JS_STACK_BYTES,
            max_concurrent: 64,
            cache_dir: default_cache_dir(),
            cache_store: SharedCacheStore::default(),
        }
    }
}

impl Config {
    /// Wall-clock deadline of one execution, enforced by epoch interruption. Default 20 s.
    pub fn timeout(&mut self, timeout: Duration) -> &mut Self {
        self.timeout = timeout;
        self
    }

    /// CPU budget of one execution in fuel units (about one per Wasm instruction).
    pub fn fuel(&mut self, fuel: u64) -> &mut Self {
        self.fuel = fuel;
        self
    }

    /// Linear-memory cap of one instance, in bytes. Default 64 MiB. QuickJS's own heap
    /// cap is set a little below it, so running out is first a catchable JS error.
    pub fn memory_limit(&mut self, bytes: u64) -> &mut Self {
        self.memory_bytes = bytes;
        self
    }

    /// QuickJS stack cap in bytes: deeper recursion throws a catchable RangeError.
    /// Default 512 KiB; at most 768 KiB, the guest's own stack being 1 MiB.
    pub fn js_stack_limit(&mut self, bytes: u32) -> &mut Self {
        self.js_stack_bytes = bytes;
        self
    }

    /// How many instances may exist at once (pool slots). Default 64. An execution holds
    /// one; a flow holds one per Action that has run, until the flow ends.
    pub fn max_concurrent(&mut self, n: u32) -> &mut Self {
        self.max_concurrent = n;
        self
    }

    /// Where the compiled guest is cached across processes; `None` keeps it in memory
    /// only. Default: `$ACTIONBOX_CACHE_DIR`, else `$XDG_CACHE_HOME/actionbox`, else
    /// `~/.cache/actionbox`.
    pub fn cache_dir(&mut self, dir: Option<PathBuf>) -> &mut Self {
        self.cache_dir = dir;
        self
    }

    /// Where `api.cache` entries are kept between executions. Default: in memory, for
    /// the life of the engine.
    pub fn cache_store(&mut self, store: Arc<dyn CacheStore>) -> &mut Self {
        self.cache_store = SharedCacheStore(store);
        self
    }

    pub(crate) fn validate(&self) -> Result<()> {
        let invalid = |what: String| Err(Error::InvalidConfig(what));
        if self.timeout.is_zero() {
            return invalid("the timeout must be more than zero".into());
        }
        if self.fuel == 0 {
            return invalid("the fuel budget must be more than zero".into());
        }
        if self.memory_bytes < limits::MIN_MEMORY_BYTES {
            return invalid(format!("the memory limit must be at least {} bytes", limits::MIN_MEMORY_BYTES));
        }
        if self.memory_bytes > limits::MAX_MEMORY_BYTES {
            return invalid(format!("the memory limit must be at most {} bytes", limits::MAX_MEMORY_BYTES));
        }
        if !(limits::MIN_JS_STACK_BYTES..=limits::MAX_JS_STACK_BYTES).contains(&self.js_stack_bytes) {
            return invalid(format!(
                "the JS stack limit must be between {} and {} bytes",
                limits::MIN_JS_STACK_BYTES,
                limits::MAX_JS_STACK_BYTES
            ));
        }
        if self.max_concurrent == 0 || self.max_concurrent > 10_000 {
            return invalid("max_concurrent must be between 1 and 10000".into());
        }
        Ok(())
    }
}

fn default_cache_dir() -> Option<PathBuf> {
    let env = |name| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    env("ACTIONBOX_CACHE_DIR")
        .or_else(|| env("XDG_CACHE_HOME").map(|d| d.join("actionbox")))
        .or_else(|| env("HOME").map(|d| d.join(".cache").join("actionbox")))
}
