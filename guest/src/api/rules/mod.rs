//! `api.rules`: the natives behind `rules.js` (it has none: nothing of it reaches the host).

use javy::quickjs::{Ctx, Object, Result};

pub const JS: &str = include_str!("rules.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    Ok(natives)
}
