//! Node's globals and built-in modules, inside the guest.
//!
//! Each module is a JavaScript file of this folder (a folder of its own when it has
//! natives), written as one function expression of `(module, require, natives)`;
//! `require.js` runs it on its first `require` and caches its exports. [`MODULES`] lists
//! them: the public ones are what an Action's `require` finds (also under `node:`), those
//! under `internal/` only serve the others. [`GLOBALS`] lists the globals Node gives
//! without a `require`, each an export of one module.
//!
//! An execution pays only for what it uses: [`prepare`] compiles every module once, at
//! pre-initialization, and keeps the bytecode outside the QuickJS heap; a module is read
//! back and run when an execution first requires it, or first touches one of its globals
//! (accessors until then). The snapshot's heap, and the pages an execution dirties, stay
//! what they were without them.

mod buffer;
mod crypto;
mod introspect;
mod strings;
mod system;
mod url;
mod zlib;

use std::cell::RefCell;

use javy::quickjs::{Ctx, Exception, Function, Object, Result, Value};

use crate::builtin;

/// One built-in module: its name as `require` takes it, its source, and its natives.
struct Module {
    name: &'static str,
    source: &'static str,
    natives: Option<for<'js> fn(&Ctx<'js>) -> Result<Object<'js>>>,
}

impl Module {
    /// Whether an Action may `require` it.
    fn public(&self) -> bool {
        !self.name.starts_with("internal/")
    }
}

type Natives = for<'js> fn(&Ctx<'js>) -> Result<Object<'js>>;

const fn js(name: &'static str, source: &'static str) -> Module {
    Module { name, source, natives: None }
}

const fn with(name: &'static str, source: &'static str, natives: Natives) -> Module {
    Module { name, source, natives: Some(natives) }
}

/// Every built-in module, by the name `require` takes.
const MODULES: &[Module] = &[
    js("internal/errors", include_str!("internal/errors.js")),
    with("internal/inspect", include_str!("internal/inspect.js"), introspect::natives),
    js("internal/equal", include_str!("internal/equal.js")),
    with("internal/encoding", include_str!("internal/encoding.js"), buffer::natives),
    js("internal/clone", include_str!("internal/clone.js")),
    js("internal/weak", include_str!("internal/weak.js")),
    js("internal/intl", include_str!("internal/intl.js")),
    js("internal/locale", include_str!("internal/locale.js")),
    js("internal/url-legacy", include_str!("internal/url-legacy.js")),
    js("internal/unavailable", include_str!("unavailable/unavailable.js")),
    js("events", include_str!("events.js")),
    with("process", include_str!("process.js"), system::natives),
    with("buffer", include_str!("buffer/buffer.js"), buffer::natives),
    js("string_decoder", include_str!("string_decoder.js")),
    js("util", include_str!("util.js")),
    with("internal/url", include_str!("url/whatwg.js"), url::natives),
    js("url", include_str!("url/url.js")),
    js("querystring", include_str!("querystring.js")),
    js("punycode", include_str!("punycode.js")),
    js("path", include_str!("path.js")),
    js("assert", include_str!("assert.js")),
    with("internal/webcrypto", include_str!("crypto/webcrypto.js"), crypto::natives),
    with("crypto", include_str!("crypto/crypto.js"), crypto::natives),
    js("stream", include_str!("stream.js")),
    with("zlib", include_str!("zlib/zlib.js"), zlib::natives),
    js("timers", include_str!("timers.js")),
    with("perf_hooks", include_str!("perf_hooks.js"), system::natives),
    js("async_hooks", include_str!("async_hooks.js")),
    js("diagnostics_channel", include_str!("diagnostics_channel.js")),
    js("domain", include_str!("domain.js")),
    js("module", include_str!("module.js")),
    with("os", include_str!("os.js"), system::natives),
    js("tty", include_str!("tty.js")),
    js("fs", include_str!("unavailable/fs.js")),
    js("fs/promises", include_str!("unavailable/fs-promises.js")),
    js("net", include_str!("unavailable/net.js")),
    js("tls", include_str!("unavailable/tls.js")),
    js("dgram", include_str!("unavailable/dgram.js")),
    js("internal/http", include_str!("internal/http.js")),
    js("http", include_str!("http.js")),
    js("https", include_str!("https.js")),
    js("http2", include_str!("unavailable/http2.js")),
    js("dns", include_str!("unavailable/dns.js")),
    js("dns/promises", include_str!("unavailable/dns-promises.js")),
    js("child_process", include_str!("unavailable/child_process.js")),
    js("worker_threads", include_str!("unavailable/worker_threads.js")),
    js("cluster", include_str!("unavailable/cluster.js")),
    js("vm", include_str!("unavailable/vm.js")),
    js("inspector", include_str!("unavailable/inspector.js")),
    js("readline", include_str!("unavailable/readline.js")),
];

/// Modules the snapshot holds ready, made outside the loader and registered with it.
const SNAPSHOT: &[&str] = &["console"];

/// Modules whose exports are another module's part: `(name, module, export)`.
const ALIASES: &[(&str, &str, &str)] = &[
    ("timers/promises", "timers", "promises"),
    ("assert/strict", "assert", "strict"),
    ("path/posix", "path", "posix"),
    ("path/win32", "path", "win32"),
    ("util/types", "util", "types"),
    ("stream/promises", "stream", "promises"),
];

/// `(global, module, export)`: the globals Node defines without a `require`, each the
/// named export of a module (the module itself when the export is empty).
const GLOBALS: &[(&str, &str, &str)] = &[
    ("process", "process", ""),
    ("Buffer", "buffer", "Buffer"),
    ("atob", "buffer", "atob"),
    ("btoa", "buffer", "btoa"),
    ("URL", "internal/url", "URL"),
    ("URLSearchParams", "internal/url", "URLSearchParams"),
    ("TextEncoder", "internal/encoding", "TextEncoder"),
    ("TextDecoder", "internal/encoding", "TextDecoder"),
    ("structuredClone", "internal/clone", "structuredClone"),
    ("performance", "perf_hooks", "performance"),
    ("crypto", "internal/webcrypto", "crypto"),
    ("Crypto", "internal/webcrypto", "Crypto"),
    ("CryptoKey", "internal/webcrypto", "CryptoKey"),
    ("SubtleCrypto", "internal/webcrypto", "SubtleCrypto"),
    ("Intl", "internal/intl", "Intl"),
    ("WeakRef", "internal/weak", "WeakRef"),
    ("FinalizationRegistry", "internal/weak", "FinalizationRegistry"),
];

/// The loader of `require.js`.
const REQUIRE: &str = include_str!("require.js");

/// The built-ins whose output is the locale's, made Node's (`locale.js`).
const LOCALE: &str = include_str!("locale.js");

thread_local! {
    /// Each module's bytecode, in [`MODULES`]' order, for every runtime of the instance.
    static BYTECODE: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

/// Compiles every module; runs once at pre-initialization.
pub use system::declare_runtime;

pub fn prepare(ctx: &Ctx<'_>) {
    BYTECODE.with_borrow_mut(|kept| {
        if kept.is_empty() {
            *kept = MODULES.iter().map(|module| builtin::compile(ctx, module.source)).collect();
        }
    });
}

/// Installs the loader and the globals' accessors in the runtime of `ctx`; returns the
/// loader (`builtin`, `load`, `loaded`), which `module.js` gives the Action's `require`.
pub fn install<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let names: Vec<&str> = MODULES.iter().map(|module| module.name).collect();
    let mut public: Vec<&str> = MODULES.iter().filter(|module| module.public()).map(|module| module.name).collect();
    public.extend(SNAPSHOT);
    let mut offered: Vec<&str> = public.iter().copied().chain(ALIASES.iter().map(|(name, _, _)| *name)).collect();
    offered.sort_unstable();
    assert_eq!(offered, actionbox_contract::builtins::BUILTIN_MODULES, "the contract lists the guest's modules");
    let aliases: Vec<Vec<&str>> = ALIASES.iter().map(|(name, module, key)| vec![*name, *module, *key]).collect();
    let globals: Vec<Vec<&str>> = GLOBALS.iter().map(|(name, module, key)| vec![*name, *module, *key]).collect();
    let factory = Function::new(ctx.clone(), factory)?;
    let loader: Object = builtin::evaluate(ctx, REQUIRE)?.call((names, public, aliases, globals, factory))?;
    builtin::evaluate(ctx, LOCALE)?.call::<_, ()>((loader.get::<_, Value>("load")?,))?;
    Ok(loader)
}

/// The module at `index` of [`MODULES`]: `[its function, its natives]`, read from its
/// bytecode.
fn factory<'js>(ctx: Ctx<'js>, index: usize) -> Result<Vec<Value<'js>>> {
    let module = MODULES.get(index).ok_or_else(|| Exception::throw_range(&ctx, "no such built-in module"))?;
    let function = BYTECODE.with_borrow(|kept| match kept.get(index) {
        Some(bytecode) => builtin::evaluate_bytecode(&ctx, bytecode),
        None => builtin::evaluate(&ctx, module.source),
    })?;
    let natives = match module.natives {
        Some(make) => make(&ctx)?.into_value(),
        None => Value::new_undefined(ctx.clone()),
    };
    Ok(vec![function.into_value(), natives])
}
