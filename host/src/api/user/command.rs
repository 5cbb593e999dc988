//! What `api.user` records, and what it changes in a flow: `event.user`'s metadata for
//! the Actions after it, and the flow's metadata changes.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;
use crate::flow::{Changes, event_patch};

/// `value` null deletes the key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum UserCommand {
    #[serde(rename = "user.setUserMetadata")]
    SetUserMetadata { key: String, value: Value },
    #[serde(rename = "user.setAppMetadata")]
    SetAppMetadata { key: String, value: Value },
}

impl fmt::Display for UserCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserCommand::SetUserMetadata { key, value } => write!(f, "user.setUserMetadata({key:?}, {value})"),
            UserCommand::SetAppMetadata { key, value } => write!(f, "user.setAppMetadata({key:?}, {value})"),
        }
    }
}

impl NamespaceCommand for UserCommand {
    fn apply_to_flow(&self, event: &mut Value, changes: &mut Changes) {
        match self {
            UserCommand::SetUserMetadata { key, value } => {
                event_patch::write_user_metadata(event, "user_metadata", key, value);
                changes.user_metadata.insert(key.clone(), value.clone());
            }
            UserCommand::SetAppMetadata { key, value } => {
                event_patch::write_user_metadata(event, "app_metadata", key, value);
                changes.app_metadata.insert(key.clone(), value.clone());
            }
        }
    }
}
