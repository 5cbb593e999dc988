//! `api.idToken`: the natives behind `idToken.js`, one per function of the WIT `tokens` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::tokens;
use crate::json;

pub const JS: &str = include_str!("idToken.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setCustomClaim", Function::new(ctx.clone(), set_custom_claim)?)?;
    Ok(natives)
}

/// `setCustomClaim(name, value)` on the ID token.
fn set_custom_claim<'js>(ctx: Ctx<'js>, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let name = string(&ctx, &name)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, tokens::set_custom_claim(tokens::Token::IdToken, &name, &value))
}
