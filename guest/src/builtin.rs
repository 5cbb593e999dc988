//! The guest's own JavaScript (`console/`, `api/`, `module.js`, `node/`): each file is one
//! function expression, evaluated under one file name, so no Action can name or reach it,
//! and called with what it may use. Most is evaluated at pre-initialization
//! ([`evaluate`]); Node's modules are compiled then ([`compile`]) and kept as bytecode
//! outside the QuickJS heap until an execution first uses them ([`evaluate_bytecode`]).

use javy::quickjs::{Ctx, Function, Result, Value, context::EvalOptions, qjs};

/// The file name the guest's own JavaScript is evaluated under.
pub const FILENAME: &str = "actionbox:glue";

/// The function `source` evaluates to.
pub fn evaluate<'js>(ctx: &Ctx<'js>, source: &str) -> Result<Function<'js>> {
    let mut options = EvalOptions::default();
    options.global = true;
    options.strict = true;
    options.filename = Some(FILENAME.into());
    ctx.eval_with_options(source, options)
}

/// `source` compiled to bytecode, to be evaluated later by [`evaluate_bytecode`]: until
/// then nothing of it is in the QuickJS heap.
pub fn compile(ctx: &Ctx<'_>, source: &str) -> Vec<u8> {
    let text = std::ffi::CString::new(source).expect("the guest's own JavaScript has no NUL");
    let filename = std::ffi::CString::new(FILENAME).expect("no NUL");
    let mut options = qjs::JSEvalOptions {
        version: qjs::JS_EVAL_OPTIONS_VERSION as i32,
        eval_flags: (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_STRICT | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32,
        filename: filename.as_ptr(),
        line_num: 1,
    };
    // SAFETY: `text` is NUL-terminated and outlives the call, as does `filename`.
    let raw = unsafe { qjs::JS_Eval2(ctx.as_raw().as_ptr(), text.as_ptr(), source.len() as _, &mut options) };
    // SAFETY: `raw` is a fresh value owned by us.
    let compiled = unsafe { Value::from_raw(ctx.clone(), raw) };
    assert!(!compiled.is_exception(), "the guest's own JavaScript compiles: {:?}", ctx.catch());
    // Debug information is kept: stacks name the glue's file, so that its frames are left
    // out of the stacks an Action sees.
    let flags = qjs::JS_WRITE_OBJ_BYTECODE | qjs::JS_WRITE_OBJ_STRIP_SOURCE;
    crate::script::write_bytecode_with(ctx, &compiled, flags).expect("memory for the guest's own bytecode")
}

/// The function that bytecode from [`compile`] evaluates to.
pub fn evaluate_bytecode<'js>(ctx: &Ctx<'js>, bytecode: &[u8]) -> Result<Function<'js>> {
    let compiled = crate::script::load(ctx, bytecode).map_err(|()| javy::quickjs::Error::Exception)?;
    let ptr = ctx.as_raw().as_ptr();
    // SAFETY: JS_EvalFunction takes ownership of its argument, so it gets its own reference.
    let raw = unsafe { qjs::JS_EvalFunction(ptr, qjs::JS_DupValue(ptr, compiled.as_raw())) };
    // SAFETY: `raw` is a fresh value owned by us.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(javy::quickjs::Error::Exception);
    }
    value.into_function().ok_or(javy::quickjs::Error::Exception)
}
