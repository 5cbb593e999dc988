//! What `api.cache` records: the writes (a read changes nothing).

use std::fmt;

use serde::Serialize;

use crate::api::command::NamespaceCommand;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum CacheCommand {
    /// `expires_at` in milliseconds since the Unix epoch.
    #[serde(rename = "cache.set")]
    Set { key: String, value: String, expires_at: u64 },
    #[serde(rename = "cache.delete")]
    Delete { key: String },
}

impl fmt::Display for CacheCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheCommand::Set { key, value, expires_at } => {
                write!(f, "cache.set({key:?}, {value:?}) expires at {expires_at} ms")
            }
            CacheCommand::Delete { key } => write!(f, "cache.delete({key:?})"),
        }
    }
}

impl NamespaceCommand for CacheCommand {}
