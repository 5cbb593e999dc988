//! Thrown JavaScript values, turned into the `exception` record of the WIT contract.
//!
//! Reading `name`, `message` and `stack` may run the Action's own getters; that happens
//! here, inside the guest and under the host's fuel and deadline, and any error they raise
//! is swallowed so that describing an exception never fails.

use javy::quickjs::{Coerced, Ctx, FromJs, Object, Value};

use crate::actionbox::runtime::types::{Exception, Location};
use crate::text;

/// The file name the JavaScript glue is evaluated under; its frames are not the Action's.
pub const GLUE_FILENAME: &str = "actionbox:glue";

const MAX_MESSAGE_BYTES: usize = 4 * 1024;
const MAX_STACK_BYTES: usize = 16 * 1024;

/// A thrown value, classified.
pub enum Thrown {
    /// QuickJS's own out-of-memory error: the heap cap was reached.
    OutOfMemory,
    Exception(Exception),
}

/// Takes the pending exception off the context and describes it.
pub fn take(ctx: &Ctx<'_>) -> Thrown {
    let value = ctx.catch();
    describe(ctx, value)
}

/// Describes a thrown (or rejected) value.
pub fn describe<'js>(ctx: &Ctx<'js>, value: Value<'js>) -> Thrown {
    let exception = match value.as_object().filter(|_| value.is_error()) {
        Some(error) => {
            let name = string_property(ctx, error, "name").unwrap_or_else(|| "Error".into());
            let message = string_property(ctx, error, "message").unwrap_or_default();
            if name == "InternalError" && message == "out of memory" {
                return Thrown::OutOfMemory;
            }
            let stack = string_property(ctx, error, "stack").unwrap_or_default();
            Exception {
                location: location(&stack),
                name,
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

/// A property read as a string, or `None` when it is absent, not a string, or throws.
fn string_property<'js>(ctx: &Ctx<'js>, object: &Object<'js>, key: &str) -> Option<String> {
    match object.get::<_, Value>(key) {
        Ok(value) => text::lossy(ctx, &value),
        Err(_) => {
            ctx.catch();
            None
        }
    }
}

/// `String(value)`, or a placeholder when that throws.
fn printable<'js>(ctx: &Ctx<'js>, value: Value<'js>) -> String {
    if let Some(text) = text::lossy(ctx, &value) {
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

/// The innermost frame of the stack that is the Action's own (not the glue's or native).
fn location(stack: &str) -> Option<Location> {
    stack.lines().find_map(|line| {
        let frame = line.trim().strip_prefix("at ")?;
        // `at name (file:line:col)` or `at file:line:col`.
        let place = match (frame.rfind('('), frame.ends_with(')')) {
            (Some(open), true) => &frame[open + 1..frame.len() - 1],
            _ => frame,
        };
        let mut parts = place.rsplitn(3, ':');
        let column = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        let file = parts.next()?;
        (file != GLUE_FILENAME && file != "native").then_some(Location { line, column })
    })
}

