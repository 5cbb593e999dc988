//! `fetch`, the guest half (the host's is `host/src/fetch/`): its JavaScript (`fetch.js`:
//! `fetch`, `Request`, `Response`, `Headers`, bodies, `AbortController` and `AbortSignal`
//! with the `Event` and `EventTarget` they need, `URLSearchParams`, `FormData`, `Blob`)
//! and its natives, which hand each request to the host as plain data and take its
//! result back when the event loop's wait reports it complete (`run.rs`).

use std::cell::RefCell;
use std::collections::BTreeSet;

use actionbox_contract::fetch::FetchFailure;
use javy::quickjs::{Array, ArrayBuffer, Ctx, Function, Object, Result, TypedArray, Value};

use crate::actionbox_sandbox::contract::fetch::{self as wit, RedirectMode, Request};
use crate::api::args::string;

pub const JS: &str = include_str!("fetch.js");

/// Installs `fetch.js`'s globals, with the loader of Node's modules (`URLSearchParams` is
/// the `url` module's); returns what `run.rs` calls (`complete`).
pub fn install<'js>(ctx: &Ctx<'js>, builtins: &Object<'js>) -> Result<Object<'js>> {
    let natives = natives(ctx)?;
    natives.set("load", builtins.get::<_, Value>("load")?)?;
    natives.set("loaded", builtins.get::<_, Value>("loaded")?)?;
    natives.set("register", builtins.get::<_, Value>("register")?)?;
    crate::builtin::evaluate(ctx, JS)?.call((natives,))
}

thread_local! {
    /// The run's requests that have started and not been taken or cancelled.
    static IN_FLIGHT: RefCell<BTreeSet<u32>> = const { RefCell::new(BTreeSet::new()) };
}

/// Forgets the requests of the previous call (its runtime is never used again).
pub fn reset() {
    IN_FLIGHT.with_borrow_mut(BTreeSet::clear);
}

/// Whether a request of the run is still in flight: the loop then waits for it.
pub fn in_flight() -> bool {
    IN_FLIGHT.with_borrow(|ids| !ids.is_empty())
}

/// What `fetch.js` receives.
fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("usable", Function::new(ctx.clone(), crate::timers::usable)?)?;
    natives.set("compileMessage", FetchFailure::NotAtCompileTime.to_string())?;
    natives.set("start", Function::new(ctx.clone(), start)?)?;
    natives.set("take", Function::new(ctx.clone(), take)?)?;
    natives.set("utf8", Function::new(ctx.clone(), utf8)?)?;
    natives.set(
        "cancel",
        Function::new(ctx.clone(), |id: u32| {
            if IN_FLIGHT.with_borrow_mut(|ids| ids.remove(&id)) {
                wit::cancel(id);
            }
        })?,
    )?;
    Ok(natives)
}

/// Starts a request: `headers` alternates names and values, `body` is a `Uint8Array` or
/// `undefined`, `redirect` is 0 (follow), 1 (error) or 2 (manual). Returns the request's id,
/// or the failure as `{ code, message }`.
fn start<'js>(
    ctx: Ctx<'js>,
    method: Value<'js>,
    url: Value<'js>,
    headers: Array<'js>,
    body: Value<'js>,
    redirect: u32,
) -> Result<Value<'js>> {
    let mut pairs = Vec::with_capacity(headers.len() / 2);
    let mut items = headers.iter::<Value>();
    while let (Some(name), Some(value)) = (items.next(), items.next()) {
        pairs.push((string(&ctx, &name?)?, string(&ctx, &value?)?));
    }
    let body = if body.is_undefined() || body.is_null() {
        None
    } else {
        let bytes = TypedArray::<u8>::from_value(body)?;
        Some(bytes.as_bytes().map(<[u8]>::to_vec).unwrap_or_default())
    };
    let request = Request {
        method: string(&ctx, &method)?,
        url: string(&ctx, &url)?,
        headers: pairs,
        body,
        redirect: match redirect {
            1 => RedirectMode::Error,
            2 => RedirectMode::Manual,
            _ => RedirectMode::Follow,
        },
    };
    match wit::start(&request) {
        Ok(id) => {
            IN_FLIGHT.with_borrow_mut(|ids| ids.insert(id));
            Ok(Value::new_number(ctx, f64::from(id)))
        }
        Err(failure) => failure_object(&ctx, failure).map(Object::into_value),
    }
}

/// The result of a completed request: `{ status, statusText, url, redirected, headers,
/// body }` (headers alternating names and values, the body an `ArrayBuffer`), or the
/// failure as `{ code, message }`; `undefined` for an id not in flight.
fn take<'js>(ctx: Ctx<'js>, id: u32) -> Result<Value<'js>> {
    if !IN_FLIGHT.with_borrow_mut(|ids| ids.remove(&id)) {
        return Ok(Value::new_undefined(ctx));
    }
    match wit::take(id) {
        None => Ok(Value::new_undefined(ctx)),
        Some(Err(failure)) => failure_object(&ctx, failure).map(Object::into_value),
        Some(Ok(response)) => {
            let object = Object::new(ctx.clone())?;
            object.set("status", response.status)?;
            object.set("statusText", response.status_text)?;
            object.set("url", response.url)?;
            object.set("redirected", response.redirected)?;
            let headers = Array::new(ctx.clone())?;
            for (i, (name, value)) in response.headers.into_iter().enumerate() {
                headers.set(2 * i, name)?;
                headers.set(2 * i + 1, value)?;
            }
            object.set("headers", headers)?;
            object.set("body", ArrayBuffer::new(ctx.clone(), response.body)?)?;
            Ok(object.into_value())
        }
    }
}

/// `bytes` (a `Uint8Array`) read as UTF-8 the way `TextDecoder` reads them: a leading byte
/// order mark dropped, each ill-formed sequence replaced by U+FFFD (its maximal subparts,
/// as the WHATWG decoder does).
fn utf8<'js>(ctx: Ctx<'js>, bytes: TypedArray<'js, u8>) -> Result<javy::quickjs::String<'js>> {
    let bytes = bytes.as_bytes().unwrap_or_default();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    javy::quickjs::String::from_str(ctx, &String::from_utf8_lossy(bytes))
}

fn failure_object<'js>(ctx: &Ctx<'js>, failure: wit::Failure) -> Result<Object<'js>> {
    let failure = from_wit(failure);
    let object = Object::new(ctx.clone())?;
    object.set("code", failure.code())?;
    object.set("message", failure.to_string())?;
    Ok(object)
}

/// Hands the completed requests' ids to `fetch.js`, which settles their promises.
pub fn complete<'js>(glue: &Object<'js>, ids: Vec<u32>) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let complete: Function = glue.get::<_, Object>("fetch")?.get("complete")?;
    for id in ids {
        complete.call::<_, ()>((id,))?;
    }
    Ok(())
}

fn from_wit(failure: wit::Failure) -> FetchFailure {
    match failure {
        wit::Failure::Network => FetchFailure::Network,
        wit::Failure::InvalidUrl(why) => FetchFailure::InvalidUrl(why),
        wit::Failure::SchemeNotAllowed(scheme) => FetchFailure::SchemeNotAllowed(scheme),
        wit::Failure::HostNotAllowed(host) => FetchFailure::HostNotAllowed(host),
        wit::Failure::PortNotAllowed(port) => FetchFailure::PortNotAllowed(port),
        wit::Failure::InvalidHeader(why) => FetchFailure::InvalidHeader(why),
        wit::Failure::InvalidMethod(method) => FetchFailure::InvalidMethod(method),
        wit::Failure::RequestBodyTooLarge(max) => FetchFailure::RequestBodyTooLarge(max),
        wit::Failure::TooManyRequests(max) => FetchFailure::TooManyRequests(max),
        wit::Failure::RedirectNotAllowed => FetchFailure::RedirectNotAllowed,
        wit::Failure::TooManyRedirects(max) => FetchFailure::TooManyRedirects(max),
        wit::Failure::Timeout(ms) => FetchFailure::Timeout(ms),
        wit::Failure::ResponseTooLarge(max) => FetchFailure::ResponseTooLarge(max),
        wit::Failure::HeadersTooLarge(max) => FetchFailure::HeadersTooLarge(max),
        wit::Failure::NotAtCompileTime => FetchFailure::NotAtCompileTime,
        wit::Failure::NotMocked(request) => FetchFailure::NotMocked(request),
        wit::Failure::NotRecorded(request) => FetchFailure::NotRecorded(request),
    }
}
