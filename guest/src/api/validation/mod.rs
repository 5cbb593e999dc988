//! `api.validation`: the natives behind `validation.js`, one per function of the WIT `validation` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::validation;

pub const JS: &str = include_str!("validation.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("validationError", Function::new(ctx.clone(), validation_error)?)?;
    Ok(natives)
}

/// `validationError(code, message)`.
fn validation_error<'js>(ctx: Ctx<'js>, code: Value<'js>, message: Value<'js>) -> Result<()> {
    host_result(&ctx, validation::error(&string(&ctx, &code)?, &string(&ctx, &message)?))
}
