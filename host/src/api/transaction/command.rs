//! What `api.transaction` records, and what it changes in a flow:
//! `event.transaction.metadata` for the Actions after it.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;
use crate::flow::{Changes, event_patch};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum TransactionCommand {
    /// `value` null deletes the key.
    #[serde(rename = "transaction.setMetadata")]
    SetMetadata { key: String, value: Value },
    #[serde(rename = "transaction.setResultUrl")]
    SetResultUrl { url: String },
}

impl fmt::Display for TransactionCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransactionCommand::SetMetadata { key, value } => write!(f, "transaction.setMetadata({key:?}, {value})"),
            TransactionCommand::SetResultUrl { url } => write!(f, "transaction.setResultUrl({url:?})"),
        }
    }
}

impl NamespaceCommand for TransactionCommand {
    fn apply_to_flow(&self, event: &mut Value, _changes: &mut Changes) {
        if let TransactionCommand::SetMetadata { key, value } = self {
            event_patch::write_transaction_metadata(event, key, value);
        }
    }
}
