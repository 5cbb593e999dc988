//! ES modules among the Action's packages, through QuickJS's module loader.
//!
//! QuickJS asks two things of a host for every `import`, static or `import()`:
//! - **normalize** (`normalize`): the name of the module a specifier leads to from the
//!   importing file. The importing file's links, which the host resolved at compile time,
//!   answer: a packaged module is named by its path, a built-in `node:<name>`. A name no
//!   link has (an `import()` of a computed name) is a built-in, or what the host finds
//!   among the packaged files, or nothing.
//! - **load** (`load`): the module of that name. A packaged ES module is its bytecode, read
//!   back. Anything else an ES module may import is a *facade*, a C module whose exports
//!   are set from a value: a built-in module's exports, a JSON module's value, a CommonJS
//!   module's `module.exports` (its own enumerable keys as named exports beside
//!   `default`, as Node's ES loader gives them). A CommonJS module is evaluated when the
//!   facade is made, that is while QuickJS links the graph; an error it throws is kept and
//!   thrown when the facade is evaluated, as in Node.
//!
//! `require()` of an ES module ([`require`]) compiles a small importer module under a
//! reserved name and evaluates it synchronously, as Node 22 does: the namespace when the
//! graph has no top-level `await`, its error when it throws, and `None` when it is still
//! pending (the caller throws `ERR_REQUIRE_ASYNC_MODULE`).
//!
//! A specifier that leads nowhere normalizes to a reserved name whose facade throws
//! `ERR_MODULE_NOT_FOUND` when evaluated, so normalizing never fails. Loading fails only
//! when the instance is out of memory or the host's answer is broken; QuickJS then leaves
//! the modules that were linking half-resolved, so the graph is marked failed and every
//! later `import` throws instead of reaching one of them.

use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::ptr::{self, NonNull};

use javy::quickjs::promise::PromiseState;
use javy::quickjs::{Array, Ctx, Error, Exception, Function, Object, Persistent, Result, Value, qjs};

use super::graph;
use crate::actionbox_sandbox::contract::types::Target;
use crate::script;

/// The names of the importer modules `require()` of an ES module compiles (never a path).
const IMPORTER: &str = "\u{1}actionbox-require:";
/// The names a specifier that leads nowhere normalizes to: this, the importing file's
/// name, a `\u{1}`, and the specifier.
const NOT_FOUND: &str = "\u{1}actionbox-not-found:";

/// What `loader.js`'s `importFile` answers: how the file was loaded.
const COMMONJS: i32 = 0;
const ESM: i32 = 1;
const JSON_VALUE: i32 = 2;
const THREW: i32 = 3;

/// Makes QuickJS's module loader this one in the runtime of `ctx`. `packages` is the
/// object `loader.js` returns, kept for the runtime's life (runtimes are never freed).
pub fn install<'js>(ctx: &Ctx<'js>, packages: &Object<'js>) {
    let opaque = Box::into_raw(Box::new(Persistent::save(ctx, packages.clone())));
    // SAFETY: the context is live; the functions match QuickJS's signatures and the
    // opaque pointer stays valid for as long as the runtime.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_SetModuleLoaderFunc(rt, Some(normalize), Some(load), opaque.cast());
    }
}

/// `require()` of the ES module at `path`, which `loader.js` has just fetched: its
/// namespace, or `None` when its evaluation is still pending (top-level `await`).
///
/// As in Node 22, a module with a `default` export and no `__esModule` gives instead a
/// namespace that adds `__esModule: true` to its exports (what code compiled from ES
/// modules to CommonJS looks for), whose bindings stay live.
pub fn require<'js>(ctx: &Ctx<'js>, path: &str) -> Result<Option<Object<'js>>> {
    refuse_after_failure(ctx)?;
    let path = string_literal(path);
    let Some(importer) =
        evaluate_importer(ctx, &format!("import * as namespace from {path};\nexport {{ namespace }};"))?
    else {
        return Ok(None);
    };
    let namespace: Object = importer.get("namespace")?;
    if !namespace.contains_key("default")? || namespace.contains_key("__esModule")? {
        return Ok(Some(namespace));
    }
    evaluate_importer(
        ctx,
        &format!("export * from {path};\nexport {{ default }} from {path};\nexport const __esModule = true;"),
    )
}

/// Compiles `source` as a module of a reserved name, whose imports name modules by their
/// path, and evaluates it: its namespace, or `None` while its evaluation is pending.
fn evaluate_importer<'js>(ctx: &Ctx<'js>, source: &str) -> Result<Option<Object<'js>>> {
    let name = format!("{IMPORTER}{}", graph::next_importer());
    let text = format!("{source}\0");
    let compiled = script::compile_only(ctx, &name, &text, source.len(), qjs::JS_EVAL_TYPE_MODULE)
        .map_err(|()| Error::Exception)?;
    let raw = compiled.as_raw();
    // SAFETY: `raw` is a compiled module (JS_TAG_MODULE), alive while `compiled` holds it.
    let module = unsafe { qjs::JS_VALUE_GET_PTR(raw) }.cast::<qjs::JSModuleDef>();
    // SAFETY: as above. A failed resolution may free the modules it left unresolved, so
    // this reference is not released after one: the module stays in the context's list
    // (a few bytes), which is safe whichever way QuickJS went.
    if unsafe { qjs::JS_ResolveModule(ctx.as_raw().as_ptr(), raw) } < 0 {
        std::mem::forget(compiled);
        return Err(Error::Exception);
    }
    // SAFETY: JS_EvalFunction takes the value's reference; the module stays in the
    // context's list of loaded modules.
    let evaluated = unsafe { qjs::JS_EvalFunction(ctx.as_raw().as_ptr(), owned(compiled)) };
    // SAFETY: a fresh value owned by us.
    let evaluated = unsafe { Value::from_raw(ctx.clone(), evaluated) };
    if evaluated.is_exception() {
        return Err(Error::Exception);
    }
    let promise = evaluated.into_promise().ok_or_else(|| not_a_module(ctx))?;
    match promise.state() {
        PromiseState::Pending => Ok(None),
        PromiseState::Rejected => promise.result::<Value>().expect("a settled promise has a result").map(|_| None),
        PromiseState::Resolved => {
            // SAFETY: the module was evaluated; its namespace is a fresh reference.
            let namespace = unsafe { qjs::JS_GetModuleNamespace(ctx.as_raw().as_ptr(), module) };
            // SAFETY: a fresh value owned by us.
            let namespace = unsafe { Value::from_raw(ctx.clone(), namespace) };
            if namespace.is_exception() {
                return Err(Error::Exception);
            }
            namespace.into_object().map(Some).ok_or_else(|| not_a_module(ctx))
        }
    }
}

/// QuickJS's `JSModuleNormalizeFunc`.
unsafe extern "C" fn normalize(
    ctx: *mut qjs::JSContext,
    base: *const c_char,
    name: *const c_char,
    opaque: *mut c_void,
) -> *mut c_char {
    // SAFETY: QuickJS calls this with its live context, from a call that holds the
    // runtime, and with NUL-terminated names.
    let (ctx, base, name) = unsafe {
        (
            Ctx::from_raw(NonNull::new_unchecked(ctx)),
            CStr::from_ptr(base).to_string_lossy(),
            CStr::from_ptr(name).to_string_lossy(),
        )
    };
    // SAFETY: `opaque` is the pointer `install` registered.
    let normalized =
        unsafe { packages(&ctx, opaque) }.and_then(|packages| normalized(&ctx, &packages, &base, &name)).and_then(
            |normalized| CString::new(normalized).map_err(|_| Exception::throw_type(&ctx, "a module name has a NUL")),
        );
    match normalized {
        // SAFETY: QuickJS frees the name with js_free; js_strdup allocates it so.
        Ok(normalized) => unsafe { qjs::js_strdup(ctx.as_raw().as_ptr(), normalized.as_ptr()) },
        Err(error) => {
            pending(&ctx, error);
            ptr::null_mut()
        }
    }
}

/// The name of the module `name` leads to from the file `base`.
fn normalized<'js>(ctx: &Ctx<'js>, packages: &Object<'js>, base: &str, name: &str) -> Result<String> {
    refuse_after_failure(ctx)?;
    if base.starts_with(IMPORTER) {
        return Ok(name.to_owned());
    }
    if let Some(links) = graph::links_of(base) {
        // An `import` link first: it was resolved with Node's `import` conditions.
        let link = links.iter().filter(|link| link.specifier == name).max_by_key(|link| link.import);
        if let Some(link) = link {
            return Ok(match &link.target {
                Target::Module(module) => module.path.clone(),
                Target::Builtin(builtin) => format!("node:{builtin}"),
                Target::Missing => format!("{NOT_FOUND}{base}\u{1}{name}"),
            });
        }
    }
    let bare = name.strip_prefix("node:").unwrap_or(name);
    if packages.get::<_, Function>("isBuiltin")?.call((bare,))? {
        return Ok(format!("node:{bare}"));
    }
    // A name computed at run time, looked for among the packaged files from the
    // importing one's directory (the Action's is `/`).
    if graph::links_of(base).is_some() {
        let directory = match base.rfind('/') {
            Some(at) if at > 0 && base.starts_with('/') => &base[..at],
            _ => "/",
        };
        if let Some(found) = super::find(directory, name) {
            return Ok(found.path);
        }
    }
    Ok(format!("{NOT_FOUND}{base}\u{1}{name}"))
}

/// QuickJS's `JSModuleLoaderFunc`.
unsafe extern "C" fn load(ctx: *mut qjs::JSContext, name: *const c_char, opaque: *mut c_void) -> *mut qjs::JSModuleDef {
    // SAFETY: as in `normalize`.
    let (ctx, name) = unsafe { (Ctx::from_raw(NonNull::new_unchecked(ctx)), CStr::from_ptr(name).to_string_lossy()) };
    // SAFETY: `opaque` is the pointer `install` registered.
    match unsafe { packages(&ctx, opaque) }.and_then(|packages| module(&ctx, &packages, &name)) {
        Ok(module) => module,
        Err(error) => {
            pending(&ctx, error);
            graph::fail(format!("the module {name} failed to load"));
            ptr::null_mut()
        }
    }
}

/// The module named `name`, made or read.
fn module<'js>(ctx: &Ctx<'js>, packages: &Object<'js>, name: &str) -> Result<*mut qjs::JSModuleDef> {
    if let Some(rest) = name.strip_prefix(NOT_FOUND) {
        let (base, specifier) = rest.split_once('\u{1}').unwrap_or(("", rest));
        let error: Value = packages.get::<_, Function>("notFound")?.call((specifier, base))?;
        return facade(ctx, name, Err(error));
    }
    if let Some(builtin) = name.strip_prefix("node:") {
        let exports: Value = packages.get::<_, Function>("importBuiltin")?.call((builtin,))?;
        return facade(ctx, name, Ok((exports, true)));
    }
    let Some(id) = graph::id_of(name) else {
        return Err(Exception::throw_reference(ctx, &format!("no link of the Action leads to the module {name}")));
    };
    let answer: Array = packages.get::<_, Function>("importFile")?.call((id, name))?;
    let kind: i32 = answer.get(0)?;
    let value: Value = answer.get(1)?;
    match kind {
        ESM => read(ctx, name, &super::esm_bytecode(ctx, id, name)?),
        COMMONJS => facade(ctx, name, Ok((value, true))),
        JSON_VALUE => facade(ctx, name, Ok((value, false))),
        THREW => facade(ctx, name, Err(value)),
        _ => Err(Exception::throw_type(ctx, "importFile answered an unknown kind")),
    }
}

/// Reads an ES module's bytecode and gives it its `import.meta`. The module is named as
/// it was compiled: by its path, the name it is asked for by.
fn read(ctx: &Ctx<'_>, path: &str, bytecode: &[u8]) -> Result<*mut qjs::JSModuleDef> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `bytecode` outlives the call; QuickJS copies what it keeps.
    let value =
        unsafe { qjs::JS_ReadObject(raw, bytecode.as_ptr(), bytecode.len() as _, qjs::JS_READ_OBJ_BYTECODE as i32) };
    // SAFETY: reading the tag of a value we own.
    let tag = unsafe { qjs::JS_VALUE_GET_TAG(value) };
    if tag == qjs::JS_TAG_EXCEPTION {
        return Err(Error::Exception);
    }
    if tag != qjs::JS_TAG_MODULE {
        // SAFETY: not a module, so an ordinary value of ours to free.
        unsafe { qjs::JS_FreeValue(raw, value) };
        return Err(not_a_module(ctx));
    }
    // SAFETY: a module value; the context's list of loaded modules holds the module, so
    // releasing this reference leaves it alive (as QuickJS's own loader does).
    let module = unsafe {
        let module = qjs::JS_VALUE_GET_PTR(value).cast::<qjs::JSModuleDef>();
        qjs::JS_FreeValue(raw, value);
        module
    };
    // SAFETY: the module is live; the object returned is a fresh reference.
    let meta = unsafe { Value::from_raw(ctx.clone(), qjs::JS_GetImportMeta(raw, module)) };
    let meta = meta.into_object().ok_or(Error::Exception)?;
    meta.set("url", file_url(path))?;
    meta.set("filename", path)?;
    meta.set("dirname", path.rfind('/').map_or("/", |at| if at == 0 { "/" } else { &path[..at] }))?;
    Ok(module)
}

/// A C module named `name` with the exports of `content`: `Ok((value, named))`, whose
/// `default` is the value and, when `named`, its own enumerable keys the other exports;
/// or `Err(error)`, a module that throws `error` when evaluated.
fn facade<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    content: std::result::Result<(Value<'js>, bool), Value<'js>>,
) -> Result<*mut qjs::JSModuleDef> {
    let raw = ctx.as_raw().as_ptr();
    let cname = CString::new(name).map_err(|_| Exception::throw_type(ctx, "a module name has a NUL"))?;
    // SAFETY: the context is live; QuickJS copies the name.
    let module = unsafe { qjs::JS_NewCModule(raw, cname.as_ptr(), Some(initialize_facade)) };
    if module.is_null() {
        return Err(Error::Exception);
    }
    // What `initialize_facade` reads: `[true, value, ...names]` or `[false, error]`.
    let private = Array::new(ctx.clone())?;
    match content {
        Ok((value, named)) => {
            let names: Vec<String> = match value.as_object() {
                Some(object) if named => object.keys::<String>().collect::<Result<_>>()?,
                _ => Vec::new(),
            };
            private.set(0, true)?;
            private.set(1, value)?;
            for name in names.into_iter().filter(|name| name != "default" && !name.contains('\0')) {
                export(ctx, module, &name)?;
                private.set(private.len(), name)?;
            }
        }
        Err(error) => {
            private.set(0, false)?;
            private.set(1, error)?;
        }
    }
    export(ctx, module, "default")?;
    // SAFETY: the module is live; QuickJS takes the reference given.
    unsafe { qjs::JS_SetModulePrivateValue(raw, module, owned(private.into_value())) };
    Ok(module)
}

/// Declares the export `name` of a C module not yet linked.
fn export(ctx: &Ctx<'_>, module: *mut qjs::JSModuleDef, name: &str) -> Result<()> {
    let cname = CString::new(name).expect("names with a NUL are left out");
    // SAFETY: the module is live and not yet linked; QuickJS copies the name.
    if unsafe { qjs::JS_AddModuleExport(ctx.as_raw().as_ptr(), module, cname.as_ptr()) } < 0 {
        return Err(Error::Exception);
    }
    Ok(())
}

/// A facade's `JSModuleInitFunc`: sets its exports, or throws its error.
unsafe extern "C" fn initialize_facade(ctx: *mut qjs::JSContext, module: *mut qjs::JSModuleDef) -> c_int {
    // SAFETY: QuickJS calls this with its live context and the facade being evaluated.
    let ctx = unsafe { Ctx::from_raw(NonNull::new_unchecked(ctx)) };
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: a fresh reference to the value `facade` stored.
    let private = unsafe { Value::from_raw(ctx.clone(), qjs::JS_GetModulePrivateValue(raw, module)) };
    let set = |name: &str, value: Value<'_>| -> Result<()> {
        let cname = CString::new(name).expect("names with a NUL are left out");
        // SAFETY: the module is live; QuickJS takes the value's reference.
        if unsafe { qjs::JS_SetModuleExport(raw, module, cname.as_ptr(), owned(value)) } < 0 {
            return Err(Error::Exception);
        }
        Ok(())
    };
    let run = || -> Result<()> {
        let private: Array = private.get()?;
        let value: Value = private.get(1)?;
        if !private.get::<bool>(0)? {
            return Err(ctx.throw(value));
        }
        set("default", value.clone())?;
        for at in 2..private.len() {
            let name: String = private.get(at)?;
            let exported: Value =
                value.as_object().map_or_else(|| Ok(Value::new_undefined(ctx.clone())), |o| o.get(&name))?;
            set(&name, exported)?;
        }
        Ok(())
    };
    match run() {
        Ok(()) => {
            // SAFETY: the module is live; the exports hold what they need.
            unsafe { qjs::JS_SetModulePrivateValue(raw, module, qjs::JS_UNDEFINED) };
            0
        }
        Err(error) => {
            pending(&ctx, error);
            -1
        }
    }
}

/// A reference of `value`'s own, for a QuickJS function that takes one.
fn owned(value: Value<'_>) -> qjs::JSValue {
    // SAFETY: the value is live; the new reference is the caller's, `value`'s is dropped.
    unsafe { qjs::JS_DupValue(value.ctx().as_raw().as_ptr(), value.as_raw()) }
}

/// The object `loader.js` returned, from the opaque pointer `install` registered.
///
/// # Safety
/// `opaque` must be that pointer.
unsafe fn packages<'js>(ctx: &Ctx<'js>, opaque: *mut c_void) -> Result<Object<'js>> {
    // SAFETY: the caller passes the pointer `install` leaked, valid for the runtime's life.
    let saved = unsafe { &*opaque.cast::<Persistent<Object<'static>>>() };
    saved.clone().restore(ctx)
}

/// Makes sure `error` is the pending exception: an exception already is; any other error
/// is thrown as an `InternalError`.
fn pending(ctx: &Ctx<'_>, error: Error) {
    if !matches!(error, Error::Exception) {
        let _ = Exception::throw_internal(ctx, &error.to_string());
    }
}

/// Throws when the module loader failed earlier (see the module's documentation).
fn refuse_after_failure(ctx: &Ctx<'_>) -> Result<()> {
    match graph::failed() {
        Some(reason) => Err(Exception::throw_internal(ctx, &format!("{reason}; no module can be loaded after that"))),
        None => Ok(()),
    }
}

fn not_a_module(ctx: &Ctx<'_>) -> Error {
    Exception::throw_type(ctx, "a packaged ES module's bytecode is not a module")
}

/// `path` as a JavaScript string literal.
fn string_literal(path: &str) -> String {
    let mut literal = String::with_capacity(path.len() + 2);
    literal.push('"');
    for c in path.chars() {
        match c {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                literal.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => literal.push(c),
        }
    }
    literal.push('"');
    literal
}

/// `file://` and `path`, percent-encoded as Node's `pathToFileURL` does.
fn file_url(path: &str) -> String {
    let mut url = String::from("file://");
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'/'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => url.push(byte as char),
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}
