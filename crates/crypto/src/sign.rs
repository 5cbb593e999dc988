//! Signatures: the [`Scheme`]s, [`Key::sign`] and [`Key::verify`], and which aws-lc-rs
//! algorithm each (scheme, hash, curve, key size) maps to. A pairing aws-lc-rs does not
//! offer is [`Error::Unsupported`], never a silent substitute.
//!
//! - HMAC over any [`Hash`](enum@Hash) (verification compares in constant time);
//! - RSASSA-PKCS1-v1_5: verify with SHA-1/256/512 (1024 to 8192-bit keys) and SHA-384
//!   (2048 to 8192); sign with SHA-256/384/512;
//! - RSASSA-PSS with SHA-256/384/512 and any salt length the key allows (2048 to 8192-bit
//!   keys; MGF1 with the same hash);
//! - ECDSA, ASN.1 DER or fixed `r || s`: verify P-256 with SHA-1/256/384/512, P-384 with
//!   SHA-256/384/512 and SHA3-384, P-521 with SHA-1/224/256/384/512 and SHA3-512; sign
//!   P-256 with SHA-256, P-384 with SHA-384 and SHA3-384, P-521 with
//!   SHA-224/256/384/512 and SHA3-512;
//! - Ed25519 (pure, RFC 8032).

use aws_lc_rs::constant_time::verify_slices_are_equal;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{
    self as lc, EcdsaKeyPair, EcdsaSigningAlgorithm, EcdsaVerificationAlgorithm, ParsedPublicKey, RsaParameters,
    RsaPssSaltLength, RsaSignatureEncoding,
};

use crate::error::{Error, Result};
use crate::formats::RsaFlavor;
use crate::formats::sec1::field_len;
use crate::formats::signature::{der_to_fixed, fixed_to_der};
use crate::hash::{Hash, hmac};
use crate::key::{Curve, EcKey, Inner, Key, RsaKey};

/// A signature scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// HMAC with a secret key.
    Hmac(Hash),
    /// RSASSA-PKCS1-v1_5 with an RSA key.
    RsaPkcs1(Hash),
    /// RSASSA-PSS with an RSA or RSA-PSS key, MGF1 over the same hash.
    RsaPss {
        /// The hash of the message and of MGF1.
        hash: Hash,
        /// The salt length in bytes (at most the key's length − the hash's − 2).
        salt_length: u32,
    },
    /// ECDSA with an EC key.
    Ecdsa {
        /// The hash of the message.
        hash: Hash,
        /// `true`: an ASN.1 DER signature (Node's default); `false`: fixed-width `r || s`
        /// (WebCrypto, JOSE).
        der: bool,
    },
    /// Ed25519 with an Ed25519 key.
    Ed25519,
}

impl Scheme {
    fn describe(&self) -> String {
        match self {
            Scheme::Hmac(hash) => format!("HMAC with {}", hash.name()),
            Scheme::RsaPkcs1(hash) => format!("RSASSA-PKCS1-v1_5 with {}", hash.name()),
            Scheme::RsaPss { hash, .. } => format!("RSASSA-PSS with {}", hash.name()),
            Scheme::Ecdsa { hash, .. } => format!("ECDSA with {}", hash.name()),
            Scheme::Ed25519 => "Ed25519".to_owned(),
        }
    }
}

/// The number of precomputed PSS salt lengths: 0 to 1023 bytes, more than the longest
/// salt an 8192-bit key allows.
const PSS_SALT_SLOTS: usize = 1024;

/// `[$base with salt 0, with salt 1, ...]`: aws-lc-rs wants `'static` algorithms, so every
/// salt length has its own, made at compile time.
macro_rules! salt_table {
    ($base:path) => {{
        let mut table = [$base; PSS_SALT_SLOTS];
        let mut salt = 0;
        while salt < PSS_SALT_SLOTS {
            table[salt] = $base.with_pss_salt_length(RsaPssSaltLength::Custom(salt as u16));
            salt += 1;
        }
        table
    }};
}

static PSS_VERIFY_SHA256: [RsaParameters; PSS_SALT_SLOTS] = salt_table!(lc::RSA_PSS_2048_8192_SHA256);
static PSS_VERIFY_SHA384: [RsaParameters; PSS_SALT_SLOTS] = salt_table!(lc::RSA_PSS_2048_8192_SHA384);
static PSS_VERIFY_SHA512: [RsaParameters; PSS_SALT_SLOTS] = salt_table!(lc::RSA_PSS_2048_8192_SHA512);
static PSS_SIGN_SHA256: [RsaSignatureEncoding; PSS_SALT_SLOTS] = salt_table!(lc::RSA_PSS_SHA256);
static PSS_SIGN_SHA384: [RsaSignatureEncoding; PSS_SALT_SLOTS] = salt_table!(lc::RSA_PSS_SHA384);
static PSS_SIGN_SHA512: [RsaSignatureEncoding; PSS_SALT_SLOTS] = salt_table!(lc::RSA_PSS_SHA512);

/// The aws-lc-rs parameters that verify RSASSA-PKCS1-v1_5 with `hash`.
pub(crate) fn rsa_pkcs1_verification(hash: Hash) -> Result<&'static RsaParameters> {
    Ok(match hash {
        Hash::Sha1 => &lc::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        Hash::Sha256 => &lc::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
        Hash::Sha384 => &lc::RSA_PKCS1_2048_8192_SHA384,
        Hash::Sha512 => &lc::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
        _ => return Err(Error::unsupported(format!("RSASSA-PKCS1-v1_5 verification with {}", hash.name()))),
    })
}

/// The aws-lc-rs encoding that signs RSASSA-PKCS1-v1_5 with `hash`.
fn rsa_pkcs1_signing(hash: Hash) -> Result<&'static RsaSignatureEncoding> {
    Ok(match hash {
        Hash::Sha256 => &lc::RSA_PKCS1_SHA256,
        Hash::Sha384 => &lc::RSA_PKCS1_SHA384,
        Hash::Sha512 => &lc::RSA_PKCS1_SHA512,
        _ => return Err(Error::unsupported(format!("RSASSA-PKCS1-v1_5 signing with {}", hash.name()))),
    })
}

/// Checks a PSS salt length against the key (RFC 8017: at most emLen − hLen − 2).
fn check_pss_salt(key: &RsaKey, hash: Hash, salt_length: u32) -> Result<usize> {
    let em_len = (key.bits as usize).saturating_sub(1).div_ceil(8);
    let max = em_len.saturating_sub(hash.output_len() + 2);
    let salt = salt_length as usize;
    if salt > max || salt >= PSS_SALT_SLOTS {
        return Err(Error::invalid_data(format!(
            "a PSS salt of {salt} bytes is too long for a {}-bit key with {} (at most {max})",
            key.bits,
            hash.name()
        )));
    }
    Ok(salt)
}

/// The aws-lc-rs parameters that verify RSASSA-PSS with `hash` and the salt, and the
/// verifier slot they own (when the salt is the hash's length, the common case).
fn rsa_pss_verification(hash: Hash, salt: usize) -> Result<(&'static RsaParameters, Option<usize>)> {
    let (table, default) = match hash {
        Hash::Sha256 => (&PSS_VERIFY_SHA256, &lc::RSA_PSS_2048_8192_SHA256),
        Hash::Sha384 => (&PSS_VERIFY_SHA384, &lc::RSA_PSS_2048_8192_SHA384),
        Hash::Sha512 => (&PSS_VERIFY_SHA512, &lc::RSA_PSS_2048_8192_SHA512),
        _ => return Err(Error::unsupported(format!("RSASSA-PSS with {}", hash.name()))),
    };
    if salt == hash.output_len() {
        return Ok((default, Some(Hash::ALL.len() + hash.index())));
    }
    Ok((table.get(salt).ok_or(Error::Failed)?, None))
}

/// The aws-lc-rs encoding that signs RSASSA-PSS with `hash` and the salt.
fn rsa_pss_signing(hash: Hash, salt: usize) -> Result<&'static RsaSignatureEncoding> {
    let table = match hash {
        Hash::Sha256 => &PSS_SIGN_SHA256,
        Hash::Sha384 => &PSS_SIGN_SHA384,
        Hash::Sha512 => &PSS_SIGN_SHA512,
        _ => return Err(Error::unsupported(format!("RSASSA-PSS with {}", hash.name()))),
    };
    table.get(salt).ok_or(Error::Failed)
}

/// The aws-lc-rs algorithm that verifies DER ECDSA signatures on `curve` with `hash`.
pub(crate) fn ecdsa_verification(curve: Curve, hash: Hash) -> Option<&'static EcdsaVerificationAlgorithm> {
    Some(match (curve, hash) {
        (Curve::P256, Hash::Sha1) => &lc::ECDSA_P256_SHA1_ASN1,
        (Curve::P256, Hash::Sha256) => &lc::ECDSA_P256_SHA256_ASN1,
        (Curve::P256, Hash::Sha384) => &lc::ECDSA_P256_SHA384_ASN1,
        (Curve::P256, Hash::Sha512) => &lc::ECDSA_P256_SHA512_ASN1,
        (Curve::P384, Hash::Sha256) => &lc::ECDSA_P384_SHA256_ASN1,
        (Curve::P384, Hash::Sha384) => &lc::ECDSA_P384_SHA384_ASN1,
        (Curve::P384, Hash::Sha512) => &lc::ECDSA_P384_SHA512_ASN1,
        (Curve::P384, Hash::Sha3_384) => &lc::ECDSA_P384_SHA3_384_ASN1,
        (Curve::P521, Hash::Sha1) => &lc::ECDSA_P521_SHA1_ASN1,
        (Curve::P521, Hash::Sha224) => &lc::ECDSA_P521_SHA224_ASN1,
        (Curve::P521, Hash::Sha256) => &lc::ECDSA_P521_SHA256_ASN1,
        (Curve::P521, Hash::Sha384) => &lc::ECDSA_P521_SHA384_ASN1,
        (Curve::P521, Hash::Sha512) => &lc::ECDSA_P521_SHA512_ASN1,
        (Curve::P521, Hash::Sha3_512) => &lc::ECDSA_P521_SHA3_512_ASN1,
        _ => return None,
    })
}

/// The aws-lc-rs algorithm that makes DER ECDSA signatures on `curve` with `hash`.
fn ecdsa_signing(curve: Curve, hash: Hash) -> Option<&'static EcdsaSigningAlgorithm> {
    Some(match (curve, hash) {
        (Curve::P256, Hash::Sha256) => &lc::ECDSA_P256_SHA256_ASN1_SIGNING,
        (Curve::P384, Hash::Sha384) => &lc::ECDSA_P384_SHA384_ASN1_SIGNING,
        (Curve::P384, Hash::Sha3_384) => &lc::ECDSA_P384_SHA3_384_ASN1_SIGNING,
        (Curve::P521, Hash::Sha224) => &lc::ECDSA_P521_SHA224_ASN1_SIGNING,
        (Curve::P521, Hash::Sha256) => &lc::ECDSA_P521_SHA256_ASN1_SIGNING,
        (Curve::P521, Hash::Sha384) => &lc::ECDSA_P521_SHA384_ASN1_SIGNING,
        (Curve::P521, Hash::Sha512) => &lc::ECDSA_P521_SHA512_ASN1_SIGNING,
        (Curve::P521, Hash::Sha3_512) => &lc::ECDSA_P521_SHA3_512_ASN1_SIGNING,
        _ => return None,
    })
}

/// `Unsupported` unless the RSA key's size is in the range `parameters` accept.
fn check_rsa_range(key: &RsaKey, parameters: &RsaParameters, scheme: &Scheme) -> Result<()> {
    if (parameters.min_modulus_len()..=parameters.max_modulus_len()).contains(&key.bits) {
        Ok(())
    } else {
        Err(Error::unsupported(format!("{} with a {}-bit RSA key", scheme.describe(), key.bits)))
    }
}

fn needs_private() -> Error {
    Error::invalid_key("signing needs a private key")
}

fn pss_only(key: &RsaKey, scheme: &Scheme) -> Result<()> {
    match (&key.flavor, scheme) {
        (RsaFlavor::Pss { .. }, Scheme::RsaPkcs1(_)) => {
            Err(Error::invalid_key("an RSA-PSS key signs with RSASSA-PSS only"))
        }
        _ => Ok(()),
    }
}

impl Key {
    /// Signs `data` with the scheme, which must suit the key: HMAC a secret key, the RSA
    /// schemes an RSA key (an RSA-PSS key only PSS), ECDSA an EC key, Ed25519 an Ed25519
    /// key; anything else is [`Error::InvalidKey`]. A public key cannot sign.
    pub fn sign(&self, scheme: &Scheme, data: &[u8]) -> Result<Vec<u8>> {
        match (&self.inner, scheme) {
            (Inner::Secret(secret), Scheme::Hmac(hash)) => hmac(*hash, &secret.bytes, data),
            (Inner::Rsa(key), Scheme::RsaPkcs1(_) | Scheme::RsaPss { .. }) => {
                pss_only(key, scheme)?;
                let private = key.private.as_ref().ok_or_else(needs_private)?;
                let encoding = match *scheme {
                    Scheme::RsaPss { hash, salt_length } => {
                        rsa_pss_signing(hash, check_pss_salt(key, hash, salt_length)?)?
                    }
                    Scheme::RsaPkcs1(hash) => rsa_pkcs1_signing(hash)?,
                    _ => return Err(Error::Failed),
                };
                let mut signature = vec![0u8; private.pair.public_modulus_len()];
                private.pair.sign(encoding, &SystemRandom::new(), data, &mut signature).map_err(|_| Error::Failed)?;
                Ok(signature)
            }
            (Inner::Ec(key), Scheme::Ecdsa { hash, der }) => ecdsa_sign(key, *hash, *der, data),
            (Inner::Ed25519(key), Scheme::Ed25519) => {
                let private = key.private.as_ref().ok_or_else(needs_private)?;
                Ok(private.pair.try_sign(data).map_err(|_| Error::Failed)?.as_ref().to_vec())
            }
            _ => Err(self.mismatch(scheme)),
        }
    }

    /// Verifies `signature` over `data` with the scheme (which must suit the key as for
    /// [`Key::sign`]; a private key verifies with its public half): `Ok(false)` for a
    /// signature that does not verify, however malformed.
    pub fn verify(&self, scheme: &Scheme, data: &[u8], signature: &[u8]) -> Result<bool> {
        match (&self.inner, scheme) {
            (Inner::Secret(secret), Scheme::Hmac(hash)) => {
                let expected = hmac(*hash, &secret.bytes, data)?;
                Ok(verify_slices_are_equal(&expected, signature).is_ok())
            }
            (Inner::Rsa(key), Scheme::RsaPkcs1(_) | Scheme::RsaPss { .. }) => {
                pss_only(key, scheme)?;
                let (parameters, slot) = match *scheme {
                    Scheme::RsaPkcs1(hash) => (rsa_pkcs1_verification(hash)?, Some(hash.index())),
                    Scheme::RsaPss { hash, salt_length } => {
                        // An unsupported hash is so whatever the salt.
                        rsa_pss_verification(hash, 0)?;
                        match check_pss_salt(key, hash, salt_length) {
                            Ok(salt) => rsa_pss_verification(hash, salt)?,
                            // No signature has a salt longer than the key allows.
                            Err(_) => return Ok(false),
                        }
                    }
                    _ => return Err(Error::Failed),
                };
                check_rsa_range(key, parameters, scheme)?;
                let parse = || {
                    ParsedPublicKey::new(parameters, &key.public_der)
                        .map_err(|_| Error::invalid_key("the RSA public key was rejected"))
                };
                Ok(match slot {
                    Some(slot) => key.verifiers.get_or_try(slot, parse)?.verify_sig(data, signature).is_ok(),
                    None => parse()?.verify_sig(data, signature).is_ok(),
                })
            }
            (Inner::Ec(key), Scheme::Ecdsa { hash, der }) => {
                let algorithm = ecdsa_verification(key.curve, *hash).ok_or_else(|| {
                    Error::unsupported(format!("ECDSA verification on {} with {}", key.curve.name(), hash.name()))
                })?;
                let converted;
                let signature = if *der {
                    signature
                } else {
                    match fixed_to_der(signature, field_len(key.curve)) {
                        Some(der) => {
                            converted = der;
                            &converted
                        }
                        None => return Ok(false),
                    }
                };
                let parsed = key.verifiers.get_or_try(hash.index(), || {
                    ParsedPublicKey::new(algorithm, &key.point)
                        .map_err(|_| Error::invalid_key("the EC public key was rejected"))
                })?;
                Ok(parsed.verify_sig(data, signature).is_ok())
            }
            (Inner::Ed25519(key), Scheme::Ed25519) => Ok(key.verifier.verify_sig(data, signature).is_ok()),
            _ => Err(self.mismatch(scheme)),
        }
    }

    fn mismatch(&self, scheme: &Scheme) -> Error {
        Error::invalid_key(format!("a {} key cannot be used for {}", self.info().key_type.name(), scheme.describe()))
    }
}

fn ecdsa_sign(key: &EcKey, hash: Hash, der: bool, data: &[u8]) -> Result<Vec<u8>> {
    let d = key.d.as_ref().ok_or_else(needs_private)?;
    let algorithm = ecdsa_signing(key.curve, hash)
        .ok_or_else(|| Error::unsupported(format!("ECDSA signing on {} with {}", key.curve.name(), hash.name())))?;
    let pair = key.signers.get_or_try(hash.index(), || {
        EcdsaKeyPair::from_private_key_and_public_key(algorithm, d, &key.point)
            .map_err(|_| Error::invalid_key("the EC private key was rejected"))
    })?;
    let signature = pair.sign(&SystemRandom::new(), data).map_err(|_| Error::Failed)?;
    if der {
        Ok(signature.as_ref().to_vec())
    } else {
        der_to_fixed(signature.as_ref(), field_len(key.curve)).ok_or(Error::Failed)
    }
}
