//! SEC 1: the `ECPrivateKey` structure (RFC 5915) and the encodings of EC points
//! (uncompressed `04 || x || y`, compressed `02/03 || x`).

use der::{Decode, Encode};
use sec1::{EcParameters, EcPrivateKey};
use zeroize::Zeroizing;

use super::{curve_of_oid, malformed, oid_of_curve};
use crate::error::{Error, Result};
use crate::key::Curve;

/// The length in bytes of a coordinate or a private scalar of a NIST curve (the OKP
/// curves' keys are 32 bytes).
pub(crate) fn field_len(curve: Curve) -> usize {
    match curve {
        Curve::P256 | Curve::Ed25519 | Curve::X25519 => 32,
        Curve::P384 => 48,
        Curve::P521 => 66,
    }
}

/// Whether `point` is a well-formed uncompressed (`Some(false)`) or compressed
/// (`Some(true)`) point encoding for `curve`; `None` if it is neither.
pub(crate) fn point_form(curve: Curve, point: &[u8]) -> Option<bool> {
    let len = field_len(curve);
    match point.first() {
        Some(0x04) if point.len() == 1 + 2 * len => Some(false),
        Some(0x02 | 0x03) if point.len() == 1 + len => Some(true),
        _ => None,
    }
}

/// The contents of an `ECPrivateKey`: the curve of its parameters (if it has them), the
/// private scalar as encoded, and the public point (if it has one).
pub(crate) type EcPrivateContents = (Option<Curve>, Zeroizing<Vec<u8>>, Option<Vec<u8>>);

/// Reads a DER `ECPrivateKey`.
pub(crate) fn decode(der: &[u8]) -> Result<EcPrivateContents> {
    let key = EcPrivateKey::from_der(der).map_err(malformed("SEC1 ECPrivateKey"))?;
    let curve = match key.parameters {
        None => None,
        Some(EcParameters::NamedCurve(oid)) => Some(curve_of_oid(&oid)?),
    };
    Ok((curve, Zeroizing::new(key.private_key.to_vec()), key.public_key.map(<[u8]>::to_vec)))
}

/// Writes a DER `ECPrivateKey` with the private scalar (of the curve's full length), the
/// curve's parameters when `with_parameters` (SEC1 on its own; PKCS#8 names the curve
/// outside, as OpenSSL writes it) and the uncompressed public point.
pub(crate) fn encode(curve: Curve, d: &[u8], point: &[u8], with_parameters: bool) -> Result<Zeroizing<Vec<u8>>> {
    let key = EcPrivateKey {
        private_key: d,
        parameters: with_parameters.then(|| EcParameters::NamedCurve(oid_of_curve(curve))),
        public_key: Some(point),
    };
    key.to_der()
        .map(Zeroizing::new)
        .map_err(|error| Error::invalid_key(format!("cannot encode the EC private key: {error}")))
}
