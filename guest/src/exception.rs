//! Thrown JavaScript values, turned into the `exception` record of the WIT contract.
//!
//! Reading `name`, `message` and `stack` may run the Action's own getters; that happens
//! here, inside the guest and under the host's fuel and deadline, and any error they raise
//! is swallowed so that describing an exception never fails.

use actionbox_contract::limits::{
    MAX_ERROR_MESSAGE_BYTES as MAX_MESSAGE_BYTES, MAX_ERROR_NAME_BYTES as MAX_NAME_BYTES,
    MAX_ERROR_STACK_BYTES as MAX_STACK_BYTES,
};
use javy::quickjs::{Coerced, Ctx, FromJs, Object, Value};

use crate::actionbox_sandbox::contract::types::{Exception, Location};
use crate::{heap, text, wrapper};

/// A thrown value, classified.
pub enum Thrown {
    /// The heap cap refused an allocation during this call (`heap.rs` knows it for a
    /// fact), and the call then failed: whatever was thrown (QuickJS's own
    /// `InternalError: out of memory`, or `null` when even that did not fit), it ran out.
    /// An Action that throws a look-alike without running out is an ordinary exception.
    OutOfMemory,
    Exception(Exception),
}

/// Takes the pending exception off the context and describes it; `filename` is the
/// Action's, whose frames give the location.
pub fn take(ctx: &Ctx<'_>, filename: &str) -> Thrown {
    let value = ctx.catch();
    describe(ctx, value, filename)
}

/// Describes a thrown (or rejected) value.
pub fn describe<'js>(ctx: &Ctx<'js>, value: Value<'js>, filename: &str) -> Thrown {
    if heap::refused() {
        return Thrown::OutOfMemory;
    }
    let exception = match value.as_object().filter(|_| value.is_error()) {
        Some(error) => {
            let name = string_property(ctx, error, "name", MAX_NAME_BYTES).unwrap_or_else(|| "Error".into());
            let message = string_property(ctx, error, "message", MAX_MESSAGE_BYTES).unwrap_or_default();
            let stack = wrapper::first_line_columns(
                &without_glue(&string_property(ctx, error, "stack", MAX_STACK_BYTES).unwrap_or_default()),
                filename,
            );
            Exception {
                location: location(&stack, filename),
                name: text::truncate(name, MAX_NAME_BYTES),
                message: text::truncate(message, MAX_MESSAGE_BYTES),
                stack: text::truncate(stack, MAX_STACK_BYTES),
            }
        }
        None => Exception {
            name: "Uncaught".into(),
            message: text::truncate(printable(ctx, value), MAX_MESSAGE_BYTES),
            stack: String::new(),
            location: None,
        },
    };
    Thrown::Exception(exception)
}

/// A property read as a string of at most `max` bytes, or `None` when it is absent, not
/// a string, or throws.
fn string_property<'js>(ctx: &Ctx<'js>, object: &Object<'js>, key: &str, max: usize) -> Option<String> {
    match object.get::<_, Value>(key) {
        Ok(value) => text::lossy_bounded(ctx, &value, max),
        Err(_) => {
            ctx.catch();
            None
        }
    }
}

/// `String(value)`, or a placeholder when that throws.
fn printable<'js>(ctx: &Ctx<'js>, value: Value<'js>) -> String {
    if let Some(text) = text::lossy_bounded(ctx, &value, MAX_MESSAGE_BYTES) {
        return text;
    }
    match Coerced::<String>::from_js(ctx, value) {
        Ok(Coerced(text)) => text,
        Err(_) => {
            ctx.catch();
            "[value that cannot be printed]".into()
        }
    }
}

/// The stack without the frames of the guest's own JavaScript (`fetch`, timers, `api`):
/// the Action's author sees where their code was, not actionbox's internals.
fn without_glue(stack: &str) -> String {
    let glue = format!("({}:", crate::builtin::FILENAME);
    let mut kept = String::with_capacity(stack.len());
    for line in stack.lines().filter(|line| !line.contains(&glue)) {
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

/// The innermost frame of the stack in the Action's own file.
fn location(stack: &str, filename: &str) -> Option<Location> {
    stack.lines().find_map(|line| {
        let (file, line, column) = frame_position(line)?;
        (file == filename).then_some(Location { line, column })
    })
}

/// `(file, line, column)` of a frame line: `at name (file:line:col)` or `at file:line:col`.
fn frame_position(frame: &str) -> Option<(&str, u32, u32)> {
    let frame = frame.trim().strip_prefix("at ")?;
    let place = match (frame.rfind('('), frame.ends_with(')')) {
        (Some(open), true) => &frame[open + 1..frame.len() - 1],
        _ => frame,
    };
    let mut parts = place.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?, line, column))
}
