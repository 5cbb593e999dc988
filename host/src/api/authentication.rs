//! `api.authentication`.
//!
//! post-login `setPrimaryUser(userId)`: an id of at most [`MAX_PRIMARY_USER_ID_CHARS`]
//! characters, once per transaction (across the flow). User metadata set in the same
//! Action is discarded when the outcome is assembled (`engine.rs`), as on the platform;
//! later Actions keep theirs.
//!
//! custom-token-exchange `setUserById` / `setUserByConnection` (one of the two, once per
//! transaction), `setOrganization`, `setActor`.

use serde_json::Value;

use super::{check_key, check_trigger, parse_json};
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

    fn set_user_by_id(&mut self, user_id: String) -> Result<(), String> {
        const METHOD: &str = "api.authentication.setUserById";
        self.claim_exchange_user(METHOD)?;
        check_key(METHOD, "the user id", &user_id)?;
        self.record.commands.push(Command::SetUserById { user_id });
        Ok(())
    }

    fn set_user_by_connection(&mut self, connection: String, profile: String, options: String) -> Result<(), String> {
        const METHOD: &str = "api.authentication.setUserByConnection";
        check_key(METHOD, "the connection", &connection)?;
        let Value::Object(profile) = parse_json(METHOD, "the user profile", &profile, 16 * 1024)? else {
            return Err(format!("{METHOD}: the user profile must be an object"));
        };
        if !profile.get("user_id").is_some_and(|id| id.as_str().is_some_and(|s| !s.is_empty())) {
            return Err(format!("{METHOD}: the user profile needs a `user_id` string"));
        }
        let options = parse_json(METHOD, "options", &options, 4 * 1024)?;
        for (field, allowed) in
            [("creationBehavior", &["create_if_not_exists", "none"]), ("updateBehavior", &["replace", "none"])]
        {
            if let Some(value) = options.get(field).filter(|v| !v.as_str().is_some_and(|s| allowed.contains(&s))) {
                return Err(format!("{METHOD}: options.{field} must be one of {}, got {value}", allowed.join(", ")));
            }
        }
        self.claim_exchange_user(METHOD)?;
        self.record.commands.push(Command::SetUserByConnection {
            connection,
            profile: Value::Object(profile),
            options,
        });
        Ok(())
    }

    fn set_organization(&mut self, organization: String) -> Result<(), String> {
        const METHOD: &str = "api.authentication.setOrganization";
        check_trigger(self, METHOD, &[Trigger::CustomTokenExchange])?;
        check_key(METHOD, "the organization", &organization)?;
        self.record.commands.push(Command::SetOrganization { organization });
        Ok(())
    }

    fn set_actor(&mut self, actor: String) -> Result<(), String> {
        const METHOD: &str = "api.authentication.setActor";
        check_trigger(self, METHOD, &[Trigger::CustomTokenExchange])?;
        let actor = parse_json(METHOD, "the actor", &actor, 4 * 1024)?;
        self.record.commands.push(Command::SetActor { actor });
        Ok(())
    }
}

impl HostState {
    /// custom-token-exchange sets its user once: by id or by connection, not both.
    fn claim_exchange_user(&mut self, method: &str) -> Result<(), String> {
        check_trigger(self, method, &[Trigger::CustomTokenExchange])?;
        if self.record.totals.exchange_user_set {
            return Err(format!("{method}: the user is set once per transaction (setUserById or setUserByConnection)"));
        }
        self.record.totals.exchange_user_set = true;
        Ok(())
    }
}
