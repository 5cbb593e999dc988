//! The guest's own JavaScript (`console/`, `api/`, `module.js`): each file is one function
//! expression, evaluated at pre-initialization under one file name, so no Action can name
//! or reach it, and called with what it may use.

use javy::quickjs::{Ctx, Function, Result, context::EvalOptions};

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
