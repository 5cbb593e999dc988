//! `api.multifactor.enable(provider, options)`.

use serde_json::Value;

use super::{check_allowed, parse_json};
use crate::bindings::actionbox_sandbox::api::multifactor::Host;
use crate::limits::MAX_MULTIFACTOR_OPTIONS_BYTES;
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Method;

const PROVIDERS: &[&str] = &["any", "guardian", "google-authenticator", "duo", "none"];

impl Host for HostState {
    fn enable(&mut self, provider: String, options: String) -> Result<(), String> {
        const METHOD: &str = Method::MultifactorEnable.path();
        check_allowed(self, Method::MultifactorEnable)?;
        if !PROVIDERS.contains(&provider.as_str()) {
            return Err(format!("{METHOD}: unknown provider `{provider}` (expected one of: {})", PROVIDERS.join(", ")));
        }
        let options = parse_json(METHOD, "options", &options, MAX_MULTIFACTOR_OPTIONS_BYTES)?;
        let Value::Object(fields) = &options else {
            return Err(format!("{METHOD}: options must be an object"));
        };
        if let Some(v) = fields.get("allowRememberBrowser").filter(|v| !v.is_boolean()) {
            return Err(format!("{METHOD}: options.allowRememberBrowser must be a boolean, got {v}"));
        }
        if let Some(v) = fields.get("providerOptions").filter(|v| !v.is_object()) {
            return Err(format!("{METHOD}: options.providerOptions must be an object, got {v}"));
        }
        self.record.command(Command::EnableMultifactor { provider, options })?;
        Ok(())
    }
}
