//! The store behind `api.cache`: a trigger's entries, kept across executions.
//!
//! The platform's cache is best effort, so the trait is small: load a trigger's entries,
//! store them back. The host applies every limit and expiry rule itself (`api/cache.rs`)
//! on a working copy, and writes it through after each change, so later Actions of the
//! same flow and later executions see it. [`MemoryCache`], the default, keeps entries for
//! the life of the [`Engine`](crate::Engine); an embedder can plug another store with
//! [`Config::api_cache_store`](crate::Config::api_cache_store).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

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

/// Why a store could not keep entries; the Action sees `FailedToSetCacheRecord` or
/// `FailedToDeleteCacheRecord`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the cache store failed: {0}")]
pub struct CacheStoreError(pub String);

/// Where `api.cache` entries live between executions.
pub trait CacheStore: Send + Sync {
    /// The trigger's entries as last stored. Expired entries may be included; the host
    /// drops them.
    fn load(&self, trigger: Trigger) -> CacheEntries;

    /// Replaces the trigger's entries.
    fn store(&self, trigger: Trigger, entries: &CacheEntries) -> Result<(), CacheStoreError>;
}

/// The default store: in this process's memory, per engine.
#[derive(Debug, Default)]
pub struct MemoryCache {
    triggers: Mutex<HashMap<Trigger, CacheEntries>>,
}

impl CacheStore for MemoryCache {
    fn load(&self, trigger: Trigger) -> CacheEntries {
        let triggers = self.triggers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        triggers.get(&trigger).cloned().unwrap_or_default()
    }

    fn store(&self, trigger: Trigger, entries: &CacheEntries) -> Result<(), CacheStoreError> {
        let mut triggers = self.triggers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        triggers.insert(trigger, entries.clone());
        Ok(())
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
