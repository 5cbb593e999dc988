//! `api.notification.drop(reason)` and `retry(reason)` (custom-email-provider,
//! custom-phone-provider). Recorded as commands; neither is a denial.

use super::access::check_reason;
use super::check_allowed;
use crate::bindings::actionbox_sandbox::api::notification::Host;
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Method;

impl Host for HostState {
    fn drop(&mut self, reason: String) -> Result<(), String> {
        check_allowed(self, Method::NotificationDrop)?;
        check_reason(Method::NotificationDrop.path(), &reason)?;
        self.record.command(Command::DropNotification { reason })?;
        Ok(())
    }

    fn retry(&mut self, reason: String) -> Result<(), String> {
        check_allowed(self, Method::NotificationRetry)?;
        check_reason(Method::NotificationRetry.path(), &reason)?;
        self.record.command(Command::RetryNotification { reason })?;
        Ok(())
    }
}
