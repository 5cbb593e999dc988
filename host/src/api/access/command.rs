//! What `api.access` records.

use std::fmt;

use serde::Serialize;

use crate::api::command::NamespaceCommand;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum AccessCommand {
    #[serde(rename = "access.deny")]
    Deny {
        reason: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        code: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        user_message: Option<String>,
    },
    #[serde(rename = "access.rejectInvalidSubjectToken")]
    RejectInvalidSubjectToken { reason: String },
}

impl fmt::Display for AccessCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessCommand::Deny { reason, code: None, user_message: None } => write!(f, "access.deny({reason:?})"),
            AccessCommand::Deny { reason, code: Some(code), .. } => write!(f, "access.deny({code:?}, {reason:?})"),
            AccessCommand::Deny { reason, code: None, user_message: Some(message) } => {
                write!(f, "access.deny({reason:?}, {message:?})")
            }
            AccessCommand::RejectInvalidSubjectToken { reason } => {
                write!(f, "access.rejectInvalidSubjectToken({reason:?})")
            }
        }
    }
}

impl NamespaceCommand for AccessCommand {
    fn redact(&mut self, redact: &mut dyn FnMut(&mut String)) {
        match self {
            AccessCommand::Deny { reason, user_message, .. } => {
                redact(reason);
                if let Some(message) = user_message {
                    redact(message);
                }
            }
            AccessCommand::RejectInvalidSubjectToken { reason } => redact(reason),
        }
    }
}
