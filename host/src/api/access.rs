//! `api.access`: `deny` in each trigger's form, and `rejectInvalidSubjectToken`. The
//! first denial is the decision; the Action runs on to its end.
//!
//! | trigger | form |
//! |---|---|
//! | post-login, password-reset-post-challenge | `deny(reason)` |
//! | credentials-exchange | `deny(code, reason)`, code one of [`CREDENTIALS_EXCHANGE_CODES`] |
//! | custom-token-exchange | `deny(code, reason)`; `rejectInvalidSubjectToken(reason)` |
//! | pre-user-registration | `deny(reason, userMessage)` |

use super::check_allowed;
use crate::bindings::actionbox_sandbox::api::access::Host;
use crate::limits::{MAX_DENY_CODE_BYTES, MAX_REASON_BYTES};
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::{Method, Trigger};

/// The error codes credentials-exchange's `deny` accepts.
pub const CREDENTIALS_EXCHANGE_CODES: &[&str] = &["invalid_scope", "invalid_request", "server_error"];
/// The code a rejected subject token is reported with.
pub const INVALID_SUBJECT_TOKEN_CODE: &str = "invalid_request";

impl Host for HostState {
    fn deny(&mut self, code: Option<String>, reason: String, user_message: Option<String>) -> Result<(), String> {
        const METHOD: &str = Method::AccessDeny.path();
        // The trigger's form of `deny`, from the table.
        let forms = [Method::AccessDeny, Method::AccessDenyWithCode, Method::AccessDenyWithUserMessage];
        let form = forms.into_iter().find(|form| self.trigger.allows(*form)).unwrap_or(Method::AccessDeny);
        check_allowed(self, form)?;
        let takes_code = form == Method::AccessDenyWithCode;
        let takes_message = form == Method::AccessDenyWithUserMessage;
        match (&code, takes_code) {
            (None, true) => return Err(format!("{METHOD}: the {} trigger's deny takes (code, reason)", self.trigger)),
            (Some(_), false) => return Err(format!("{METHOD}: the {} trigger's deny takes no code", self.trigger)),
            (Some(code), true)
                if self.trigger == Trigger::CredentialsExchange
                    && !CREDENTIALS_EXCHANGE_CODES.contains(&code.as_str()) =>
            {
                return Err(format!(
                    "{METHOD}: unknown code `{code}` (expected one of: {})",
                    CREDENTIALS_EXCHANGE_CODES.join(", ")
                ));
            }
            (Some(code), true) if code.is_empty() || code.len() > MAX_DENY_CODE_BYTES => {
                return Err(format!("{METHOD}: the code must be 1 to {MAX_DENY_CODE_BYTES} bytes"));
            }
            _ => {}
        }
        if user_message.is_some() && !takes_message {
            return Err(format!("{METHOD}: the {} trigger's deny takes no user message", self.trigger));
        }
        check_reason(METHOD, &reason)?;
        if let Some(message) = &user_message {
            check_reason(METHOD, message)?;
        }
        self.record.deny(reason.clone(), code.clone());
        self.record.command(Command::Deny { reason, code, user_message })?;
        Ok(())
    }

    fn reject_invalid_subject_token(&mut self, reason: String) -> Result<(), String> {
        const METHOD: &str = Method::AccessRejectInvalidSubjectToken.path();
        check_allowed(self, Method::AccessRejectInvalidSubjectToken)?;
        check_reason(METHOD, &reason)?;
        self.record.deny(reason.clone(), Some(INVALID_SUBJECT_TOKEN_CODE.into()));
        self.record.command(Command::RejectInvalidSubjectToken { reason })?;
        Ok(())
    }
}

/// A reason or message: at most [`MAX_REASON_BYTES`].
pub(super) fn check_reason(method: &str, text: &str) -> Result<(), String> {
    if text.len() > MAX_REASON_BYTES {
        return Err(format!("{method}: the text is {} bytes; the limit is {MAX_REASON_BYTES}", text.len()));
    }
    Ok(())
}
