//! `api.multifactor`: the natives behind `multifactor.js`, one per function of the WIT `multifactor` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::multifactor;
use crate::json;

pub const JS: &str = include_str!("multifactor.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("enable", Function::new(ctx.clone(), enable)?)?;
    Ok(natives)
}

/// `enable(provider, options)`.
fn enable<'js>(ctx: Ctx<'js>, provider: Value<'js>, options: Value<'js>) -> Result<()> {
    let provider = string(&ctx, &provider)?;
    let options = json::to_json(&ctx, options)?;
    host_result(&ctx, multifactor::enable(&provider, &options))
}
