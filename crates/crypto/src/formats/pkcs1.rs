//! PKCS#1 (RFC 8017): `RSAPublicKey` and two-prime `RSAPrivateKey`, read into and written
//! from big-endian integers.

use der::asn1::UintRef;
use der::{Decode, Encode};
use pkcs1::{RsaPrivateKeyRef, RsaPublicKeyRef};
use zeroize::Zeroizing;

use super::{RsaPrivateParts, malformed, strip_zeros};
use crate::error::{Error, Result};

/// A DER `INTEGER` of the unsigned big-endian `bytes` (zero if empty).
pub(crate) fn uint(bytes: &[u8]) -> der::Result<UintRef<'_>> {
    let bytes = strip_zeros(bytes);
    UintRef::new(if bytes.is_empty() { &[0] } else { bytes })
}

/// The modulus and public exponent of an `RSAPublicKey`.
pub(crate) fn decode_public(der: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let key = RsaPublicKeyRef::from_der(der).map_err(malformed("PKCS#1 RSAPublicKey"))?;
    Ok((strip_zeros(key.modulus.as_bytes()).to_vec(), strip_zeros(key.public_exponent.as_bytes()).to_vec()))
}

/// The DER `RSAPublicKey` of a modulus and public exponent.
pub(crate) fn encode_public(n: &[u8], e: &[u8]) -> Result<Vec<u8>> {
    let encode = || RsaPublicKeyRef { modulus: uint(n)?, public_exponent: uint(e)? }.to_der();
    encode().map_err(|error| Error::invalid_key(format!("cannot encode the RSA public key: {error}")))
}

/// The integers of a two-prime `RSAPrivateKey` (multi-prime keys are unsupported).
pub(crate) fn decode_private(der: &[u8]) -> Result<RsaPrivateParts> {
    let key = RsaPrivateKeyRef::from_der(der).map_err(malformed("PKCS#1 RSAPrivateKey"))?;
    if key.other_prime_infos.is_some() {
        return Err(Error::unsupported("multi-prime RSA keys"));
    }
    let secret = |value: &UintRef<'_>| Zeroizing::new(strip_zeros(value.as_bytes()).to_vec());
    Ok(RsaPrivateParts {
        n: strip_zeros(key.modulus.as_bytes()).to_vec(),
        e: strip_zeros(key.public_exponent.as_bytes()).to_vec(),
        d: secret(&key.private_exponent),
        p: secret(&key.prime1),
        q: secret(&key.prime2),
        dp: secret(&key.exponent1),
        dq: secret(&key.exponent2),
        qi: secret(&key.coefficient),
    })
}

/// The DER two-prime `RSAPrivateKey` of the integers of a key.
pub(crate) fn encode_private(key: &RsaPrivateParts) -> Result<Zeroizing<Vec<u8>>> {
    let encode = || {
        RsaPrivateKeyRef {
            modulus: uint(&key.n)?,
            public_exponent: uint(&key.e)?,
            private_exponent: uint(&key.d)?,
            prime1: uint(&key.p)?,
            prime2: uint(&key.q)?,
            exponent1: uint(&key.dp)?,
            exponent2: uint(&key.dq)?,
            coefficient: uint(&key.qi)?,
            other_prime_infos: None,
        }
        .to_der()
    };
    encode()
        .map(Zeroizing::new)
        .map_err(|error| Error::invalid_key(format!("cannot encode the RSA private key: {error}")))
}
