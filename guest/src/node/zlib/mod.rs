//! The natives of the `zlib` module (`zlib.js`): whole-buffer deflate, zlib and gzip
//! compression and decompression by `flate2` over `zlib-rs` (a Rust zlib that gives
//! zlib's own error messages), and CRC-32. Decompression is bounded: its output stops at
//! the caller's `maxOutputLength` and at what the heap cap still allows, whichever is
//! smaller, so a small compressed input cannot make the guest allocate without bound.
//!
//! Failures are thrown as plain objects, which `zlib.js` turns into Node's errors:
//! `{ code, errno, message }` for zlib's (`Z_DATA_ERROR` -3 with zlib's message,
//! `Z_BUF_ERROR` -5 with the `output` decompressed before the input ended, `Z_NEED_DICT`
//! 2, `Z_STREAM_ERROR` -2), and `{ code: 'ERR_BUFFER_TOO_LARGE', max }` past the output
//! limit.

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use javy::quickjs::{Ctx, Function, Object, Result, TypedArray, Value};

use crate::heap;
use crate::node::buffer::uint8_array;

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("compress", Function::new(ctx.clone(), compress)?)?;
    natives.set("decompress", Function::new(ctx.clone(), decompress)?)?;
    natives.set("crc32", Function::new(ctx.clone(), crc32)?)?;
    Ok(natives)
}

fn bytes<'a>(array: &'a TypedArray<'_, u8>) -> &'a [u8] {
    array.as_bytes().unwrap_or_default()
}

/// A failure as `zlib.js` reads it, thrown.
fn zlib_error<'js>(
    ctx: &Ctx<'js>,
    code: &str,
    errno: i32,
    message: &str,
    output: Option<&[u8]>,
) -> javy::quickjs::Error {
    let build = || -> Result<Value<'js>> {
        let error = Object::new(ctx.clone())?;
        error.set("code", code)?;
        error.set("errno", errno)?;
        error.set("message", message)?;
        if let Some(output) = output {
            error.set("output", uint8_array(ctx, output)?)?;
        }
        Ok(error.into_value())
    };
    match build() {
        Ok(error) => ctx.throw(error),
        Err(error) => error,
    }
}

fn too_large<'js>(ctx: &Ctx<'js>, max: f64) -> javy::quickjs::Error {
    let build = || -> Result<Value<'js>> {
        let error = Object::new(ctx.clone())?;
        error.set("code", "ERR_BUFFER_TOO_LARGE")?;
        error.set("max", max)?;
        Ok(error.into_value())
    };
    match build() {
        Ok(error) => ctx.throw(error),
        Err(error) => error,
    }
}

/// `format`: `deflate` (the zlib wrapper), `raw` or `gzip`; `level` -1 (the default) to 9;
/// `window_bits` 8 to 15. zlib's `memLevel` and `strategy` change only how the output is
/// found, which `flate2` does not expose; they are accepted and not used.
fn compress<'js>(
    ctx: Ctx<'js>,
    input: TypedArray<'js, u8>,
    format: String,
    level: i32,
    window_bits: i32,
    _mem_level: Value<'js>,
    _strategy: Value<'js>,
) -> Result<Value<'js>> {
    let level = if level < 0 { Compression::default() } else { Compression::new(level.min(9) as u32) };
    // zlib takes 8 as 9 for the zlib and gzip wrappers; raw deflate needs at least 9.
    let window_bits = window_bits.clamp(9, 15) as u8;
    let mut compressor = match format.as_str() {
        "deflate" => Compress::new_with_window_bits(level, true, window_bits),
        "raw" => Compress::new_with_window_bits(level, false, window_bits),
        "gzip" => Compress::new_gzip(level, window_bits),
        _ => return Err(zlib_error(&ctx, "Z_STREAM_ERROR", -2, "unknown format", None)),
    };
    let input = bytes(&input);
    let mut output = Vec::with_capacity(input.len() / 2 + 64);
    loop {
        let consumed = compressor.total_in() as usize;
        if output.len() == output.capacity() {
            output.reserve(output.capacity().max(64));
        }
        let status = compressor
            .compress_vec(&input[consumed..], &mut output, FlushCompress::Finish)
            .map_err(|e| zlib_error(&ctx, "Z_STREAM_ERROR", -2, &e.to_string(), None))?;
        if status == Status::StreamEnd {
            break;
        }
    }
    uint8_array(&ctx, &output)
}

/// `format`: `inflate`, `raw`, `gunzip` or `unzip` (gzip or zlib, by the header).
/// `max_output` bounds the output (Node's `maxOutputLength`). A gzip input may hold
/// several members, decoded one after the other, as zlib does; after the last, a zero
/// byte or the end of a zlib or raw stream ends it, and what follows is ignored.
fn decompress<'js>(ctx: Ctx<'js>, input: TypedArray<'js, u8>, format: String, max_output: f64) -> Result<Value<'js>> {
    let input = bytes(&input);
    let gzip = match format.as_str() {
        "gunzip" => true,
        "unzip" => input.starts_with(&[0x1f, 0x8b]),
        "inflate" | "raw" => false,
        _ => return Err(zlib_error(&ctx, "Z_STREAM_ERROR", -2, "unknown format", None)),
    };
    // What the heap can still take (the output is copied into it), and the caller's cap.
    let room = heap::limit().saturating_sub(heap::live()) as f64;
    let limit = max_output.min(room).max(0.0) as usize;
    let mut output: Vec<u8> = Vec::new();
    let mut start = 0;
    loop {
        let mut decompressor = match (gzip, format.as_str()) {
            (true, _) => Decompress::new_gzip(15),
            (false, "raw") => Decompress::new(false),
            (false, _) => Decompress::new(true),
        };
        loop {
            if output.len() == output.capacity() {
                output.reserve(WINDOW);
            }
            let read = start + decompressor.total_in() as usize;
            let status = match decompressor.decompress_vec(&input[read..], &mut output, FlushDecompress::Finish) {
                Ok(status) => status,
                Err(error) if error.needs_dictionary().is_some() => {
                    return Err(zlib_error(&ctx, "Z_NEED_DICT", 2, "Missing dictionary", None));
                }
                Err(error) => {
                    return Err(zlib_error(&ctx, "Z_DATA_ERROR", -3, error.message().unwrap_or("Zlib error"), None));
                }
            };
            if output.len() > limit {
                return Err(too_large(&ctx, max_output.min(room)));
            }
            if status == Status::StreamEnd {
                break;
            }
            // Room left in the output, yet no end: the input ended before the stream did.
            if output.len() < output.capacity() {
                return Err(zlib_error(&ctx, "Z_BUF_ERROR", -5, "unexpected end of file", Some(&output)));
            }
        }
        start += decompressor.total_in() as usize;
        if !(gzip && input.get(start).is_some_and(|byte| *byte != 0)) {
            break;
        }
    }
    uint8_array(&ctx, &output)
}

/// How much more output room decompression takes at a time.
const WINDOW: usize = 16 * 1024;

/// CRC-32 of `data`, continuing from `initial`.
fn crc32<'js>(data: TypedArray<'js, u8>, initial: Value<'js>) -> f64 {
    let initial = initial.as_number().map_or(0, |n| n as u32);
    let mut hasher = crc32fast::Hasher::new_with_initial(initial);
    hasher.update(bytes(&data));
    f64::from(hasher.finalize())
}
