//! The arguments of a native, as plain data (the JavaScript side has checked their types
//! already).

use javy::quickjs::{Ctx, Exception, Result, Value};

use crate::text;

/// A number argument (the glue has already checked the type).
pub fn number<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<f64> {
    value.as_number().ok_or_else(|| Exception::throw_type(ctx, "expected a number"))
}

/// An optional string argument: `None` for undefined.
pub fn optional_string<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<Option<String>> {
    if value.is_undefined() { Ok(None) } else { string(ctx, value).map(Some) }
}

/// A string argument (the glue has already checked the type).
pub fn string<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<String> {
    text::lossy(ctx, value).ok_or_else(|| Exception::throw_type(ctx, "expected a string"))
}
