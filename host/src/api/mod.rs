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

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use actionbox_contract::refusal::{Once, UrlProblem};

    use super::*;
    use crate::bindings::actionbox_sandbox::api::refusal as wit;
    use crate::bindings::actionbox_sandbox::api::{access_token, authentication, id_token, redirect};
    use crate::cache::{ApiCache, SharedCacheStore};
    use crate::epoch::Timers;
    use crate::state::Totals;
    use crate::trigger::Trigger;

    fn state(trigger: Trigger) -> HostState {
        let deadline = Instant::now() + Duration::from_secs(5);
        let cache = ApiCache::new(SharedCacheStore::default(), Timers::default(), trigger, None);
        let mut state = HostState::new(trigger, 64 << 20, deadline, Timers::default(), cache, Totals::default());
        state.begin_action(&serde_json::json!({}), None);
        state
    }

    fn claim() -> MethodCall {
        MethodCall::IdToken(id_token::Call::SetCustomClaim(id_token::Claim { name: "a".into(), value: "1".into() }))
    }

    #[test]
    fn a_method_outside_the_trigger_is_refused_before_its_namespace_sees_it() {
        let mut state = state(Trigger::PostChangePassword);
        assert!(matches!(state.call(claim()), Err(ApiError::NotInTrigger)));
        assert!(state.record.commands.is_empty());
        let mut state = self::state(Trigger::PostLogin);
        assert!(matches!(state.call(claim()), Ok(Reply::Done)));
        assert_eq!(state.record.commands.len(), 1);
    }

    #[test]
    fn refusals_cross_as_their_kind() {
        let mut state = state(Trigger::PostLogin);
        let scope = MethodCall::AccessToken(access_token::Call::AddScope("two words".into()));
        assert!(matches!(state.call(scope), Err(ApiError::InvalidScope(_))));
        let http = MethodCall::Redirect(redirect::Call::SendUserTo(redirect::SendUserTo {
            url: "http://x.example/".into(),
            query: "{}".into(),
        }));
        assert!(matches!(state.call(http), Err(ApiError::InvalidUrl(wit::UrlProblem::NotHttps))));
        let primary = || MethodCall::Authentication(authentication::Call::SetPrimaryUser("auth0|1".into()));
        assert!(state.call(primary()).is_ok());
        assert!(matches!(state.call(primary()), Err(ApiError::Once(wit::Once::PrimaryUser))));
    }

    #[test]
    fn the_host_types_its_refusals_before_they_cross() {
        let mut state = state(Trigger::PostLogin);
        let url = urls_refusal("https://u:p@x.example/");
        assert_eq!(url, Refusal::InvalidUrl(UrlProblem::Credentials));
        let call = authentication::Call::SetPrimaryUser("auth0|1".into());
        assert_eq!(super::authentication::call(&mut state, call), Ok(()));
        let again = authentication::Call::SetPrimaryUser("auth0|2".into());
        assert_eq!(super::authentication::call(&mut state, again), Err(Refusal::Once(Once::PrimaryUser)));
    }

    fn urls_refusal(url: &str) -> Refusal {
        crate::urls::https(url).unwrap_err()
    }
}
