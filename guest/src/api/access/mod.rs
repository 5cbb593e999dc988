//! `api.access`: the natives behind `access.js`, each one case of the WIT `access` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{optional_string, string};
use super::call::done;
use crate::actionbox_sandbox::api::access::{Call, Deny};
use crate::actionbox_sandbox::api::dispatch::MethodCall;

pub const JS: &str = include_str!("access.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("deny", Function::new(ctx.clone(), deny)?)?;
    natives.set("rejectInvalidSubjectToken", Function::new(ctx.clone(), reject_invalid_subject_token)?)?;
    Ok(natives)
}

/// `deny(code, reason, userMessage)`: `code` and `userMessage` may be undefined.
fn deny<'js>(ctx: Ctx<'js>, code: Value<'js>, reason: Value<'js>, user_message: Value<'js>) -> Result<()> {
    let deny = Deny {
        code: optional_string(&ctx, &code)?,
        reason: string(&ctx, &reason)?,
        user_message: optional_string(&ctx, &user_message)?,
    };
    done(&ctx, Method::AccessDeny, MethodCall::Access(Call::Deny(deny)))
}

/// `rejectInvalidSubjectToken(reason)`.
fn reject_invalid_subject_token<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    let call = Call::RejectInvalidSubjectToken(string(&ctx, &reason)?);
    done(&ctx, Method::AccessRejectInvalidSubjectToken, MethodCall::Access(call))
}
