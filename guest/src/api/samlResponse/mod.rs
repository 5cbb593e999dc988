//! `api.samlResponse`: the natives behind `samlResponse.js`, one per function of the WIT `saml-response` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox::runtime::saml_response;
use crate::json;

pub const JS: &str = include_str!("samlResponse.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setAttribute", Function::new(ctx.clone(), set_attribute)?)?;
    natives.set("setField", Function::new(ctx.clone(), set_field)?)?;
    Ok(natives)
}

/// `setAttribute(name, value)`.
fn set_attribute<'js>(ctx: Ctx<'js>, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let name = string(&ctx, &name)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, saml_response::set_attribute(&name, &value))
}

/// `setField(field, value)`: the setter of `field`.
fn set_field<'js>(ctx: Ctx<'js>, field: Value<'js>, value: Value<'js>) -> Result<()> {
    let field = string(&ctx, &field)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, saml_response::set_field(&field, &value))
}
