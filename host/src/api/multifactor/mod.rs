//! `api.multifactor.enable(provider, options)`.

mod command;

pub use command::MultifactorCommand;

use actionbox_contract::refusal::Refusal;
use serde_json::Value;

use super::parse_json;
use crate::bindings::actionbox_sandbox::api::multifactor::{Call, Enable};
use crate::limits::MAX_MULTIFACTOR_OPTIONS_BYTES;
use crate::state::HostState;
use crate::trigger::Method;

const PROVIDERS: &[&str] = &["any", "guardian", "google-authenticator", "duo", "none"];

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::Enable(_) => Method::MultifactorEnable,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let Call::Enable(Enable { provider, options }) = call;
    if !PROVIDERS.contains(&provider.as_str()) {
        return Err(Refusal::UnknownChoice {
            argument: "provider".into(),
            got: provider,
            choices: PROVIDERS.iter().map(|p| p.to_string()).collect(),
        });
    }
    let options = parse_json("options", &options, MAX_MULTIFACTOR_OPTIONS_BYTES)?;
    let wrong = |argument: &str, expected: &str, got: Option<&Value>| Refusal::WrongType {
        argument: argument.into(),
        expected: expected.into(),
        got: got.map(Value::to_string),
    };
    let Value::Object(fields) = &options else {
        return Err(wrong("options", "an object", None));
    };
    if let Some(v) = fields.get("allowRememberBrowser").filter(|v| !v.is_boolean()) {
        return Err(wrong("options.allowRememberBrowser", "a boolean", Some(v)));
    }
    if let Some(v) = fields.get("providerOptions").filter(|v| !v.is_object()) {
        return Err(wrong("options.providerOptions", "an object", Some(v)));
    }
    state.record.command(MultifactorCommand::Enable { provider, options })
}
