//! `api.access`: `deny` in each trigger's form, and `rejectInvalidSubjectToken`. The
//! first denial is the decision; the Action runs on to its end.
//!
//! | trigger | form |
//! |---|---|
//! | post-login, password-reset-post-challenge | `deny(reason)` |
//! | credentials-exchange | `deny(code, reason)`, code one of [`CREDENTIALS_EXCHANGE_CODES`] |
//! | custom-token-exchange | `deny(code, reason)`; `rejectInvalidSubjectToken(reason)` |
//! | pre-user-registration | `deny(reason, userMessage)` |

mod command;

pub use command::AccessCommand;

use actionbox_contract::refusal::{DenyForm, RangeUnit, Refusal};

use super::check_size;
use crate::bindings::actionbox_sandbox::api::access::{Call, Deny};
use crate::limits::{MAX_DENY_CODE_BYTES, MAX_REASON_BYTES};
use crate::state::HostState;
use crate::trigger::{Method, Trigger};

/// The error codes credentials-exchange's `deny` accepts.
pub const CREDENTIALS_EXCHANGE_CODES: &[&str] = &["invalid_scope", "invalid_request", "server_error"];
/// The code a rejected subject token is reported with.
pub const INVALID_SUBJECT_TOKEN_CODE: &str = "invalid_request";

/// The method of `call`: `deny` in the form `trigger` has (from the table).
pub(super) fn method(call: &Call, trigger: Trigger) -> Method {
    match call {
        Call::Deny(_) => [Method::AccessDeny, Method::AccessDenyWithCode, Method::AccessDenyWithUserMessage]
            .into_iter()
            .find(|form| trigger.allows(*form))
            .unwrap_or(Method::AccessDeny),
        Call::RejectInvalidSubjectToken(_) => Method::AccessRejectInvalidSubjectToken,
    }
}

pub(super) fn call(state: &mut HostState, method: Method, call: Call) -> Result<(), Refusal> {
    match call {
        Call::Deny(deny) => self::deny(state, method, deny),
        Call::RejectInvalidSubjectToken(reason) => {
            check_reason(&reason)?;
            state.record.deny(reason.clone(), Some(INVALID_SUBJECT_TOKEN_CODE.into()));
            state.record.command(AccessCommand::RejectInvalidSubjectToken { reason })
        }
    }
}

fn deny(state: &mut HostState, form: Method, Deny { code, reason, user_message }: Deny) -> Result<(), Refusal> {
    let trigger = state.trigger;
    let wrong_form = |form| Err(Refusal::WrongForm { trigger, form });
    let takes_code = form == Method::AccessDenyWithCode;
    let takes_message = form == Method::AccessDenyWithUserMessage;
    match (&code, takes_code) {
        (None, true) => return wrong_form(DenyForm::NeedsCode),
        (Some(_), false) => return wrong_form(DenyForm::TakesNoCode),
        (Some(code), true)
            if trigger == Trigger::CredentialsExchange && !CREDENTIALS_EXCHANGE_CODES.contains(&code.as_str()) =>
        {
            return Err(Refusal::UnknownChoice {
                argument: "code".into(),
                got: code.clone(),
                choices: CREDENTIALS_EXCHANGE_CODES.iter().map(|c| c.to_string()).collect(),
            });
        }
        (Some(code), true) if code.is_empty() || code.len() > MAX_DENY_CODE_BYTES => {
            return Err(Refusal::OutOfRange {
                argument: "the code".into(),
                max: MAX_DENY_CODE_BYTES as u64,
                unit: RangeUnit::Bytes,
            });
        }
        _ => {}
    }
    if user_message.is_some() && !takes_message {
        return wrong_form(DenyForm::TakesNoUserMessage);
    }
    check_reason(&reason)?;
    if let Some(message) = &user_message {
        check_reason(message)?;
    }
    state.record.deny(reason.clone(), code.clone());
    state.record.command(AccessCommand::Deny { reason, code, user_message })
}

/// A reason or message: at most [`MAX_REASON_BYTES`].
pub(super) fn check_reason(text: &str) -> Result<(), Refusal> {
    check_size("the text", text, MAX_REASON_BYTES)
}
