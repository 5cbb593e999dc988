//! What `api.samlResponse` records.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::api::command::NamespaceCommand;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum SamlResponseCommand {
    /// `value` null removes the attribute.
    #[serde(rename = "samlResponse.setAttribute")]
    SetAttribute { name: String, value: Value },
    /// A configuration setter: `field` is `audience` for `setAudience`, and so on.
    #[serde(rename = "samlResponse.set")]
    SetField { field: String, value: Value },
}

impl fmt::Display for SamlResponseCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SamlResponseCommand::SetAttribute { name, value } => {
                write!(f, "samlResponse.setAttribute({name:?}, {value})")
            }
            SamlResponseCommand::SetField { field, value } => write!(f, "samlResponse.set[{field}]({value})"),
        }
    }
}

impl NamespaceCommand for SamlResponseCommand {}
