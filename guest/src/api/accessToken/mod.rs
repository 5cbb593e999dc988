//! `api.accessToken`: the natives behind `accessToken.js`, each one case of the WIT
//! `access-token` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::access_token::Call;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::id_token::Claim;
use crate::json;

pub const JS: &str = include_str!("accessToken.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setCustomClaim", Function::new(ctx.clone(), set_custom_claim)?)?;
    natives.set("addScope", Function::new(ctx.clone(), add_scope)?)?;
    natives.set("removeScope", Function::new(ctx.clone(), remove_scope)?)?;
    Ok(natives)
}

/// `setCustomClaim(name, value)`.
fn set_custom_claim<'js>(ctx: Ctx<'js>, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let claim = Claim { name: string(&ctx, &name)?, value: json::to_json(&ctx, value)? };
    done(&ctx, Method::AccessTokenSetCustomClaim, MethodCall::AccessToken(Call::SetCustomClaim(claim)))
}

/// `addScope(scope)`.
fn add_scope<'js>(ctx: Ctx<'js>, scope: Value<'js>) -> Result<()> {
    let call = Call::AddScope(string(&ctx, &scope)?);
    done(&ctx, Method::AccessTokenAddScope, MethodCall::AccessToken(call))
}

/// `removeScope(scope)`.
fn remove_scope<'js>(ctx: Ctx<'js>, scope: Value<'js>) -> Result<()> {
    let call = Call::RemoveScope(string(&ctx, &scope)?);
    done(&ctx, Method::AccessTokenRemoveScope, MethodCall::AccessToken(call))
}
