//! What `api.notification` records.

use std::fmt;

use serde::Serialize;

use crate::api::command::NamespaceCommand;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum NotificationCommand {
    #[serde(rename = "notification.drop")]
    Drop { reason: String },
    #[serde(rename = "notification.retry")]
    Retry { reason: String },
}

impl fmt::Display for NotificationCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotificationCommand::Drop { reason } => write!(f, "notification.drop({reason:?})"),
            NotificationCommand::Retry { reason } => write!(f, "notification.retry({reason:?})"),
        }
    }
}

impl NamespaceCommand for NotificationCommand {
    fn redact(&mut self, redact: &mut dyn FnMut(&mut String)) {
        let (NotificationCommand::Drop { reason } | NotificationCommand::Retry { reason }) = self;
        redact(reason);
    }
}
