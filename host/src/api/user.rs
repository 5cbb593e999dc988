//! `api.user.setUserMetadata` and `api.user.setAppMetadata`: top-level keys, `null`
//! deletes. The values one execution writes to each may total [`MAX_METADATA_BYTES`].

use super::{check_allowed, check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::user::{Host, Metadata};
use crate::limits::MAX_METADATA_BYTES;
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Method;

impl Host for HostState {
    fn set_metadata(&mut self, which: Metadata, key: String, value: String) -> Result<(), String> {
        let method = match which {
            Metadata::UserMetadata => Method::UserSetUserMetadata,
            Metadata::AppMetadata => Method::UserSetAppMetadata,
        };
        check_allowed(self, method)?;
        let method = method.path();
        check_key(method, "the key", &key)?;
        let size = key.len() + value.len();
        let value = parse_json(method, "the value", &value, MAX_METADATA_BYTES)?;
        let written = match which {
            Metadata::UserMetadata => &mut self.totals.user_metadata,
            Metadata::AppMetadata => &mut self.totals.app_metadata,
        };
        written.try_set(&key, size, MAX_METADATA_BYTES).map_err(|total| {
            format!("{method}: the metadata written would total {total} bytes; the limit is {MAX_METADATA_BYTES}")
        })?;
        self.record.command(match which {
            Metadata::UserMetadata => Command::SetUserMetadata { key, value },
            Metadata::AppMetadata => Command::SetAppMetadata { key, value },
        })?;
        Ok(())
    }
}
