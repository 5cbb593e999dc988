//! `api.prompt.render(formId, {fields, vars})` (post-login, password-reset-post-challenge):
//! shows a form; the flow suspends after the Action and resumes in its continue handler,
//! where `event.prompt` holds the form's id and fields.

mod command;

pub use command::PromptCommand;

use actionbox_contract::refusal::Refusal;

use super::{check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::prompt::{Call, Render};
use crate::limits::MAX_PROMPT_OPTIONS_BYTES;
use crate::outcome::Interaction;
use crate::state::HostState;
use crate::trigger::Method;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::Render(_) => Method::PromptRender,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let Call::Render(Render { form_id, options }) = call;
    check_key("the form id", &form_id)?;
    let options = parse_json("options", &options, MAX_PROMPT_OPTIONS_BYTES)?;
    for field in ["fields", "vars"] {
        if options.get(field).is_some_and(|v| !v.is_object()) {
            return Err(Refusal::WrongType {
                argument: format!("options.{field}"),
                expected: "an object".into(),
                got: None,
            });
        }
    }
    state.begin_interaction(Interaction::Prompt { form_id: form_id.clone(), options: options.clone() })?;
    state.record.command(PromptCommand::Render { form_id, options })
}
