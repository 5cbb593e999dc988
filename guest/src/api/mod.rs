//! The JavaScript `api`, one folder per namespace, named after it: each holds the
//! namespace's methods (`<ns>.js`, keyed by the contract's `Method::key`) and the natives
//! they call (`mod.rs`, one per case of the namespace's WIT `call`, sent through
//! `call.rs`, which also throws the host's refusals). At pre-initialization [`install`]
//! evaluates the prelude (`prelude.js`: argument checks and what namespaces share), each
//! namespace's JavaScript with its own natives only, then the assembler (`assemble.js`),
//! which builds each trigger's `api` from the contract's trigger table.

pub mod args;
pub mod call;

mod access;
#[path = "accessToken/mod.rs"]
mod access_token;
mod authentication;
mod cache;
#[path = "idToken/mod.rs"]
mod id_token;
mod multifactor;
mod notification;
mod prompt;
mod redirect;
#[path = "refreshToken/mod.rs"]
mod refresh_token;
mod rules;
#[path = "samlResponse/mod.rs"]
mod saml_response;
mod session;
mod transaction;
mod user;
mod validation;

use javy::quickjs::{Ctx, Object, Result};

use crate::{builtin, table};

const PRELUDE: &str = include_str!("prelude.js");
const ASSEMBLE: &str = include_str!("assemble.js");

/// The natives of one namespace, as its JavaScript receives them.
type Natives = for<'js> fn(&Ctx<'js>) -> Result<Object<'js>>;

/// Every namespace: its name under `api`, its JavaScript, its natives.
const NAMESPACES: &[(&str, &str, Natives)] = &[
    ("access", access::JS, access::natives),
    ("validation", validation::JS, validation::natives),
    ("notification", notification::JS, notification::natives),
    ("idToken", id_token::JS, id_token::natives),
    ("accessToken", access_token::JS, access_token::natives),
    ("session", session::JS, session::natives),
    ("refreshToken", refresh_token::JS, refresh_token::natives),
    ("user", user::JS, user::natives),
    ("multifactor", multifactor::JS, multifactor::natives),
    ("samlResponse", saml_response::JS, saml_response::natives),
    ("authentication", authentication::JS, authentication::natives),
    ("redirect", redirect::JS, redirect::natives),
    ("prompt", prompt::JS, prompt::natives),
    ("transaction", transaction::JS, transaction::natives),
    ("cache", cache::JS, cache::natives),
    ("rules", rules::JS, rules::natives),
];

/// Builds every trigger's `api`: `{ apis, bindEvent }`, `apis` in the trigger table's
/// order, `bindEvent(event)` telling the methods that show their effect at once which
/// event is the running execution's.
pub fn install<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let prelude: Object = builtin::evaluate(ctx, PRELUDE)?.call(())?;
    let namespaces = Object::new(ctx.clone())?;
    for (name, source, natives) in NAMESPACES {
        let implementation: Object = builtin::evaluate(ctx, source)?.call((natives(ctx)?, prelude.clone()))?;
        namespaces.set(*name, implementation)?;
    }
    builtin::evaluate(ctx, ASSEMBLE)?.call((namespaces, table::surfaces(ctx)?, prelude))
}
