//! `api.prompt.render(formId, {fields, vars})` (post-login, password-reset-post-challenge):
//! shows a form; the flow suspends after the Action and resumes in its continue handler,
//! where `event.prompt` holds the form's id and fields.

use serde_json::Value;

use super::{check_allowed, check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::prompt::Host;
use crate::limits::MAX_PROMPT_OPTIONS_BYTES;
use crate::outcome::{Command, Interaction};
use crate::state::HostState;
use crate::trigger::Method;

impl Host for HostState {
    fn render(&mut self, form_id: String, options: String) -> Result<(), String> {
        const METHOD: &str = Method::PromptRender.path();
        check_allowed(self, Method::PromptRender)?;
        check_key(METHOD, "the form id", &form_id)?;
        let options = parse_json(METHOD, "options", &options, MAX_PROMPT_OPTIONS_BYTES)?;
        for field in ["fields", "vars"] {
            if options.get(field).is_some_and(|v| !v.is_object()) {
                return Err(format!("{METHOD}: options.{field} must be an object"));
            }
        }
        let interaction = Interaction::Prompt { form_id: form_id.clone(), options: options.clone() };
        self.begin_interaction(METHOD, interaction)?;
        self.record.command(Command::RenderPrompt { form_id, options: Value::clone(&options) })?;
        Ok(())
    }
}
