//! JavaScript values to JSON text, for the values `api` methods send to the host.
//!
//! The rules are `JSON.stringify`'s: `toJSON` is honoured; `undefined`, functions and
//! symbols are left out of objects and become `null` in arrays; non-finite numbers become
//! `null`; lone surrogates become U+FFFD. The text is written here, in Rust, so replacing
//! `JSON.stringify` cannot change what the host receives, and it is bounded: cycles and
//! BigInt throw a TypeError, nesting deeper than [`MAX_DEPTH`] or text longer than
//! [`MAX_BYTES`] a RangeError, each catchable by the Action. `toJSON` and getters run as
//! the Action's own code, under the host's fuel and deadline.

use std::fmt::Write as _;

use actionbox_contract::limits;

use javy::quickjs::{Ctx, Exception, Object, Result, Type, Value, function::This};

use crate::text;

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = limits::MAX_JSON_DEPTH;
/// `Number.MAX_SAFE_INTEGER`: integral numbers up to it are written as integers.
const MAX_SAFE_INTEGER: f64 = limits::MAX_SAFE_INTEGER as f64;
/// Longest JSON text produced for one value (the host applies the real, smaller limits).
pub const MAX_BYTES: usize = limits::MAX_JSON_BYTES;

/// The JSON text of `value`. A top-level `undefined`, function or symbol gives `null`.
pub fn to_json<'js>(ctx: &Ctx<'js>, value: Value<'js>) -> Result<String> {
    let mut writer = Writer { ctx, out: String::new(), open: Vec::new() };
    if !writer.value("", value)? {
        writer.out.push_str("null");
    }
    Ok(writer.out)
}

struct Writer<'a, 'js> {
    ctx: &'a Ctx<'js>,
    out: String,
    /// The objects being written, outermost first: a cycle is one of them seen again.
    open: Vec<Object<'js>>,
}

impl<'js> Writer<'_, 'js> {
    /// Writes `value`; returns `false` (writing nothing) for values JSON leaves out.
    fn value(&mut self, key: &str, value: Value<'js>) -> Result<bool> {
        let value = self.apply_to_json(key, value)?;
        match value.type_of() {
            Type::Undefined | Type::Uninitialized | Type::Function | Type::Constructor | Type::Symbol => {
                return Ok(false);
            }
            Type::Null => self.out.push_str("null"),
            Type::Bool => self.out.push_str(if value.as_bool() == Some(true) { "true" } else { "false" }),
            Type::Int => {
                let _ = write!(self.out, "{}", value.as_int().unwrap_or_default());
            }
            Type::Float => self.number(value.as_float().unwrap_or(f64::NAN)),
            Type::String => {
                let text = text::lossy(self.ctx, &value).unwrap_or_default();
                self.string(&text);
            }
            Type::BigInt => {
                return Err(Exception::throw_type(self.ctx, "a BigInt cannot be serialized to JSON"));
            }
            Type::Array | Type::Object | Type::Promise | Type::Exception | Type::Proxy => {
                let object = value.into_object().expect("an object type");
                self.object(object)?;
            }
            _ => self.out.push_str("null"),
        }
        if self.out.len() > MAX_BYTES {
            return Err(Exception::throw_range(self.ctx, "value is too large to serialize (over 1 MiB of JSON)"));
        }
        Ok(true)
    }

    /// `value.toJSON(key)` when the value is an object with such a method.
    fn apply_to_json(&mut self, key: &str, value: Value<'js>) -> Result<Value<'js>> {
        let Some(object) = value.as_object() else { return Ok(value) };
        let hook: Value = object.get("toJSON")?;
        match hook.into_function() {
            Some(hook) => hook.call((This(value.clone()), key)),
            None => Ok(value),
        }
    }

    fn object(&mut self, object: Object<'js>) -> Result<()> {
        if self.open.iter().any(|open| open == &object) {
            return Err(Exception::throw_type(self.ctx, "a cyclic object cannot be serialized to JSON"));
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(Exception::throw_range(self.ctx, "value is nested too deeply to serialize (over 64 levels)"));
        }
        self.open.push(object.clone());
        if object.is_array() {
            self.array_items(&object)?;
        } else {
            self.object_members(&object)?;
        }
        self.open.pop();
        Ok(())
    }

    fn array_items(&mut self, array: &Object<'js>) -> Result<()> {
        let length: f64 = array.get::<_, Value>("length")?.as_number().unwrap_or(0.0);
        self.out.push('[');
        let mut index = 0u32;
        while f64::from(index) < length {
            if index > 0 {
                self.out.push(',');
            }
            let item: Value = array.get(index)?;
            if !self.value(&index.to_string(), item)? {
                self.out.push_str("null");
            }
            if self.out.len() > MAX_BYTES {
                return Err(Exception::throw_range(self.ctx, "value is too large to serialize (over 1 MiB of JSON)"));
            }
            index += 1;
        }
        self.out.push(']');
        Ok(())
    }

    fn object_members(&mut self, object: &Object<'js>) -> Result<()> {
        self.out.push('{');
        let mut first = true;
        let keys: Vec<Value> = object.keys::<Value>().collect::<Result<_>>()?;
        for key in keys {
            let name = text::lossy(self.ctx, &key).unwrap_or_default();
            let member: Value = object.get(key)?;
            let mark = self.out.len();
            if !first {
                self.out.push(',');
            }
            self.string(&name);
            self.out.push(':');
            if self.value(&name, member)? {
                first = false;
            } else {
                self.out.truncate(mark);
            }
        }
        self.out.push('}');
        Ok(())
    }

    fn number(&mut self, n: f64) {
        if !n.is_finite() {
            self.out.push_str("null");
        } else if n == n.trunc() && n.abs() <= MAX_SAFE_INTEGER {
            let _ = write!(self.out, "{}", n as i64);
        } else {
            let _ = write!(self.out, "{n:e}");
        }
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}
