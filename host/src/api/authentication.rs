//! `api.authentication`.
//!
//! post-login `setPrimaryUser(userId)`: an id of at most [`MAX_PRIMARY_USER_ID_CHARS`]
//! characters, once per transaction (across the flow). User metadata set in the same
//! Action is discarded when the outcome is assembled (`engine/outcome.rs`), as on the platform;
//! later Actions keep theirs.
//!
//! post-login and password-reset-post-challenge `challengeWith`, `challengeWithAny`,
//! `enrollWith`, `enrollWithAny`: factors of the known types; the flow suspends after the
//! Action and resumes at the next one. `recordMethod` only in a continue handler.
//!
//! custom-token-exchange `setUserById` / `setUserByConnection` (one of the two, once per
//! transaction), `setOrganization`, `setActor`.

use serde_json::Value;

use super::{check_allowed, check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::authentication::{ChallengeKind, Host};
use crate::limits::{
    MAX_EXCHANGE_ACTOR_BYTES, MAX_EXCHANGE_OPTIONS_BYTES, MAX_EXCHANGE_PROFILE_BYTES, MAX_FACTORS, MAX_FACTORS_BYTES,
    MAX_PRIMARY_USER_ID_CHARS,
};
use crate::outcome::{Command, Interaction};
use crate::state::HostState;
use crate::trigger::Method;

impl Host for HostState {
    fn set_primary_user(&mut self, user_id: String) -> Result<(), String> {
        const METHOD: &str = Method::AuthenticationSetPrimaryUser.path();
        check_allowed(self, Method::AuthenticationSetPrimaryUser)?;
        check_key(METHOD, "the user id", &user_id)?;
        if user_id.chars().count() > MAX_PRIMARY_USER_ID_CHARS {
            return Err(format!("{METHOD}: the user id is longer than {MAX_PRIMARY_USER_ID_CHARS} characters"));
        }
        if self.totals.primary_user_set {
            return Err(format!("{METHOD}: can be called once per transaction"));
        }
        self.totals.primary_user_set = true;
        self.record.command(Command::SetPrimaryUser { user_id })?;
        Ok(())
    }

    fn set_user_by_id(&mut self, user_id: String) -> Result<(), String> {
        const METHOD: &str = Method::AuthenticationSetUserById.path();
        self.claim_exchange_user(Method::AuthenticationSetUserById)?;
        check_key(METHOD, "the user id", &user_id)?;
        self.record.command(Command::SetUserById { user_id })?;
        Ok(())
    }

    fn set_user_by_connection(&mut self, connection: String, profile: String, options: String) -> Result<(), String> {
        const METHOD: &str = Method::AuthenticationSetUserByConnection.path();
        check_key(METHOD, "the connection", &connection)?;
        let Value::Object(profile) = parse_json(METHOD, "the user profile", &profile, MAX_EXCHANGE_PROFILE_BYTES)?
        else {
            return Err(format!("{METHOD}: the user profile must be an object"));
        };
        if profile.get("user_id").and_then(Value::as_str).is_none_or(str::is_empty) {
            return Err(format!("{METHOD}: the user profile needs a `user_id` string"));
        }
        let options = parse_json(METHOD, "options", &options, MAX_EXCHANGE_OPTIONS_BYTES)?;
        for (field, allowed) in
            [("creationBehavior", &["create_if_not_exists", "none"]), ("updateBehavior", &["replace", "none"])]
        {
            if let Some(value) = options.get(field).filter(|v| !v.as_str().is_some_and(|s| allowed.contains(&s))) {
                return Err(format!("{METHOD}: options.{field} must be one of {}, got {value}", allowed.join(", ")));
            }
        }
        self.claim_exchange_user(Method::AuthenticationSetUserByConnection)?;
        self.record.command(Command::SetUserByConnection { connection, profile: Value::Object(profile), options })?;
        Ok(())
    }

    fn set_organization(&mut self, organization: String) -> Result<(), String> {
        const METHOD: &str = Method::AuthenticationSetOrganization.path();
        check_allowed(self, Method::AuthenticationSetOrganization)?;
        check_key(METHOD, "the organization", &organization)?;
        self.record.command(Command::SetOrganization { organization })?;
        Ok(())
    }

    fn set_actor(&mut self, actor: String) -> Result<(), String> {
        const METHOD: &str = Method::AuthenticationSetActor.path();
        check_allowed(self, Method::AuthenticationSetActor)?;
        let actor = parse_json(METHOD, "the actor", &actor, MAX_EXCHANGE_ACTOR_BYTES)?;
        self.record.command(Command::SetActor { actor })?;
        Ok(())
    }

    fn challenge(&mut self, kind: ChallengeKind, factors: String) -> Result<(), String> {
        let method = match kind {
            ChallengeKind::ChallengeWith => Method::AuthenticationChallengeWith,
            ChallengeKind::ChallengeWithAny => Method::AuthenticationChallengeWithAny,
            ChallengeKind::EnrollWith => Method::AuthenticationEnrollWith,
            ChallengeKind::EnrollWithAny => Method::AuthenticationEnrollWithAny,
        };
        check_allowed(self, method)?;
        let (name, method) = (method.name(), method.path());
        let factors = parse_json(method, "the factors", &factors, MAX_FACTORS_BYTES)?;
        let Some(list) = factors.as_array().filter(|l| !l.is_empty() && l.len() <= MAX_FACTORS) else {
            return Err(format!("{method}: give 1 to {MAX_FACTORS} factors"));
        };
        for factor in list {
            let kind = factor.get("type").and_then(Value::as_str).unwrap_or_default();
            if !FACTOR_TYPES.contains(&kind) {
                return Err(format!(
                    "{method}: unknown factor type `{kind}` (expected one of: {})",
                    FACTOR_TYPES.join(", ")
                ));
            }
            if factor.get("options").is_some_and(|o| !o.is_object()) {
                return Err(format!("{method}: a factor's options must be an object"));
            }
        }
        self.begin_interaction(method, Interaction::Challenge { method: name.into(), factors: factors.clone() })?;
        self.record.command(Command::Challenge { method: name.into(), factors })?;
        Ok(())
    }

    fn record_method(&mut self, url: String) -> Result<(), String> {
        const METHOD: &str = Method::AuthenticationRecordMethod.path();
        check_allowed(self, Method::AuthenticationRecordMethod)?;
        if self.continuation.is_none() {
            return Err(format!("{METHOD}: only available in onContinuePostLogin"));
        }
        check_key(METHOD, "the url", &url)?;
        self.record.command(Command::RecordMethod { url })?;
        Ok(())
    }
}

/// The factor types `challengeWith*` and `enrollWith*` accept.
const FACTOR_TYPES: &[&str] =
    &["otp", "recovery-code", "email", "phone", "push-notification", "webauthn-platform", "webauthn-roaming"];

impl HostState {
    /// custom-token-exchange sets its user once: by id or by connection, not both.
    fn claim_exchange_user(&mut self, method: Method) -> Result<(), String> {
        check_allowed(self, method)?;
        let method = method.path();
        if self.totals.exchange_user_set {
            return Err(format!("{method}: the user is set once per transaction (setUserById or setUserByConnection)"));
        }
        self.totals.exchange_user_set = true;
        Ok(())
    }
}
