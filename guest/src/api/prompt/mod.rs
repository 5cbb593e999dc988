//! `api.prompt`: the native behind `prompt.js`, the WIT `prompt` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::actionbox_sandbox::api::prompt::{Call, Render};
use crate::json;

pub const JS: &str = include_str!("prompt.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("render", Function::new(ctx.clone(), render)?)?;
    Ok(natives)
}

/// `render(formId, options)`.
fn render<'js>(ctx: Ctx<'js>, form_id: Value<'js>, options: Value<'js>) -> Result<()> {
    let render = Render { form_id: string(&ctx, &form_id)?, options: json::to_json(&ctx, options)? };
    done(&ctx, Method::PromptRender, MethodCall::Prompt(Call::Render(render)))
}
