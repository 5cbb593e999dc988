//! What `api.multifactor` records, and what it changes in a flow: MFA runs after every
//! Action, so the flow reports the last requirement.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;
use crate::flow::Changes;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum MultifactorCommand {
    #[serde(rename = "multifactor.enable")]
    Enable { provider: String, options: Value },
}

impl fmt::Display for MultifactorCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MultifactorCommand::Enable { provider, options } => {
                write!(f, "multifactor.enable({provider:?}, {options})")
            }
        }
    }
}

impl NamespaceCommand for MultifactorCommand {
    fn apply_to_flow(&self, _event: &mut Value, changes: &mut Changes) {
        match self {
            MultifactorCommand::Enable { provider, options } => {
                changes.multifactor = Some(serde_json::json!({ "provider": provider, "options": options }));
            }
        }
    }
}
