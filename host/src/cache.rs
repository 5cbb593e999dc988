//! The store behind `api.cache`: a trigger's entries, kept across executions.
//!
//! The platform's cache is best effort, so the trait is small: load a trigger's entries,
//! store them back. Both are async and fallible, since a store over the network can be
//! slow or fail: the host waits for them no longer than the execution's deadline, and a
//! store that fails or does not answer in time is a cache miss for `get` and
//! `FailedToSetCacheRecord` / `FailedToDeleteCacheRecord` for `set` / `delete`. The host
//! applies every limit and expiry rule itself (`api/cache.rs`) on a working copy, and
//! writes it through after each change, so later Actions of the same flow and later
//! executions see it. [`MemoryCache`], the default, keeps entries for the life of the
//! [`Engine`](crate::Engine); an embedder can plug another store with
//! [`Config::api_cache_store`](crate::Config::api_cache_store).

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::epoch::Timers;
use crate::trigger::Trigger;

/// One cached value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheEntry {
    pub value: String,
    /// Milliseconds since the Unix epoch.
    pub expires_at_ms: u64,
}

/// A trigger's entries by key.
pub type CacheEntries = BTreeMap<String, CacheEntry>;

/// Why a store could not load or keep entries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the cache store failed: {0}")]
pub struct CacheStoreError(pub String);

/// What a [`CacheStore`] returns: a boxed future, so stores can be trait objects.
pub type CacheFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, CacheStoreError>> + Send + 'a>>;

/// Where `api.cache` entries live between executions.
pub trait CacheStore: Send + Sync {
    /// The trigger's entries as last stored. Expired entries may be included; the host
    /// drops them.
    fn load(&self, trigger: Trigger) -> CacheFuture<'_, CacheEntries>;

    /// Replaces the trigger's entries.
    fn store<'a>(&'a self, trigger: Trigger, entries: &'a CacheEntries) -> CacheFuture<'a, ()>;
}

/// The default store: in this process's memory, per engine.
#[derive(Debug, Default)]
pub struct MemoryCache {
    triggers: Mutex<HashMap<Trigger, CacheEntries>>,
}

impl CacheStore for MemoryCache {
    fn load(&self, trigger: Trigger) -> CacheFuture<'_, CacheEntries> {
        let triggers = self.triggers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let entries = triggers.get(&trigger).cloned().unwrap_or_default();
        Box::pin(std::future::ready(Ok(entries)))
    }

    fn store<'a>(&'a self, trigger: Trigger, entries: &'a CacheEntries) -> CacheFuture<'a, ()> {
        let mut triggers = self.triggers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        triggers.insert(trigger, entries.clone());
        Box::pin(std::future::ready(Ok(())))
    }
}

/// A store shared by an engine's executions.
#[derive(Clone)]
pub struct SharedCacheStore(pub Arc<dyn CacheStore>);

impl std::fmt::Debug for SharedCacheStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CacheStore")
    }
}

impl Default for SharedCacheStore {
    fn default() -> Self {
        SharedCacheStore(Arc::new(MemoryCache::default()))
    }
}

/// `api.cache` as one trigger execution sees it: the store, this execution's working copy
/// of the trigger's entries (loaded at the first call, carried across a flow's Actions),
/// and the writes of the running Action. Every wait on the store ends at the deadline.
#[derive(Debug)]
pub(crate) struct ApiCache {
    store: SharedCacheStore,
    timers: Timers,
    trigger: Trigger,
    entries: Option<CacheEntries>,
    writes: u32,
}

/// The store failed, or did not answer before the deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unavailable;

impl ApiCache {
    pub(crate) fn new(
        store: SharedCacheStore,
        timers: Timers,
        trigger: Trigger,
        entries: Option<CacheEntries>,
    ) -> Self {
        ApiCache { store, timers, trigger, entries, writes: 0 }
    }

    /// The trigger's live entries at `now` (milliseconds since the Unix epoch), loaded
    /// from the store at the first call.
    pub(crate) async fn entries(&mut self, now: u64, deadline: Instant) -> Result<&CacheEntries, Unavailable> {
        let entries = match self.entries.take() {
            Some(entries) => entries,
            None => {
                let (store, trigger) = (&self.store.0, self.trigger);
                match self.timers.bounded(deadline, store.load(trigger)).await {
                    Ok(Ok(entries)) => entries,
                    _ => return Err(Unavailable),
                }
            }
        };
        let entries = self.entries.insert(entries);
        entries.retain(|_, entry| entry.expires_at_ms > now);
        Ok(entries)
    }

    /// Writes `entries` through to the store; they become the working copy once stored.
    pub(crate) async fn replace(&mut self, entries: CacheEntries, deadline: Instant) -> Result<(), Unavailable> {
        match self.timers.bounded(deadline, self.store.0.store(self.trigger, &entries)).await {
            Ok(Ok(())) => {
                self.entries = Some(entries);
                Ok(())
            }
            _ => Err(Unavailable),
        }
    }

    /// Counts one write; false past `max`.
    pub(crate) fn count_write_within(&mut self, max: u32) -> bool {
        self.writes += 1;
        self.writes <= max
    }

    /// A new Action: its writes are counted from zero.
    pub(crate) fn begin_action(&mut self) {
        self.writes = 0;
    }

    /// The working copy, for the next store of the same trigger execution.
    pub(crate) fn take_entries(&mut self) -> Option<CacheEntries> {
        self.entries.take()
    }
}
