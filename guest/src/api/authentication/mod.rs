//! `api.authentication`: the natives behind `authentication.js`, each one case of the WIT
//! `authentication` call.

use actionbox_contract::Method;
use javy::quickjs::{Ctx, Function, Object, Result, Value};

use super::args::string;
use super::call::done;
use crate::actionbox_sandbox::api::authentication::{Call, Challenge, ChallengeKind, UserByConnection};
use crate::actionbox_sandbox::api::dispatch::MethodCall;
use crate::json;

pub const JS: &str = include_str!("authentication.js");

pub fn natives<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let natives = Object::new(ctx.clone())?;
    natives.set("setPrimaryUser", Function::new(ctx.clone(), set_primary_user)?)?;
    natives.set("recordMethod", Function::new(ctx.clone(), record_method)?)?;
    for (name, method, kind) in [
        ("challengeWith", Method::AuthenticationChallengeWith, ChallengeKind::ChallengeWith),
        ("challengeWithAny", Method::AuthenticationChallengeWithAny, ChallengeKind::ChallengeWithAny),
        ("enrollWith", Method::AuthenticationEnrollWith, ChallengeKind::EnrollWith),
        ("enrollWithAny", Method::AuthenticationEnrollWithAny, ChallengeKind::EnrollWithAny),
    ] {
        let challenge = move |ctx: Ctx<'js>, factors: Value<'js>| -> Result<()> {
            let challenge = Challenge { kind, factors: json::to_json(&ctx, factors)? };
            send(&ctx, method, Call::Challenge(challenge))
        };
        natives.set(name, Function::new(ctx.clone(), challenge)?)?;
    }
    natives.set("setUserById", Function::new(ctx.clone(), set_user_by_id)?)?;
    natives.set("setUserByConnection", Function::new(ctx.clone(), set_user_by_connection)?)?;
    natives.set("setOrganization", Function::new(ctx.clone(), set_organization)?)?;
    natives.set("setActor", Function::new(ctx.clone(), set_actor)?)?;
    Ok(natives)
}

fn send(ctx: &Ctx<'_>, method: Method, call: Call) -> Result<()> {
    done(ctx, method, MethodCall::Authentication(call))
}

/// `setPrimaryUser(userId)`.
fn set_primary_user<'js>(ctx: Ctx<'js>, user_id: Value<'js>) -> Result<()> {
    send(&ctx, Method::AuthenticationSetPrimaryUser, Call::SetPrimaryUser(string(&ctx, &user_id)?))
}

/// `recordMethod(url)`.
fn record_method<'js>(ctx: Ctx<'js>, url: Value<'js>) -> Result<()> {
    send(&ctx, Method::AuthenticationRecordMethod, Call::RecordMethod(string(&ctx, &url)?))
}

/// `setUserById(userId)`.
fn set_user_by_id<'js>(ctx: Ctx<'js>, user_id: Value<'js>) -> Result<()> {
    send(&ctx, Method::AuthenticationSetUserById, Call::SetUserById(string(&ctx, &user_id)?))
}

/// `setUserByConnection(connection, profile, options)`.
fn set_user_by_connection<'js>(
    ctx: Ctx<'js>,
    connection: Value<'js>,
    profile: Value<'js>,
    options: Value<'js>,
) -> Result<()> {
    let user = UserByConnection {
        connection: string(&ctx, &connection)?,
        profile: json::to_json(&ctx, profile)?,
        options: json::to_json(&ctx, options)?,
    };
    send(&ctx, Method::AuthenticationSetUserByConnection, Call::SetUserByConnection(user))
}

/// `setOrganization(organization)`.
fn set_organization<'js>(ctx: Ctx<'js>, organization: Value<'js>) -> Result<()> {
    send(&ctx, Method::AuthenticationSetOrganization, Call::SetOrganization(string(&ctx, &organization)?))
}

/// `setActor(actor)`.
fn set_actor<'js>(ctx: Ctx<'js>, actor: Value<'js>) -> Result<()> {
    send(&ctx, Method::AuthenticationSetActor, Call::SetActor(json::to_json(&ctx, actor)?))
}
