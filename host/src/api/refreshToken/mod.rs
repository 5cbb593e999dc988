//! `api.refreshToken.*` (post-login, the refresh-token grant): the session's methods but
//! the cookie mode, with the session's rules (`session/mod.rs`) and its command type.

use actionbox_contract::refusal::Refusal;

use super::session::{SessionCommand, Target, delete_metadata, record, revoke, set_metadata, time};
use crate::bindings::actionbox_sandbox::api::refresh_token::Call;
use crate::bindings::actionbox_sandbox::api::session::Entry;
use crate::state::HostState;
use crate::trigger::Method;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::Revoke(_) => Method::RefreshTokenRevoke,
        Call::SetExpiresAt(_) => Method::RefreshTokenSetExpiresAt,
        Call::SetIdleExpiresAt(_) => Method::RefreshTokenSetIdleExpiresAt,
        Call::SetMetadata(_) => Method::RefreshTokenSetMetadata,
        Call::DeleteMetadata(_) => Method::RefreshTokenDeleteMetadata,
        Call::EvictMetadata => Method::RefreshTokenEvictMetadata,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let target = Target::RefreshToken;
    match call {
        Call::Revoke(reason) => revoke(state, target, reason),
        Call::SetExpiresAt(at) => record(state, target, SessionCommand::SetExpiresAt { at: time(at)? }),
        Call::SetIdleExpiresAt(at) => record(state, target, SessionCommand::SetIdleExpiresAt { at: time(at)? }),
        Call::SetMetadata(Entry { key, value }) => set_metadata(state, target, key, value),
        Call::DeleteMetadata(key) => delete_metadata(state, target, key),
        Call::EvictMetadata => record(state, target, SessionCommand::EvictMetadata),
    }
}
