//! The byte work behind `Buffer`, `TextEncoder`/`TextDecoder`, `atob`/`btoa` and the other
//! users of text encodings (`buffer.js` and `internal/encoding.js` call these natives):
//! strings to bytes and back in each of Node's encodings, byte-wise comparison and search.
//! The JavaScript side has normalized the encoding's name and clamped every range.
//!
//! Results are made by QuickJS's own allocator (`JS_NewUint8ArrayCopy`,
//! `JS_NewStringLen`, `JS_NewStringUTF16`), so they count against the heap cap; the
//! intermediate Rust buffers are at most a few times the size of an input already in the
//! heap.

use javy::quickjs::{Ctx, Exception, Function, Object, Result, TypedArray, Value, qjs};

use crate::node::strings::{self, Units};

/// The encodings the natives take, as `buffer.js` names them once normalized.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16le,
    Latin1,
    Ascii,
    Base64,
    Base64url,
    Hex,
}

impl Encoding {
    fn parse<'js>(ctx: &Ctx<'js>, name: &str) -> Result<Self> {
        Ok(match name {
            "utf8" => Self::Utf8,
            "utf16le" => Self::Utf16le,
            "latin1" => Self::Latin1,
            "ascii" => Self::Ascii,
            "base64" => Self::Base64,
            "base64url" => Self::Base64url,
            "hex" => Self::Hex,
            _ => return Err(Exception::throw_type(ctx, &format!("Unknown encoding: {name}"))),
        })
    }
}

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("encode", Function::new(ctx.clone(), encode)?)?;
    natives.set("decode", Function::new(ctx.clone(), decode)?)?;
    natives.set("byteLength", Function::new(ctx.clone(), byte_length)?)?;
    natives.set("compare", Function::new(ctx.clone(), compare)?)?;
    natives.set("indexOf", Function::new(ctx.clone(), index_of)?)?;
    natives.set(
        "isUtf8",
        Function::new(ctx.clone(), |bytes: TypedArray<'js, u8>| std::str::from_utf8(bytes_of(&bytes)).is_ok())?,
    )?;
    natives.set("utf8Fatal", Function::new(ctx.clone(), utf8_fatal)?)?;
    Ok(natives)
}

/// The bytes of a `Uint8Array` (detached: none).
fn bytes_of<'a>(array: &'a TypedArray<'_, u8>) -> &'a [u8] {
    array.as_bytes().unwrap_or_default()
}

/// A new `Uint8Array` holding a copy of `bytes`, allocated by QuickJS.
pub fn uint8_array<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    // SAFETY: `bytes` outlives the call, which copies them.
    let raw = unsafe { qjs::JS_NewUint8ArrayCopy(ctx.as_raw().as_ptr(), bytes.as_ptr(), bytes.len() as _) };
    strings::checked(ctx, raw)
}

fn encode<'js>(ctx: Ctx<'js>, text: Value<'js>, encoding: String) -> Result<Value<'js>> {
    let encoding = Encoding::parse(&ctx, &encoding)?;
    let units = Units::of(&ctx, &text)?;
    let bytes = match encoding {
        Encoding::Utf8 => units.utf8(),
        Encoding::Utf16le => units.iter().flat_map(u16::to_le_bytes).collect(),
        Encoding::Latin1 | Encoding::Ascii => units.iter().map(|unit| unit as u8).collect(),
        Encoding::Base64 | Encoding::Base64url => base64_decode(units.iter()),
        Encoding::Hex => hex_decode(units.iter()),
    };
    uint8_array(&ctx, &bytes)
}

fn decode<'js>(
    ctx: Ctx<'js>,
    bytes: TypedArray<'js, u8>,
    encoding: String,
    start: f64,
    end: f64,
) -> Result<Value<'js>> {
    let encoding = Encoding::parse(&ctx, &encoding)?;
    let all = bytes_of(&bytes);
    let end = (end.max(0.0) as usize).min(all.len());
    let start = (start.max(0.0) as usize).min(end);
    let bytes = &all[start..end];
    match encoding {
        Encoding::Utf8 => strings::from_utf8_lossy(&ctx, bytes),
        Encoding::Utf16le => {
            let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
            strings::from_units(&ctx, &units)
        }
        Encoding::Latin1 => strings::from_latin1(&ctx, bytes),
        Encoding::Ascii => {
            let masked: Vec<u8> = bytes.iter().map(|b| b & 0x7f).collect();
            strings::from_latin1(&ctx, &masked)
        }
        Encoding::Base64 => strings::from_latin1(&ctx, base64_encode(bytes, STANDARD, true).as_bytes()),
        Encoding::Base64url => strings::from_latin1(&ctx, base64_encode(bytes, URL_SAFE, false).as_bytes()),
        Encoding::Hex => {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            let mut out = Vec::with_capacity(bytes.len() * 2);
            for byte in bytes {
                out.push(DIGITS[usize::from(byte >> 4)]);
                out.push(DIGITS[usize::from(byte & 15)]);
            }
            strings::from_latin1(&ctx, &out)
        }
    }
}

/// The bytes `text` takes in `encoding`, as Node counts them: exact for the text
/// encodings, estimated from the length for base64 (as `Buffer.byteLength` does) and
/// half the length for hex.
fn byte_length<'js>(ctx: Ctx<'js>, text: Value<'js>, encoding: String) -> Result<f64> {
    let encoding = Encoding::parse(&ctx, &encoding)?;
    let units = Units::of(&ctx, &text)?;
    let len = units.len();
    Ok(match encoding {
        Encoding::Utf8 => units.utf8_len() as f64,
        Encoding::Utf16le => (len * 2) as f64,
        Encoding::Latin1 | Encoding::Ascii => len as f64,
        Encoding::Hex => (len >> 1) as f64,
        Encoding::Base64 | Encoding::Base64url => {
            // Node's estimate: up to two trailing `=` off, then three bytes per four symbols.
            let mut n = len;
            if n > 0 && units.unit(n - 1) == u16::from(b'=') {
                n -= 1;
            }
            if n > 1 && units.unit(n - 1) == u16::from(b'=') {
                n -= 1;
            }
            ((n * 3) >> 2) as f64
        }
    })
}

fn compare<'js>(a: TypedArray<'js, u8>, b: TypedArray<'js, u8>) -> i32 {
    let (a, b) = (bytes_of(&a), bytes_of(&b));
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// Where `needle` first (or, not `forward`, last) occurs in `haystack` starting at (or,
/// backwards, at or before) `offset`; -1 when nowhere.
fn index_of<'js>(haystack: TypedArray<'js, u8>, needle: TypedArray<'js, u8>, offset: f64, forward: bool) -> f64 {
    let (hay, needle) = (bytes_of(&haystack), bytes_of(&needle));
    let offset = offset.max(0.0) as usize;
    if needle.is_empty() {
        return offset.min(hay.len()) as f64;
    }
    if needle.len() > hay.len() {
        return -1.0;
    }
    let found = if forward {
        memchr::memmem::find(hay.get(offset..).unwrap_or_default(), needle).map(|i| i + offset)
    } else {
        // The last match starting at or before `offset`.
        let end = offset.saturating_add(needle.len()).min(hay.len());
        memchr::memmem::rfind(&hay[..end], needle)
    };
    found.map_or(-1.0, |i| i as f64)
}

/// UTF-8 decoded as `TextDecoder` with `fatal: true` does: `null` when the bytes are not
/// UTF-8.
fn utf8_fatal<'js>(ctx: Ctx<'js>, bytes: TypedArray<'js, u8>) -> Result<Value<'js>> {
    match std::str::from_utf8(bytes_of(&bytes)) {
        Ok(text) => strings::from_str(&ctx, text),
        Err(_) => Ok(Value::new_null(ctx)),
    }
}

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 of `bytes` in `alphabet`, padded with `=` when `pad`.
pub fn base64_encode(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        let symbols = chunk.len() + 1;
        for i in 0..4 {
            if i < symbols {
                out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize]);
            } else if pad {
                out.push(b'=');
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The value of a base64 symbol of either alphabet.
fn base64_value(unit: u16) -> Option<u32> {
    let c = u8::try_from(unit).ok()?;
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    } as u32)
}

/// Node's lenient base64: symbols of both alphabets, anything else skipped, stopping at
/// the first `=`; a last lone symbol gives nothing.
pub fn base64_decode(units: impl Iterator<Item = u16>) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for unit in units {
        if unit == u16::from(b'=') {
            break;
        }
        let Some(value) = base64_value(unit) else { continue };
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Node's hex: pairs of hex digits up to the first pair that is not one.
fn hex_decode(units: impl Iterator<Item = u16>) -> Vec<u8> {
    let digit = |unit: u16| char::from_u32(u32::from(unit)).and_then(|c| c.to_digit(16));
    let units: Vec<u16> = units.collect();
    let mut out = Vec::with_capacity(units.len() / 2);
    for pair in units.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(high), Some(low)) => out.push((high * 16 + low) as u8),
            _ => break,
        }
    }
    out
}
