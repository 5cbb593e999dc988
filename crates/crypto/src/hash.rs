//! The hash functions ([`Hash`](enum@Hash)), [`digest()`] and [`hmac()`], and the choice, for each hash,
//! between aws-lc-rs and the RustCrypto implementation used where aws-lc-rs lacks one
//! (MD5 and SHA-512/224 digests; HMAC over MD5, SHA-512/t and SHA-3). The key
//! derivations in `kdf` use the same choice.

use aws_lc_rs::{digest as lc_digest, hmac as lc_hmac};
use hmac::Mac as _;
use sha2::Digest as _;

use crate::error::{Error, Result};

/// A hash function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hash {
    /// MD5 (RFC 1321); legacy, for Node's `createHash('md5')` and HMAC-MD5.
    Md5,
    /// SHA-1; legacy.
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
    /// SHA-512/224.
    Sha512_224,
    /// SHA-512/256.
    Sha512_256,
    /// SHA3-256.
    Sha3_256,
    /// SHA3-384.
    Sha3_384,
    /// SHA3-512.
    Sha3_512,
}

impl Hash {
    /// Every hash, in the order of the enum.
    pub const ALL: [Hash; 11] = [
        Hash::Md5,
        Hash::Sha1,
        Hash::Sha224,
        Hash::Sha256,
        Hash::Sha384,
        Hash::Sha512,
        Hash::Sha512_224,
        Hash::Sha512_256,
        Hash::Sha3_256,
        Hash::Sha3_384,
        Hash::Sha3_512,
    ];

    /// The hash's lower-case name as the natives spell it: `md5`, `sha1`, `sha224`,
    /// `sha256`, `sha384`, `sha512`, `sha512-224`, `sha512-256`, `sha3-256`, `sha3-384`,
    /// `sha3-512`.
    pub fn name(self) -> &'static str {
        match self {
            Hash::Md5 => "md5",
            Hash::Sha1 => "sha1",
            Hash::Sha224 => "sha224",
            Hash::Sha256 => "sha256",
            Hash::Sha384 => "sha384",
            Hash::Sha512 => "sha512",
            Hash::Sha512_224 => "sha512-224",
            Hash::Sha512_256 => "sha512-256",
            Hash::Sha3_256 => "sha3-256",
            Hash::Sha3_384 => "sha3-384",
            Hash::Sha3_512 => "sha3-512",
        }
    }

    /// The hash named `name` (as [`Hash::name`] spells it), if any.
    pub fn from_name(name: &str) -> Option<Hash> {
        Hash::ALL.into_iter().find(|hash| hash.name() == name)
    }

    /// The length of the hash's output, in bytes.
    pub fn output_len(self) -> usize {
        match self {
            Hash::Md5 => 16,
            Hash::Sha1 => 20,
            Hash::Sha224 | Hash::Sha512_224 => 28,
            Hash::Sha256 | Hash::Sha512_256 | Hash::Sha3_256 => 32,
            Hash::Sha384 | Hash::Sha3_384 => 48,
            Hash::Sha512 | Hash::Sha3_512 => 64,
        }
    }

    /// The position of the hash in [`Hash::ALL`] (a slot number for per-hash caches).
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// aws-lc-rs's digest of this hash, where it has one.
    pub(crate) fn lc_digest(self) -> Option<&'static lc_digest::Algorithm> {
        Some(match self {
            Hash::Sha1 => &lc_digest::SHA1_FOR_LEGACY_USE_ONLY,
            Hash::Sha224 => &lc_digest::SHA224,
            Hash::Sha256 => &lc_digest::SHA256,
            Hash::Sha384 => &lc_digest::SHA384,
            Hash::Sha512 => &lc_digest::SHA512,
            Hash::Sha512_256 => &lc_digest::SHA512_256,
            Hash::Sha3_256 => &lc_digest::SHA3_256,
            Hash::Sha3_384 => &lc_digest::SHA3_384,
            Hash::Sha3_512 => &lc_digest::SHA3_512,
            Hash::Md5 | Hash::Sha512_224 => return None,
        })
    }

    /// aws-lc-rs's HMAC over this hash, where it has one.
    fn lc_hmac(self) -> Option<lc_hmac::Algorithm> {
        Some(match self {
            Hash::Sha1 => lc_hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            Hash::Sha224 => lc_hmac::HMAC_SHA224,
            Hash::Sha256 => lc_hmac::HMAC_SHA256,
            Hash::Sha384 => lc_hmac::HMAC_SHA384,
            Hash::Sha512 => lc_hmac::HMAC_SHA512,
            _ => return None,
        })
    }
}

/// Runs `$body` with `$d` bound to the RustCrypto type of `$hash`, for the hashes some
/// aws-lc-rs function lacks; `$other` for the rest (SHA-1, SHA-256, SHA-384 and SHA-512,
/// which aws-lc-rs always has).
macro_rules! with_rust_crypto {
    ($hash:expr, $d:ident => $body:expr, else $other:expr) => {
        match $hash {
            $crate::hash::Hash::Md5 => {
                type $d = md5::Md5;
                $body
            }
            $crate::hash::Hash::Sha224 => {
                type $d = sha2::Sha224;
                $body
            }
            $crate::hash::Hash::Sha512_224 => {
                type $d = sha2::Sha512_224;
                $body
            }
            $crate::hash::Hash::Sha512_256 => {
                type $d = sha2::Sha512_256;
                $body
            }
            $crate::hash::Hash::Sha3_256 => {
                type $d = sha3::Sha3_256;
                $body
            }
            $crate::hash::Hash::Sha3_384 => {
                type $d = sha3::Sha3_384;
                $body
            }
            $crate::hash::Hash::Sha3_512 => {
                type $d = sha3::Sha3_512;
                $body
            }
            _ => $other,
        }
    };
}
pub(crate) use with_rust_crypto;

/// The hash of `data`.
pub fn digest(hash: Hash, data: &[u8]) -> Vec<u8> {
    match hash.lc_digest() {
        Some(algorithm) => lc_digest::digest(algorithm, data).as_ref().to_vec(),
        None => match hash {
            Hash::Md5 => md5::Md5::digest(data).to_vec(),
            _ => sha2::Sha512_224::digest(data).to_vec(),
        },
    }
}

/// The HMAC (RFC 2104) of `data` under `key`, of any length.
pub fn hmac(hash: Hash, key: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    if let Some(algorithm) = hash.lc_hmac() {
        let key = lc_hmac::Key::new(algorithm, key);
        return Ok(lc_hmac::sign(&key, data).as_ref().to_vec());
    }
    with_rust_crypto!(hash, D => {
        let mut mac = hmac::Hmac::<D>::new_from_slice(key).map_err(|_| Error::Failed)?;
        mac.update(data);
        Ok(mac.finalize().into_bytes().to_vec())
    }, else Err(Error::unsupported(format!("HMAC with {}", hash.name()))))
}
