//! Scripts and modules: wrapping a source, compiling it to bytecode, loading it back.
//!
//! An Action is a CommonJS script, compiled inside the wrapper of `wrapper.rs`. Its
//! bytecode holds that function; running it defines the exports. A file of its packages
//! is compiled the same way, or as an ES module ([`compile_module`]), and never run here.

use std::ffi::CString;

use javy::quickjs::{Ctx, Function, Object, Value, qjs};

use crate::actionbox_sandbox::contract::types::{CompileError, Compiled, Link};
use crate::exception::{self, Thrown};
use crate::wrapper;

/// Compiles `source`, runs its top level once to learn the exported handlers, and returns
/// the bytecode with their names. Its `require` follows `links`.
pub fn compile<'js>(
    ctx: Ctx<'js>,
    glue: Object<'js>,
    filename: &str,
    source: &str,
    links: &[Link],
) -> Result<Compiled, CompileError> {
    let function = compile_wrapped(&ctx, filename, source).map_err(|()| match exception::take(&ctx, filename) {
        Thrown::OutOfMemory => CompileError::OutOfMemory,
        Thrown::Exception(e) => CompileError::Syntax(e),
    })?;
    let bytecode = write_bytecode(&ctx, &function).ok_or(CompileError::OutOfMemory)?;
    let exports =
        evaluate(&ctx, function).and_then(|wrapper| instantiate(&glue, wrapper, filename, links)).map_err(|()| {
            match exception::take(&ctx, filename) {
                Thrown::OutOfMemory => CompileError::OutOfMemory,
                Thrown::Exception(e) => CompileError::Threw(e),
            }
        })?;
    Ok(Compiled { bytecode, handlers: handler_names(&exports) })
}

/// Loads bytecode that `compile` produced and returns the wrapper function.
pub fn load<'js>(ctx: &Ctx<'js>, bytecode: &[u8]) -> Result<Value<'js>, ()> {
    // SAFETY: `bytecode` outlives the call; QuickJS copies what it keeps.
    let raw = unsafe {
        qjs::JS_ReadObject(
            ctx.as_raw().as_ptr(),
            bytecode.as_ptr(),
            bytecode.len() as _,
            qjs::JS_READ_OBJ_BYTECODE as i32,
        )
    };
    // SAFETY: `raw` is a fresh value owned by us.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() { Err(()) } else { Ok(value) }
}

/// Evaluates a compiled script, which yields the wrapper function.
pub fn evaluate<'js>(ctx: &Ctx<'js>, compiled: Value<'js>) -> Result<Function<'js>, ()> {
    let ptr = ctx.as_raw().as_ptr();
    // SAFETY: JS_EvalFunction takes ownership of its argument, so it gets its own reference.
    let raw = unsafe { qjs::JS_EvalFunction(ptr, qjs::JS_DupValue(ptr, compiled.as_raw())) };
    // SAFETY: `raw` is a fresh value owned by us.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(());
    }
    value.into_function().ok_or_else(|| {
        let _ = javy::quickjs::Exception::throw_type(ctx, "the compiled Action is not a CommonJS wrapper");
    })
}

/// Runs the wrapper with the snapshot's pristine `module` and a `require` that follows
/// `links`, returning `module.exports`.
pub fn instantiate<'js>(
    glue: &Object<'js>,
    wrapper: Function<'js>,
    filename: &str,
    links: &[Link],
) -> Result<Value<'js>, ()> {
    let run = || -> javy::quickjs::Result<Value<'js>> {
        crate::packages::begin(filename, links);
        let module: Object = glue.get("module")?;
        let exports: Value = glue.get("exports")?;
        let require: Function = if links.is_empty() {
            glue.get("require")?
        } else {
            let packages: Object = glue.get("packages")?;
            let links = crate::packages::links(wrapper.ctx(), links)?;
            packages.get::<_, Function>("actionRequire")?.call((links, module.clone(), filename))?
        };
        wrapper.call::<_, ()>((exports, require, module.clone(), filename, "/"))?;
        module.get("exports")
    };
    run().map_err(|_| ())
}

/// Compiles a file of the Action's packages without running it: inside Node's CommonJS
/// wrapper, or as an ES module named `path`. On failure the exception is pending.
pub fn compile_module<'js>(ctx: &Ctx<'js>, path: &str, source: &str, esm: bool) -> Result<Value<'js>, ()> {
    // Node strips a byte order mark, and a `#!` line is a comment at the start of a file
    // (which the wrapper's opening would otherwise precede).
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let owned;
    let source = match source.strip_prefix("#!") {
        Some(rest) => {
            owned = format!("//{rest}");
            owned.as_str()
        }
        None => source,
    };
    if !esm {
        return compile_wrapped(ctx, path, source);
    }
    let mut text = String::with_capacity(source.len() + 1);
    text.push_str(source);
    text.push('\0');
    compile_only(ctx, path, &text, source.len(), qjs::JS_EVAL_TYPE_MODULE)
}

/// The names of the functions among the own enumerable properties of `exports`.
fn handler_names(exports: &Value<'_>) -> Vec<String> {
    let Some(object) = exports.as_object() else { return Vec::new() };
    object
        .props::<String, Value>()
        .filter_map(Result::ok)
        .filter(|(_, value)| value.is_function())
        .map(|(name, _)| name)
        .collect()
}

/// Compiles the wrapped source without running it. On failure the exception is pending.
fn compile_wrapped<'js>(ctx: &Ctx<'js>, filename: &str, source: &str) -> Result<Value<'js>, ()> {
    let (text, len) = wrapper::wrap(source);
    compile_only(ctx, filename, &text, len, qjs::JS_EVAL_TYPE_GLOBAL)
}

/// Compiles the first `len` bytes of `text`, which has a NUL at `len`, as a script or a
/// module (`eval_type`) named `filename`, without running it. On failure the exception
/// is pending.
pub(crate) fn compile_only<'js>(
    ctx: &Ctx<'js>,
    filename: &str,
    text: &str,
    len: usize,
    eval_type: u32,
) -> Result<Value<'js>, ()> {
    assert_eq!(text.as_bytes().get(len), Some(&0), "the text is NUL-terminated at its length");
    let filename = CString::new(filename.replace('\0', "")).expect("NULs were removed");
    let mut options = qjs::JSEvalOptions {
        version: qjs::JS_EVAL_OPTIONS_VERSION as i32,
        eval_flags: (eval_type | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32,
        filename: filename.as_ptr(),
        line_num: 1,
    };
    // SAFETY: `text` is NUL-terminated past `len` and outlives the call, as does `filename`.
    let raw = unsafe { qjs::JS_Eval2(ctx.as_raw().as_ptr(), text.as_ptr().cast(), len as _, &mut options) };
    // SAFETY: `raw` is a fresh value owned by us.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() { Err(()) } else { Ok(value) }
}

/// Serializes a compiled (not yet evaluated) script. `None` when QuickJS is out of memory.
pub fn write_bytecode(ctx: &Ctx<'_>, compiled: &Value<'_>) -> Option<Vec<u8>> {
    write_bytecode_with(ctx, compiled, qjs::JS_WRITE_OBJ_BYTECODE | qjs::JS_WRITE_OBJ_STRIP_SOURCE)
}

/// As [`write_bytecode`], with QuickJS's `JS_WRITE_OBJ_*` `flags`.
pub fn write_bytecode_with(ctx: &Ctx<'_>, compiled: &Value<'_>, flags: u32) -> Option<Vec<u8>> {
    let ptr = ctx.as_raw().as_ptr();
    let mut len = 0;
    // SAFETY: `compiled` is live; the returned buffer is ours to free with js_free.
    unsafe {
        let buf = qjs::JS_WriteObject(ptr, &mut len, compiled.as_raw(), flags as i32);
        if buf.is_null() {
            return None;
        }
        let bytes = std::slice::from_raw_parts(buf, len as usize).to_vec();
        qjs::js_free(ptr, buf.cast());
        Some(bytes)
    }
}
