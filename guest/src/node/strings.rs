//! JavaScript strings as the natives of `node/` see them: their UTF-16 code units (what
//! Node's encodings work on, lone surrogates included), and new strings made from UTF-8,
//! Latin-1 or UTF-16 by QuickJS's own allocator, so they count against the heap cap.

use javy::quickjs::{Ctx, Exception, Result, Value, qjs};

/// The code units of a string, held as the WTF-8 QuickJS gives (lone surrogates as their
/// own three-byte sequences), decoded on the fly.
pub struct Units {
    wtf8: Vec<u8>,
    len: usize,
}

impl Units {
    /// The code units of `value`, which must be a string.
    pub fn of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<Self> {
        if !value.is_string() {
            return Err(Exception::throw_type(ctx, "expected a string"));
        }
        let ptr = ctx.as_raw().as_ptr();
        let mut len = 0;
        // SAFETY: `value` is a live string; the buffer is copied, then freed.
        let wtf8 = unsafe {
            let chars = qjs::JS_ToCStringLen2(ptr, &mut len, value.as_raw(), false);
            if chars.is_null() {
                return Err(javy::quickjs::Error::Exception);
            }
            let bytes = std::slice::from_raw_parts(chars.cast::<u8>(), len as usize).to_vec();
            qjs::JS_FreeCString(ptr, chars);
            bytes
        };
        let len = CodePoints { bytes: &wtf8, at: 0 }.map(|c| if c >= 0x10000 { 2 } else { 1 }).sum();
        Ok(Units { wtf8, len })
    }

    /// How many code units.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The code units, in order.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        CodePoints { bytes: &self.wtf8, at: 0 }.flat_map(|c| {
            let mut buf = [0u16; 2];
            let n = if c >= 0x10000 {
                let v = c - 0x10000;
                buf[0] = 0xd800 | (v >> 10) as u16;
                buf[1] = 0xdc00 | (v & 0x3ff) as u16;
                2
            } else {
                buf[0] = c as u16;
                1
            };
            buf.into_iter().take(n)
        })
    }

    /// The unit at `index` (slow: for the few units the callers look at).
    pub fn unit(&self, index: usize) -> u16 {
        self.iter().nth(index).unwrap_or(0)
    }

    /// UTF-8, each lone surrogate written as U+FFFD (EF BF BD), as Node and `TextEncoder`
    /// write it.
    pub fn utf8(&self) -> Vec<u8> {
        if !self.wtf8.contains(&0xed) {
            return self.wtf8.clone();
        }
        let mut out = Vec::with_capacity(self.wtf8.len());
        let mut i = 0;
        while i < self.wtf8.len() {
            if self.wtf8[i] == 0xed && self.wtf8.get(i + 1).is_some_and(|b| *b >= 0xa0) {
                out.extend_from_slice("\u{fffd}".as_bytes());
                i += 3;
            } else {
                out.push(self.wtf8[i]);
                i += 1;
            }
        }
        out
    }

    /// The length of [`Units::utf8`], without making it.
    pub fn utf8_len(&self) -> usize {
        // A lone surrogate takes three bytes as WTF-8 and as U+FFFD alike.
        self.wtf8.len()
    }
}

/// The code points of WTF-8 (UTF-8 that may encode surrogates).
struct CodePoints<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = &self.bytes[self.at..];
        let first = *b.first()?;
        let (width, initial) = match first {
            0x00..=0x7f => (1, u32::from(first)),
            0xc0..=0xdf => (2, u32::from(first & 0x1f)),
            0xe0..=0xef => (3, u32::from(first & 0x0f)),
            _ => (4, u32::from(first & 0x07)),
        };
        let width = width.min(b.len());
        let c = b[1..width].iter().fold(initial, |c, byte| (c << 6) | u32::from(byte & 0x3f));
        self.at += width;
        Some(c)
    }
}

/// A value QuickJS returned, or its exception.
pub fn checked<'js>(ctx: &Ctx<'js>, raw: qjs::JSValue) -> Result<Value<'js>> {
    // SAFETY: `raw` is a fresh value owned by us.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() { Err(javy::quickjs::Error::Exception) } else { Ok(value) }
}

/// A string of `text`.
pub fn from_str<'js>(ctx: &Ctx<'js>, text: &str) -> Result<Value<'js>> {
    // SAFETY: `text` outlives the call, which copies it.
    let raw = unsafe { qjs::JS_NewStringLen(ctx.as_raw().as_ptr(), text.as_ptr().cast(), text.len() as _) };
    checked(ctx, raw)
}

/// `bytes` read as UTF-8, each maximal ill-formed subpart replaced by U+FFFD (as
/// `TextDecoder` and Node read it).
pub fn from_utf8_lossy<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    from_str(ctx, &String::from_utf8_lossy(bytes))
}

/// A string whose code units are `bytes`.
pub fn from_latin1<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    if bytes.is_ascii() {
        // SAFETY: ASCII is UTF-8.
        return from_str(ctx, unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    let units: Vec<u16> = bytes.iter().map(|b| u16::from(*b)).collect();
    from_units(ctx, &units)
}

/// A string of these code units (lone surrogates kept).
pub fn from_units<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
    // SAFETY: `units` outlives the call, which copies them.
    let raw = unsafe { qjs::JS_NewStringUTF16(ctx.as_raw().as_ptr(), units.as_ptr(), units.len() as _) };
    checked(ctx, raw)
}

/// The string `value` as Rust text, each lone surrogate replaced by U+FFFD (a WebIDL
/// `USVString`).
pub fn usv<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<String> {
    let bytes = Units::of(ctx, value)?.utf8();
    // After the replacement the bytes are UTF-8.
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}
