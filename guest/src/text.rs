//! JavaScript strings to Rust strings: lossy for lone surrogates, and bounded.

use javy::quickjs::{Ctx, Value, qjs};

/// The UTF-8 text of a JS string value; lone surrogates become U+FFFD. `None` when the
/// value is not a string.
pub fn lossy(ctx: &Ctx<'_>, value: &Value<'_>) -> Option<String> {
    lossy_bounded(ctx, value, usize::MAX)
}

/// As [`lossy`], cut to at most `max` bytes (and marked) before it is copied, so a huge
/// string costs no second copy.
pub fn lossy_bounded(ctx: &Ctx<'_>, value: &Value<'_>, max: usize) -> Option<String> {
    if !value.is_string() {
        return None;
    }
    let ptr = ctx.as_raw().as_ptr();
    let mut len = 0;
    // SAFETY: `value` is a live string; the returned buffer is freed before returning.
    unsafe {
        let chars = qjs::JS_ToCStringLen2(ptr, &mut len, value.as_raw(), false);
        if chars.is_null() {
            return None;
        }
        let bytes = std::slice::from_raw_parts(chars.cast::<u8>(), len as usize);
        let text = if bytes.len() > max {
            // Cut on a character boundary (UTF-8 continuation bytes are 0b10xxxxxx).
            let end = (0..=max).rev().find(|&i| bytes.get(i).is_none_or(|b| b & 0xc0 != 0x80)).unwrap_or(0);
            let mut text = String::from_utf8_lossy(&bytes[..end]).into_owned();
            text.push_str(TRUNCATED);
            text
        } else {
            String::from_utf8_lossy(bytes).into_owned()
        };
        qjs::JS_FreeCString(ptr, chars);
        Some(text)
    }
}

/// What marks a cut.
const TRUNCATED: &str = "…[truncated]";

/// Cuts `text` to at most `max` bytes on a character boundary, marking the cut.
pub fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push_str(TRUNCATED);
    }
    text
}
