//! [`Config`]: the knobs of an [`Engine`](crate::Engine), one setter each.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::cache::{CacheStore, SharedCacheStore};
use crate::error::{Error, Result};
use crate::key::Key;
use crate::limits;

/// How an [`Engine`](crate::Engine) runs Actions. `Config::default()` mirrors the platform.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) timeout: Duration,
    pub(crate) fuel: u64,
    pub(crate) memory_bytes: u64,
    pub(crate) js_stack_bytes: u32,
    pub(crate) max_concurrent: u32,
    pub(crate) max_snapshots: usize,
    pub(crate) guest_cache_dir: Option<PathBuf>,
    pub(crate) api_cache_store: SharedCacheStore,
    pub(crate) guest_cache_key: Option<Key>,
    pub(crate) artifact_limit_bytes: u64,
    pub(crate) artifact_key: Option<Key>,
    pub(crate) state_key: Key,
    pub(crate) suspended_lifetime: Duration,
    pub(crate) yield_interval: Option<u64>,
    pub(crate) demote_long_runners: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            timeout: limits::DEFAULT_TIMEOUT,
            fuel: limits::DEFAULT_FUEL,
            memory_bytes: limits::DEFAULT_MEMORY_BYTES,
            js_stack_bytes: limits::DEFAULT_JS_STACK_BYTES,
            max_concurrent: limits::DEFAULT_MAX_CONCURRENT,
            max_snapshots: limits::DEFAULT_MAX_SNAPSHOTS,
            guest_cache_dir: default_guest_cache_dir(),
            api_cache_store: SharedCacheStore::default(),
            guest_cache_key: None,
            artifact_limit_bytes: limits::DEFAULT_MAX_ARTIFACT_BYTES,
            artifact_key: None,
            state_key: Key::generate(),
            suspended_lifetime: limits::DEFAULT_SUSPENDED_LIFETIME,
            yield_interval: Some(crate::engine::DEFAULT_YIELD_FUEL),
            demote_long_runners: true,
        }
    }
}

impl Config {
    /// Wall-clock deadline of one execution, enforced by epoch interruption. Default 20 s,
    /// at most one hour.
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

    /// How often a running Action yields its thread to other executions, in fuel units
    /// (about 2,200 per microsecond of guest code). Default 100,000, about 45 µs; `None`
    /// yields only at the epoch tick (2 ms). With [demotion](Config::demote_long_runners),
    /// a long runner yields every 10,000 units instead. See README, "Scheduling".
    pub fn yield_interval(&mut self, fuel: Option<u64>) -> &mut Self {
        self.yield_interval = fuel;
        self
    }

    /// Whether long runners (executions that have used a millisecond of CPU time, grown
    /// their memory by 8 MiB, or waited for a timer or a request) wait while short ones
    /// are in flight, and take turns when none is (at most half the machine's threads run
    /// one at once, the one that used the least CPU time next); one whose deadline has
    /// passed runs, and ends there. A long runner's grown store is dropped in such a turn.
    /// Default on.
    /// See README, "Scheduling".
    pub fn demote_long_runners(&mut self, demote: bool) -> &mut Self {
        self.demote_long_runners = demote;
        self
    }

    /// How many instances may exist at once (pool slots). Default 64. An execution, a
    /// compilation and a whole flow each hold one slot while they run; when every slot is
    /// taken, the next call fails at once with [`Error::Busy`].
    pub fn max_concurrent(&mut self, n: u32) -> &mut Self {
        self.max_concurrent = n;
        self
    }

    /// How many per-Action snapshots ([`Engine::snapshot_action`](crate::Engine::snapshot_action))
    /// the engine keeps, and the guest cache directory keeps files of; making one more
    /// drops the oldest. Default 32. Each holds a compiled guest (its code mapped from
    /// the cache file, about 11 MB) and its memory image.
    pub fn max_snapshots(&mut self, n: usize) -> &mut Self {
        self.max_snapshots = n;
        self
    }

    /// Where the compiled guest is cached across processes; `None` keeps it in memory
    /// only. Default: `$ACTIONBOX_CACHE_DIR`, else `$XDG_CACHE_HOME/actionbox`, else
    /// `~/.cache/actionbox`. The directory is created private (0700); each file in it is
    /// checked against a keyed hash before it is loaded (see [`Config::guest_cache_key`]).
    pub fn guest_cache_dir(&mut self, dir: Option<PathBuf>) -> &mut Self {
        self.guest_cache_dir = dir;
        self
    }

    /// Where `api.cache` entries are kept between executions. Default: in memory, for
    /// the life of the engine.
    pub fn api_cache_store(&mut self, store: Arc<dyn CacheStore>) -> &mut Self {
        self.api_cache_store = SharedCacheStore(store);
        self
    }

    /// The key that authenticates the files of the guest cache. Default: the key in
    /// `guest-cache.key` under the data directory (`$ACTIONBOX_DATA_DIR`, else
    /// `$XDG_DATA_HOME/actionbox`, else `~/.local/share/actionbox`), created on first use.
    /// A cached file whose hash does not match is rebuilt, never loaded.
    pub fn guest_cache_key(&mut self, key: Key) -> &mut Self {
        self.guest_cache_key = Some(key);
        self
    }

    /// The largest compiled artifact accepted, in bytes. Default 64 MiB. A larger one is
    /// an [`Error::InvalidArtifact`].
    pub fn artifact_limit(&mut self, bytes: u64) -> &mut Self {
        self.artifact_limit_bytes = bytes;
        self
    }

    /// Signs the artifacts [`Engine::save_artifact`](crate::Engine::save_artifact)
    /// writes, and makes [`Engine::load_artifact`](crate::Engine::load_artifact) refuse
    /// any artifact without a valid signature by this key. For embedders that keep
    /// artifacts where others could write. Default: no key (artifacts are checked for
    /// corruption only).
    pub fn artifact_key(&mut self, key: Option<Key>) -> &mut Self {
        self.artifact_key = key;
        self
    }

    /// The key that seals suspended-flow state ([`SuspendedFlow`](crate::SuspendedFlow)).
    /// Default: a random key of this configuration, so state resumes only in an engine
    /// made from it; give every process that resumes flows the same key.
    pub fn state_key(&mut self, key: Key) -> &mut Self {
        self.state_key = key;
        self
    }

    /// How long a suspended flow can be resumed. Default 15 minutes.
    pub fn suspended_lifetime(&mut self, lifetime: Duration) -> &mut Self {
        self.suspended_lifetime = lifetime;
        self
    }

    /// The largest compiled artifact accepted, in bytes.
    pub fn artifact_limit_bytes(&self) -> u64 {
        self.artifact_limit_bytes
    }

    pub(crate) fn validate(&self) -> Result<()> {
        let invalid = |what: String| Err(Error::InvalidConfig(what));
        if self.timeout.is_zero() || self.timeout > limits::MAX_TIMEOUT {
            return invalid(format!(
                "the timeout must be more than zero and at most {} s",
                limits::MAX_TIMEOUT.as_secs()
            ));
        }
        if self.suspended_lifetime.is_zero() || self.suspended_lifetime > Duration::from_secs(24 * 60 * 60) {
            return invalid("the suspended-flow lifetime must be more than zero and at most a day".into());
        }
        if self.artifact_limit_bytes == 0 {
            return invalid("the artifact limit must be more than zero".into());
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
        if self.max_snapshots == 0 || self.max_snapshots > 10_000 {
            return invalid("max_snapshots must be between 1 and 10000".into());
        }
        Ok(())
    }
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from)
}

fn default_guest_cache_dir() -> Option<PathBuf> {
    env_dir("ACTIONBOX_CACHE_DIR")
        .or_else(|| env_dir("XDG_CACHE_HOME").map(|d| d.join("actionbox")))
        .or_else(|| env_dir("HOME").map(|d| d.join(".cache").join("actionbox")))
}

/// Where actionbox keeps its keys: `$ACTIONBOX_DATA_DIR`, else `$XDG_DATA_HOME/actionbox`,
/// else `~/.local/share/actionbox`.
pub fn data_dir() -> Option<PathBuf> {
    env_dir("ACTIONBOX_DATA_DIR")
        .or_else(|| env_dir("XDG_DATA_HOME").map(|d| d.join("actionbox")))
        .or_else(|| env_dir("HOME").map(|d| d.join(".local").join("share").join("actionbox")))
}
