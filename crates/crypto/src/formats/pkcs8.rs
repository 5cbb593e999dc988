//! PKCS#8 (RFC 5208) and its version 2, OneAsymmetricKey (RFC 5958): the unencrypted
//! `PrivateKeyInfo` of RSA, RSA-PSS, EC, Ed25519 and X25519 keys. Encrypted PKCS#8 is not
//! read (the JavaScript side says so for `ENCRYPTED PRIVATE KEY`).

use der::asn1::OctetStringRef;
use der::{Decode, Encode};
use pkcs8::PrivateKeyInfoRef;
use spki::AlgorithmIdentifierRef;
use zeroize::Zeroizing;

use super::spki::{Algorithm, decode_algorithm, with_curve_algorithm, with_rsa_algorithm};
use super::{PrivateParts, RsaFlavor, RsaPrivateParts, malformed, pkcs1, sec1};
use crate::error::{Error, Result};
use crate::key::Curve;

/// The parts of a DER `PrivateKeyInfo`.
pub(crate) fn decode(der: &[u8]) -> Result<PrivateParts> {
    let info = PrivateKeyInfoRef::from_der(der).map_err(malformed("PKCS#8 PrivateKeyInfo"))?;
    let private = info.private_key.as_bytes();
    let public = match info.public_key {
        None => None,
        Some(bits) => Some(
            bits.as_bytes().ok_or_else(|| Error::invalid_key("a public key BIT STRING with unused bits"))?.to_vec(),
        ),
    };
    match decode_algorithm(&info.algorithm)? {
        Algorithm::Rsa(flavor) => Ok(PrivateParts::Rsa { flavor, key: pkcs1::decode_private(private)? }),
        Algorithm::Ec(outer) => {
            let (inner, d, point) = sec1::decode(private)?;
            let curve = match (outer, inner) {
                (Some(outer), Some(inner)) if outer != inner => {
                    return Err(Error::invalid_key("the PKCS#8 and SEC1 curves of an EC key differ"));
                }
                (Some(curve), _) | (None, Some(curve)) => curve,
                (None, None) => return Err(Error::invalid_key("an EC private key without its curve")),
            };
            Ok(PrivateParts::Ec { curve, d, point: point.or(public) })
        }
        Algorithm::Okp(curve) => {
            let d = <&OctetStringRef>::from_der(private).map_err(malformed("CurvePrivateKey"))?;
            Ok(PrivateParts::Okp { curve, d: Zeroizing::new(d.as_bytes().to_vec()), x: public })
        }
    }
}

fn encode_info(algorithm: AlgorithmIdentifierRef<'_>, private: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let encode =
        || PrivateKeyInfoRef { algorithm, private_key: OctetStringRef::new(private)?, public_key: None }.to_der();
    encode().map(Zeroizing::new).map_err(|error| Error::invalid_key(format!("cannot encode the private key: {error}")))
}

/// The DER `PrivateKeyInfo` of an RSA key (version 1, as OpenSSL writes it).
pub(crate) fn encode_rsa(flavor: &RsaFlavor, key: &RsaPrivateParts) -> Result<Zeroizing<Vec<u8>>> {
    let inner = pkcs1::encode_private(key)?;
    with_rsa_algorithm(flavor, |algorithm| encode_info(algorithm, &inner))
}

/// The DER `PrivateKeyInfo` of an EC key: the curve in the algorithm, the `ECPrivateKey`
/// with the public point but without parameters (as OpenSSL writes it).
pub(crate) fn encode_ec(curve: Curve, d: &[u8], point: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let inner = sec1::encode(curve, d, point, false)?;
    with_curve_algorithm(curve, |algorithm| encode_info(algorithm, &inner))
}

/// The DER `PrivateKeyInfo` of an Ed25519 or X25519 key (version 1, RFC 8410).
pub(crate) fn encode_okp(curve: Curve, d: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let encode = || OctetStringRef::new(d)?.to_der();
    let inner =
        Zeroizing::new(encode().map_err(|error| Error::invalid_key(format!("cannot encode the key: {error}")))?);
    with_curve_algorithm(curve, |algorithm| encode_info(algorithm, &inner))
}
