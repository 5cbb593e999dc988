//! `api.access.deny(reason)`: the first reason is kept; the Action runs on to its end.

use super::check_trigger;
use crate::bindings::actionbox::runtime::access::Host;
use crate::limits::MAX_REASON_BYTES;
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Trigger;

impl Host for HostState {
    fn deny(&mut self, reason: String) -> Result<(), String> {
        const METHOD: &str = "api.access.deny";
        check_trigger(self, METHOD, &[Trigger::PostLogin])?;
        if reason.len() > MAX_REASON_BYTES {
            return Err(format!("{METHOD}: the reason is {} bytes; the limit is {MAX_REASON_BYTES}", reason.len()));
        }
        self.record.denied.get_or_insert_with(|| reason.clone());
        self.record.commands.push(Command::Deny { reason });
        Ok(())
    }
}
