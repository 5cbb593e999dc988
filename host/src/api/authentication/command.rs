//! What `api.authentication` records, and what it changes in a flow: the primary user
//! for the flow's result, a recorded method on `event.authentication.methods` for the
//! Actions after it.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;
use crate::flow::{Changes, event_patch};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum AuthenticationCommand {
    #[serde(rename = "authentication.setPrimaryUser")]
    SetPrimaryUser { user_id: String },
    /// `method` is `challengeWith`, `challengeWithAny`, `enrollWith` or `enrollWithAny`.
    #[serde(rename = "authentication.challenge")]
    Challenge { method: String, factors: Value },
    #[serde(rename = "authentication.recordMethod")]
    RecordMethod { url: String },
    #[serde(rename = "authentication.setUserById")]
    SetUserById { user_id: String },
    #[serde(rename = "authentication.setUserByConnection")]
    SetUserByConnection { connection: String, profile: Value, options: Value },
    #[serde(rename = "authentication.setOrganization")]
    SetOrganization { organization: String },
    #[serde(rename = "authentication.setActor")]
    SetActor { actor: Value },
}

impl fmt::Display for AuthenticationCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthenticationCommand::SetPrimaryUser { user_id } => {
                write!(f, "authentication.setPrimaryUser({user_id:?})")
            }
            AuthenticationCommand::Challenge { method, factors } => write!(f, "authentication.{method}({factors})"),
            AuthenticationCommand::RecordMethod { url } => write!(f, "authentication.recordMethod({url:?})"),
            AuthenticationCommand::SetUserById { user_id } => write!(f, "authentication.setUserById({user_id:?})"),
            AuthenticationCommand::SetUserByConnection { connection, profile, options } => {
                write!(f, "authentication.setUserByConnection({connection:?}, {profile}, {options})")
            }
            AuthenticationCommand::SetOrganization { organization } => {
                write!(f, "authentication.setOrganization({organization:?})")
            }
            AuthenticationCommand::SetActor { actor } => write!(f, "authentication.setActor({actor})"),
        }
    }
}

impl NamespaceCommand for AuthenticationCommand {
    fn apply_to_flow(&self, event: &mut Value, changes: &mut Changes) {
        match self {
            AuthenticationCommand::SetPrimaryUser { user_id } => changes.primary_user = Some(user_id.clone()),
            AuthenticationCommand::RecordMethod { url } => event_patch::push_method(event, url),
            _ => {}
        }
    }
}
