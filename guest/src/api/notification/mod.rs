//! `api.notification`: the natives behind `notification.js`, one per function of the WIT `notification` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::notification;

pub const JS: &str = include_str!("notification.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("drop", Function::new(ctx.clone(), drop)?)?;
    natives.set("retry", Function::new(ctx.clone(), retry)?)?;
    Ok(natives)
}

/// `drop(reason)`.
fn drop<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    host_result(&ctx, notification::drop(&string(&ctx, &reason)?))
}

/// `retry(reason)`.
fn retry<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    host_result(&ctx, notification::retry(&string(&ctx, &reason)?))
}
