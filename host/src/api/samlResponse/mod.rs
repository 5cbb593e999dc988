//! `api.samlResponse` (post-login): `setAttribute` and the configuration setters, with
//! the platform's SAML limits.
//!
//! Attributes: at most [`MAX_SAML_ATTRIBUTES`] changed or added, names of
//! [`MAX_SAML_ATTRIBUTE_NAME_BYTES`], values of [`MAX_SAML_ATTRIBUTE_VALUE_BYTES`] (as
//! JSON), [`MAX_SAML_BYTES`] of names and values in all; counted across the flow.
//! Configuration fields: the sizes in [`field`], taken from the limits seed; where it
//! gives none, [`MAX_SAML_TEXT_BYTES`].

mod command;

pub use command::SamlResponseCommand;

use actionbox_contract::refusal::{Items, Refusal};
use serde_json::Value;

use super::{check_key, check_size, parse_json};
use crate::bindings::actionbox_sandbox::api::saml_response::{Attribute, Call, FieldValue, SamlField};
use crate::limits::{
    MAX_SAML_ALGORITHM_BYTES, MAX_SAML_ATTRIBUTE_NAME_BYTES, MAX_SAML_ATTRIBUTE_VALUE_BYTES, MAX_SAML_ATTRIBUTES,
    MAX_SAML_BYTES, MAX_SAML_CERT_BYTES, MAX_SAML_NAME_BYTES, MAX_SAML_PROBE_BYTES, MAX_SAML_PROBES,
    MAX_SAML_TEXT_BYTES, MAX_SAML_URL_BYTES,
};
use crate::state::HostState;
use crate::trigger::Method;

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

/// Each configuration setter's field: its name in commands, its method, what it accepts.
fn field(field: SamlField) -> (&'static str, Method, Field) {
    use SamlField as F;
    match field {
        F::Audience => ("audience", Method::SamlResponseSetAudience, Field::Text(MAX_SAML_URL_BYTES)),
        F::Recipient => ("recipient", Method::SamlResponseSetRecipient, Field::Text(MAX_SAML_URL_BYTES)),
        F::Destination => ("destination", Method::SamlResponseSetDestination, Field::Text(MAX_SAML_URL_BYTES)),
        F::Issuer => ("issuer", Method::SamlResponseSetIssuer, Field::Text(MAX_SAML_TEXT_BYTES)),
        F::RelayState => ("relayState", Method::SamlResponseSetRelayState, Field::Text(MAX_SAML_TEXT_BYTES)),
        F::LifetimeInSeconds => ("lifetimeInSeconds", Method::SamlResponseSetLifetimeInSeconds, Field::Seconds),
        F::SignResponse => ("signResponse", Method::SamlResponseSetSignResponse, Field::Bool),
        F::NameIdentifierFormat => {
            ("nameIdentifierFormat", Method::SamlResponseSetNameIdentifierFormat, Field::Text(MAX_SAML_NAME_BYTES))
        }
        F::NameIdentifierProbes => ("nameIdentifierProbes", Method::SamlResponseSetNameIdentifierProbes, Field::Probes),
        F::AuthnContextClassRef => {
            ("authnContextClassRef", Method::SamlResponseSetAuthnContextClassRef, Field::Text(MAX_SAML_NAME_BYTES))
        }
        F::SignatureAlgorithm => (
            "signatureAlgorithm",
            Method::SamlResponseSetSignatureAlgorithm,
            Field::Choice(&["rsa-sha256", "rsa-sha1"]),
        ),
        F::DigestAlgorithm => {
            ("digestAlgorithm", Method::SamlResponseSetDigestAlgorithm, Field::Choice(&["sha256", "sha1"]))
        }
        F::SigningCert => ("signingCert", Method::SamlResponseSetSigningCert, Field::Text(MAX_SAML_CERT_BYTES)),
        F::EncryptionCert => {
            ("encryptionCert", Method::SamlResponseSetEncryptionCert, Field::Text(MAX_SAML_CERT_BYTES))
        }
        F::EncryptionPublicKey => {
            ("encryptionPublicKey", Method::SamlResponseSetEncryptionPublicKey, Field::Text(MAX_SAML_CERT_BYTES))
        }
        F::EncryptionAlgorithm => {
            ("encryptionAlgorithm", Method::SamlResponseSetEncryptionAlgorithm, Field::Text(MAX_SAML_ALGORITHM_BYTES))
        }
        F::Cert => ("cert", Method::SamlResponseSetCert, Field::Text(MAX_SAML_CERT_BYTES)),
        F::Key => ("key", Method::SamlResponseSetKey, Field::Text(MAX_SAML_CERT_BYTES)),
        F::CreateUpnClaim => ("createUpnClaim", Method::SamlResponseSetCreateUpnClaim, Field::Bool),
        F::PassthroughClaimsWithNoMapping => {
            ("passthroughClaimsWithNoMapping", Method::SamlResponseSetPassthroughClaimsWithNoMapping, Field::Bool)
        }
        F::MapUnknownClaimsAsIs => ("mapUnknownClaimsAsIs", Method::SamlResponseSetMapUnknownClaimsAsIs, Field::Bool),
        F::MapIdentities => ("mapIdentities", Method::SamlResponseSetMapIdentities, Field::Bool),
        F::IncludeAttributeNameFormat => {
            ("includeAttributeNameFormat", Method::SamlResponseSetIncludeAttributeNameFormat, Field::Bool)
        }
        F::TypedAttributes => ("typedAttributes", Method::SamlResponseSetTypedAttributes, Field::Bool),
    }
}

pub(super) fn method(call: &Call) -> Method {
    match call {
        Call::SetAttribute(_) => Method::SamlResponseSetAttribute,
        Call::SetField(FieldValue { field: which, .. }) => field(*which).1,
    }
}

pub(super) fn call(state: &mut HostState, call: Call) -> Result<(), Refusal> {
    match call {
        Call::SetAttribute(attribute) => set_attribute(state, attribute),
        Call::SetField(FieldValue { field: which, value }) => {
            let (field, _, kind) = self::field(which);
            let value = parse_json("the value", &value, MAX_SAML_PROBES * (MAX_SAML_PROBE_BYTES + 8))?;
            check_field(kind, &value)?;
            state.record.command(SamlResponseCommand::SetField { field: field.into(), value })
        }
    }
}

fn set_attribute(state: &mut HostState, Attribute { name, value }: Attribute) -> Result<(), Refusal> {
    check_key("the attribute name", &name)?;
    check_size("the name", &name, MAX_SAML_ATTRIBUTE_NAME_BYTES)?;
    let size = value.len();
    let value = parse_json("the value", &value, MAX_SAML_ATTRIBUTE_VALUE_BYTES)?;
    let scalar = |v: &Value| matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_));
    let ok = match &value {
        Value::Null => true,
        Value::Array(items) => items.iter().all(scalar),
        other => scalar(other),
    };
    if !ok {
        return Err(wrong_type("a string, number, boolean, a list of them, or null"));
    }
    let attributes = &mut state.totals.saml_attributes;
    if attributes.len() >= MAX_SAML_ATTRIBUTES && !attributes.contains(&name) {
        return Err(Refusal::TooMany { items: Items::SamlAttributes, limit: MAX_SAML_ATTRIBUTES as u64 });
    }
    attributes.try_set(&name, name.len() + size, MAX_SAML_BYTES).map_err(|total| Refusal::WouldTotal {
        total_of: "the SAML attributes".into(),
        total: total as u64,
        limit: MAX_SAML_BYTES as u64,
    })?;
    state.record.command(SamlResponseCommand::SetAttribute { name, value })
}

/// The value must be `expected`.
fn wrong_type(expected: &str) -> Refusal {
    Refusal::WrongType { argument: "the value".into(), expected: expected.into(), got: None }
}

fn check_field(kind: Field, value: &Value) -> Result<(), Refusal> {
    let text = |v: &Value, max: usize| match v {
        Value::String(s) => check_size("the value", s, max),
        _ => Err(wrong_type("a string")),
    };
    match kind {
        Field::Text(max) => text(value, max),
        Field::Choice(choices) => match value.as_str() {
            Some(choice) if choices.contains(&choice) => Ok(()),
            _ => Err(wrong_type(&format!("one of: {}", choices.join(", ")))),
        },
        Field::Seconds => match value.as_u64() {
            Some(seconds) if seconds > 0 => Ok(()),
            _ => Err(wrong_type("a positive whole number of seconds")),
        },
        Field::Bool => value.is_boolean().then_some(()).ok_or_else(|| wrong_type("a boolean")),
        Field::Probes => match value {
            Value::Array(probes) if probes.len() <= MAX_SAML_PROBES => {
                probes.iter().try_for_each(|p| text(p, MAX_SAML_PROBE_BYTES))
            }
            Value::Array(_) => Err(Refusal::TooMany { items: Items::SamlProbes, limit: MAX_SAML_PROBES as u64 }),
            _ => Err(wrong_type("a list of strings")),
        },
    }
}
