//! `api.accessToken`: the natives behind `accessToken.js`, one per function of the WIT `tokens` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::tokens;
use crate::json;

pub const JS: &str = include_str!("accessToken.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setCustomClaim", Function::new(ctx.clone(), set_custom_claim)?)?;
    natives.set("addScope", Function::new(ctx.clone(), add_scope)?)?;
    natives.set("removeScope", Function::new(ctx.clone(), remove_scope)?)?;
    Ok(natives)
}

/// `setCustomClaim(name, value)` on the access token.
fn set_custom_claim<'js>(ctx: Ctx<'js>, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let name = string(&ctx, &name)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, tokens::set_custom_claim(tokens::Token::AccessToken, &name, &value))
}

/// `addScope(scope)`.
fn add_scope<'js>(ctx: Ctx<'js>, scope: Value<'js>) -> Result<()> {
    host_result(&ctx, tokens::add_scope(&string(&ctx, &scope)?))
}

/// `removeScope(scope)`.
fn remove_scope<'js>(ctx: Ctx<'js>, scope: Value<'js>) -> Result<()> {
    host_result(&ctx, tokens::remove_scope(&string(&ctx, &scope)?))
}
