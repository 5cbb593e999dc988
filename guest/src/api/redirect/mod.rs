//! `api.redirect`: the natives behind `redirect.js`, one per function of the WIT `redirect` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::redirect;
use javy::quickjs::Exception;

use crate::json;

pub const JS: &str = include_str!("redirect.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("sendUserTo", Function::new(ctx.clone(), send_user_to)?)?;
    natives.set("encodeToken", Function::new(ctx.clone(), encode_token)?)?;
    natives.set("validateToken", Function::new(ctx.clone(), validate_token)?)?;
    natives.set("canRedirect", Function::new(ctx.clone(), can_redirect)?)?;
    Ok(natives)
}

/// `sendUserTo(url, query)`.
fn send_user_to<'js>(ctx: Ctx<'js>, url: Value<'js>, query: Value<'js>) -> Result<()> {
    let url = string(&ctx, &url)?;
    let query = json::to_json(&ctx, query)?;
    host_result(&ctx, redirect::send_user_to(&url, &query))
}

/// `encodeToken(secret, payload, expiresInSeconds)`: the token string.
fn encode_token<'js>(ctx: Ctx<'js>, secret: Value<'js>, payload: Value<'js>, expires: Value<'js>) -> Result<String> {
    let secret = string(&ctx, &secret)?;
    let payload = json::to_json(&ctx, payload)?;
    let expires = expires.as_number().map(|n| n.max(0.0) as u64);
    redirect::encode_token(&secret, &payload, expires).map_err(|message| Exception::throw_message(&ctx, &message))
}

/// `validateToken(secret, parameter)`: the token's claims as an object.
fn validate_token<'js>(ctx: Ctx<'js>, secret: Value<'js>, parameter: Value<'js>) -> Result<Value<'js>> {
    let secret = string(&ctx, &secret)?;
    let parameter = string(&ctx, &parameter)?;
    let claims =
        redirect::validate_token(&secret, &parameter).map_err(|message| Exception::throw_message(&ctx, &message))?;
    ctx.json_parse(claims)
}

/// `canRedirect()`.
fn can_redirect(_ctx: Ctx<'_>) -> bool {
    redirect::can_redirect()
}
