//! `api.validation`: the native behind `validation.js`, the WIT `validation` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::validation::{Call, ValidationError};

pub const JS: &str = include_str!("validation.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("validationError", Function::new(ctx.clone(), validation_error)?)?;
    Ok(natives)
}

/// `error(code, message)`.
fn validation_error<'js>(ctx: Ctx<'js>, code: Value<'js>, message: Value<'js>) -> Result<()> {
    let error = ValidationError { code: string(&ctx, &code)?, message: string(&ctx, &message)? };
    done(&ctx, Method::ValidationError, MethodCall::Validation(Call::Error(error)))
}
