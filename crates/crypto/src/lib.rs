//! The host's cryptography for Actions: the API the guest's `crypto` natives are wired to,
//! and the limits that keep every call bounded in time and memory.
//!
//! Untrusted JavaScript chooses every input, so each function here finishes in time and
//! memory bounded by the `MAX_*` constants below (and linearly in the size of the data it
//! is handed), returns [`Error::TooLarge`] past them, and never panics on any input.
//!
//! - [`digest()`], [`hmac()`]: the hashes of [`Hash`](enum@Hash) (module `hash`).
//! - [`pbkdf2()`], [`hkdf()`], [`scrypt()`]: key derivation (module `kdf`).
//! - [`Key`]: a parsed key, imported from any [`KeyMaterial`] or generated from a
//!   [`KeySpec`]; it tells its [`KeyInfo`], exports itself in any [`ExportFormat`], signs
//!   and verifies with a [`Scheme`] and does AES-GCM (modules `key`, `formats`, `sign`,
//!   `cipher`).
//!
//! The cryptography is aws-lc-rs's; RustCrypto crates fill in only what aws-lc-rs lacks
//! (MD5, SHA-512/224, HMAC/PBKDF2/HKDF over the hashes aws-lc-rs has no HMAC for, scrypt)
//! and do the DER encodings of keys and certificates. No primitive is written here.
#![deny(missing_docs)]

mod cipher;
mod error;
mod formats;
mod hash;
mod kdf;
mod key;
mod sign;

pub use error::{Error, Result};
pub use hash::{Hash, digest, hmac};
pub use kdf::{hkdf, pbkdf2, scrypt};
pub use key::{
    Curve, EcComponents, ExportFormat, Exported, Key, KeyInfo, KeyKind, KeyMaterial, KeySpec, KeyType, OkpComponents,
    RsaComponents, RsaPrivate,
};
pub use sign::Scheme;

/// The largest output of [`pbkdf2()`] and [`scrypt()`], in bytes (1 MiB).
pub const MAX_DERIVED_LENGTH: usize = 1 << 20;

/// The most iterations [`pbkdf2()`] runs: well above what password storage uses (OWASP's
/// 600,000 for SHA-256), and under a second of host time for SHA-1 and SHA-2.
pub const MAX_PBKDF2_ITERATIONS: u32 = 2_000_000;

/// The most HMAC chains [`pbkdf2()`] computes: iterations × output blocks (an output block
/// is the hash's output length), so that a long output cannot multiply the iterations.
pub const MAX_PBKDF2_WORK: u64 = 2_000_000;

/// The most memory [`scrypt()`] may use, in bytes (64 MiB): the `maxmem` argument is
/// checked against the memory the parameters need (`128 × r × (N + p + 2)`, as OpenSSL
/// counts it), and may not itself exceed this.
pub const MAX_SCRYPT_MEMORY: u64 = 64 << 20;

/// The most work [`scrypt()`] does, as `N × r × p` (each unit is one 128-byte BlockMix
/// round trip through the memory): 2²¹, about a second on one core.
pub const MAX_SCRYPT_COST: u64 = 1 << 21;

/// The largest encoded key [`Key::import`] accepts, in bytes (64 KiB): the DER, or the
/// JWK components added up, or the secret.
pub const MAX_KEY_MATERIAL: usize = 64 << 10;

/// The smallest RSA modulus, in bits, of a key [`Key::import`] accepts; smaller keys are
/// [`Error::Unsupported`].
pub const MIN_RSA_BITS: u32 = 1024;

/// The smallest RSA modulus, in bits, of a *private* key: aws-lc-rs signs with 2048 to
/// 8192-bit keys only.
pub const MIN_RSA_PRIVATE_BITS: u32 = 2048;

/// The largest RSA modulus, in bits, of a key [`Key::import`] accepts (larger keys are
/// [`Error::TooLarge`]); aws-lc-rs verifies with keys of at most 8192 bits.
pub const MAX_RSA_BITS: u32 = 8192;

/// The largest RSA public exponent, in bits (larger exponents make verification slow
/// for no benefit; aws-lc refuses them too).
pub const MAX_RSA_EXPONENT_BITS: u32 = 33;

/// The RSA modulus sizes, in bits, that [`Key::generate`] makes (those aws-lc-rs
/// generates); any other size is [`Error::Unsupported`], or [`Error::TooLarge`] above
/// [`MAX_RSA_GENERATE_BITS`].
pub const RSA_GENERATE_BITS: [u32; 3] = [2048, 3072, 4096];

/// The largest RSA modulus [`Key::generate`] makes, in bits (an 8192-bit key takes
/// seconds to find).
pub const MAX_RSA_GENERATE_BITS: u32 = 4096;

/// The only public exponent [`Key::generate`] gives RSA keys (aws-lc-rs's).
pub const RSA_GENERATE_EXPONENT: u64 = 65_537;

/// The largest secret key [`Key::generate`] makes or [`Key::import`] accepts, in bytes.
pub const MAX_SECRET_BYTES: usize = MAX_KEY_MATERIAL;
