//! `api.access`: the natives behind `access.js`, one per function of the WIT `access` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, optional_string, string};
use crate::actionbox_sandbox::api::access;

pub const JS: &str = include_str!("access.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("deny", Function::new(ctx.clone(), deny)?)?;
    natives.set("rejectInvalidSubjectToken", Function::new(ctx.clone(), reject_invalid_subject_token)?)?;
    Ok(natives)
}

/// `deny(code, reason, userMessage)`: `code` and `userMessage` may be undefined.
fn deny<'js>(ctx: Ctx<'js>, code: Value<'js>, reason: Value<'js>, user_message: Value<'js>) -> Result<()> {
    let code = optional_string(&ctx, &code)?;
    let user_message = optional_string(&ctx, &user_message)?;
    host_result(&ctx, access::deny(code.as_deref(), &string(&ctx, &reason)?, user_message.as_deref()))
}

/// `rejectInvalidSubjectToken(reason)`.
fn reject_invalid_subject_token<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    host_result(&ctx, access::reject_invalid_subject_token(&string(&ctx, &reason)?))
}
