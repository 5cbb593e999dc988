//! The host side of `api`: one folder per namespace, named after it, each with the
//! handler of its WIT `call` variant (`mod.rs`) and the commands it records
//! (`command.rs`: their JSON, how the CLI prints them, what they do in a flow).
//!
//! Every call but `cache`'s arrives through the one `dispatch` import ([`Host::call`]
//! here): the permission check is one lookup in the trigger table, made here before the
//! namespace sees the call; the namespace validates its arguments strictly and within
//! fixed bounds, records a [`Command`](crate::Command), and answers with a reply or a
//! typed [`Refusal`], which the guest throws into the Action as an `Error`.
//! `api.rules` has no folder here: nothing of it reaches the host.

mod access;
#[path = "accessToken/mod.rs"]
mod access_token;
mod authentication;
mod cache;
mod command;
#[path = "idToken/mod.rs"]
mod id_token;
mod multifactor;
mod notification;
mod prompt;
mod redirect;
#[path = "refreshToken/mod.rs"]
mod refresh_token;
mod refusal;
#[path = "samlResponse/mod.rs"]
mod saml_response;
mod session;
mod transaction;
mod user;
mod validation;

pub use access::AccessCommand;
pub use access_token::AccessTokenCommand;
pub use authentication::AuthenticationCommand;
pub use cache::CacheCommand;
pub use command::Command;
pub use id_token::IdTokenCommand;
pub use multifactor::MultifactorCommand;
pub use notification::NotificationCommand;
pub use prompt::PromptCommand;
pub use redirect::RedirectCommand;
pub use saml_response::SamlResponseCommand;
pub use session::SessionCommand;
pub use transaction::TransactionCommand;
pub use user::UserCommand;
pub use validation::ValidationCommand;

use actionbox_contract::refusal::{Refusal, SizeUnit};
use serde_json::Value;

use crate::bindings::actionbox_sandbox::api::dispatch::{Host, MethodCall, Reply};
use crate::bindings::actionbox_sandbox::api::refusal::ApiError;
use crate::bindings::types;
use crate::state::HostState;
use crate::trigger::Method;

impl types::Host for HostState {}

/// The interfaces that hold only types: the namespaces' calls arrive through `dispatch`.
macro_rules! types_only {
    ($($interface:ident),*) => {
        $(impl crate::bindings::actionbox_sandbox::api::$interface::Host for HostState {})*
    };
}

types_only!(
    json,
    refusal,
    access,
    validation,
    notification,
    id_token,
    access_token,
    session,
    refresh_token,
    user,
    multifactor,
    saml_response,
    authentication,
    redirect,
    prompt,
    transaction
);

impl Host for HostState {
    fn call(&mut self, call: MethodCall) -> Result<Reply, ApiError> {
        let method = method(&call, self);
        if !self.trigger.allows(method) {
            return Err(Refusal::NotInTrigger { trigger: self.trigger }.into());
        }
        let done = |result: Result<(), Refusal>| result.map(|()| Reply::Done);
        let result = match call {
            MethodCall::Access(call) => done(access::call(self, method, call)),
            MethodCall::Validation(call) => done(validation::call(self, call)),
            MethodCall::Notification(call) => done(notification::call(self, call)),
            MethodCall::IdToken(call) => done(id_token::call(self, call)),
            MethodCall::AccessToken(call) => done(access_token::call(self, call)),
            MethodCall::Session(call) => done(session::call(self, call)),
            MethodCall::RefreshToken(call) => done(refresh_token::call(self, call)),
            MethodCall::User(call) => done(user::call(self, call)),
            MethodCall::Multifactor(call) => done(multifactor::call(self, call)),
            MethodCall::SamlResponse(call) => done(saml_response::call(self, call)),
            MethodCall::Authentication(call) => done(authentication::call(self, call)),
            MethodCall::Redirect(call) => {
                redirect::call(self, call).map(|reply| reply.map_or(Reply::Done, Reply::Redirect))
            }
            MethodCall::Prompt(call) => done(prompt::call(self, call)),
            MethodCall::Transaction(call) => done(transaction::call(self, call)),
        };
        result.map_err(ApiError::from)
    }
}

/// The method a call is, in the running trigger's form (`api.access.deny` has three).
fn method(call: &MethodCall, state: &HostState) -> Method {
    match call {
        MethodCall::Access(call) => access::method(call, state.trigger),
        MethodCall::Validation(call) => validation::method(call),
        MethodCall::Notification(call) => notification::method(call),
        MethodCall::IdToken(call) => id_token::method(call),
        MethodCall::AccessToken(call) => access_token::method(call),
        MethodCall::Session(call) => session::method(call),
        MethodCall::RefreshToken(call) => refresh_token::method(call),
        MethodCall::User(call) => user::method(call),
        MethodCall::Multifactor(call) => multifactor::method(call),
        MethodCall::SamlResponse(call) => saml_response::method(call),
        MethodCall::Authentication(call) => authentication::method(call),
        MethodCall::Redirect(call) => redirect::method(call),
        MethodCall::Prompt(call) => prompt::method(call),
        MethodCall::Transaction(call) => transaction::method(call),
    }
}

/// Parses JSON the guest serialized, of at most `max_bytes`. The guest only sends valid
/// JSON, so a failure here means a forged call; it is refused like any other bad argument.
fn parse_json(argument: &str, json: &str, max_bytes: usize) -> Result<Value, Refusal> {
    if json.len() > max_bytes {
        return Err(Refusal::TooLarge {
            argument: argument.into(),
            size: json.len() as u64,
            limit: max_bytes as u64,
            unit: SizeUnit::JsonBytes,
        });
    }
    serde_json::from_str(json).map_err(|e| Refusal::InvalidJson { argument: argument.into(), detail: e.to_string() })
}

/// A claim name or metadata key: non-empty, at most [`MAX_KEY_BYTES`](crate::limits::MAX_KEY_BYTES).
fn check_key(argument: &str, key: &str) -> Result<(), Refusal> {
    if key.is_empty() {
        return Err(Refusal::Empty { argument: argument.into() });
    }
    check_size(argument, key, crate::limits::MAX_KEY_BYTES)
}

/// A text of at most `limit` bytes.
fn check_size(argument: &str, text: &str, limit: usize) -> Result<(), Refusal> {
    if text.len() > limit {
        return Err(Refusal::TooLarge {
            argument: argument.into(),
            size: text.len() as u64,
            limit: limit as u64,
            unit: SizeUnit::Bytes,
        });
    }
    Ok(())
}
