//! `api.notification.drop(reason)` and `retry(reason)` (custom-email-provider,
//! custom-phone-provider). Recorded as commands; neither is a denial.

use super::access::check_reason;
use super::check_trigger;
use crate::bindings::actionbox::runtime::notification::Host;
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Trigger;

const PROVIDERS: &[Trigger] = &[Trigger::CustomEmailProvider, Trigger::CustomPhoneProvider];

impl Host for HostState {
    fn drop(&mut self, reason: String) -> Result<(), String> {
        check_trigger(self, "api.notification.drop", PROVIDERS)?;
        check_reason("api.notification.drop", &reason)?;
        self.record.command(Command::DropNotification { reason })?;
        Ok(())
    }

    fn retry(&mut self, reason: String) -> Result<(), String> {
        check_trigger(self, "api.notification.retry", PROVIDERS)?;
        check_reason("api.notification.retry", &reason)?;
        self.record.command(Command::RetryNotification { reason })?;
        Ok(())
    }
}
