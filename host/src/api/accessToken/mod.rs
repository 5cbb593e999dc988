//! `api.accessToken`: `setCustomClaim` (the ID token's rules, `idToken/mod.rs`),
//! `addScope` and `removeScope`.

mod command;

pub use command::AccessTokenCommand;

use actionbox_contract::refusal::Refusal;

use super::id_token::{Token, set_custom_claim};
use crate::bindings::actionbox_sandbox::api::access_token::Call;
use crate::limits::MAX_SCOPE_BYTES;
use crate::state::HostState;
use crate::trigger::Method;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::SetCustomClaim(_) => Method::AccessTokenSetCustomClaim,
        Call::AddScope(_) => Method::AccessTokenAddScope,
        Call::RemoveScope(_) => Method::AccessTokenRemoveScope,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    match call {
        Call::SetCustomClaim(claim) => set_custom_claim(state, Token::AccessToken, claim),
        Call::AddScope(scope) => {
            check_scope(&scope)?;
            state.record.command(AccessTokenCommand::AddScope { scope })
        }
        Call::RemoveScope(scope) => {
            check_scope(&scope)?;
            state.record.command(AccessTokenCommand::RemoveScope { scope })
        }
    }
}

/// A scope: one non-empty token of at most [`MAX_SCOPE_BYTES`], without spaces.
fn check_scope(scope: &str) -> Result<(), Refusal> {
    if scope.is_empty() || scope.len() > MAX_SCOPE_BYTES || scope.chars().any(char::is_whitespace) {
        return Err(Refusal::InvalidScope { got: scope.into() });
    }
    Ok(())
}
