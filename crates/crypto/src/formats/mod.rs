//! The DER encodings of keys, parsed into and written from plain parts (big-endian
//! integers, curve points, seeds) with the RustCrypto format crates; PEM is the JavaScript
//! side's. One file per format:
//!
//! - `spki`: SubjectPublicKeyInfo (RFC 5280) of RSA, RSA-PSS, EC, Ed25519 and X25519 keys;
//! - `pkcs8`: unencrypted PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958);
//! - `pkcs1`: RSAPublicKey and RSAPrivateKey (RFC 8017);
//! - `sec1`: ECPrivateKey (RFC 5915) and EC points (SEC 1);
//! - `cert`: the subject public key of an X.509 certificate;
//! - `signature`: ECDSA signatures, between ASN.1 DER and fixed-width `r || s`.
//!
//! Nothing here checks that a key is mathematically valid; `key` hands the parts to
//! aws-lc-rs for that.

pub(crate) mod cert;
pub(crate) mod pkcs1;
pub(crate) mod pkcs8;
pub(crate) mod sec1;
pub(crate) mod signature;
pub(crate) mod spki;

use der::asn1::ObjectIdentifier;
use zeroize::Zeroizing;

use crate::error::Error;
use crate::key::Curve;

/// rsaEncryption (RFC 8017).
pub(crate) const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// id-RSASSA-PSS (RFC 8017).
pub(crate) const RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
/// id-ecPublicKey (RFC 5480).
pub(crate) const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// secp256r1 / P-256.
pub(crate) const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
/// secp384r1 / P-384.
pub(crate) const SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
/// secp521r1 / P-521.
pub(crate) const SECP521R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
/// id-Ed25519 (RFC 8410).
pub(crate) const ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
/// id-X25519 (RFC 8410).
pub(crate) const X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");

/// Whether an RSA key is a plain one (rsaEncryption) or restricted to RSA-PSS
/// (id-RSASSA-PSS), with the DER of its `RSASSA-PSS-params`, if it had any (kept to be
/// written back as read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RsaFlavor {
    Plain,
    Pss { params: Option<Vec<u8>> },
}

/// The integers of an RSA private key, big-endian without leading zeros.
pub(crate) struct RsaPrivateParts {
    pub n: Vec<u8>,
    pub e: Vec<u8>,
    pub d: Zeroizing<Vec<u8>>,
    pub p: Zeroizing<Vec<u8>>,
    pub q: Zeroizing<Vec<u8>>,
    pub dp: Zeroizing<Vec<u8>>,
    pub dq: Zeroizing<Vec<u8>>,
    pub qi: Zeroizing<Vec<u8>>,
}

/// A public key as an encoding holds it.
pub(crate) enum PublicParts {
    /// Modulus and exponent, big-endian without leading zeros.
    Rsa { flavor: RsaFlavor, n: Vec<u8>, e: Vec<u8> },
    /// A SEC 1 point, compressed or not, as encoded.
    Ec { curve: Curve, point: Vec<u8> },
    /// The 32 public bytes of an Ed25519 or X25519 key.
    Okp { curve: Curve, x: Vec<u8> },
}

/// A private key as an encoding holds it.
pub(crate) enum PrivateParts {
    Rsa {
        flavor: RsaFlavor,
        key: RsaPrivateParts,
    },
    /// The private scalar (big-endian, as long as the encoding had it) and the public
    /// point, if the encoding carried one.
    Ec {
        curve: Curve,
        d: Zeroizing<Vec<u8>>,
        point: Option<Vec<u8>>,
    },
    /// The 32-byte private key (an Ed25519 seed or an X25519 scalar) and the public
    /// bytes, if the encoding carried them.
    Okp {
        curve: Curve,
        d: Zeroizing<Vec<u8>>,
        x: Option<Vec<u8>>,
    },
}

/// The curve a named-curve OID stands for.
pub(crate) fn curve_of_oid(oid: &ObjectIdentifier) -> Result<Curve, Error> {
    if *oid == SECP256R1 {
        Ok(Curve::P256)
    } else if *oid == SECP384R1 {
        Ok(Curve::P384)
    } else if *oid == SECP521R1 {
        Ok(Curve::P521)
    } else {
        Err(Error::unsupported(format!("elliptic curve {oid}")))
    }
}

/// The named-curve OID of a NIST curve; the OID of the algorithm of an OKP curve.
pub(crate) fn oid_of_curve(curve: Curve) -> ObjectIdentifier {
    match curve {
        Curve::P256 => SECP256R1,
        Curve::P384 => SECP384R1,
        Curve::P521 => SECP521R1,
        Curve::Ed25519 => ED25519,
        Curve::X25519 => X25519,
    }
}

/// An `InvalidKey` error for a DER structure that did not parse.
pub(crate) fn malformed(what: &str) -> impl FnOnce(der::Error) -> Error + '_ {
    move |error| Error::invalid_key(format!("malformed {what}: {error}"))
}

/// The bytes of a big-endian unsigned integer without its leading zeros.
pub(crate) fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&byte| byte != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// The number of significant bits of a big-endian unsigned integer.
pub(crate) fn bit_len(bytes: &[u8]) -> u64 {
    let bytes = strip_zeros(bytes);
    match bytes.first() {
        None => 0,
        Some(&first) => (bytes.len() as u64 - 1) * 8 + u64::from(8 - first.leading_zeros()),
    }
}
