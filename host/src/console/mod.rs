//! The host side of `console.*`: lines go to the execution's bounded log buffer, secrets
//! redacted. (The guest's formatting is `guest/src/console/`.)

use crate::bindings::actionbox_sandbox::contract::console::{Host, Level};
use crate::outcome::LogLevel;
use crate::state::HostState;

impl Host for HostState {
    fn write(&mut self, level: Level, text: String) {
        let level = match level {
            Level::Log => LogLevel::Log,
            Level::Info => LogLevel::Info,
            Level::Warn => LogLevel::Warn,
            Level::Error => LogLevel::Error,
            Level::Debug => LogLevel::Debug,
        };
        let text = self.redactor.redact(text);
        self.record.logs.push(level, text);
    }
}
