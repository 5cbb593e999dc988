//! What `api.validation` records.

use std::fmt;

use serde::Serialize;

use crate::api::command::NamespaceCommand;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum ValidationCommand {
    #[serde(rename = "validation.error")]
    Error { code: String, message: String },
}

impl fmt::Display for ValidationCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidationCommand::Error { code, message } => write!(f, "validation.error({code:?}, {message:?})"),
        }
    }
}

impl NamespaceCommand for ValidationCommand {
    fn redact(&mut self, redact: &mut dyn FnMut(&mut String)) {
        match self {
            ValidationCommand::Error { message, .. } => redact(message),
        }
    }
}
