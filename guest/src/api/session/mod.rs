//! `api.session`: the natives behind `session.js`, calling the WIT `sessions` interface
//! for the session. `api.refreshToken` shares them (`refreshToken/mod.rs`).

use javy::quickjs::{Ctx, Exception, Function, Object, Result, Value};

use super::args::{host_result, number, string};
use crate::actionbox_sandbox::api::sessions::{self, CookieMode, Target};
use crate::json;

pub const JS: &str = include_str!("session.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    natives_for(ctx, Target::Session)
}

/// One target's natives: the session's, or (without `setCookieMode`) the refresh token's.
pub(super) fn natives_for<'js>(ctx: &Ctx<'js>, target: Target) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set(
        "revoke",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, reason: Value<'js>| {
            host_result(&ctx, sessions::revoke(target, &string(&ctx, &reason)?))
        })?,
    )?;
    natives.set(
        "setExpiresAt",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, at: Value<'js>| {
            host_result(&ctx, sessions::set_expires_at(target, number(&ctx, &at)?))
        })?,
    )?;
    natives.set(
        "setIdleExpiresAt",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, at: Value<'js>| {
            host_result(&ctx, sessions::set_idle_expires_at(target, number(&ctx, &at)?))
        })?,
    )?;
    if target == Target::Session {
        natives.set(
            "setCookieMode",
            Function::new(ctx.clone(), |ctx: Ctx<'js>, mode: Value<'js>| {
                let mode = match string(&ctx, &mode)?.as_str() {
                    "persistent" => CookieMode::Persistent,
                    "non-persistent" => CookieMode::NonPersistent,
                    other => {
                        let message = format!(
                            "api.session.setCookieMode: unknown mode `{}` (expected persistent or non-persistent)",
                            other
                        );
                        return Err(Exception::throw_message(&ctx, &message));
                    }
                };
                host_result(&ctx, sessions::set_cookie_mode(mode))
            })?,
        )?;
    }
    natives.set(
        "setMetadata",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>| {
            let key = string(&ctx, &key)?;
            let value = json::to_json(&ctx, value)?;
            host_result(&ctx, sessions::set_metadata(target, &key, &value))
        })?,
    )?;
    natives.set(
        "deleteMetadata",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, key: Value<'js>| {
            host_result(&ctx, sessions::delete_metadata(target, &string(&ctx, &key)?))
        })?,
    )?;
    natives.set(
        "evictMetadata",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| host_result(&ctx, sessions::evict_metadata(target)))?,
    )?;
    Ok(natives)
}
