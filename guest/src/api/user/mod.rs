//! `api.user`: the natives behind `user.js`, each one case of the WIT `user` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::user::{Call, Entry};
use crate::json;

pub const JS: &str = include_str!("user.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setUserMetadata", Function::new(ctx.clone(), set_user_metadata)?)?;
    natives.set("setAppMetadata", Function::new(ctx.clone(), set_app_metadata)?)?;
    Ok(natives)
}

/// `setUserMetadata(key, value)`.
fn set_user_metadata<'js>(ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>) -> Result<()> {
    let entry = entry(&ctx, key, value)?;
    done(&ctx, Method::UserSetUserMetadata, MethodCall::User(Call::SetUserMetadata(entry)))
}

/// `setAppMetadata(key, value)`.
fn set_app_metadata<'js>(ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>) -> Result<()> {
    let entry = entry(&ctx, key, value)?;
    done(&ctx, Method::UserSetAppMetadata, MethodCall::User(Call::SetAppMetadata(entry)))
}

fn entry<'js>(ctx: &Ctx<'js>, key: Value<'js>, value: Value<'js>) -> Result<Entry> {
    Ok(Entry { key: string(ctx, &key)?, value: json::to_json(ctx, value)? })
}
