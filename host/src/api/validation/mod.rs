//! `api.validation.error(code, message)` (pre-user-registration, post-login): a denial
//! with the code.

mod command;

pub use command::ValidationCommand;

use actionbox_contract::refusal::Refusal;

use super::access::check_reason;
use super::check_key;
use crate::bindings::actionbox_sandbox::api::validation::{Call, ValidationError};
use crate::state::HostState;
use crate::trigger::Method;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::Error(_) => Method::ValidationError,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let Call::Error(ValidationError { code, message }) = call;
    check_key("the code", &code)?;
    check_reason(&message)?;
    state.record.deny(message.clone(), Some(code.clone()));
    state.record.command(ValidationCommand::Error { code, message })
}
