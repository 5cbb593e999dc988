//! `console`: its JavaScript (`console.js`, Node's `console` module, held ready in the
//! snapshot and registered with the loader of `node/`) and one native per level, each
//! writing one formatted line through the WIT `console` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

/// Installs the `console` global: `console.js` runs with its natives and the loader's
/// `load` (for `internal/inspect`, when a line needs it), and is registered as the
/// `console` module.
pub fn install<'js>(ctx: &Ctx<'js>, builtins: &Object<'js>) -> Result<()> {
    let module = Object::new(ctx.clone())?;
    module.set("exports", Object::new(ctx.clone())?)?;
    let load: Function = builtins.get("load")?;
    crate::builtin::evaluate(ctx, JS)?.call::<_, ()>((module.clone(), load, natives(ctx)?))?;
    let console: Value = module.get("exports")?;
    ctx.globals().set("console", console.clone())?;
    let register: Function = builtins.get("register")?;
    register.call::<_, ()>(("console", console))
}

use crate::actionbox_sandbox::contract::console::{self, Level};
use crate::api::args::string;

pub const JS: &str = include_str!("console.js");

fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    for (name, level) in [
        ("log", Level::Log),
        ("info", Level::Info),
        ("warn", Level::Warn),
        ("error", Level::Error),
        ("debug", Level::Debug),
    ] {
        let write = move |ctx: Ctx<'js>, line: Value<'js>| -> Result<()> {
            console::write(level, &string(&ctx, &line)?);
            Ok(())
        };
        natives.set(name, Function::new(ctx.clone(), write)?)?;
    }
    Ok(natives)
}
