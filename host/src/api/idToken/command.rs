//! What `api.idToken` records, and what it changes in a flow: the flow's final ID token
//! claims.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;
use crate::flow::Changes;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum IdTokenCommand {
    #[serde(rename = "idToken.setCustomClaim")]
    SetCustomClaim { name: String, value: Value },
}

impl fmt::Display for IdTokenCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdTokenCommand::SetCustomClaim { name, value } => write!(f, "idToken.setCustomClaim({name:?}, {value})"),
        }
    }
}

impl NamespaceCommand for IdTokenCommand {
    fn apply_to_flow(&self, _event: &mut Value, changes: &mut Changes) {
        match self {
            IdTokenCommand::SetCustomClaim { name, value } => {
                changes.id_token_claims.insert(name.clone(), value.clone());
            }
        }
    }
}
