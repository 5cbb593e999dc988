//! `api.prompt`: the natives behind `prompt.js`, one per function of the WIT `prompt` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::prompt;
use crate::json;

pub const JS: &str = include_str!("prompt.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("render", Function::new(ctx.clone(), render)?)?;
    Ok(natives)
}

/// `render(formId, options)`.
fn render<'js>(ctx: Ctx<'js>, form_id: Value<'js>, options: Value<'js>) -> Result<()> {
    let form_id = string(&ctx, &form_id)?;
    let options = json::to_json(&ctx, options)?;
    host_result(&ctx, prompt::render(&form_id, &options))
}
