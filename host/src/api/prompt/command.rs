//! What `api.prompt` records (the flow suspends on the interaction, not on the command).

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum PromptCommand {
    #[serde(rename = "prompt.render")]
    Render { form_id: String, options: Value },
}

impl fmt::Display for PromptCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PromptCommand::Render { form_id, options } => write!(f, "prompt.render({form_id:?}, {options})"),
        }
    }
}

impl NamespaceCommand for PromptCommand {}
