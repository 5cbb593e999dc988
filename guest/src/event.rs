//! The `event` object, built from the event tape the host encodes (the format is the
//! contract's, `actionbox_contract::tape`). The result is what `JSON.parse` would give, a
//! fresh graph of plain objects, arrays and primitives with keys defined (not assigned)
//! in order, but no JSON text is tokenized here: the host has parsed and checked it
//! already, and the contract's decoder hands each value straight to QuickJS.

use actionbox_contract::tape::{self, DecodeError};
use javy::quickjs::{Ctx, Value, qjs};

/// Builds the value the tape holds. `Err` says what is wrong; when QuickJS itself failed
/// (out of memory) its exception is pending.
pub fn build<'js>(ctx: &Ctx<'js>, tape: &[u8]) -> Result<Value<'js>, String> {
    let mut builder = Builder { ctx: ctx.as_raw().as_ptr() };
    match tape::decode(tape, &mut builder) {
        // SAFETY: the decoder returns an owned value, now handed to rquickjs.
        Ok(value) => Ok(unsafe { Value::from_raw(ctx.clone(), value) }),
        Err(DecodeError::Visitor(OutOfMemory)) => Err("out of memory".into()),
        Err(malformed) => Err(malformed.to_string()),
    }
}

/// QuickJS could not allocate a value.
struct OutOfMemory;

/// Makes QuickJS values with QuickJS's own calls (no wrapper object per value): this is
/// on every execution's path. Every value it returns is owned by the decoder, which
/// hands it on or to [`discard`](tape::Visitor::discard).
struct Builder {
    ctx: *mut qjs::JSContext,
}

impl Builder {
    fn checked(&self, value: qjs::JSValue) -> Result<qjs::JSValue, OutOfMemory> {
        // SAFETY: inspecting a value's tag.
        if unsafe { qjs::JS_IsException(value) } { Err(OutOfMemory) } else { Ok(value) }
    }
}

// SAFETY (every method): `self.ctx` is the live context of the call `build` serves.
// `JS_DefinePropertyValue*` take ownership of the value they are given, as the visitor's
// contract says `push` and `member` do.
impl tape::Visitor for Builder {
    type Value = qjs::JSValue;
    type Error = OutOfMemory;

    #[inline(always)]
    fn null(&mut self) -> Result<qjs::JSValue, OutOfMemory> {
        Ok(qjs::JS_NULL)
    }

    #[inline(always)]
    fn boolean(&mut self, value: bool) -> Result<qjs::JSValue, OutOfMemory> {
        Ok(if value { qjs::JS_TRUE } else { qjs::JS_FALSE })
    }

    #[inline(always)]
    fn int(&mut self, value: i32) -> Result<qjs::JSValue, OutOfMemory> {
        Ok(qjs::JS_MKVAL(qjs::JS_TAG_INT, value))
    }

    #[inline(always)]
    fn float(&mut self, value: f64) -> Result<qjs::JSValue, OutOfMemory> {
        Ok(qjs::JS_NewFloat64(value))
    }

    #[inline(always)]
    fn string(&mut self, value: &str) -> Result<qjs::JSValue, OutOfMemory> {
        // SAFETY: see the impl.
        self.checked(unsafe { qjs::JS_NewStringLen(self.ctx, value.as_ptr().cast(), value.len() as _) })
    }

    #[inline(always)]
    fn array(&mut self, _count: usize) -> Result<qjs::JSValue, OutOfMemory> {
        // SAFETY: see the impl.
        self.checked(unsafe { qjs::JS_NewArray(self.ctx) })
    }

    #[inline(always)]
    fn push(&mut self, array: &mut qjs::JSValue, index: u32, item: qjs::JSValue) -> Result<(), OutOfMemory> {
        let flags = qjs::JS_PROP_C_W_E as i32;
        // SAFETY: see the impl.
        let defined = unsafe { qjs::JS_DefinePropertyValueUint32(self.ctx, *array, index, item, flags) };
        if defined < 0 { Err(OutOfMemory) } else { Ok(()) }
    }

    #[inline(always)]
    fn object(&mut self, _count: usize) -> Result<qjs::JSValue, OutOfMemory> {
        // SAFETY: see the impl.
        self.checked(unsafe { qjs::JS_NewObject(self.ctx) })
    }

    #[inline(always)]
    fn member(&mut self, object: &mut qjs::JSValue, key: &str, value: qjs::JSValue) -> Result<(), OutOfMemory> {
        // Defined as JSON.parse does, so a `__proto__` key stays an own key.
        // SAFETY: see the impl.
        let defined = unsafe {
            let atom = qjs::JS_NewAtomLen(self.ctx, key.as_ptr().cast(), key.len() as _);
            let defined = qjs::JS_DefinePropertyValue(self.ctx, *object, atom, value, qjs::JS_PROP_C_W_E as i32);
            qjs::JS_FreeAtom(self.ctx, atom);
            defined
        };
        if defined < 0 { Err(OutOfMemory) } else { Ok(()) }
    }

    fn discard(&mut self, value: qjs::JSValue) {
        // SAFETY: see the impl; `value` is owned and not used again.
        unsafe { qjs::JS_FreeValue(self.ctx, value) }
    }
}
