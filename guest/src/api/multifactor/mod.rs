//! `api.multifactor`: the native behind `multifactor.js`, the WIT `multifactor` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::multifactor::{Call, Enable};
use crate::json;

pub const JS: &str = include_str!("multifactor.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("enable", Function::new(ctx.clone(), enable)?)?;
    Ok(natives)
}

/// `enable(provider, options)`.
fn enable<'js>(ctx: Ctx<'js>, provider: Value<'js>, options: Value<'js>) -> Result<()> {
    let enable = Enable { provider: string(&ctx, &provider)?, options: json::to_json(&ctx, options)? };
    done(&ctx, Method::MultifactorEnable, MethodCall::Multifactor(Call::Enable(enable)))
}
