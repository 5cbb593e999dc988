//! `api.user.setUserMetadata` and `api.user.setAppMetadata`: top-level keys, `null`
//! deletes. The values one execution writes to each may total [`MAX_METADATA_BYTES`].

mod command;

pub use command::UserCommand;

use actionbox_contract::refusal::Refusal;

use super::{check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::user::{Call, Entry};
use crate::limits::MAX_METADATA_BYTES;
use crate::state::HostState;
use crate::trigger::Method;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::SetUserMetadata(_) => Method::UserSetUserMetadata,
        Call::SetAppMetadata(_) => Method::UserSetAppMetadata,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    let (app, Entry { key, value }) = match call {
        Call::SetUserMetadata(entry) => (false, entry),
        Call::SetAppMetadata(entry) => (true, entry),
    };
    check_key("the key", &key)?;
    let size = key.len() + value.len();
    let value = parse_json("the value", &value, MAX_METADATA_BYTES)?;
    let written = if app { &mut state.totals.app_metadata } else { &mut state.totals.user_metadata };
    written.try_set(&key, size, MAX_METADATA_BYTES).map_err(|total| Refusal::WouldTotal {
        total_of: "the metadata written".into(),
        total: total as u64,
        limit: MAX_METADATA_BYTES as u64,
    })?;
    state.record.command(if app {
        UserCommand::SetAppMetadata { key, value }
    } else {
        UserCommand::SetUserMetadata { key, value }
    })
}
