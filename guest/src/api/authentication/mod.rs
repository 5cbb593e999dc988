//! `api.authentication`: the natives behind `authentication.js`, one per function of the WIT `authentication` interface.

use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::{host_result, string};
use crate::actionbox_sandbox::api::authentication;
use crate::json;

pub const JS: &str = include_str!("authentication.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setPrimaryUser", Function::new(ctx.clone(), set_primary_user)?)?;
    natives.set("recordMethod", Function::new(ctx.clone(), record_method)?)?;
    natives.set("challengeWith", Function::new(ctx.clone(), challenge_with)?)?;
    natives.set("challengeWithAny", Function::new(ctx.clone(), challenge_with_any)?)?;
    natives.set("enrollWith", Function::new(ctx.clone(), enroll_with)?)?;
    natives.set("enrollWithAny", Function::new(ctx.clone(), enroll_with_any)?)?;
    natives.set("setUserById", Function::new(ctx.clone(), set_user_by_id)?)?;
    natives.set("setUserByConnection", Function::new(ctx.clone(), set_user_by_connection)?)?;
    natives.set("setOrganization", Function::new(ctx.clone(), set_organization)?)?;
    natives.set("setActor", Function::new(ctx.clone(), set_actor)?)?;
    Ok(natives)
}

/// `setPrimaryUser(userId)`.
fn set_primary_user<'js>(ctx: Ctx<'js>, user_id: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::set_primary_user(&string(&ctx, &user_id)?))
}

/// `recordMethod(url)`.
fn record_method<'js>(ctx: Ctx<'js>, url: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::record_method(&string(&ctx, &url)?))
}

/// `challengeWith(factors)`: the factors as one list.
fn challenge_with<'js>(ctx: Ctx<'js>, factors: Value<'js>) -> Result<()> {
    challenge(&ctx, authentication::ChallengeKind::ChallengeWith, factors)
}

/// `challengeWithAny(factors)`: the factors as one list.
fn challenge_with_any<'js>(ctx: Ctx<'js>, factors: Value<'js>) -> Result<()> {
    challenge(&ctx, authentication::ChallengeKind::ChallengeWithAny, factors)
}

/// `enrollWith(factors)`: the factors as one list.
fn enroll_with<'js>(ctx: Ctx<'js>, factors: Value<'js>) -> Result<()> {
    challenge(&ctx, authentication::ChallengeKind::EnrollWith, factors)
}

/// `enrollWithAny(factors)`: the factors as one list.
fn enroll_with_any<'js>(ctx: Ctx<'js>, factors: Value<'js>) -> Result<()> {
    challenge(&ctx, authentication::ChallengeKind::EnrollWithAny, factors)
}

fn challenge<'js>(ctx: &Ctx<'js>, kind: authentication::ChallengeKind, factors: Value<'js>) -> Result<()> {
    let factors = json::to_json(ctx, factors)?;
    host_result(ctx, authentication::challenge(kind, &factors))
}

/// `setUserById(userId)`.
fn set_user_by_id<'js>(ctx: Ctx<'js>, user_id: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::set_user_by_id(&string(&ctx, &user_id)?))
}

/// `setUserByConnection(connection, profile, options)`.
fn set_user_by_connection<'js>(
    ctx: Ctx<'js>,
    connection: Value<'js>,
    profile: Value<'js>,
    options: Value<'js>,
) -> Result<()> {
    let connection = string(&ctx, &connection)?;
    let profile = json::to_json(&ctx, profile)?;
    let options = json::to_json(&ctx, options)?;
    host_result(&ctx, authentication::set_user_by_connection(&connection, &profile, &options))
}

/// `setOrganization(organization)`.
fn set_organization<'js>(ctx: Ctx<'js>, organization: Value<'js>) -> Result<()> {
    host_result(&ctx, authentication::set_organization(&string(&ctx, &organization)?))
}

/// `setActor(actor)`.
fn set_actor<'js>(ctx: Ctx<'js>, actor: Value<'js>) -> Result<()> {
    let actor = json::to_json(&ctx, actor)?;
    host_result(&ctx, authentication::set_actor(&actor))
}
