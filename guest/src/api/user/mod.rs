//! `api.user`: the natives behind `user.js`, one per function of the WIT `user` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::user;
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
    set_metadata(&ctx, user::Metadata::UserMetadata, key, value)
}

/// `setAppMetadata(key, value)`.
fn set_app_metadata<'js>(ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>) -> Result<()> {
    set_metadata(&ctx, user::Metadata::AppMetadata, key, value)
}

fn set_metadata<'js>(ctx: &Ctx<'js>, which: user::Metadata, key: Value<'js>, value: Value<'js>) -> Result<()> {
    let key = string(ctx, &key)?;
    let value = json::to_json(ctx, value)?;
    host_result(ctx, user::set_metadata(which, &key, &value))
}
