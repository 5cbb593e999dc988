//! What `internal/inspect` cannot see from JavaScript: a promise's state and result, and
//! whether a value is a proxy (and its target), as Node's printer shows them.

use javy::quickjs::{Ctx, Function, Object, Result, Value, qjs};

use crate::node::strings;

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("promiseState", Function::new(ctx.clone(), promise_state)?)?;
    natives.set("promiseResult", Function::new(ctx.clone(), promise_result)?)?;
    // SAFETY: reading the tag of a live value.
    natives
        .set("isProxy", Function::new(ctx.clone(), |value: Value<'js>| unsafe { qjs::JS_IsProxy(value.as_raw()) })?)?;
    natives.set("proxyTarget", Function::new(ctx.clone(), proxy_target)?)?;
    Ok(natives)
}

/// 0 pending, 1 fulfilled, 2 rejected; -1 for a value that is not a promise.
fn promise_state<'js>(ctx: Ctx<'js>, value: Value<'js>) -> i32 {
    if !value.is_promise() {
        return -1;
    }
    // SAFETY: `value` is a live promise.
    let state = unsafe { qjs::JS_PromiseState(ctx.as_raw().as_ptr(), value.as_raw()) };
    match state {
        qjs::JSPromiseStateEnum_JS_PROMISE_FULFILLED => 1,
        qjs::JSPromiseStateEnum_JS_PROMISE_REJECTED => 2,
        _ => 0,
    }
}

/// The value or reason of a settled promise; `undefined` otherwise.
fn promise_result<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    if promise_state(ctx.clone(), value.clone()) <= 0 {
        return Ok(Value::new_undefined(ctx));
    }
    // SAFETY: `value` is a live, settled promise; the result is a new reference.
    let raw = unsafe { qjs::JS_PromiseResult(ctx.as_raw().as_ptr(), value.as_raw()) };
    strings::checked(&ctx, raw)
}

/// The target of a proxy; `undefined` for other values.
fn proxy_target<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    // SAFETY: reading the tag of a live value.
    if !unsafe { qjs::JS_IsProxy(value.as_raw()) } {
        return Ok(Value::new_undefined(ctx));
    }
    // SAFETY: `value` is a live proxy; the target is a new reference.
    let raw = unsafe { qjs::JS_GetProxyTarget(ctx.as_raw().as_ptr(), value.as_raw()) };
    strings::checked(&ctx, raw)
}
