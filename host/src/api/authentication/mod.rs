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

mod command;

pub use command::AuthenticationCommand;

use actionbox_contract::refusal::{Items, LengthUnit, NotNow, Once, Refusal};
use serde_json::Value;

use super::{check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::authentication::{Call, Challenge, ChallengeKind, UserByConnection};
use crate::limits::{
    MAX_EXCHANGE_ACTOR_BYTES, MAX_EXCHANGE_OPTIONS_BYTES, MAX_EXCHANGE_PROFILE_BYTES, MAX_FACTORS, MAX_FACTORS_BYTES,
    MAX_PRIMARY_USER_ID_CHARS,
};
use crate::outcome::Interaction;
use crate::state::HostState;
use crate::trigger::Method;

/// The factor types `challengeWith*` and `enrollWith*` accept.
const FACTOR_TYPES: &[&str] =
    &["otp", "recovery-code", "email", "phone", "push-notification", "webauthn-platform", "webauthn-roaming"];

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::SetPrimaryUser(_) => Method::AuthenticationSetPrimaryUser,
        Call::Challenge(Challenge { kind, .. }) => challenge_method(*kind),
        Call::RecordMethod(_) => Method::AuthenticationRecordMethod,
        Call::SetUserById(_) => Method::AuthenticationSetUserById,
        Call::SetUserByConnection(_) => Method::AuthenticationSetUserByConnection,
        Call::SetOrganization(_) => Method::AuthenticationSetOrganization,
        Call::SetActor(_) => Method::AuthenticationSetActor,
    }
}

fn challenge_method(kind: ChallengeKind) -> Method {
    match kind {
        ChallengeKind::ChallengeWith => Method::AuthenticationChallengeWith,
        ChallengeKind::ChallengeWithAny => Method::AuthenticationChallengeWithAny,
        ChallengeKind::EnrollWith => Method::AuthenticationEnrollWith,
        ChallengeKind::EnrollWithAny => Method::AuthenticationEnrollWithAny,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    match call {
        Call::SetPrimaryUser(user_id) => set_primary_user(state, user_id),
        Call::Challenge(challenge) => self::challenge(state, challenge),
        Call::RecordMethod(url) => {
            if state.continuation.is_none() {
                return Err(Refusal::NotNow(NotNow::OutsideContinue));
            }
            check_key("the url", &url)?;
            state.record.command(AuthenticationCommand::RecordMethod { url })
        }
        Call::SetUserById(user_id) => {
            claim_exchange_user(state)?;
            check_key("the user id", &user_id)?;
            state.record.command(AuthenticationCommand::SetUserById { user_id })
        }
        Call::SetUserByConnection(call) => set_user_by_connection(state, call),
        Call::SetOrganization(organization) => {
            check_key("the organization", &organization)?;
            state.record.command(AuthenticationCommand::SetOrganization { organization })
        }
        Call::SetActor(actor) => {
            let actor = parse_json("the actor", &actor, MAX_EXCHANGE_ACTOR_BYTES)?;
            state.record.command(AuthenticationCommand::SetActor { actor })
        }
    }
}

fn set_primary_user(state: &mut HostState, user_id: String) -> Result<(), Refusal> {
    check_key("the user id", &user_id)?;
    if user_id.chars().count() > MAX_PRIMARY_USER_ID_CHARS {
        return Err(Refusal::TooLong {
            argument: "the user id".into(),
            limit: MAX_PRIMARY_USER_ID_CHARS as u64,
            unit: LengthUnit::Characters,
        });
    }
    if state.totals.primary_user_set {
        return Err(Refusal::Once(Once::PrimaryUser));
    }
    state.totals.primary_user_set = true;
    state.record.command(AuthenticationCommand::SetPrimaryUser { user_id })
}

fn set_user_by_connection(state: &mut HostState, call: UserByConnection) -> Result<(), Refusal> {
    let UserByConnection { connection, profile, options } = call;
    check_key("the connection", &connection)?;
    let Value::Object(profile) = parse_json("the user profile", &profile, MAX_EXCHANGE_PROFILE_BYTES)? else {
        return Err(Refusal::WrongType {
            argument: "the user profile".into(),
            expected: "an object".into(),
            got: None,
        });
    };
    if profile.get("user_id").and_then(Value::as_str).is_none_or(str::is_empty) {
        return Err(Refusal::MissingField { argument: "the user profile".into(), field: "user_id".into() });
    }
    let options = parse_json("options", &options, MAX_EXCHANGE_OPTIONS_BYTES)?;
    for (field, allowed) in
        [("creationBehavior", &["create_if_not_exists", "none"]), ("updateBehavior", &["replace", "none"])]
    {
        if let Some(value) = options.get(field).filter(|v| !v.as_str().is_some_and(|s| allowed.contains(&s))) {
            return Err(Refusal::WrongType {
                argument: format!("options.{field}"),
                expected: format!("one of {}", allowed.join(", ")),
                got: Some(value.to_string()),
            });
        }
    }
    claim_exchange_user(state)?;
    let profile = Value::Object(profile);
    state.record.command(AuthenticationCommand::SetUserByConnection { connection, profile, options })
}

fn challenge(state: &mut HostState, Challenge { kind, factors }: Challenge) -> Result<(), Refusal> {
    let name = challenge_method(kind).name();
    let factors = parse_json("the factors", &factors, MAX_FACTORS_BYTES)?;
    let Some(list) = factors.as_array().filter(|l| !l.is_empty() && l.len() <= MAX_FACTORS) else {
        return Err(Refusal::TooMany { items: Items::Factors, limit: MAX_FACTORS as u64 });
    };
    for factor in list {
        let kind = factor.get("type").and_then(Value::as_str).unwrap_or_default();
        if !FACTOR_TYPES.contains(&kind) {
            return Err(Refusal::UnknownChoice {
                argument: "factor type".into(),
                got: kind.into(),
                choices: FACTOR_TYPES.iter().map(|t| t.to_string()).collect(),
            });
        }
        if factor.get("options").is_some_and(|o| !o.is_object()) {
            return Err(Refusal::WrongType {
                argument: "a factor's options".into(),
                expected: "an object".into(),
                got: None,
            });
        }
    }
    state.begin_interaction(Interaction::Challenge { method: name.into(), factors: factors.clone() })?;
    state.record.command(AuthenticationCommand::Challenge { method: name.into(), factors })
}

/// custom-token-exchange sets its user once: by id or by connection, not both.
fn claim_exchange_user(state: &mut HostState) -> Result<(), Refusal> {
    if state.totals.exchange_user_set {
        return Err(Refusal::Once(Once::ExchangeUser));
    }
    state.totals.exchange_user_set = true;
    Ok(())
}
