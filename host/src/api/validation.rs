//! `api.validation.error(code, message)` (pre-user-registration, post-login): a denial
//! with the code.

use super::access::check_reason;
use super::{check_allowed, check_key};
use crate::bindings::actionbox_sandbox::api::validation::Host;
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Method;

impl Host for HostState {
    fn error(&mut self, code: String, message: String) -> Result<(), String> {
        const METHOD: &str = Method::ValidationError.path();
        check_allowed(self, Method::ValidationError)?;
        check_key(METHOD, "the code", &code)?;
        check_reason(METHOD, &message)?;
        self.record.deny(message.clone(), Some(code.clone()));
        self.record.command(Command::ValidationError { code, message })?;
        Ok(())
    }
}
