//! The Action's packaged modules: compiling a file of its packages at compile time
//! (`prepare-module`), and loading one at run time, by id, from the host's `modules`
//! interface, for `loader.js`, which is Node's CommonJS loader over them, and for
//! `esm.rs`, QuickJS's ES module loader over them. `graph.rs` keeps what both have seen.
//!
//! Nothing of a package is in the shared snapshot: a module's bytecode crosses from the
//! host on its first `require` or `import`, and an Action without packages never calls in
//! here. A per-Action snapshot holds the modules its top level required, evaluated.

mod esm;
mod graph;

use javy::quickjs::{Array, Ctx, Exception, Function, Object, Result, Value};

pub use graph::begin;

use crate::actionbox_sandbox::contract::modules::{self, ModuleKind};
use crate::actionbox_sandbox::contract::scan_types::{ScanError, ScanSyntaxError};
use crate::actionbox_sandbox::contract::types::{Link, ModuleRef, Target};
use crate::exception::{self, Thrown};
use crate::{builtin, script};

const LOADER: &str = include_str!("loader.js");

/// Evaluates `loader.js` with its natives and makes QuickJS's module loader `esm.rs`;
/// returns `loader.js`'s object (`actionRequire` and what `esm.rs` calls).
pub fn install<'js>(ctx: &Ctx<'js>, builtins: &Object<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("load", Function::new(ctx.clone(), load)?)?;
    natives.set("requireModule", Function::new(ctx.clone(), require_module)?)?;
    natives.set("find", Function::new(ctx.clone(), find_native)?)?;
    natives.set("linksOf", Function::new(ctx.clone(), links_of)?)?;
    let packages: Object = builtin::evaluate(ctx, LOADER)?.call((natives, builtins.clone()))?;
    esm::install(ctx, &packages);
    Ok(packages)
}

/// A file of the packages as bytecode: Node's CommonJS wrapper around it, or the ES
/// module. Compiles only: nothing of it runs.
pub fn compile(ctx: &Ctx<'_>, path: &str, source: &str, esm: bool) -> std::result::Result<Vec<u8>, ScanError> {
    let compiled = script::compile_module(ctx, path, source, esm).map_err(|()| match exception::take(ctx, path) {
        Thrown::OutOfMemory => ScanError::OutOfMemory,
        Thrown::Exception(e) => {
            ScanError::Syntax(ScanSyntaxError { message: format!("{}: {}", e.name, e.message), location: e.location })
        }
    })?;
    script::write_bytecode(ctx, &compiled).ok_or(ScanError::OutOfMemory)
}

/// Links as `loader.js` reads them: `[specifier, import, tag, id, path]`, the tag 0 for
/// a packaged module, 1 for a built-in, 2 for an absent optional dependency.
pub fn links<'js>(ctx: &Ctx<'js>, links: &[Link]) -> Result<Array<'js>> {
    let array = Array::new(ctx.clone())?;
    for (i, link) in links.iter().enumerate() {
        let entry = Array::new(ctx.clone())?;
        entry.set(0, link.specifier.as_str())?;
        entry.set(1, link.import)?;
        match &link.target {
            Target::Module(module) => {
                entry.set(2, 0)?;
                entry.set(3, module.id)?;
                entry.set(4, module.path.as_str())?;
            }
            Target::Builtin(name) => {
                entry.set(2, 1)?;
                entry.set(3, name.as_str())?;
            }
            Target::Missing => entry.set(2, 2)?,
        }
        array.set(i, entry)?;
    }
    Ok(array)
}

/// `natives.load(id, path)`: `[kind, links, value]` of the packaged module `id` at
/// `path`, the value the CommonJS wrapper function, or the JSON text; an ES module's
/// bytecode waits in the graph for QuickJS's loader.
fn load<'js>(ctx: Ctx<'js>, id: u32, path: String) -> Result<Array<'js>> {
    let Some(module) = modules::load(id) else {
        return Err(Exception::throw_range(&ctx, "the Action has no packaged module of this id"));
    };
    graph::record(&path, &module.links);
    graph::name(&path, id);
    let result = Array::new(ctx.clone())?;
    result.set(1, links(&ctx, &module.links)?)?;
    match module.kind {
        ModuleKind::Commonjs => {
            let compiled = script::load(&ctx, &module.code).map_err(|()| javy::quickjs::Error::Exception)?;
            drop(module.code);
            let wrapper = script::evaluate(&ctx, compiled).map_err(|()| javy::quickjs::Error::Exception)?;
            result.set(0, 0)?;
            result.set(2, wrapper)?;
        }
        ModuleKind::Json => {
            let text = String::from_utf8(module.code)
                .map_err(|_| Exception::throw_type(&ctx, "a packaged JSON module is not UTF-8"))?;
            result.set(0, 2)?;
            result.set(2, text)?;
        }
        ModuleKind::Esm => {
            graph::stash(id, module.code);
            result.set(0, 1)?;
            result.set(2, Value::new_undefined(ctx.clone()))?;
        }
    }
    Ok(result)
}

/// The bytecode of the ES module `id` at `path`: what `load` kept for QuickJS's loader,
/// or, when a module of a failed link is asked for again, the host's answer anew.
fn esm_bytecode(ctx: &Ctx<'_>, id: u32, path: &str) -> Result<Vec<u8>> {
    if let Some(bytecode) = graph::take(id) {
        return Ok(bytecode);
    }
    match modules::load(id) {
        Some(module) if matches!(module.kind, ModuleKind::Esm) => {
            graph::record(path, &module.links);
            Ok(module.code)
        }
        _ => Err(Exception::throw_range(ctx, "the Action has no packaged ES module of this id")),
    }
}

/// The packaged module a name computed at run time leads to from `directory`, if any,
/// as the host finds it among the packaged paths (its id recorded for `esm.rs`).
fn find(directory: &str, specifier: &str) -> Option<ModuleRef> {
    let found = modules::find(directory, specifier)?;
    graph::name(&found.path, found.id);
    Some(found)
}

/// `natives.find(directory, specifier)`: `[id, path]` of what [`find`] finds, or
/// `undefined`.
fn find_native<'js>(ctx: Ctx<'js>, directory: String, specifier: String) -> Result<Option<Array<'js>>> {
    let Some(found) = find(&directory, &specifier) else { return Ok(None) };
    let result = Array::new(ctx)?;
    result.set(0, found.id)?;
    result.set(1, found.path)?;
    Ok(Some(result))
}

/// `natives.linksOf(name)`: the links of the file `name` (a loaded module's path, or
/// the Action's filename) as `links` gives them, or `undefined` when none was loaded.
fn links_of<'js>(ctx: Ctx<'js>, name: String) -> Result<Option<Array<'js>>> {
    match graph::links_of(&name) {
        Some(found) => links(&ctx, &found).map(Some),
        None => Ok(None),
    }
}

/// `natives.requireModule(path)`: the namespace of the ES module at `path`, which `load`
/// has just fetched, evaluated now; `undefined` while its evaluation is pending.
fn require_module<'js>(ctx: Ctx<'js>, path: String) -> Result<Option<Object<'js>>> {
    esm::require(&ctx, &path)
}
