//! `api.samlResponse` (post-login): `setAttribute` and the configuration setters, with
//! the platform's SAML limits.
//!
//! Attributes: at most [`MAX_SAML_ATTRIBUTES`] changed or added, names of
//! [`MAX_SAML_ATTRIBUTE_NAME_BYTES`], values of [`MAX_SAML_ATTRIBUTE_VALUE_BYTES`] (as
//! JSON), [`MAX_SAML_BYTES`] of names and values in all; counted across the flow.
//! Configuration fields: the sizes in [`FIELDS`], taken from the limits seed; where it
//! gives none, [`MAX_SAML_TEXT_BYTES`].

use serde_json::Value;

use super::{check_key, check_trigger, parse_json};
use crate::bindings::actionbox::runtime::saml_response::Host;
use crate::limits::{
    MAX_SAML_ATTRIBUTE_NAME_BYTES, MAX_SAML_ATTRIBUTE_VALUE_BYTES, MAX_SAML_ATTRIBUTES, MAX_SAML_BYTES,
    MAX_SAML_TEXT_BYTES,
};
use crate::outcome::Command;
use crate::state::HostState;
use crate::trigger::Trigger;

/// What a configuration field accepts.
#[derive(Clone, Copy)]
enum Field {
    /// A string of at most this many bytes.
    Text(usize),
    /// One of these strings.
    Choice(&'static [&'static str]),
    /// A positive whole number.
    Seconds,
    Bool,
    /// At most 10 strings of at most 512 bytes each.
    Probes,
}

/// Every configuration setter's field and what it accepts.
const FIELDS: &[(&str, Field)] = &[
    ("audience", Field::Text(2048)),
    ("recipient", Field::Text(2048)),
    ("destination", Field::Text(2048)),
    ("issuer", Field::Text(MAX_SAML_TEXT_BYTES)),
    ("relayState", Field::Text(MAX_SAML_TEXT_BYTES)),
    ("lifetimeInSeconds", Field::Seconds),
    ("signResponse", Field::Bool),
    ("nameIdentifierFormat", Field::Text(512)),
    ("nameIdentifierProbes", Field::Probes),
    ("authnContextClassRef", Field::Text(512)),
    ("signatureAlgorithm", Field::Choice(&["rsa-sha256", "rsa-sha1"])),
    ("digestAlgorithm", Field::Choice(&["sha256", "sha1"])),
    ("signingCert", Field::Text(4096)),
    ("encryptionCert", Field::Text(4096)),
    ("encryptionPublicKey", Field::Text(4096)),
    ("encryptionAlgorithm", Field::Text(128)),
    ("cert", Field::Text(4096)),
    ("key", Field::Text(4096)),
    ("createUpnClaim", Field::Bool),
    ("passthroughClaimsWithNoMapping", Field::Bool),
    ("mapUnknownClaimsAsIs", Field::Bool),
    ("mapIdentities", Field::Bool),
    ("includeAttributeNameFormat", Field::Bool),
    ("typedAttributes", Field::Bool),
];

const MAX_PROBES: usize = 10;
const MAX_PROBE_BYTES: usize = 512;

impl Host for HostState {
    fn set_attribute(&mut self, name: String, value: String) -> Result<(), String> {
        const METHOD: &str = "api.samlResponse.setAttribute";
        check_trigger(self, METHOD, &[Trigger::PostLogin])?;
        check_key(METHOD, "the attribute name", &name)?;
        if name.len() > MAX_SAML_ATTRIBUTE_NAME_BYTES {
            return Err(format!(
                "{METHOD}: the name is {} bytes; the limit is {MAX_SAML_ATTRIBUTE_NAME_BYTES}",
                name.len()
            ));
        }
        let size = value.len();
        let value = parse_json(METHOD, "the value", &value, MAX_SAML_ATTRIBUTE_VALUE_BYTES)?;
        let scalar = |v: &Value| matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_));
        let ok = match &value {
            Value::Null => true,
            Value::Array(items) => items.iter().all(scalar),
            other => scalar(other),
        };
        if !ok {
            return Err(format!("{METHOD}: the value must be a string, number, boolean, a list of them, or null"));
        }
        let attributes = &mut self.totals.saml_attributes;
        if attributes.len() >= MAX_SAML_ATTRIBUTES && !attributes.contains(&name) {
            return Err(format!("{METHOD}: at most {MAX_SAML_ATTRIBUTES} attributes may be changed or added"));
        }
        attributes.try_set(&name, name.len() + size, MAX_SAML_BYTES).map_err(|total| {
            format!("{METHOD}: the SAML attributes would total {total} bytes; the limit is {MAX_SAML_BYTES}")
        })?;
        self.record.command(Command::SamlSetAttribute { name, value })?;
        Ok(())
    }

    fn set_field(&mut self, field: String, value: String) -> Result<(), String> {
        let Some(&(_, kind)) = FIELDS.iter().find(|(name, _)| *name == field) else {
            return Err(format!("api.samlResponse: unknown setting `{field}`"));
        };
        let method = format!("api.samlResponse.set{}{}", field[..1].to_uppercase(), &field[1..]);
        check_trigger(self, &method, &[Trigger::PostLogin])?;
        let value = parse_json(&method, "the value", &value, MAX_PROBES * (MAX_PROBE_BYTES + 8))?;
        check_field(&method, kind, &value)?;
        self.record.command(Command::SamlSetField { field, value })?;
        Ok(())
    }
}

fn check_field(method: &str, kind: Field, value: &Value) -> Result<(), String> {
    let text = |v: &Value, max: usize| match v {
        Value::String(s) if s.len() <= max => Ok(()),
        Value::String(s) => Err(format!("{method}: the value is {} bytes; the limit is {max}", s.len())),
        _ => Err(format!("{method}: the value must be a string")),
    };
    match kind {
        Field::Text(max) => text(value, max),
        Field::Choice(choices) => match value.as_str() {
            Some(choice) if choices.contains(&choice) => Ok(()),
            _ => Err(format!("{method}: the value must be one of: {}", choices.join(", "))),
        },
        Field::Seconds => match value.as_u64() {
            Some(seconds) if seconds > 0 => Ok(()),
            _ => Err(format!("{method}: the value must be a positive whole number of seconds")),
        },
        Field::Bool => value.is_boolean().then_some(()).ok_or_else(|| format!("{method}: the value must be a boolean")),
        Field::Probes => match value {
            Value::Array(probes) if probes.len() <= MAX_PROBES => {
                probes.iter().try_for_each(|p| text(p, MAX_PROBE_BYTES))
            }
            Value::Array(_) => Err(format!("{method}: at most {MAX_PROBES} probes")),
            _ => Err(format!("{method}: the value must be a list of strings")),
        },
    }
}
