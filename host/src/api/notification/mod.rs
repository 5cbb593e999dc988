//! `api.notification.drop(reason)` and `retry(reason)` (custom-email-provider,
//! custom-phone-provider). Recorded as commands; neither is a denial.

mod command;

pub use command::NotificationCommand;

use actionbox_contract::refusal::Refusal;

use super::access::check_reason;
use crate::bindings::actionbox_sandbox::api::notification::Call;
use crate::state::HostState;
use crate::trigger::Method;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::Drop(_) => Method::NotificationDrop,
        Call::Retry(_) => Method::NotificationRetry,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let command = match call {
        Call::Drop(reason) => NotificationCommand::Drop { reason },
        Call::Retry(reason) => NotificationCommand::Retry { reason },
    };
    let (NotificationCommand::Drop { reason } | NotificationCommand::Retry { reason }) = &command;
    check_reason(reason)?;
    state.record.command(command)
}
