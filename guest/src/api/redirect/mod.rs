//! `api.redirect`: the natives behind `redirect.js`, each one case of the WIT `redirect`
//! call; the readers take their value from the host's reply.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Exception, Function, Object, Result, Value};

use super::args::string;
use super::call::{call, done};
use crate::actionbox_sandbox::api::dispatch::{MethodCall, Reply};
use crate::actionbox_sandbox::api::redirect::{self, Call, EncodeToken, SendUserTo, ValidateToken};
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

/// The host's reply to a reader.
fn read(ctx: &Ctx<'_>, method: Method, request: Call) -> Result<redirect::Reply> {
    match call(ctx, method, MethodCall::Redirect(request))? {
        Reply::Redirect(reply) => Ok(reply),
        Reply::Done => Err(Exception::throw_internal(ctx, &format!("{}: the host gave no value", method.path()))),
    }
}

/// `sendUserTo(url, query)`.
fn send_user_to<'js>(ctx: Ctx<'js>, url: Value<'js>, query: Value<'js>) -> Result<()> {
    let send = SendUserTo { url: string(&ctx, &url)?, query: json::to_json(&ctx, query)? };
    done(&ctx, Method::RedirectSendUserTo, MethodCall::Redirect(Call::SendUserTo(send)))
}

/// `encodeToken(secret, payload, expiresInSeconds)`: the token string.
fn encode_token<'js>(ctx: Ctx<'js>, secret: Value<'js>, payload: Value<'js>, expires: Value<'js>) -> Result<String> {
    let request = EncodeToken {
        secret: string(&ctx, &secret)?,
        payload: json::to_json(&ctx, payload)?,
        expires_in_seconds: expires.as_number().map(|n| n.max(0.0) as u64),
    };
    match read(&ctx, Method::RedirectEncodeToken, Call::EncodeToken(request))? {
        redirect::Reply::Token(token) => Ok(token),
        _ => Err(Exception::throw_internal(&ctx, "api.redirect.encodeToken: the host gave another value")),
    }
}

/// `validateToken(secret, parameter)`: the token's claims as an object.
fn validate_token<'js>(ctx: Ctx<'js>, secret: Value<'js>, parameter: Value<'js>) -> Result<Value<'js>> {
    let request = ValidateToken { secret: string(&ctx, &secret)?, parameter: string(&ctx, &parameter)? };
    match read(&ctx, Method::RedirectValidateToken, Call::ValidateToken(request))? {
        redirect::Reply::Claims(claims) => ctx.json_parse(claims),
        _ => Err(Exception::throw_internal(&ctx, "api.redirect.validateToken: the host gave another value")),
    }
}

/// `canRedirect()`.
fn can_redirect(ctx: Ctx<'_>) -> Result<bool> {
    match read(&ctx, Method::RedirectCanRedirect, Call::CanRedirect)? {
        redirect::Reply::CanRedirect(can) => Ok(can),
        _ => Err(Exception::throw_internal(&ctx, "api.redirect.canRedirect: the host gave another value")),
    }
}
