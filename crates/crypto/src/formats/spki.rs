//! `SubjectPublicKeyInfo` (RFC 5280, with the algorithms of RFC 8017, RFC 5480 and
//! RFC 8410), and the `AlgorithmIdentifier`s it shares with PKCS#8.

use der::asn1::{AnyRef, BitStringRef, ObjectIdentifier};
use der::{Decode, Encode, Tag, Tagged};
use spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};

use super::{
    EC_PUBLIC_KEY, ED25519, PublicParts, RSA_ENCRYPTION, RSASSA_PSS, RsaFlavor, X25519, curve_of_oid, malformed,
    oid_of_curve, pkcs1,
};
use crate::error::{Error, Result};
use crate::key::Curve;

/// The key algorithm an `AlgorithmIdentifier` names.
pub(crate) enum Algorithm {
    Rsa(RsaFlavor),
    /// The named curve, if the parameters name one.
    Ec(Option<Curve>),
    Okp(Curve),
}

/// Reads an `AlgorithmIdentifier` of a key: rsaEncryption (NULL or no parameters),
/// id-RSASSA-PSS (optional `RSASSA-PSS-params`), id-ecPublicKey with a named curve
/// (`None` if it has no parameters: PKCS#8 may leave the curve to the `ECPrivateKey`),
/// id-Ed25519 and id-X25519 (no parameters).
pub(crate) fn decode_algorithm(algorithm: &AlgorithmIdentifierRef<'_>) -> Result<Algorithm> {
    let oid = algorithm.oid;
    let parameters = algorithm.parameters.filter(|parameters| !parameters.is_null());
    if oid == RSA_ENCRYPTION {
        if parameters.is_some() {
            return Err(Error::invalid_key("rsaEncryption with parameters other than NULL"));
        }
        Ok(Algorithm::Rsa(RsaFlavor::Plain))
    } else if oid == RSASSA_PSS {
        let params = match parameters {
            None => None,
            Some(parameters) if parameters.tag() == Tag::Sequence => {
                Some(parameters.to_der().map_err(malformed("RSASSA-PSS parameters"))?)
            }
            Some(_) => return Err(Error::invalid_key("RSASSA-PSS parameters that are not a SEQUENCE")),
        };
        Ok(Algorithm::Rsa(RsaFlavor::Pss { params }))
    } else if oid == EC_PUBLIC_KEY {
        match parameters {
            None => Ok(Algorithm::Ec(None)),
            Some(parameters) => {
                let curve = parameters
                    .decode_as::<ObjectIdentifier>()
                    .map_err(|_| Error::unsupported("EC keys with explicit curve parameters"))?;
                Ok(Algorithm::Ec(Some(curve_of_oid(&curve)?)))
            }
        }
    } else if oid == ED25519 || oid == X25519 {
        if parameters.is_some() {
            return Err(Error::invalid_key(format!("{oid} with parameters")));
        }
        Ok(Algorithm::Okp(if oid == ED25519 { Curve::Ed25519 } else { Curve::X25519 }))
    } else {
        Err(Error::unsupported(format!("key algorithm {oid}")))
    }
}

/// The parts of a DER `SubjectPublicKeyInfo`.
pub(crate) fn decode(der: &[u8]) -> Result<PublicParts> {
    let info = SubjectPublicKeyInfoRef::from_der(der).map_err(malformed("SubjectPublicKeyInfo"))?;
    let key = info
        .subject_public_key
        .as_bytes()
        .ok_or_else(|| Error::invalid_key("a public key BIT STRING with unused bits"))?;
    match decode_algorithm(&info.algorithm)? {
        Algorithm::Rsa(flavor) => {
            let (n, e) = pkcs1::decode_public(key)?;
            Ok(PublicParts::Rsa { flavor, n, e })
        }
        Algorithm::Ec(None) => Err(Error::invalid_key("an EC public key without its curve")),
        Algorithm::Ec(Some(curve)) => Ok(PublicParts::Ec { curve, point: key.to_vec() }),
        Algorithm::Okp(curve) => Ok(PublicParts::Okp { curve, x: key.to_vec() }),
    }
}

/// Calls `f` with the `AlgorithmIdentifier` of an RSA key of `flavor`.
pub(crate) fn with_rsa_algorithm<T>(
    flavor: &RsaFlavor,
    f: impl FnOnce(AlgorithmIdentifierRef<'_>) -> Result<T>,
) -> Result<T> {
    match flavor {
        RsaFlavor::Plain => f(AlgorithmIdentifierRef { oid: RSA_ENCRYPTION, parameters: Some(AnyRef::NULL) }),
        RsaFlavor::Pss { params } => {
            let parameters = match params {
                Some(der) => Some(AnyRef::from_der(der).map_err(malformed("RSASSA-PSS parameters"))?),
                None => None,
            };
            f(AlgorithmIdentifierRef { oid: RSASSA_PSS, parameters })
        }
    }
}

/// Calls `f` with the `AlgorithmIdentifier` of an EC (named curve) or OKP key.
pub(crate) fn with_curve_algorithm<T>(
    curve: Curve,
    f: impl FnOnce(AlgorithmIdentifierRef<'_>) -> Result<T>,
) -> Result<T> {
    let oid = oid_of_curve(curve);
    match curve {
        Curve::P256 | Curve::P384 | Curve::P521 => {
            f(AlgorithmIdentifierRef { oid: EC_PUBLIC_KEY, parameters: Some(AnyRef::from(&oid)) })
        }
        Curve::Ed25519 | Curve::X25519 => f(AlgorithmIdentifierRef { oid, parameters: None }),
    }
}

fn encode_info(algorithm: AlgorithmIdentifierRef<'_>, key: &[u8]) -> Result<Vec<u8>> {
    let encode = || SubjectPublicKeyInfoRef { algorithm, subject_public_key: BitStringRef::from_bytes(key)? }.to_der();
    encode().map_err(|error| Error::invalid_key(format!("cannot encode the public key: {error}")))
}

/// The DER `SubjectPublicKeyInfo` of an RSA key.
pub(crate) fn encode_rsa(flavor: &RsaFlavor, n: &[u8], e: &[u8]) -> Result<Vec<u8>> {
    let key = pkcs1::encode_public(n, e)?;
    with_rsa_algorithm(flavor, |algorithm| encode_info(algorithm, &key))
}

/// The DER `SubjectPublicKeyInfo` of an EC point or of the public bytes of an OKP key.
pub(crate) fn encode_curve(curve: Curve, public: &[u8]) -> Result<Vec<u8>> {
    with_curve_algorithm(curve, |algorithm| encode_info(algorithm, public))
}
