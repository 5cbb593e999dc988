//! What `api.redirect` records (the flow suspends on the interaction, not on the command).

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum RedirectCommand {
    /// `query` holds the Action's parameters; the flow adds `state`.
    #[serde(rename = "redirect.sendUserTo")]
    SendUserTo { url: String, query: Value },
}

impl fmt::Display for RedirectCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectCommand::SendUserTo { url, query } => write!(f, "redirect.sendUserTo({url:?}, {query})"),
        }
    }
}

impl NamespaceCommand for RedirectCommand {}
