//! What `api.accessToken` records, and what it changes in a flow: the flow's final access
//! token claims.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;
use crate::flow::Changes;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum AccessTokenCommand {
    #[serde(rename = "accessToken.setCustomClaim")]
    SetCustomClaim { name: String, value: Value },
    #[serde(rename = "accessToken.addScope")]
    AddScope { scope: String },
    #[serde(rename = "accessToken.removeScope")]
    RemoveScope { scope: String },
}

impl fmt::Display for AccessTokenCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessTokenCommand::SetCustomClaim { name, value } => {
                write!(f, "accessToken.setCustomClaim({name:?}, {value})")
            }
            AccessTokenCommand::AddScope { scope } => write!(f, "accessToken.addScope({scope:?})"),
            AccessTokenCommand::RemoveScope { scope } => write!(f, "accessToken.removeScope({scope:?})"),
        }
    }
}

impl NamespaceCommand for AccessTokenCommand {
    fn apply_to_flow(&self, _event: &mut Value, changes: &mut Changes) {
        if let AccessTokenCommand::SetCustomClaim { name, value } = self {
            changes.access_token_claims.insert(name.clone(), value.clone());
        }
    }
}
