//! `api.transaction.setMetadata(key, value)` (post-login): keys of at most
//! [`MAX_TX_METADATA_KEY_CHARS`] characters; string, number or boolean values of at most
//! [`MAX_TX_METADATA_VALUE_BYTES`] (`null` deletes); integers only when safe (within
//! ±(2^53 − 1)); [`MAX_TX_METADATA_BYTES`] of keys and values in the whole transaction.

use serde_json::Value;

use super::{check_allowed, check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::transaction::Host;
use crate::limits::{MAX_SAFE_INTEGER, MAX_TX_METADATA_BYTES, MAX_TX_METADATA_KEY_CHARS, MAX_TX_METADATA_VALUE_BYTES};
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Method;
use crate::urls;

impl Host for HostState {
    fn set_metadata(&mut self, key: String, value: String) -> Result<(), String> {
        const METHOD: &str = Method::TransactionSetMetadata.path();
        check_allowed(self, Method::TransactionSetMetadata)?;
        check_key(METHOD, "the key", &key)?;
        if key.chars().count() > MAX_TX_METADATA_KEY_CHARS {
            return Err(format!("{METHOD}: the key is longer than {MAX_TX_METADATA_KEY_CHARS} characters"));
        }
        let value = parse_json(METHOD, "the value", &value, 2 * MAX_TX_METADATA_VALUE_BYTES)?;
        let size = match &value {
            Value::String(text) => text.len(),
            Value::Number(number) => {
                let n = number.as_f64().unwrap_or(f64::INFINITY);
                if n.fract() == 0.0 && n.abs() > MAX_SAFE_INTEGER as f64 {
                    return Err(format!("{METHOD}: {number} is not a safe integer; store it as a string"));
                }
                number.to_string().len()
            }
            Value::Bool(_) | Value::Null => value.to_string().len(),
            _ => return Err(format!("{METHOD}: the value must be a string, number, boolean or null")),
        };
        if size > MAX_TX_METADATA_VALUE_BYTES {
            return Err(format!("{METHOD}: the value is {size} bytes; the limit is {MAX_TX_METADATA_VALUE_BYTES}"));
        }
        let size = if value.is_null() { 0 } else { key.len() + size };
        self.totals.transaction_metadata.try_set(&key, size, MAX_TX_METADATA_BYTES).map_err(|total| {
            format!(
                "{METHOD}: the transaction metadata would total {total} bytes; the limit is {MAX_TX_METADATA_BYTES}"
            )
        })?;
        self.record.command(Command::SetTransactionMetadata { key, value })?;
        Ok(())
    }

    fn set_result_url(&mut self, url: String) -> Result<(), String> {
        const METHOD: &str = Method::TransactionSetResultUrl.path();
        check_allowed(self, Method::TransactionSetResultUrl)?;
        urls::https(METHOD, &url)?;
        self.record.command(Command::SetResultUrl { url })?;
        Ok(())
    }
}
