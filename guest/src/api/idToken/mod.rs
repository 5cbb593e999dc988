//! `api.idToken`: the native behind `idToken.js`, the WIT `id-token` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::id_token::{Call, Claim};
use crate::json;

pub const JS: &str = include_str!("idToken.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setCustomClaim", Function::new(ctx.clone(), set_custom_claim)?)?;
    Ok(natives)
}

/// `setCustomClaim(name, value)`.
fn set_custom_claim<'js>(ctx: Ctx<'js>, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let claim = Claim { name: string(&ctx, &name)?, value: json::to_json(&ctx, value)? };
    done(&ctx, Method::IdTokenSetCustomClaim, MethodCall::IdToken(Call::SetCustomClaim(claim)))
}
