//! The native functions the JavaScript glue calls: each one turns its arguments into plain
//! data and calls one import of the WIT contract. A host refusal becomes an `Error` thrown
//! into the Action, which it may catch.
//!
//! The glue receives these in a closure at pre-initialization; the Action never sees them.

use javy::quickjs::{Ctx, Exception, Function, Object, Result, Value, function::Opt};

use crate::actionbox::runtime::{
    access, authentication, cache, console, multifactor, notification, prompt, redirect, saml_response, sessions,
    tokens, transaction, user, validation,
};
use crate::{json, text};

/// The object handed to `glue.js`: one function per import (see the `set` calls below).
pub fn register<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("write", Function::new(ctx.clone(), write)?)?;
    natives.set("deny", Function::new(ctx.clone(), deny)?)?;
    natives.set("rejectInvalidSubjectToken", Function::new(ctx.clone(), reject_invalid_subject_token)?)?;
    natives.set("validationError", Function::new(ctx.clone(), validation_error)?)?;
    natives.set("notificationDrop", Function::new(ctx.clone(), notification_drop)?)?;
    natives.set("notificationRetry", Function::new(ctx.clone(), notification_retry)?)?;
    natives.set("setCustomClaim", Function::new(ctx.clone(), set_custom_claim)?)?;
    natives.set("addScope", Function::new(ctx.clone(), add_scope)?)?;
    natives.set("removeScope", Function::new(ctx.clone(), remove_scope)?)?;
    natives.set("sessionCall", Function::new(ctx.clone(), session_call)?)?;
    natives.set("sendUserTo", Function::new(ctx.clone(), send_user_to)?)?;
    natives.set("encodeToken", Function::new(ctx.clone(), encode_token)?)?;
    natives.set("validateToken", Function::new(ctx.clone(), validate_token)?)?;
    natives.set("canRedirect", Function::new(ctx.clone(), can_redirect)?)?;
    natives.set("setPrimaryUser", Function::new(ctx.clone(), set_primary_user)?)?;
    natives.set("challenge", Function::new(ctx.clone(), challenge)?)?;
    natives.set("recordMethod", Function::new(ctx.clone(), record_method)?)?;
    natives.set("renderPrompt", Function::new(ctx.clone(), render_prompt)?)?;
    natives.set("setUserById", Function::new(ctx.clone(), set_user_by_id)?)?;
    natives.set("setUserByConnection", Function::new(ctx.clone(), set_user_by_connection)?)?;
    natives.set("setOrganization", Function::new(ctx.clone(), set_organization)?)?;
    natives.set("setActor", Function::new(ctx.clone(), set_actor)?)?;
    natives.set("setResultUrl", Function::new(ctx.clone(), set_result_url)?)?;
    natives.set("samlSetAttribute", Function::new(ctx.clone(), saml_set_attribute)?)?;
    natives.set("samlSetField", Function::new(ctx.clone(), saml_set_field)?)?;
    natives.set("setMetadata", Function::new(ctx.clone(), set_metadata)?)?;
    natives.set("enableMultifactor", Function::new(ctx.clone(), enable_multifactor)?)?;
    natives.set("setTransactionMetadata", Function::new(ctx.clone(), set_transaction_metadata)?)?;
    natives.set("cacheGet", Function::new(ctx.clone(), cache_get)?)?;
    natives.set("cacheSet", Function::new(ctx.clone(), cache_set)?)?;
    natives.set("cacheDelete", Function::new(ctx.clone(), cache_delete)?)?;
    Ok(natives)
}

/// `write(level, text)`: one console line. Levels are numbered as in `glue.js`.
fn write<'js>(ctx: Ctx<'js>, level: u32, line: Value<'js>) -> Result<()> {
    let level = match level {
        0 => console::Level::Log,
        1 => console::Level::Info,
        2 => console::Level::Warn,
        3 => console::Level::Error,
        _ => console::Level::Debug,
    };
    console::write(level, &string(&ctx, &line)?);
    Ok(())
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

/// `validationError(code, message)`.
fn validation_error<'js>(ctx: Ctx<'js>, code: Value<'js>, message: Value<'js>) -> Result<()> {
    host_result(&ctx, validation::error(&string(&ctx, &code)?, &string(&ctx, &message)?))
}

/// `notificationDrop(reason)`.
fn notification_drop<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    host_result(&ctx, notification::drop(&string(&ctx, &reason)?))
}

/// `notificationRetry(reason)`.
fn notification_retry<'js>(ctx: Ctx<'js>, reason: Value<'js>) -> Result<()> {
    host_result(&ctx, notification::retry(&string(&ctx, &reason)?))
}

/// `setCustomClaim(token, name, value)`: token 0 is the ID token, 1 the access token.
fn set_custom_claim<'js>(ctx: Ctx<'js>, token: u32, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let token = if token == 0 { tokens::Token::IdToken } else { tokens::Token::AccessToken };
    let name = string(&ctx, &name)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, tokens::set_custom_claim(token, &name, &value))
}

/// `addScope(scope)`.
fn add_scope<'js>(ctx: Ctx<'js>, scope: Value<'js>) -> Result<()> {
    host_result(&ctx, tokens::add_scope(&string(&ctx, &scope)?))
}

/// `removeScope(scope)`.
fn remove_scope<'js>(ctx: Ctx<'js>, scope: Value<'js>) -> Result<()> {
    host_result(&ctx, tokens::remove_scope(&string(&ctx, &scope)?))
}

/// `sessionCall(target, method, a, b)`: target 0 is the session, 1 the refresh token;
/// the method names are `api.session`'s.
fn session_call<'js>(
    ctx: Ctx<'js>,
    target: u32,
    method: Value<'js>,
    a: Opt<Value<'js>>,
    b: Opt<Value<'js>>,
) -> Result<()> {
    use sessions::Target;
    let undefined = || Value::new_undefined(ctx.clone());
    let (a, b) = (a.0.unwrap_or_else(undefined), b.0.unwrap_or_else(undefined));
    let target = if target == 0 { Target::Session } else { Target::RefreshToken };
    let result = match string(&ctx, &method)?.as_str() {
        "revoke" => sessions::revoke(target, &string(&ctx, &a)?),
        "setExpiresAt" => sessions::set_expires_at(target, number(&ctx, &a)?),
        "setIdleExpiresAt" => sessions::set_idle_expires_at(target, number(&ctx, &a)?),
        "setCookieMode" => sessions::set_cookie_mode(&string(&ctx, &a)?),
        "setMetadata" => sessions::set_metadata(target, &string(&ctx, &a)?, &json::to_json(&ctx, b)?),
        "deleteMetadata" => sessions::delete_metadata(target, &string(&ctx, &a)?),
        "evictMetadata" => sessions::evict_metadata(target),
        other => return Err(Exception::throw_type(&ctx, &format!("unknown session method {other}"))),
    };
    host_result(&ctx, result)
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

/// `setPrimaryUser(userId)`.
fn set_primary_user<'js>(ctx: Ctx<'js>, user_id: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::set_primary_user(&string(&ctx, &user_id)?))
}

/// `challenge(kind, factors)`: kind 0 challengeWith, 1 challengeWithAny, 2 enrollWith,
/// 3 enrollWithAny.
fn challenge<'js>(ctx: Ctx<'js>, kind: u32, factors: Value<'js>) -> Result<()> {
    use authentication::ChallengeKind as K;
    let kind = match kind {
        0 => K::ChallengeWith,
        1 => K::ChallengeWithAny,
        2 => K::EnrollWith,
        _ => K::EnrollWithAny,
    };
    let factors = json::to_json(&ctx, factors)?;
    host_result(&ctx, authentication::challenge(kind, &factors))
}

/// `recordMethod(url)`.
fn record_method<'js>(ctx: Ctx<'js>, url: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::record_method(&string(&ctx, &url)?))
}

/// `renderPrompt(formId, options)`.
fn render_prompt<'js>(ctx: Ctx<'js>, form_id: Value<'js>, options: Value<'js>) -> Result<()> {
    let form_id = string(&ctx, &form_id)?;
    let options = json::to_json(&ctx, options)?;
    host_result(&ctx, prompt::render(&form_id, &options))
}

/// `setUserById(userId)`.
fn set_user_by_id<'js>(ctx: Ctx<'js>, user_id: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::set_user_by_id(&string(&ctx, &user_id)?))
}

/// `setUserByConnection(connection, profile, options)`.
fn set_user_by_connection<'js>(
    ctx: Ctx<'js>,
    connection: Value<'js>,
    profile: Value<'js>,
    options: Value<'js>,
) -> Result<()> {
    let connection = string(&ctx, &connection)?;
    let profile = json::to_json(&ctx, profile)?;
    let options = json::to_json(&ctx, options)?;
    host_result(&ctx, authentication::set_user_by_connection(&connection, &profile, &options))
}

/// `setOrganization(organization)`.
fn set_organization<'js>(ctx: Ctx<'js>, organization: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::set_organization(&string(&ctx, &organization)?))
}

/// `setActor(actor)`.
fn set_actor<'js>(ctx: Ctx<'js>, actor: Value<'js>) -> Result<()> {
    let actor = json::to_json(&ctx, actor)?;
    host_result(&ctx, authentication::set_actor(&actor))
}

/// `setResultUrl(url)`.
fn set_result_url<'js>(ctx: Ctx<'js>, url: Value<'js>) -> Result<()> {
    host_result(&ctx, transaction::set_result_url(&string(&ctx, &url)?))
}

/// `samlSetAttribute(name, value)`.
fn saml_set_attribute<'js>(ctx: Ctx<'js>, name: Value<'js>, value: Value<'js>) -> Result<()> {
    let name = string(&ctx, &name)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, saml_response::set_attribute(&name, &value))
}

/// `samlSetField(field, value)`.
fn saml_set_field<'js>(ctx: Ctx<'js>, field: Value<'js>, value: Value<'js>) -> Result<()> {
    let field = string(&ctx, &field)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, saml_response::set_field(&field, &value))
}

/// `setMetadata(which, key, value)`: which 0 is user metadata, 1 app metadata.
fn set_metadata<'js>(ctx: Ctx<'js>, which: u32, key: Value<'js>, value: Value<'js>) -> Result<()> {
    let which = if which == 0 { user::Metadata::UserMetadata } else { user::Metadata::AppMetadata };
    let key = string(&ctx, &key)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, user::set_metadata(which, &key, &value))
}

/// `enableMultifactor(provider, options)`.
fn enable_multifactor<'js>(ctx: Ctx<'js>, provider: Value<'js>, options: Value<'js>) -> Result<()> {
    let provider = string(&ctx, &provider)?;
    let options = json::to_json(&ctx, options)?;
    host_result(&ctx, multifactor::enable(&provider, &options))
}

/// `setTransactionMetadata(key, value)`.
fn set_transaction_metadata<'js>(ctx: Ctx<'js>, key: Value<'js>, value: Value<'js>) -> Result<()> {
    let key = string(&ctx, &key)?;
    let value = json::to_json(&ctx, value)?;
    host_result(&ctx, transaction::set_metadata(&key, &value))
}

/// `cacheGet(key)`: `{ value, expires_at }` or `undefined`.
fn cache_get<'js>(ctx: Ctx<'js>, key: Value<'js>) -> Result<Value<'js>> {
    match cache::get(&string(&ctx, &key)?) {
        Some(record) => Ok(cache_record(&ctx, record)?.into_value()),
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// `cacheSet(key, value, ttl, expiresAt)`: `{ type: 'success', record }` or
/// `{ type: 'error', code }`.
fn cache_set<'js>(
    ctx: Ctx<'js>,
    key: Value<'js>,
    value: Value<'js>,
    ttl: Value<'js>,
    expires_at: Value<'js>,
) -> Result<Object<'js>> {
    let options = cache::SetOptions { ttl: ttl.as_number(), expires_at: expires_at.as_number() };
    cache_result(&ctx, cache::set(&string(&ctx, &key)?, &string(&ctx, &value)?, options))
}

/// `cacheDelete(key)`: as `cacheSet`.
fn cache_delete<'js>(ctx: Ctx<'js>, key: Value<'js>) -> Result<Object<'js>> {
    cache_result(&ctx, cache::delete(&string(&ctx, &key)?))
}

fn cache_record<'js>(ctx: &Ctx<'js>, record: cache::CacheRecord) -> Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    object.set("value", record.value)?;
    object.set("expires_at", record.expires_at as f64)?;
    Ok(object)
}

fn cache_result<'js>(
    ctx: &Ctx<'js>,
    result: std::result::Result<cache::CacheRecord, cache::CacheError>,
) -> Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    match result {
        Ok(record) => {
            object.set("type", "success")?;
            object.set("record", cache_record(ctx, record)?)?;
        }
        Err(error) => {
            object.set("type", "error")?;
            object.set("code", cache_error_code(error))?;
        }
    }
    Ok(object)
}

/// The platform's name for a cache error.
fn cache_error_code(error: cache::CacheError) -> &'static str {
    use cache::CacheError as E;
    match error {
        E::MaxSideEffectsExceeded => "MaxSideEffectsExceeded",
        E::CacheKeySizeExceeded => "CacheKeySizeExceeded",
        E::CacheValueSizeExceeded => "CacheValueSizeExceeded",
        E::CacheSizeExceeded => "CacheSizeExceeded",
        E::ItemAlreadyExpired => "ItemAlreadyExpired",
        E::InvalidExpiry => "InvalidExpiry",
        E::FailedToSetCacheRecord => "FailedToSetCacheRecord",
        E::FailedToDeleteCacheRecord => "FailedToDeleteCacheRecord",
        E::CacheKeyDoesNotExist => "CacheKeyDoesNotExist",
    }
}

/// A number argument (the glue has already checked the type).
fn number<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<f64> {
    value.as_number().ok_or_else(|| Exception::throw_type(ctx, "expected a number"))
}

/// An optional string argument: `None` for undefined.
fn optional_string<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<Option<String>> {
    if value.is_undefined() { Ok(None) } else { string(ctx, value).map(Some) }
}

/// A string argument (the glue has already checked the type).
fn string<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<String> {
    text::lossy(ctx, value).ok_or_else(|| Exception::throw_type(ctx, "expected a string"))
}

/// A host refusal, thrown as an `Error` with the host's message.
fn host_result(ctx: &Ctx<'_>, result: std::result::Result<(), String>) -> Result<()> {
    result.map_err(|message| Exception::throw_message(ctx, &message))
}
