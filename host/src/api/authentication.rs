//! `api.authentication.setPrimaryUser(userId)` (post-login): an id of at most
//! [`MAX_PRIMARY_USER_ID_CHARS`] characters, once per transaction (across the flow). User
//! metadata set in the same Action is discarded when the outcome is assembled
//! (`engine.rs`), as on the platform; later Actions keep theirs.

use super::{check_key, check_trigger};
use crate::bindings::actionbox::runtime::authentication::Host;
use crate::limits::MAX_PRIMARY_USER_ID_CHARS;
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Trigger;

impl Host for HostState {
    fn set_primary_user(&mut self, user_id: String) -> Result<(), String> {
        const METHOD: &str = "api.authentication.setPrimaryUser";
        check_trigger(self, METHOD, &[Trigger::PostLogin])?;
        check_key(METHOD, "the user id", &user_id)?;
        if user_id.chars().count() > MAX_PRIMARY_USER_ID_CHARS {
            return Err(format!("{METHOD}: the user id is longer than {MAX_PRIMARY_USER_ID_CHARS} characters"));
        }
        if self.record.totals.primary_user_set {
            return Err(format!("{METHOD}: can be called once per transaction"));
        }
        self.record.totals.primary_user_set = true;
        self.record.commands.push(Command::SetPrimaryUser { user_id });
        Ok(())
    }
}
