//! [`Key`]: what a parsed key holds (secret bytes; RSA integers and aws-lc-rs's key pair;
//! an EC point and scalar; Ed25519 and X25519 bytes), how one is imported from any
//! [`KeyMaterial`] or generated from a [`KeySpec`], what it tells ([`KeyInfo`]), and how
//! it exports itself ([`ExportFormat`]). Every key is checked by aws-lc-rs when it is
//! made; the encodings themselves are in `formats`.

use std::fmt;
use std::sync::OnceLock;

use aws_lc_rs::aead::LessSafeKey;
use aws_lc_rs::encoding::{AsBigEndian, AsDer, Curve25519SeedBin, EcPrivateKeyBin, Pkcs8V1Der};
use aws_lc_rs::signature::{
    ECDSA_P256_SHA256_ASN1_SIGNING, ECDSA_P384_SHA384_ASN1_SIGNING, ECDSA_P521_SHA512_ASN1_SIGNING, EcdsaKeyPair,
    Ed25519KeyPair, KeyPair as _, ParsedPublicKey,
};
use aws_lc_rs::{agreement, rsa, signature};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::formats::sec1::{field_len, point_form};
use crate::formats::{
    PrivateParts, PublicParts, RsaFlavor, RsaPrivateParts, bit_len, cert, pkcs1, pkcs8, sec1, spki, strip_zeros,
};
use crate::hash::Hash;
use crate::sign::{ecdsa_verification, rsa_pkcs1_verification};
use crate::{
    MAX_KEY_MATERIAL, MAX_RSA_BITS, MAX_RSA_EXPONENT_BITS, MAX_RSA_GENERATE_BITS, MAX_SECRET_BYTES, MIN_RSA_BITS,
    MIN_RSA_PRIVATE_BITS, RSA_GENERATE_BITS, RSA_GENERATE_EXPONENT,
};

/// An elliptic curve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Curve {
    /// NIST P-256 (secp256r1), for ECDSA.
    P256,
    /// NIST P-384 (secp384r1), for ECDSA.
    P384,
    /// NIST P-521 (secp521r1), for ECDSA.
    P521,
    /// Ed25519 (RFC 8032), for EdDSA signatures.
    Ed25519,
    /// X25519 (RFC 7748), for key agreement (keys can be imported and exported).
    X25519,
}

impl Curve {
    /// Every curve, in the order of the enum.
    pub const ALL: [Curve; 5] = [Curve::P256, Curve::P384, Curve::P521, Curve::Ed25519, Curve::X25519];

    /// The curve's name as WebCrypto and JWK spell it: `P-256`, `P-384`, `P-521`,
    /// `Ed25519`, `X25519`.
    pub fn name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::Ed25519 => "Ed25519",
            Curve::X25519 => "X25519",
        }
    }

    /// The curve named `name` (as [`Curve::name`] spells it), if any.
    pub fn from_name(name: &str) -> Option<Curve> {
        Curve::ALL.into_iter().find(|curve| curve.name() == name)
    }

    /// Whether this is one of the NIST curves of ECDSA (rather than an OKP curve).
    pub fn is_nist(self) -> bool {
        matches!(self, Curve::P256 | Curve::P384 | Curve::P521)
    }

    /// The size of the curve in bits, as [`KeyInfo::bits`] gives it: 256, 384, 521, and
    /// 256 (Ed25519) and 253 (X25519) as OpenSSL counts them.
    pub fn bits(self) -> u32 {
        match self {
            Curve::P256 | Curve::Ed25519 => 256,
            Curve::P384 => 384,
            Curve::P521 => 521,
            Curve::X25519 => 253,
        }
    }
}

/// Key material to import: a secret, a DER encoding, raw public bytes or JWK components.
#[derive(Clone, PartialEq, Eq)]
pub enum KeyMaterial {
    /// The bytes of a secret (HMAC or AES) key.
    Secret(Vec<u8>),
    /// DER `SubjectPublicKeyInfo`: RSA, RSA-PSS, EC (P-256/384/521), Ed25519, X25519.
    Spki(Vec<u8>),
    /// DER unencrypted `PrivateKeyInfo` (PKCS#8 v1 or v2) of the same key types.
    Pkcs8(Vec<u8>),
    /// DER PKCS#1 `RSAPublicKey`.
    Pkcs1Public(Vec<u8>),
    /// DER PKCS#1 `RSAPrivateKey` (two primes).
    Pkcs1Private(Vec<u8>),
    /// DER SEC1 `ECPrivateKey` (RFC 5915), with the curve in its parameters.
    Sec1(Vec<u8>),
    /// DER X.509 certificate: its subject public key is imported.
    Certificate(Vec<u8>),
    /// The public bytes of a key on a curve: an EC point (uncompressed `04 || x || y`, or
    /// compressed), or the 32 bytes of an Ed25519 or X25519 key.
    RawPublic(Curve, Vec<u8>),
    /// The integers of an RSA key (JWK `kty: "RSA"`).
    Rsa(RsaComponents),
    /// The coordinates and scalar of an EC key (JWK `kty: "EC"`).
    Ec(EcComponents),
    /// The bytes of an Ed25519 or X25519 key (JWK `kty: "OKP"`).
    Okp(OkpComponents),
}

impl KeyMaterial {
    /// The number of bytes of material, checked against [`MAX_KEY_MATERIAL`].
    fn len(&self) -> usize {
        match self {
            KeyMaterial::Secret(bytes)
            | KeyMaterial::Spki(bytes)
            | KeyMaterial::Pkcs8(bytes)
            | KeyMaterial::Pkcs1Public(bytes)
            | KeyMaterial::Pkcs1Private(bytes)
            | KeyMaterial::Sec1(bytes)
            | KeyMaterial::Certificate(bytes)
            | KeyMaterial::RawPublic(_, bytes) => bytes.len(),
            KeyMaterial::Rsa(rsa) => {
                let private = rsa.private.as_ref().map_or(0, |private| {
                    [&private.d, &private.p, &private.q, &private.dp, &private.dq, &private.qi]
                        .iter()
                        .map(|part| part.len())
                        .sum()
                });
                rsa.n.len() + rsa.e.len() + private
            }
            KeyMaterial::Ec(ec) => ec.x.len() + ec.y.len() + ec.d.as_ref().map_or(0, Vec::len),
            KeyMaterial::Okp(okp) => okp.x.len() + okp.d.as_ref().map_or(0, Vec::len),
        }
    }
}

impl fmt::Debug for KeyMaterial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            KeyMaterial::Secret(_) => "Secret",
            KeyMaterial::Spki(_) => "Spki",
            KeyMaterial::Pkcs8(_) => "Pkcs8",
            KeyMaterial::Pkcs1Public(_) => "Pkcs1Public",
            KeyMaterial::Pkcs1Private(_) => "Pkcs1Private",
            KeyMaterial::Sec1(_) => "Sec1",
            KeyMaterial::Certificate(_) => "Certificate",
            KeyMaterial::RawPublic(curve, _) => return write!(f, "RawPublic({curve:?}, {} bytes)", self.len()),
            KeyMaterial::Rsa(rsa) => return rsa.fmt(f),
            KeyMaterial::Ec(ec) => return ec.fmt(f),
            KeyMaterial::Okp(okp) => return okp.fmt(f),
        };
        write!(f, "{name}({} bytes)", self.len())
    }
}

/// The integers of an RSA key, big-endian and unsigned, as JWK has them.
#[derive(Clone, PartialEq, Eq)]
pub struct RsaComponents {
    /// The modulus.
    pub n: Vec<u8>,
    /// The public exponent.
    pub e: Vec<u8>,
    /// The private integers, for a private key.
    pub private: Option<RsaPrivate>,
}

/// The private integers of an RSA key, big-endian and unsigned. All are required (keys
/// without the CRT integers are unsupported).
#[derive(Clone, PartialEq, Eq)]
pub struct RsaPrivate {
    /// The private exponent.
    pub d: Vec<u8>,
    /// The first prime factor.
    pub p: Vec<u8>,
    /// The second prime factor.
    pub q: Vec<u8>,
    /// `d mod (p - 1)`.
    pub dp: Vec<u8>,
    /// `d mod (q - 1)`.
    pub dq: Vec<u8>,
    /// `q⁻¹ mod p`.
    pub qi: Vec<u8>,
}

impl fmt::Debug for RsaComponents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RsaComponents")
            .field("bits", &bit_len(&self.n))
            .field("e", &self.e)
            .field("private", &self.private.is_some())
            .finish()
    }
}

impl fmt::Debug for RsaPrivate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RsaPrivate { .. }")
    }
}

/// The coordinates of an EC point, and the private scalar of a private key, big-endian,
/// each as long as the curve's field (shorter values are padded on import).
#[derive(Clone, PartialEq, Eq)]
pub struct EcComponents {
    /// The curve (P-256, P-384 or P-521).
    pub curve: Curve,
    /// The x coordinate.
    pub x: Vec<u8>,
    /// The y coordinate.
    pub y: Vec<u8>,
    /// The private scalar, for a private key.
    pub d: Option<Vec<u8>>,
}

impl fmt::Debug for EcComponents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcComponents")
            .field("curve", &self.curve)
            .field("x", &self.x)
            .field("y", &self.y)
            .field("private", &self.d.is_some())
            .finish()
    }
}

/// The bytes of an Ed25519 or X25519 key (RFC 8037).
#[derive(Clone, PartialEq, Eq)]
pub struct OkpComponents {
    /// The curve (Ed25519 or X25519).
    pub curve: Curve,
    /// The 32 public bytes.
    pub x: Vec<u8>,
    /// The 32 private bytes (the Ed25519 seed or the X25519 scalar), for a private key.
    pub d: Option<Vec<u8>>,
}

impl fmt::Debug for OkpComponents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OkpComponents")
            .field("curve", &self.curve)
            .field("x", &self.x)
            .field("private", &self.d.is_some())
            .finish()
    }
}

/// Whether a key is secret, public or private.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyKind {
    /// A secret (symmetric) key.
    Secret,
    /// The public half of a key pair.
    Public,
    /// The private half of a key pair (which knows its public half).
    Private,
}

/// What algorithm a key is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// Secret bytes (HMAC, AES).
    Secret,
    /// RSA (rsaEncryption): PKCS#1 v1.5 and PSS signatures.
    Rsa,
    /// RSA restricted to PSS signatures (id-RSASSA-PSS).
    RsaPss,
    /// ECDSA on P-256, P-384 or P-521.
    Ec,
    /// Ed25519.
    Ed25519,
    /// X25519.
    X25519,
}

impl KeyType {
    /// The key type's name as the natives spell it: `secret`, `rsa`, `rsa-pss`, `ec`,
    /// `ed25519`, `x25519`.
    pub fn name(self) -> &'static str {
        match self {
            KeyType::Secret => "secret",
            KeyType::Rsa => "rsa",
            KeyType::RsaPss => "rsa-pss",
            KeyType::Ec => "ec",
            KeyType::Ed25519 => "ed25519",
            KeyType::X25519 => "x25519",
        }
    }
}

/// What the JavaScript side is told about a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInfo {
    /// Secret, public or private.
    pub kind: KeyKind,
    /// The algorithm the key is for.
    pub key_type: KeyType,
    /// The RSA modulus length in bits; a secret's length in bits; the curve's bits
    /// ([`Curve::bits`]) for EC, Ed25519 and X25519 keys.
    pub bits: u32,
    /// The RSA public exponent, big-endian without leading zeros; empty for other keys.
    pub public_exponent: Vec<u8>,
    /// The curve of an EC, Ed25519 or X25519 key.
    pub curve: Option<Curve>,
}

/// A format to export a key in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// DER `SubjectPublicKeyInfo` of a public key.
    Spki,
    /// DER `PrivateKeyInfo` (PKCS#8 v1, unencrypted) of a private key.
    Pkcs8,
    /// DER PKCS#1 `RSAPublicKey` or `RSAPrivateKey` of an RSA (not RSA-PSS) key.
    Pkcs1,
    /// DER SEC1 `ECPrivateKey` of an EC private key, with its curve and public point.
    Sec1,
    /// The raw bytes: a secret's, an EC public key's uncompressed point, an Ed25519 or
    /// X25519 public key's 32 bytes.
    Raw,
    /// The JWK components ([`Exported::Rsa`], [`Exported::Ec`], [`Exported::Okp`], or
    /// [`Exported::Secret`] for `kty: "oct"`).
    Components,
}

/// An exported key.
#[derive(Clone, PartialEq, Eq)]
pub enum Exported {
    /// A DER encoding (SPKI, PKCS#8, PKCS#1, SEC1).
    Der(Vec<u8>),
    /// Raw bytes ([`ExportFormat::Raw`]).
    Raw(Vec<u8>),
    /// The components of an RSA key.
    Rsa(RsaComponents),
    /// The components of an EC key.
    Ec(EcComponents),
    /// The components of an Ed25519 or X25519 key.
    Okp(OkpComponents),
    /// The bytes of a secret key as a JWK component (`k`).
    Secret(Vec<u8>),
}

impl fmt::Debug for Exported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exported::Der(bytes) => write!(f, "Der({} bytes)", bytes.len()),
            Exported::Raw(bytes) => write!(f, "Raw({} bytes)", bytes.len()),
            Exported::Rsa(rsa) => rsa.fmt(f),
            Exported::Ec(ec) => ec.fmt(f),
            Exported::Okp(okp) => okp.fmt(f),
            Exported::Secret(bytes) => write!(f, "Secret({} bytes)", bytes.len()),
        }
    }
}

/// What key to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeySpec {
    /// An RSA key pair of `bits` (one of [`RSA_GENERATE_BITS`]) with the public exponent
    /// [`RSA_GENERATE_EXPONENT`].
    Rsa {
        /// The modulus length in bits.
        bits: u32,
        /// The public exponent.
        public_exponent: u64,
    },
    /// An ECDSA key pair on a NIST curve.
    Ec(Curve),
    /// An Ed25519 or X25519 key pair.
    Okp(Curve),
    /// A random secret of `bytes` bytes (1 to [`MAX_SECRET_BYTES`]).
    Secret {
        /// The length in bytes.
        bytes: usize,
    },
}

/// A parsed key, ready to use: a secret, or the public or private half of an RSA, EC,
/// Ed25519 or X25519 key pair.
///
/// It keeps what aws-lc-rs parsed (and caches, per algorithm, the parsed forms it needs
/// to verify and sign), so that a key imported once costs no parsing per use. It is
/// `Send` and `Sync`; private material is zeroed when it is dropped.
pub struct Key {
    pub(crate) inner: Inner,
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let info = self.info();
        f.debug_struct("Key")
            .field("kind", &info.kind)
            .field("key_type", &info.key_type)
            .field("bits", &info.bits)
            .field("curve", &info.curve)
            .finish()
    }
}

/// The key types, each with what it holds.
pub(crate) enum Inner {
    Secret(SecretKey),
    Rsa(Box<RsaKey>),
    Ec(Box<EcKey>),
    Ed25519(Box<Ed25519Key>),
    X25519(Box<X25519Key>),
}

/// Per-slot values made on first use (parsed public keys, key pairs bound to one
/// algorithm): slot `i` belongs to one algorithm, fixed by the user of the slots.
pub(crate) struct Slots<T, const N: usize>([OnceLock<T>; N]);

impl<T, const N: usize> Slots<T, N> {
    fn new() -> Self {
        Slots(std::array::from_fn(|_| OnceLock::new()))
    }

    /// The value of slot `index`, made by `make` if the slot is empty.
    pub(crate) fn get_or_try(&self, index: usize, make: impl FnOnce() -> Result<T>) -> Result<&T> {
        let slot = self.0.get(index).ok_or(Error::Failed)?;
        if let Some(value) = slot.get() {
            return Ok(value);
        }
        let value = make()?;
        Ok(slot.get_or_init(|| value))
    }

    fn with(index: usize, value: T) -> Self {
        let slots = Self::new();
        if let Some(slot) = slots.0.get(index) {
            let _ = slot.set(value);
        }
        slots
    }
}

/// A secret key, and its AES-GCM key once it has been used as one.
pub(crate) struct SecretKey {
    pub(crate) bytes: Zeroizing<Vec<u8>>,
    pub(crate) aes_gcm: OnceLock<LessSafeKey>,
}

/// The number of verification slots of an RSA key: PKCS#1 v1.5 by hash, then PSS with
/// the salt as long as the hash, by hash.
pub(crate) const RSA_VERIFIER_SLOTS: usize = 2 * Hash::ALL.len();

/// An RSA or RSA-PSS key.
pub(crate) struct RsaKey {
    pub(crate) flavor: RsaFlavor,
    /// Modulus and public exponent, big-endian without leading zeros.
    pub(crate) n: Vec<u8>,
    pub(crate) e: Vec<u8>,
    pub(crate) bits: u32,
    /// The PKCS#1 `RSAPublicKey`, as aws-lc-rs parses it.
    pub(crate) public_der: Vec<u8>,
    pub(crate) private: Option<RsaPrivateKey>,
    pub(crate) verifiers: Slots<ParsedPublicKey, RSA_VERIFIER_SLOTS>,
}

/// The private half of an RSA key: its integers (for export) and aws-lc-rs's key pair.
pub(crate) struct RsaPrivateKey {
    pub(crate) parts: RsaPrivateParts,
    pub(crate) pair: rsa::KeyPair,
}

/// An ECDSA key.
pub(crate) struct EcKey {
    pub(crate) curve: Curve,
    /// The uncompressed public point.
    pub(crate) point: Vec<u8>,
    /// The private scalar, as long as the field.
    pub(crate) d: Option<Zeroizing<Vec<u8>>>,
    /// Parsed public keys, by hash.
    pub(crate) verifiers: Slots<ParsedPublicKey, 11>,
    /// Key pairs, by hash.
    pub(crate) signers: Slots<EcdsaKeyPair, 11>,
}

/// An Ed25519 key.
pub(crate) struct Ed25519Key {
    pub(crate) public: Vec<u8>,
    pub(crate) verifier: ParsedPublicKey,
    pub(crate) private: Option<Ed25519Private>,
}

/// The private half of an Ed25519 key: its seed and aws-lc-rs's key pair.
pub(crate) struct Ed25519Private {
    pub(crate) seed: Zeroizing<Vec<u8>>,
    pub(crate) pair: Ed25519KeyPair,
}

/// An X25519 key.
pub(crate) struct X25519Key {
    pub(crate) public: Vec<u8>,
    pub(crate) private: Option<Zeroizing<Vec<u8>>>,
}

/// `bytes` left-padded with zeros to `len`; `InvalidKey` if it is longer (leading zeros
/// aside).
fn pad_to(bytes: &[u8], len: usize, what: &str) -> Result<Zeroizing<Vec<u8>>> {
    let bytes = if bytes.len() > len { strip_zeros(bytes) } else { bytes };
    let start = len.checked_sub(bytes.len()).ok_or_else(|| Error::invalid_key(format!("{what} is too long")))?;
    let mut padded = Zeroizing::new(vec![0u8; len]);
    padded[start..].copy_from_slice(bytes);
    Ok(padded)
}

/// aws-lc-rs's ECDH algorithm of a curve (to compute public keys from private ones).
fn agreement_algorithm(curve: Curve) -> &'static agreement::Algorithm {
    match curve {
        Curve::P256 => &agreement::ECDH_P256,
        Curve::P384 => &agreement::ECDH_P384,
        Curve::P521 => &agreement::ECDH_P521,
        Curve::Ed25519 | Curve::X25519 => &agreement::X25519,
    }
}

/// The hash whose verification slot an EC key's import fills while checking the point.
fn ec_default_hash(curve: Curve) -> Hash {
    match curve {
        Curve::P384 => Hash::Sha384,
        Curve::P521 => Hash::Sha512,
        _ => Hash::Sha256,
    }
}

impl Key {
    /// Imports key material, checking it: its encoding, its size against the limits
    /// ([`MAX_KEY_MATERIAL`], [`MIN_RSA_BITS`]..=[`MAX_RSA_BITS`],
    /// [`MIN_RSA_PRIVATE_BITS`], [`MAX_RSA_EXPONENT_BITS`]), and its validity as aws-lc-rs
    /// judges it (RSA consistency, EC points on their curve, private and public halves
    /// matching).
    pub fn import(material: KeyMaterial) -> Result<Key> {
        Error::check_max("key material (bytes)", material.len() as u64, MAX_KEY_MATERIAL as u64)?;
        match material {
            KeyMaterial::Secret(bytes) => Key::from_secret(Zeroizing::new(bytes)),
            KeyMaterial::Spki(der) => Key::from_public(spki::decode(&der)?),
            KeyMaterial::Pkcs8(der) => {
                let der = Zeroizing::new(der);
                Key::from_private(pkcs8::decode(&der)?)
            }
            KeyMaterial::Pkcs1Public(der) => {
                let (n, e) = pkcs1::decode_public(&der)?;
                Key::from_public(PublicParts::Rsa { flavor: RsaFlavor::Plain, n, e })
            }
            KeyMaterial::Pkcs1Private(der) => {
                let der = Zeroizing::new(der);
                Key::from_private(PrivateParts::Rsa { flavor: RsaFlavor::Plain, key: pkcs1::decode_private(&der)? })
            }
            KeyMaterial::Sec1(der) => {
                let der = Zeroizing::new(der);
                let (curve, d, point) = sec1::decode(&der)?;
                let curve = curve.ok_or_else(|| Error::invalid_key("a SEC1 key without its curve parameters"))?;
                Key::from_private(PrivateParts::Ec { curve, d, point })
            }
            KeyMaterial::Certificate(der) => Key::from_public(spki::decode(&cert::public_key_info(&der)?)?),
            KeyMaterial::RawPublic(curve, bytes) => Key::from_public(if curve.is_nist() {
                PublicParts::Ec { curve, point: bytes }
            } else {
                PublicParts::Okp { curve, x: bytes }
            }),
            KeyMaterial::Rsa(RsaComponents { n, e, private }) => match private {
                None => Key::from_public(PublicParts::Rsa { flavor: RsaFlavor::Plain, n, e }),
                Some(private) => {
                    let key = RsaPrivateParts {
                        n,
                        e,
                        d: Zeroizing::new(private.d),
                        p: Zeroizing::new(private.p),
                        q: Zeroizing::new(private.q),
                        dp: Zeroizing::new(private.dp),
                        dq: Zeroizing::new(private.dq),
                        qi: Zeroizing::new(private.qi),
                    };
                    Key::from_private(PrivateParts::Rsa { flavor: RsaFlavor::Plain, key })
                }
            },
            KeyMaterial::Ec(EcComponents { curve, x, y, d }) => {
                if !curve.is_nist() {
                    return Err(Error::invalid_key(format!("an EC key on {}", curve.name())));
                }
                let len = field_len(curve);
                let mut point = Vec::with_capacity(1 + 2 * len);
                point.push(4);
                point.extend_from_slice(&pad_to(&x, len, "the x coordinate")?);
                point.extend_from_slice(&pad_to(&y, len, "the y coordinate")?);
                match d {
                    None => Key::from_public(PublicParts::Ec { curve, point }),
                    Some(d) => Key::from_private(PrivateParts::Ec { curve, d: Zeroizing::new(d), point: Some(point) }),
                }
            }
            KeyMaterial::Okp(OkpComponents { curve, x, d }) => {
                if curve.is_nist() {
                    return Err(Error::invalid_key(format!("an OKP key on {}", curve.name())));
                }
                match d {
                    None => Key::from_public(PublicParts::Okp { curve, x }),
                    Some(d) => Key::from_private(PrivateParts::Okp { curve, d: Zeroizing::new(d), x: Some(x) }),
                }
            }
        }
    }

    fn from_secret(bytes: Zeroizing<Vec<u8>>) -> Result<Key> {
        Error::check_max("secret key (bytes)", bytes.len() as u64, MAX_SECRET_BYTES as u64)?;
        Ok(Key { inner: Inner::Secret(SecretKey { bytes, aes_gcm: OnceLock::new() }) })
    }

    /// Checks the size of an RSA modulus and exponent; the modulus's bits.
    fn check_rsa_sizes(n: &[u8], e: &[u8], min_bits: u32) -> Result<u32> {
        let bits = bit_len(n);
        Error::check_max("RSA modulus (bits)", bits, MAX_RSA_BITS.into())?;
        Error::check_max("RSA public exponent (bits)", bit_len(e), MAX_RSA_EXPONENT_BITS.into())?;
        let bits = bits as u32;
        if bits < min_bits {
            return Err(Error::unsupported(format!("{bits}-bit RSA keys (the minimum is {min_bits})")));
        }
        Ok(bits)
    }

    fn from_public(parts: PublicParts) -> Result<Key> {
        let inner = match parts {
            PublicParts::Rsa { flavor, n, e } => {
                let (n, e) = (strip_zeros(&n).to_vec(), strip_zeros(&e).to_vec());
                let bits = Key::check_rsa_sizes(&n, &e, MIN_RSA_BITS)?;
                let public_der = pkcs1::encode_public(&n, &e)?;
                // Parsing checks the key (aws-lc's RSA_check_key) and fills the slot of
                // PKCS#1 v1.5 with SHA-256, the most used.
                let parameters = rsa_pkcs1_verification(Hash::Sha256)?;
                let parsed = ParsedPublicKey::new(parameters, &public_der)
                    .map_err(|rejected| Error::invalid_key(format!("the RSA public key was rejected: {rejected}")))?;
                let verifiers = Slots::with(Hash::Sha256.index(), parsed);
                Inner::Rsa(Box::new(RsaKey { flavor, n, e, bits, public_der, private: None, verifiers }))
            }
            PublicParts::Ec { curve, point } => {
                let compressed = point_form(curve, &point)
                    .ok_or_else(|| Error::invalid_key(format!("a malformed {} point", curve.name())))?;
                let hash = ec_default_hash(curve);
                let algorithm = ecdsa_verification(curve, hash).ok_or(Error::Failed)?;
                let parsed = ParsedPublicKey::new(algorithm, &point)
                    .map_err(|_| Error::invalid_key(format!("the point is not on {}", curve.name())))?;
                let point = if compressed { uncompressed_point(curve, &parsed)? } else { point };
                let verifiers = Slots::with(hash.index(), parsed);
                Inner::Ec(Box::new(EcKey { curve, point, d: None, verifiers, signers: Slots::new() }))
            }
            PublicParts::Okp { curve, x } => {
                if x.len() != 32 {
                    return Err(Error::invalid_key(format!("an {} public key must be 32 bytes", curve.name())));
                }
                match curve {
                    Curve::Ed25519 => Inner::Ed25519(Box::new(Ed25519Key::public(x)?)),
                    _ => Inner::X25519(Box::new(X25519Key { public: x, private: None })),
                }
            }
        };
        Ok(Key { inner })
    }

    fn from_private(parts: PrivateParts) -> Result<Key> {
        let inner = match parts {
            PrivateParts::Rsa { flavor, mut key } => {
                key.n = strip_zeros(&key.n).to_vec();
                key.e = strip_zeros(&key.e).to_vec();
                let bits = Key::check_rsa_sizes(&key.n, &key.e, MIN_RSA_PRIVATE_BITS)?;
                for part in [&mut key.d, &mut key.p, &mut key.q, &mut key.dp, &mut key.dq, &mut key.qi] {
                    let stripped = Zeroizing::new(strip_zeros(part).to_vec());
                    if stripped.is_empty() {
                        return Err(Error::invalid_key("an RSA private key without all of d, p, q, dp, dq and qi"));
                    }
                    if stripped.len() > key.n.len() {
                        return Err(Error::invalid_key("an RSA private integer longer than the modulus"));
                    }
                    *part = stripped;
                }
                let der = pkcs1::encode_private(&key)?;
                let pair = rsa::KeyPair::from_der(&der)
                    .map_err(|rejected| Error::invalid_key(format!("the RSA private key was rejected: {rejected}")))?;
                let public_der = pkcs1::encode_public(&key.n, &key.e)?;
                Inner::Rsa(Box::new(RsaKey {
                    flavor,
                    n: key.n.clone(),
                    e: key.e.clone(),
                    bits,
                    public_der,
                    private: Some(RsaPrivateKey { parts: key, pair }),
                    verifiers: Slots::new(),
                }))
            }
            PrivateParts::Ec { curve, d, point } => {
                let d = pad_to(&d, field_len(curve), "the EC private scalar")?;
                let private =
                    agreement::PrivateKey::from_private_key(agreement_algorithm(curve), &d).map_err(|_| {
                        Error::invalid_key(format!("the private scalar is out of range for {}", curve.name()))
                    })?;
                let computed = private.compute_public_key().map_err(|_| Error::Failed)?.as_ref().to_vec();
                if let Some(point) = point {
                    let matches = match point_form(curve, &point) {
                        Some(false) => point == computed,
                        // A compressed point: the same x, and y of the same parity.
                        Some(true) => {
                            computed.get(1..=field_len(curve)) == point.get(1..)
                                && computed.last().map(|y| y & 1) == point.first().map(|prefix| prefix & 1)
                        }
                        None => return Err(Error::invalid_key(format!("a malformed {} point", curve.name()))),
                    };
                    if !matches {
                        return Err(Error::invalid_key("the EC public key does not belong to the private key"));
                    }
                }
                Inner::Ec(Box::new(EcKey {
                    curve,
                    point: computed,
                    d: Some(d),
                    verifiers: Slots::new(),
                    signers: Slots::new(),
                }))
            }
            PrivateParts::Okp { curve, d, x } => {
                if d.len() != 32 {
                    return Err(Error::invalid_key(format!("an {} private key must be 32 bytes", curve.name())));
                }
                let (inner, public) = match curve {
                    Curve::Ed25519 => {
                        let key = Ed25519Key::private(d)?;
                        let public = key.public.clone();
                        (Inner::Ed25519(Box::new(key)), public)
                    }
                    _ => {
                        let key = X25519Key::private(d)?;
                        let public = key.public.clone();
                        (Inner::X25519(Box::new(key)), public)
                    }
                };
                if x.is_some_and(|x| x != public) {
                    return Err(Error::invalid_key(format!(
                        "the {} public key does not belong to the private key",
                        curve.name()
                    )));
                }
                inner
            }
        };
        Ok(Key { inner })
    }

    /// Generates a private key (or a secret). RSA keys are one of [`RSA_GENERATE_BITS`]
    /// with the exponent [`RSA_GENERATE_EXPONENT`] (what aws-lc-rs generates); other sizes
    /// and exponents are [`Error::Unsupported`].
    pub fn generate(spec: KeySpec) -> Result<Key> {
        match spec {
            KeySpec::Secret { bytes } => {
                if bytes == 0 {
                    return Err(Error::invalid_data("a secret key needs at least one byte"));
                }
                Error::check_max("secret key (bytes)", bytes as u64, MAX_SECRET_BYTES as u64)?;
                let mut secret = Zeroizing::new(vec![0u8; bytes]);
                aws_lc_rs::rand::fill(&mut secret).map_err(|_| Error::Failed)?;
                Key::from_secret(secret)
            }
            KeySpec::Rsa { bits, public_exponent } => {
                if public_exponent < 3 || public_exponent % 2 == 0 {
                    return Err(Error::invalid_data("an RSA public exponent must be odd and at least 3"));
                }
                if public_exponent != RSA_GENERATE_EXPONENT {
                    return Err(Error::unsupported(format!(
                        "generating RSA keys with the public exponent {public_exponent} (only {RSA_GENERATE_EXPONENT})"
                    )));
                }
                Error::check_max("RSA modulus (bits)", bits.into(), MAX_RSA_GENERATE_BITS.into())?;
                let size = match bits {
                    2048 => rsa::KeySize::Rsa2048,
                    3072 => rsa::KeySize::Rsa3072,
                    4096 => rsa::KeySize::Rsa4096,
                    8192 => rsa::KeySize::Rsa8192,
                    _ => {
                        return Err(Error::unsupported(format!(
                            "generating {bits}-bit RSA keys (only {RSA_GENERATE_BITS:?} bits)"
                        )));
                    }
                };
                let pair = rsa::KeyPair::generate(size).map_err(|_| Error::Failed)?;
                let der: Pkcs8V1Der<'static> = pair.as_der().map_err(|_| Error::Failed)?;
                Key::from_private(pkcs8::decode(der.as_ref())?)
            }
            KeySpec::Ec(curve) => {
                let algorithm = match curve {
                    Curve::P256 => &ECDSA_P256_SHA256_ASN1_SIGNING,
                    Curve::P384 => &ECDSA_P384_SHA384_ASN1_SIGNING,
                    Curve::P521 => &ECDSA_P521_SHA512_ASN1_SIGNING,
                    _ => return Err(Error::invalid_data(format!("{} is not an ECDSA curve", curve.name()))),
                };
                let pair = EcdsaKeyPair::generate(algorithm).map_err(|_| Error::Failed)?;
                let d: EcPrivateKeyBin<'static> = pair.private_key().as_be_bytes().map_err(|_| Error::Failed)?;
                let d = Zeroizing::new(d.as_ref().to_vec());
                let point = pair.public_key().as_ref().to_vec();
                Key::from_private(PrivateParts::Ec { curve, d, point: Some(point) })
            }
            KeySpec::Okp(curve) => {
                let d = match curve {
                    Curve::Ed25519 => {
                        let pair = Ed25519KeyPair::generate().map_err(|_| Error::Failed)?;
                        let seed = pair.seed().map_err(|_| Error::Failed)?;
                        let seed: Curve25519SeedBin<'static> = seed.as_be_bytes().map_err(|_| Error::Failed)?;
                        Zeroizing::new(seed.as_ref().to_vec())
                    }
                    Curve::X25519 => {
                        let private = agreement::PrivateKey::generate(&agreement::X25519).map_err(|_| Error::Failed)?;
                        let seed: Curve25519SeedBin<'static> = private.as_be_bytes().map_err(|_| Error::Failed)?;
                        Zeroizing::new(seed.as_ref().to_vec())
                    }
                    _ => return Err(Error::invalid_data(format!("{} is not an OKP curve", curve.name()))),
                };
                Key::from_private(PrivateParts::Okp { curve, d, x: None })
            }
        }
    }

    /// What the key is.
    pub fn info(&self) -> KeyInfo {
        let kind = |private: bool| if private { KeyKind::Private } else { KeyKind::Public };
        match &self.inner {
            Inner::Secret(secret) => KeyInfo {
                kind: KeyKind::Secret,
                key_type: KeyType::Secret,
                bits: (secret.bytes.len() * 8) as u32,
                public_exponent: Vec::new(),
                curve: None,
            },
            Inner::Rsa(key) => KeyInfo {
                kind: kind(key.private.is_some()),
                key_type: match key.flavor {
                    RsaFlavor::Plain => KeyType::Rsa,
                    RsaFlavor::Pss { .. } => KeyType::RsaPss,
                },
                bits: key.bits,
                public_exponent: key.e.clone(),
                curve: None,
            },
            Inner::Ec(key) => KeyInfo {
                kind: kind(key.d.is_some()),
                key_type: KeyType::Ec,
                bits: key.curve.bits(),
                public_exponent: Vec::new(),
                curve: Some(key.curve),
            },
            Inner::Ed25519(key) => KeyInfo {
                kind: kind(key.private.is_some()),
                key_type: KeyType::Ed25519,
                bits: Curve::Ed25519.bits(),
                public_exponent: Vec::new(),
                curve: Some(Curve::Ed25519),
            },
            Inner::X25519(key) => KeyInfo {
                kind: kind(key.private.is_some()),
                key_type: KeyType::X25519,
                bits: Curve::X25519.bits(),
                public_exponent: Vec::new(),
                curve: Some(Curve::X25519),
            },
        }
    }

    /// The public key of a private key (a public key gives an equal public key); a
    /// secret key has none.
    pub fn public(&self) -> Result<Key> {
        let inner = match &self.inner {
            Inner::Secret(_) => return Err(Error::invalid_key("a secret key has no public key")),
            Inner::Rsa(key) => Inner::Rsa(Box::new(RsaKey {
                flavor: key.flavor.clone(),
                n: key.n.clone(),
                e: key.e.clone(),
                bits: key.bits,
                public_der: key.public_der.clone(),
                private: None,
                verifiers: Slots::new(),
            })),
            Inner::Ec(key) => Inner::Ec(Box::new(EcKey {
                curve: key.curve,
                point: key.point.clone(),
                d: None,
                verifiers: Slots::new(),
                signers: Slots::new(),
            })),
            Inner::Ed25519(key) => Inner::Ed25519(Box::new(Ed25519Key {
                public: key.public.clone(),
                verifier: key.verifier.clone(),
                private: None,
            })),
            Inner::X25519(key) => Inner::X25519(Box::new(X25519Key { public: key.public.clone(), private: None })),
        };
        Ok(Key { inner })
    }

    /// Exports the key. Public keys export as [`ExportFormat::Spki`], private keys as
    /// [`ExportFormat::Pkcs8`] (asking for the other is [`Error::InvalidKey`]); RSA keys
    /// also as [`ExportFormat::Pkcs1`], EC private keys as [`ExportFormat::Sec1`]; public
    /// curve keys and secrets as [`ExportFormat::Raw`]; every key as
    /// [`ExportFormat::Components`]. Any other pairing is [`Error::Unsupported`].
    pub fn export(&self, format: ExportFormat) -> Result<Exported> {
        let private = self.info().kind == KeyKind::Private;
        let needs = |want_private: bool| {
            if want_private == private {
                Ok(())
            } else if private {
                Err(Error::invalid_key(format!("a private key does not export as {format:?}; export its public key")))
            } else {
                Err(Error::invalid_key(format!("a public key does not export as {format:?}")))
            }
        };
        let unsupported = |what: &str| Err(Error::unsupported(format!("exporting {what} as {format:?}")));
        let der = |bytes: Zeroizing<Vec<u8>>| Ok(Exported::Der(bytes.to_vec()));
        match (&self.inner, format) {
            (Inner::Secret(secret), ExportFormat::Raw) => Ok(Exported::Raw(secret.bytes.to_vec())),
            (Inner::Secret(secret), ExportFormat::Components) => Ok(Exported::Secret(secret.bytes.to_vec())),
            (Inner::Secret(_), _) => unsupported("a secret key"),

            (Inner::Rsa(key), ExportFormat::Spki) => {
                needs(false)?;
                Ok(Exported::Der(spki::encode_rsa(&key.flavor, &key.n, &key.e)?))
            }
            (Inner::Rsa(key), ExportFormat::Pkcs8) => {
                needs(true)?;
                let private = key.private.as_ref().ok_or(Error::Failed)?;
                der(pkcs8::encode_rsa(&key.flavor, &private.parts)?)
            }
            (Inner::Rsa(key), ExportFormat::Pkcs1) => {
                if key.flavor != RsaFlavor::Plain {
                    return unsupported("an RSA-PSS key (PKCS#1 cannot say it is RSA-PSS only)");
                }
                match &key.private {
                    None => Ok(Exported::Der(key.public_der.clone())),
                    Some(private) => der(pkcs1::encode_private(&private.parts)?),
                }
            }
            (Inner::Rsa(key), ExportFormat::Components) => Ok(Exported::Rsa(RsaComponents {
                n: key.n.clone(),
                e: key.e.clone(),
                private: key.private.as_ref().map(|private| RsaPrivate {
                    d: private.parts.d.to_vec(),
                    p: private.parts.p.to_vec(),
                    q: private.parts.q.to_vec(),
                    dp: private.parts.dp.to_vec(),
                    dq: private.parts.dq.to_vec(),
                    qi: private.parts.qi.to_vec(),
                }),
            })),
            (Inner::Rsa(_), _) => unsupported("an RSA key"),

            (Inner::Ec(key), ExportFormat::Spki) => {
                needs(false)?;
                Ok(Exported::Der(spki::encode_curve(key.curve, &key.point)?))
            }
            (Inner::Ec(key), ExportFormat::Raw) => {
                needs(false)?;
                Ok(Exported::Raw(key.point.clone()))
            }
            (Inner::Ec(key), ExportFormat::Pkcs8 | ExportFormat::Sec1) => {
                needs(true)?;
                let d = key.d.as_ref().ok_or(Error::Failed)?;
                if format == ExportFormat::Pkcs8 {
                    der(pkcs8::encode_ec(key.curve, d, &key.point)?)
                } else {
                    der(sec1::encode(key.curve, d, &key.point, true)?)
                }
            }
            (Inner::Ec(key), ExportFormat::Components) => {
                let len = field_len(key.curve);
                let x = key.point.get(1..1 + len).ok_or(Error::Failed)?;
                let y = key.point.get(1 + len..).ok_or(Error::Failed)?;
                Ok(Exported::Ec(EcComponents {
                    curve: key.curve,
                    x: x.to_vec(),
                    y: y.to_vec(),
                    d: key.d.as_ref().map(|d| d.to_vec()),
                }))
            }
            (Inner::Ec(_), _) => unsupported("an EC key"),

            (Inner::Ed25519(_) | Inner::X25519(_), _) => {
                let (curve, public, d) = match &self.inner {
                    Inner::Ed25519(key) => (Curve::Ed25519, &key.public, key.private.as_ref().map(|p| &p.seed)),
                    Inner::X25519(key) => (Curve::X25519, &key.public, key.private.as_ref()),
                    _ => return Err(Error::Failed),
                };
                match format {
                    ExportFormat::Spki => {
                        needs(false)?;
                        Ok(Exported::Der(spki::encode_curve(curve, public)?))
                    }
                    ExportFormat::Raw => {
                        needs(false)?;
                        Ok(Exported::Raw(public.clone()))
                    }
                    ExportFormat::Pkcs8 => {
                        needs(true)?;
                        der(pkcs8::encode_okp(curve, d.ok_or(Error::Failed)?)?)
                    }
                    ExportFormat::Components => {
                        Ok(Exported::Okp(OkpComponents { curve, x: public.clone(), d: d.map(|d| d.to_vec()) }))
                    }
                    ExportFormat::Pkcs1 | ExportFormat::Sec1 => unsupported(&format!("an {} key", curve.name())),
                }
            }
        }
    }
}

/// The uncompressed form of a point aws-lc-rs parsed (from its SubjectPublicKeyInfo,
/// which aws-lc writes uncompressed); `Unsupported` if it gives it compressed.
fn uncompressed_point(curve: Curve, parsed: &ParsedPublicKey) -> Result<Vec<u8>> {
    let der: aws_lc_rs::encoding::PublicKeyX509Der<'static> = parsed.as_der().map_err(|_| Error::Failed)?;
    match spki::decode(der.as_ref())? {
        PublicParts::Ec { point, .. } if point_form(curve, &point) == Some(false) => Ok(point),
        _ => Err(Error::unsupported("compressed EC points")),
    }
}

impl Ed25519Key {
    fn public(public: Vec<u8>) -> Result<Ed25519Key> {
        let verifier = ParsedPublicKey::new(&signature::ED25519, &public)
            .map_err(|_| Error::invalid_key("the Ed25519 public key was rejected"))?;
        Ok(Ed25519Key { public, verifier, private: None })
    }

    fn private(seed: Zeroizing<Vec<u8>>) -> Result<Ed25519Key> {
        let pair = Ed25519KeyPair::from_seed_unchecked(&seed)
            .map_err(|_| Error::invalid_key("the Ed25519 private key was rejected"))?;
        let mut key = Ed25519Key::public(pair.public_key().as_ref().to_vec())?;
        key.private = Some(Ed25519Private { seed, pair });
        Ok(key)
    }
}

impl X25519Key {
    fn private(scalar: Zeroizing<Vec<u8>>) -> Result<X25519Key> {
        let private = agreement::PrivateKey::from_private_key(&agreement::X25519, &scalar)
            .map_err(|_| Error::invalid_key("the X25519 private key was rejected"))?;
        let public = private.compute_public_key().map_err(|_| Error::Failed)?.as_ref().to_vec();
        Ok(X25519Key { public, private: Some(scalar) })
    }
}
