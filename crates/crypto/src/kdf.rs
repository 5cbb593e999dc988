//! Key derivation: [`pbkdf2()`] (RFC 8018), [`hkdf()`] (RFC 5869) and [`scrypt()`] (RFC 7914),
//! each bounded by the crate's limits before any work starts.
//!
//! PBKDF2 and HKDF are aws-lc-rs's for SHA-1/256/384/512 and RustCrypto's (`pbkdf2`,
//! `hkdf`) over the other hashes; scrypt is RustCrypto's (aws-lc-rs has none).

use std::num::NonZeroU32;

use aws_lc_rs::{hkdf as lc_hkdf, pbkdf2 as lc_pbkdf2};

use crate::error::{Error, Result};
use crate::hash::{Hash, with_rust_crypto};
use crate::{MAX_DERIVED_LENGTH, MAX_PBKDF2_ITERATIONS, MAX_PBKDF2_WORK, MAX_SCRYPT_COST, MAX_SCRYPT_MEMORY};

/// PBKDF2 with HMAC over `hash`: `length` bytes from `password` and `salt` after
/// `iterations` rounds.
///
/// `iterations` must be at least 1 and at most [`MAX_PBKDF2_ITERATIONS`], `length` at
/// most [`MAX_DERIVED_LENGTH`], and iterations × output blocks at most
/// [`MAX_PBKDF2_WORK`]. A `length` of 0 gives an empty result.
pub fn pbkdf2(hash: Hash, password: &[u8], salt: &[u8], iterations: u32, length: usize) -> Result<Vec<u8>> {
    let Some(rounds) = NonZeroU32::new(iterations) else {
        return Err(Error::invalid_data("pbkdf2 iterations must be at least 1"));
    };
    Error::check_max("pbkdf2 iterations", iterations.into(), MAX_PBKDF2_ITERATIONS.into())?;
    Error::check_max("pbkdf2 output length", length as u64, MAX_DERIVED_LENGTH as u64)?;
    let blocks = length.div_ceil(hash.output_len()) as u64;
    Error::check_max("pbkdf2 iterations × output blocks", u64::from(iterations) * blocks, MAX_PBKDF2_WORK)?;
    let mut out = vec![0u8; length];
    if length == 0 {
        return Ok(out);
    }
    let lc_algorithm = match hash {
        Hash::Sha1 => Some(lc_pbkdf2::PBKDF2_HMAC_SHA1),
        Hash::Sha256 => Some(lc_pbkdf2::PBKDF2_HMAC_SHA256),
        Hash::Sha384 => Some(lc_pbkdf2::PBKDF2_HMAC_SHA384),
        Hash::Sha512 => Some(lc_pbkdf2::PBKDF2_HMAC_SHA512),
        _ => None,
    };
    if let Some(algorithm) = lc_algorithm {
        lc_pbkdf2::derive(algorithm, rounds, salt, password, &mut out);
        return Ok(out);
    }
    with_rust_crypto!(hash, D => {
        pbkdf2::pbkdf2_hmac::<D>(password, salt, iterations, &mut out);
        Ok(out)
    }, else Err(Error::unsupported(format!("PBKDF2 with {}", hash.name()))))
}

/// HKDF (extract then expand) with HMAC over `hash`: `length` bytes from the input key
/// material `key`, `salt` (empty means the RFC's default of zeros) and `info`.
///
/// `length` is at most 255 × the hash's output length, as RFC 5869 allows; 0 gives an
/// empty result.
pub fn hkdf(hash: Hash, key: &[u8], salt: &[u8], info: &[u8], length: usize) -> Result<Vec<u8>> {
    let max = 255 * hash.output_len();
    Error::check_max("hkdf output length", length as u64, max as u64)?;
    let mut out = vec![0u8; length];
    if length == 0 {
        return Ok(out);
    }
    let lc_algorithm = match hash {
        Hash::Sha1 => Some(lc_hkdf::HKDF_SHA1_FOR_LEGACY_USE_ONLY),
        Hash::Sha256 => Some(lc_hkdf::HKDF_SHA256),
        Hash::Sha384 => Some(lc_hkdf::HKDF_SHA384),
        Hash::Sha512 => Some(lc_hkdf::HKDF_SHA512),
        _ => None,
    };
    if let Some(algorithm) = lc_algorithm {
        let prk = lc_hkdf::Salt::new(algorithm, salt).extract(key);
        let info = [info];
        let okm = prk.expand(&info, OkmLength(length)).map_err(|_| Error::Failed)?;
        okm.fill(&mut out).map_err(|_| Error::Failed)?;
        return Ok(out);
    }
    with_rust_crypto!(hash, D => {
        hkdf::Hkdf::<D>::new(Some(salt), key).expand(info, &mut out).map_err(|_| Error::Failed)?;
        Ok(out)
    }, else Err(Error::unsupported(format!("HKDF with {}", hash.name()))))
}

/// An output length for aws-lc-rs's HKDF.
struct OkmLength(usize);

impl lc_hkdf::KeyType for OkmLength {
    fn len(&self) -> usize {
        self.0
    }
}

/// scrypt: `length` bytes from `password` and `salt` with cost `n` (a power of 2 above 1),
/// block size `r` and parallelism `p`, using at most `maxmem` bytes.
///
/// As in Node (and OpenSSL), the parameters need `128 × r × (n + p + 2)` bytes, which
/// must not exceed `maxmem`, which must not exceed [`MAX_SCRYPT_MEMORY`]; `n × r × p`
/// must not exceed [`MAX_SCRYPT_COST`], nor `length` [`MAX_DERIVED_LENGTH`]. A `length`
/// of 0 gives an empty result.
pub fn scrypt(password: &[u8], salt: &[u8], n: u64, r: u32, p: u32, length: usize, maxmem: u64) -> Result<Vec<u8>> {
    if n < 2 || !n.is_power_of_two() {
        return Err(Error::invalid_data("scrypt N must be a power of 2 greater than 1"));
    }
    if r == 0 || p == 0 {
        return Err(Error::invalid_data("scrypt r and p must be at least 1"));
    }
    Error::check_max("scrypt output length", length as u64, MAX_DERIVED_LENGTH as u64)?;
    Error::check_max("scrypt maxmem", maxmem, MAX_SCRYPT_MEMORY)?;
    let cost = u128::from(n) * u128::from(r) * u128::from(p);
    if cost > u128::from(MAX_SCRYPT_COST) {
        return Err(Error::TooLarge { what: "scrypt N × r × p", max: MAX_SCRYPT_COST });
    }
    let memory = 128 * u128::from(r) * (u128::from(n) + u128::from(p) + 2);
    if memory > u128::from(maxmem) {
        return Err(Error::invalid_data(format!("scrypt needs {memory} bytes of memory, more than maxmem ({maxmem})")));
    }
    let mut out = vec![0u8; length];
    if length == 0 {
        return Ok(out);
    }
    // `n` is a power of two no larger than MAX_SCRYPT_COST, so its log fits a u8; the
    // `len` of `Params` only matters to the password-hash format, not to `scrypt`.
    let log_n = n.trailing_zeros() as u8;
    let params = scrypt::Params::new(log_n, r, p, scrypt::Params::RECOMMENDED_LEN)
        .map_err(|_| Error::invalid_data("scrypt parameters out of range (N must be below 2^(16 r))"))?;
    scrypt::scrypt(password, salt, &params, &mut out).map_err(|_| Error::Failed)?;
    Ok(out)
}
