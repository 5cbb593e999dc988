//! The `event` object, built from the event tape the host encodes (the format is in
//! `wit/runtime.wit`, `event-tape`). The result is what `JSON.parse` would give, a fresh
//! graph of plain objects, arrays and primitives with keys defined (not assigned) in
//! order, but no JSON text is tokenized here: the host has parsed and checked it already.

use javy::quickjs::{Ctx, Value, qjs};

/// Deepest nesting the tape may have (the host refuses deeper events).
const MAX_DEPTH: usize = 128;

/// Builds the value the tape holds. `Err` says what is wrong; when QuickJS itself failed
/// (out of memory) its exception is pending.
pub fn build<'js>(ctx: &Ctx<'js>, tape: &[u8]) -> Result<Value<'js>, String> {
    let mut reader = Reader { tape, at: 0 };
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `raw` is the live context; `value` returns an owned JSValue or frees
    // everything it built before failing.
    let value = unsafe { reader.value(raw, 0) }.map_err(|problem| format!("{problem} at byte {}", reader.at))?;
    // SAFETY: `value` is owned and now handed to rquickjs.
    let value = unsafe { Value::from_raw(ctx.clone(), value) };
    if reader.at != tape.len() {
        return Err(format!("{} bytes after the value", tape.len() - reader.at));
    }
    Ok(value)
}

struct Reader<'a> {
    tape: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// One value, owned by the caller. Built with QuickJS's own calls (no wrapper
    /// objects per value): this is on every execution's path.
    unsafe fn value(&mut self, ctx: *mut qjs::JSContext, depth: usize) -> Result<qjs::JSValue, &'static str> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        let tag = self.byte().ok_or("truncated value")?;
        // SAFETY (whole match): `ctx` is live; every value created is either returned or
        // freed; JS_DefinePropertyValue* take ownership of the value they are given.
        let value = unsafe {
            match tag {
                0 => qjs::JS_NULL,
                1 => qjs::JS_FALSE,
                2 => qjs::JS_TRUE,
                3 => {
                    let b = self.take(4).ok_or("truncated integer")?;
                    qjs::JS_MKVAL(qjs::JS_TAG_INT, i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                }
                4 => {
                    let b = self.take(8).ok_or("truncated number")?;
                    qjs::JS_NewFloat64(f64::from_le_bytes(b.try_into().expect("8 bytes")))
                }
                5 => {
                    let text = self.text().ok_or("malformed string")?;
                    qjs::JS_NewStringLen(ctx, text.as_ptr().cast(), text.len() as _)
                }
                6 => {
                    let count = self.length().ok_or("malformed array")?;
                    let array = qjs::JS_NewArray(ctx);
                    if qjs::JS_IsException(array) {
                        return Err("out of memory");
                    }
                    for index in 0..count {
                        let item = self.value(ctx, depth + 1).inspect_err(|_| qjs::JS_FreeValue(ctx, array))?;
                        let flags = qjs::JS_PROP_C_W_E as i32;
                        if qjs::JS_DefinePropertyValueUint32(ctx, array, index as u32, item, flags) < 0 {
                            qjs::JS_FreeValue(ctx, array);
                            return Err("out of memory");
                        }
                    }
                    array
                }
                7 => {
                    let count = self.length().ok_or("malformed object")?;
                    let object = qjs::JS_NewObject(ctx);
                    if qjs::JS_IsException(object) {
                        return Err("out of memory");
                    }
                    for _ in 0..count {
                        let key = self.text().ok_or("malformed key").inspect_err(|_| qjs::JS_FreeValue(ctx, object))?;
                        let member = self.value(ctx, depth + 1).inspect_err(|_| qjs::JS_FreeValue(ctx, object))?;
                        // Defined as JSON.parse does, so a `__proto__` key stays an own key.
                        let atom = qjs::JS_NewAtomLen(ctx, key.as_ptr().cast(), key.len() as _);
                        let defined = qjs::JS_DefinePropertyValue(ctx, object, atom, member, qjs::JS_PROP_C_W_E as i32);
                        qjs::JS_FreeAtom(ctx, atom);
                        if defined < 0 {
                            qjs::JS_FreeValue(ctx, object);
                            return Err("out of memory");
                        }
                    }
                    object
                }
                _ => return Err("unknown tag"),
            }
        };
        // SAFETY: inspecting a value's tag.
        if unsafe { qjs::JS_IsException(value) } { Err("out of memory") } else { Ok(value) }
    }

    fn byte(&mut self) -> Option<u8> {
        let byte = *self.tape.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let bytes = self.tape.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }

    /// An unsigned LEB128 number that fits in 32 bits.
    fn length(&mut self) -> Option<usize> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value as usize);
            }
        }
        None
    }

    fn text(&mut self) -> Option<&'a str> {
        let length = self.length()?;
        std::str::from_utf8(self.take(length)?).ok()
    }
}
