//! `api.session`: the natives behind `session.js`, each one case of the WIT `session`
//! call. `api.refreshToken` shares them but the cookie mode (`refreshToken/mod.rs`), each
//! sending its own namespace's call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Exception, Function, Object, Result, Value};

use super::args::{number, string};
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::refresh_token;
use crate::actionbox_sandbox::api::session::{Call, CookieMode, Entry};
use crate::json;

pub const JS: &str = include_str!("session.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    natives_for(ctx, Target::Session)
}

/// Which namespace a native serves.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Session,
    RefreshToken,
}

/// A call both namespaces have.
enum Shared {
    Revoke(String),
    SetExpiresAt(f64),
    SetIdleExpiresAt(f64),
    SetMetadata(Entry),
    DeleteMetadata(String),
    EvictMetadata,
}

/// Sends `call` as `target`'s.
fn send(ctx: &Ctx<'_>, target: Target, call: Shared) -> Result<()> {
    let (method, call) = match target {
        Target::Session => {
            let (method, call) = match call {
                Shared::Revoke(reason) => (Method::SessionRevoke, Call::Revoke(reason)),
                Shared::SetExpiresAt(at) => (Method::SessionSetExpiresAt, Call::SetExpiresAt(at)),
                Shared::SetIdleExpiresAt(at) => (Method::SessionSetIdleExpiresAt, Call::SetIdleExpiresAt(at)),
                Shared::SetMetadata(entry) => (Method::SessionSetMetadata, Call::SetMetadata(entry)),
                Shared::DeleteMetadata(key) => (Method::SessionDeleteMetadata, Call::DeleteMetadata(key)),
                Shared::EvictMetadata => (Method::SessionEvictMetadata, Call::EvictMetadata),
            };
            (method, MethodCall::Session(call))
        }
        Target::RefreshToken => {
            use refresh_token::Call as R;
            let (method, call) = match call {
                Shared::Revoke(reason) => (Method::RefreshTokenRevoke, R::Revoke(reason)),
                Shared::SetExpiresAt(at) => (Method::RefreshTokenSetExpiresAt, R::SetExpiresAt(at)),
                Shared::SetIdleExpiresAt(at) => (Method::RefreshTokenSetIdleExpiresAt, R::SetIdleExpiresAt(at)),
                Shared::SetMetadata(entry) => (Method::RefreshTokenSetMetadata, R::SetMetadata(entry)),
                Shared::DeleteMetadata(key) => (Method::RefreshTokenDeleteMetadata, R::DeleteMetadata(key)),
                Shared::EvictMetadata => (Method::RefreshTokenEvictMetadata, R::EvictMetadata),
            };
            (method, MethodCall::RefreshToken(call))
        }
    };
    done(ctx, method, call)
}

/// One target's natives: the session's, or (without `setCookieMode`) the refresh token's.
pub(super) fn natives_for<'js>(ctx: &Ctx<'js>, target: Target) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set(
        "revoke",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, reason: Value<'js>| {
            send(&ctx, target, Shared::Revoke(string(&ctx, &reason)?))
        })?,
    )?;
    natives.set(
        "setExpiresAt",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, at: Value<'js>| {
            send(&ctx, target, Shared::SetExpiresAt(number(&ctx, &at)?))
        })?,
    )?;
    natives.set(
        "setIdleExpiresAt",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, at: Value<'js>| {
            send(&ctx, target, Shared::SetIdleExpiresAt(number(&ctx, &at)?))
        })?,
    )?;
    if target == Target::Session {
        natives.set("setCookieMode", Function::new(ctx.clone(), set_cookie_mode)?)?;
    }
    natives.set(
        "setMetadata",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>| {
            let entry = Entry { key: string(&ctx, &key)?, value: json::to_json(&ctx, value)? };
            send(&ctx, target, Shared::SetMetadata(entry))
        })?,
    )?;
    natives.set(
        "deleteMetadata",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, key: Value<'js>| {
            send(&ctx, target, Shared::DeleteMetadata(string(&ctx, &key)?))
        })?,
    )?;
    natives.set(
        "evictMetadata",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| send(&ctx, target, Shared::EvictMetadata))?,
    )?;
    Ok(natives)
}

/// `setCookieMode(mode)`: an unknown mode is refused here, before any host call.
fn set_cookie_mode<'js>(ctx: Ctx<'js>, mode: Value<'js>) -> Result<()> {
    let mode = match string(&ctx, &mode)?.as_str() {
        "persistent" => CookieMode::Persistent,
        "non-persistent" => CookieMode::NonPersistent,
        other => {
            let message = format!(
                "{}: unknown mode `{}` (expected persistent or non-persistent)",
                Method::SessionSetCookieMode.path(),
                other
            );
            return Err(Exception::throw_message(&ctx, &message));
        }
    };
    done(&ctx, Method::SessionSetCookieMode, MethodCall::Session(Call::SetCookieMode(mode)))
}
