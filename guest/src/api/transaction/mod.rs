//! `api.transaction`: the natives behind `transaction.js`, one per function of the WIT `transaction` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::transaction;
use crate::json;

pub const JS: &str = include_str!("transaction.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setMetadata", Function::new(ctx.clone(), set_metadata)?)?;
    natives.set("setResultUrl", Function::new(ctx.clone(), set_result_url)?)?;
    Ok(natives)
}

/// `setMetadata(key, value)`.
fn set_metadata<'js>(ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>) -> Result<()> {
    let key = string(&ctx, &key)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, transaction::set_metadata(&key, &value))
}

/// `setResultUrl(url)`.
fn set_result_url<'js>(ctx: Ctx<'js>, url: Value<'js>) -> Result<()> {
    host_result(&ctx, transaction::set_result_url(&string(&ctx, &url)?))
}
