//! `api.samlResponse` (post-login): `setAttribute` and the configuration setters, with
//! the platform's SAML limits.
//!
//! Attributes: at most [`MAX_SAML_ATTRIBUTES`] changed or added, names of
//! [`MAX_SAML_ATTRIBUTE_NAME_BYTES`], values of [`MAX_SAML_ATTRIBUTE_VALUE_BYTES`] (as
//! JSON), [`MAX_SAML_BYTES`] of names and values in all; counted across the flow.
//! Configuration fields: the sizes in [`field`], taken from the limits seed; where it
//! gives none, [`MAX_SAML_TEXT_BYTES`].

use serde_json::Value;

use super::{check_allowed, check_key, parse_json};
use crate::bindings::actionbox_sandbox::api::saml_response::{Host, SamlField};
use crate::limits::{
    MAX_SAML_ALGORITHM_BYTES, MAX_SAML_ATTRIBUTE_NAME_BYTES, MAX_SAML_ATTRIBUTE_VALUE_BYTES, MAX_SAML_ATTRIBUTES,
    MAX_SAML_BYTES, MAX_SAML_CERT_BYTES, MAX_SAML_NAME_BYTES, MAX_SAML_PROBE_BYTES, MAX_SAML_PROBES,
    MAX_SAML_TEXT_BYTES, MAX_SAML_URL_BYTES,
};
use crate::outcome::Command;
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

impl Host for HostState {
    fn set_attribute(&mut self, name: String, value: String) -> Result<(), String> {
        const METHOD: &str = Method::SamlResponseSetAttribute.path();
        check_allowed(self, Method::SamlResponseSetAttribute)?;
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

    fn set_field(&mut self, field: SamlField, value: String) -> Result<(), String> {
        let (field, method, kind) = self::field(field);
        check_allowed(self, method)?;
        let method = method.path();
        let value = parse_json(method, "the value", &value, MAX_SAML_PROBES * (MAX_SAML_PROBE_BYTES + 8))?;
        check_field(method, kind, &value)?;
        self.record.command(Command::SamlSetField { field: field.into(), value })?;
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
            Value::Array(probes) if probes.len() <= MAX_SAML_PROBES => {
                probes.iter().try_for_each(|p| text(p, MAX_SAML_PROBE_BYTES))
            }
            Value::Array(_) => Err(format!("{method}: at most {MAX_SAML_PROBES} probes")),
            _ => Err(format!("{method}: the value must be a list of strings")),
        },
    }
}
