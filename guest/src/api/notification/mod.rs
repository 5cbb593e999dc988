//! `api.notification`: the natives behind `notification.js`, each one case of the WIT
//! `notification` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::notification::Call;

pub const JS: &str = include_str!("notification.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("drop", Function::new(ctx.clone(), drop)?)?;
    natives.set("retry", Function::new(ctx.clone(), retry)?)?;
    Ok(natives)
}

/// `drop(reason)`.
fn drop<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    let call = Call::Drop(string(&ctx, &reason)?);
    done(&ctx, Method::NotificationDrop, MethodCall::Notification(call))
}

/// `retry(reason)`.
fn retry<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    let call = Call::Retry(string(&ctx, &reason)?);
    done(&ctx, Method::NotificationRetry, MethodCall::Notification(call))
}
