//! `api.cache`: the natives behind `cache.js`, one per function of the WIT `cache` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use crate::actionbox_sandbox::api::cache;

pub const JS: &str = include_str!("cache.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("get", Function::new(ctx.clone(), get)?)?;
    natives.set("set", Function::new(ctx.clone(), set)?)?;
    natives.set("remove", Function::new(ctx.clone(), delete)?)?;
    Ok(natives)
}

/// `get(key)`: `{ value, expires_at }` or `undefined`.
fn get<'js>(ctx: Ctx<'js>, key: Value<'js>) -> Result<Value<'js>> {
    match cache::get(&string(&ctx, &key)?) {
        Some(record) => Ok(cache_record(&ctx, record)?.into_value()),
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// `set(key, value, ttl, expiresAt)`: `{ type: 'success', record }` or
/// `{ type: 'error', code }`.
fn set<'js>(
    ctx: Ctx<'js>,
    key: Value<'js>,
    value: Value<'js>,
    ttl: Value<'js>,
    expires_at: Value<'js>,
) -> Result<Object<'js>> {
    let options = cache::SetOptions { ttl: ttl.as_number(), expires_at: expires_at.as_number() };
    cache_result(&ctx, cache::set(&string(&ctx, &key)?, &string(&ctx, &value)?, options))
}

/// `remove(key)`, for `api.cache.delete`: as `set`.
fn delete<'js>(ctx: Ctx<'js>, key: Value<'js>) -> Result<Object<'js>> {
    cache_result(&ctx, cache::delete(&string(&ctx, &key)?))
}

fn cache_record<'js>(ctx: &Ctx<'js>, record: cache::CacheRecord) -> Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    object.set("value", record.value)?;
    object.set("expires_at", record.expires_at as f64)?;
    Ok(object)
}

fn cache_result<'js>(
    ctx: &Ctx<'js>,
    result: std::result::Result<cache::CacheRecord, cache::CacheError>,
) -> Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    match result {
        Ok(record) => {
            object.set("type", "success")?;
            object.set("record", cache_record(ctx, record)?)?;
        }
        Err(error) => {
            object.set("type", "error")?;
            object.set("code", cache_error_code(error))?;
        }
    }
    Ok(object)
}

/// The platform's name for a cache error.
fn cache_error_code(error: cache::CacheError) -> &'static str {
    use cache::CacheError as E;
    match error {
        E::MaxSideEffectsExceeded => "MaxSideEffectsExceeded",
        E::CacheKeySizeExceeded => "CacheKeySizeExceeded",
        E::CacheValueSizeExceeded => "CacheValueSizeExceeded",
        E::CacheSizeExceeded => "CacheSizeExceeded",
        E::ItemAlreadyExpired => "ItemAlreadyExpired",
        E::InvalidExpiry => "InvalidExpiry",
        E::FailedToSetCacheRecord => "FailedToSetCacheRecord",
        E::FailedToDeleteCacheRecord => "FailedToDeleteCacheRecord",
        E::CacheKeyDoesNotExist => "CacheKeyDoesNotExist",
    }
}
