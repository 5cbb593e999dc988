//! `api.transaction.setMetadata(key, value)` (post-login): keys of at most
//! [`MAX_TX_METADATA_KEY_CHARS`] characters; string, number or boolean values of at most
//! [`MAX_TX_METADATA_VALUE_BYTES`] (`null` deletes); integers only when safe (within
//! ±(2^53 − 1)); [`MAX_TX_METADATA_BYTES`] of keys and values in the whole transaction.
//! `setResultUrl(url)` (password-reset-post-challenge): an https URL.

mod command;

pub use command::TransactionCommand;

use actionbox_contract::refusal::{LengthUnit, Refusal, SizeUnit};
use serde_json::Value;

use super::{check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::transaction::{Call, Entry};
use crate::limits::{MAX_SAFE_INTEGER, MAX_TX_METADATA_BYTES, MAX_TX_METADATA_KEY_CHARS, MAX_TX_METADATA_VALUE_BYTES};
use crate::state::HostState;
use crate::trigger::Method;
use crate::urls;

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::SetMetadata(_) => Method::TransactionSetMetadata,
        Call::SetResultUrl(_) => Method::TransactionSetResultUrl,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    match call {
        Call::SetMetadata(entry) => set_metadata(state, entry),
        Call::SetResultUrl(url) => {
            urls::https(&url)?;
            state.record.command(TransactionCommand::SetResultUrl { url })
        }
    }
}

fn set_metadata(state: &mut HostState, Entry { key, value }: Entry) -> Result<(), Refusal> {
    check_key("the key", &key)?;
    if key.chars().count() > MAX_TX_METADATA_KEY_CHARS {
        return Err(Refusal::TooLong {
            argument: "the key".into(),
            limit: MAX_TX_METADATA_KEY_CHARS as u64,
            unit: LengthUnit::Characters,
        });
    }
    let value = parse_json("the value", &value, 2 * MAX_TX_METADATA_VALUE_BYTES)?;
    let size = match &value {
        Value::String(text) => text.len(),
        Value::Number(number) => {
            let n = number.as_f64().unwrap_or(f64::INFINITY);
            if n.fract() == 0.0 && n.abs() > MAX_SAFE_INTEGER as f64 {
                return Err(Refusal::UnsafeInteger { number: number.to_string() });
            }
            number.to_string().len()
        }
        Value::Bool(_) | Value::Null => value.to_string().len(),
        _ => {
            return Err(Refusal::WrongType {
                argument: "the value".into(),
                expected: "a string, number, boolean or null".into(),
                got: None,
            });
        }
    };
    if size > MAX_TX_METADATA_VALUE_BYTES {
        return Err(Refusal::TooLarge {
            argument: "the value".into(),
            size: size as u64,
            limit: MAX_TX_METADATA_VALUE_BYTES as u64,
            unit: SizeUnit::Bytes,
        });
    }
    let size = if value.is_null() { 0 } else { key.len() + size };
    state.totals.transaction_metadata.try_set(&key, size, MAX_TX_METADATA_BYTES).map_err(|total| {
        Refusal::WouldTotal {
            total_of: "the transaction metadata".into(),
            total: total as u64,
            limit: MAX_TX_METADATA_BYTES as u64,
        }
    })?;
    state.record.command(TransactionCommand::SetMetadata { key, value })
}
