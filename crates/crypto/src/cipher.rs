//! AES-GCM (NIST SP 800-38D) with a secret key of 128, 192 or 256 bits, 96-bit IVs and
//! tags of 96 to 128 bits: [`Key::aes_gcm_encrypt`] and [`Key::aes_gcm_decrypt`], all
//! aws-lc-rs's AEAD.
//!
//! aws-lc-rs's AEAD always makes and checks the full 128-bit tag. A shorter tag is, by
//! the standard, the first bytes of the full one: encryption truncates it; decryption
//! recomputes it (GCM's keystream is its own inverse, so sealing the ciphertext gives the
//! plaintext, and sealing the plaintext gives the full tag over the ciphertext) and
//! compares its first bytes in constant time before releasing the plaintext.

use aws_lc_rs::aead::{AES_128_GCM, AES_192_GCM, AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use aws_lc_rs::constant_time::verify_slices_are_equal;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::key::{Inner, Key};

/// The full GCM tag, in bytes.
const FULL_TAG: usize = 16;

/// The shortest tag accepted, in bytes (96 bits; the 32 and 64-bit tags that WebCrypto
/// also names are unsupported).
const MIN_TAG: usize = 12;

impl Key {
    /// aws-lc-rs's AES-GCM key of a secret key, made on first use.
    fn aes_gcm_key(&self) -> Result<&LessSafeKey> {
        let Inner::Secret(secret) = &self.inner else {
            return Err(Error::invalid_key(format!(
                "AES-GCM needs a secret key, not a {} key",
                self.info().key_type.name()
            )));
        };
        if let Some(key) = secret.aes_gcm.get() {
            return Ok(key);
        }
        let algorithm = match secret.bytes.len() {
            16 => &AES_128_GCM,
            24 => &AES_192_GCM,
            32 => &AES_256_GCM,
            len => {
                return Err(Error::invalid_key(format!(
                    "AES-GCM needs a 128, 192 or 256-bit key, not {} bits",
                    len * 8
                )));
            }
        };
        let key = LessSafeKey::new(UnboundKey::new(algorithm, &secret.bytes).map_err(|_| Error::Failed)?);
        Ok(secret.aes_gcm.get_or_init(|| key))
    }

    /// Encrypts `plaintext` with AES-GCM under the secret key: the ciphertext followed by
    /// the first `tag_bytes` (12 to 16) bytes of the tag. The IV must be 12 bytes.
    pub fn aes_gcm_encrypt(&self, iv: &[u8], aad: &[u8], tag_bytes: usize, plaintext: &[u8]) -> Result<Vec<u8>> {
        let key = self.aes_gcm_key()?;
        check_tag(tag_bytes)?;
        let mut out = Vec::with_capacity(plaintext.len() + FULL_TAG);
        out.extend_from_slice(plaintext);
        let tag = key.seal_in_place_separate_tag(nonce(iv)?, Aad::from(aad), &mut out).map_err(|_| Error::Failed)?;
        out.extend_from_slice(tag.as_ref().get(..tag_bytes).ok_or(Error::Failed)?);
        Ok(out)
    }

    /// Decrypts AES-GCM `data` (ciphertext then a `tag_bytes`-long tag) under the secret
    /// key: the plaintext, or [`Error::Failed`] if the tag does not authenticate it.
    pub fn aes_gcm_decrypt(&self, iv: &[u8], aad: &[u8], tag_bytes: usize, data: &[u8]) -> Result<Vec<u8>> {
        let key = self.aes_gcm_key()?;
        check_tag(tag_bytes)?;
        if data.len() < tag_bytes {
            return Err(Error::Failed);
        }
        if tag_bytes == FULL_TAG {
            let mut buffer = data.to_vec();
            let len = key.open_in_place(nonce(iv)?, Aad::from(aad), &mut buffer).map_err(|_| Error::Failed)?.len();
            buffer.truncate(len);
            return Ok(buffer);
        }
        let (ciphertext, tag) = data.split_at(data.len() - tag_bytes);
        let mut plaintext = Zeroizing::new(ciphertext.to_vec());
        // The tag of this first sealing is over the plaintext: not wanted.
        let _ =
            key.seal_in_place_separate_tag(nonce(iv)?, Aad::from(aad), &mut plaintext).map_err(|_| Error::Failed)?;
        let mut again = Zeroizing::new(plaintext.to_vec());
        let full = key.seal_in_place_separate_tag(nonce(iv)?, Aad::from(aad), &mut again).map_err(|_| Error::Failed)?;
        let expected = full.as_ref().get(..tag_bytes).ok_or(Error::Failed)?;
        verify_slices_are_equal(expected, tag).map_err(|_| Error::Failed)?;
        Ok(plaintext.to_vec())
    }
}

fn check_tag(tag_bytes: usize) -> Result<()> {
    match tag_bytes {
        MIN_TAG..=FULL_TAG => Ok(()),
        4 | 8 => Err(Error::unsupported(format!("AES-GCM tags of {} bits", tag_bytes * 8))),
        _ => Err(Error::invalid_data(format!("an AES-GCM tag of {tag_bytes} bytes (12 to 16)"))),
    }
}

fn nonce(iv: &[u8]) -> Result<Nonce> {
    Nonce::try_assume_unique_for_key(iv)
        .map_err(|_| Error::unsupported(format!("AES-GCM IVs of {} bytes (only {NONCE_LEN})", iv.len())))
}
