//! `api.cache.get`, `set` and `delete`, with the platform's limits and error codes:
//! at most [`MAX_CACHE_ENTRIES`] entries per trigger, keys of [`MAX_CACHE_KEY_BYTES`],
//! values of [`MAX_CACHE_VALUE_BYTES`], [`MAX_CACHE_BYTES`] of keys and values in all,
//! entries kept at most [`MAX_CACHE_TTL_MS`]. When both `ttl` and `expires_at` are given
//! the earlier expiry wins; with neither, an entry lives the maximum. More than
//! [`MAX_CACHE_WRITES`] sets and deletes in one execution is `MaxSideEffectsExceeded`.

mod command;

pub use command::CacheCommand;

use std::time::{SystemTime, UNIX_EPOCH};

use crate::bindings::actionbox_sandbox::api::cache::{CacheError, CacheRecord, Host, SetOptions};
use crate::cache::{ApiCache, CacheEntries, CacheEntry};
use crate::limits::{
    MAX_CACHE_BYTES, MAX_CACHE_ENTRIES, MAX_CACHE_KEY_BYTES, MAX_CACHE_TTL_MS, MAX_CACHE_VALUE_BYTES, MAX_CACHE_WRITES,
};
use crate::state::HostState;

impl Host for HostState {
    async fn get(&mut self, key: String) -> Option<CacheRecord> {
        let now = now_ms();
        // A store that fails or does not answer by the deadline is a miss.
        self.cache.entries(now, self.deadline).await.ok()?.get(&key).map(record)
    }

    async fn set(&mut self, key: String, value: String, options: SetOptions) -> Result<CacheRecord, CacheError> {
        let now = now_ms();
        self.cache.count_write()?;
        if key.len() > MAX_CACHE_KEY_BYTES {
            return Err(CacheError::CacheKeySizeExceeded);
        }
        if value.len() > MAX_CACHE_VALUE_BYTES {
            return Err(CacheError::CacheValueSizeExceeded);
        }
        let expires_at_ms = expiry(now, &options)?;
        let entry = CacheEntry { value, expires_at_ms };
        let loaded = self.cache.entries(now, self.deadline).await;
        let mut entries = loaded.map_err(|_| CacheError::FailedToSetCacheRecord)?.clone();
        entries.insert(key.clone(), entry.clone());
        if entries.len() > MAX_CACHE_ENTRIES || size(&entries) > MAX_CACHE_BYTES {
            return Err(CacheError::CacheSizeExceeded);
        }
        let command = CacheCommand::Set { key, value: entry.value.clone(), expires_at: expires_at_ms };
        self.record.admit(&command).map_err(|_| CacheError::FailedToSetCacheRecord)?;
        self.cache.replace(entries, self.deadline).await.map_err(|_| CacheError::FailedToSetCacheRecord)?;
        self.record.commands.push(command.into());
        Ok(record(&entry))
    }

    async fn delete(&mut self, key: String) -> Result<CacheRecord, CacheError> {
        let now = now_ms();
        self.cache.count_write()?;
        let loaded = self.cache.entries(now, self.deadline).await;
        let mut entries = loaded.map_err(|_| CacheError::FailedToDeleteCacheRecord)?.clone();
        let removed = entries.remove(&key).ok_or(CacheError::CacheKeyDoesNotExist)?;
        let command = CacheCommand::Delete { key };
        self.record.admit(&command).map_err(|_| CacheError::FailedToDeleteCacheRecord)?;
        self.cache.replace(entries, self.deadline).await.map_err(|_| CacheError::FailedToDeleteCacheRecord)?;
        self.record.commands.push(command.into());
        Ok(record(&removed))
    }
}

impl ApiCache {
    fn count_write(&mut self) -> Result<(), CacheError> {
        if self.count_write_within(MAX_CACHE_WRITES) { Ok(()) } else { Err(CacheError::MaxSideEffectsExceeded) }
    }
}

/// When an entry set now with `options` expires: the earlier of `ttl` and `expires_at`,
/// at most [`MAX_CACHE_TTL_MS`] from now.
fn expiry(now: u64, options: &SetOptions) -> Result<u64, CacheError> {
    let latest = now + MAX_CACHE_TTL_MS;
    let mut expires = latest;
    if let Some(ttl) = options.ttl {
        if !ttl.is_finite() || ttl <= 0.0 {
            return Err(CacheError::InvalidExpiry);
        }
        expires = expires.min(now.saturating_add(ttl.min(u64::MAX as f64) as u64));
    }
    if let Some(at) = options.expires_at {
        if !at.is_finite() || at < 0.0 {
            return Err(CacheError::InvalidExpiry);
        }
        let at = at.min(u64::MAX as f64) as u64;
        if at <= now {
            return Err(CacheError::ItemAlreadyExpired);
        }
        expires = expires.min(at);
    }
    Ok(expires)
}

fn size(entries: &CacheEntries) -> usize {
    entries.iter().map(|(key, entry)| key.len() + entry.value.len()).sum()
}

fn record(entry: &CacheEntry) -> CacheRecord {
    CacheRecord { value: entry.value.clone(), expires_at: entry.expires_at_ms }
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}
