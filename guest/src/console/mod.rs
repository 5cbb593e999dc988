//! `console`: its JavaScript (`console.js`: formatting, one method per level) and one
//! native per level, each writing one formatted line through the WIT `console` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use crate::actionbox_sandbox::contract::console::{self, Level};
use crate::api::args::string;

pub const JS: &str = include_str!("console.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
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
