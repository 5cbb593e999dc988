//! The host side of `crypto`: the WIT interface's one `call`, performed with the
//! `actionbox-crypto` crate, and the execution's table of keys ([`Keys`]).
//!
//! Every operation is bounded: the crate's limits cap the work and sizes of each one (the
//! longest, an RSA key generation or a PBKDF2 at its iteration cap, takes well under a
//! second here), and the table caps the keys an execution holds ([`MAX_CRYPTO_KEYS`]).
//! Host work costs no fuel; it counts against the execution's deadline, which ends the
//! execution as soon as the guest runs on after a call that passed it.

mod convert;

use actionbox_contract::limits::MAX_CRYPTO_KEYS;
use actionbox_crypto as crypto;

use crate::bindings::actionbox_sandbox::contract::crypto::{Failure, Host, KeyInfo, Operation, Reply, VerifyParams};
use crate::state::HostState;

use convert::{
    export_format, exported_to_wit, failure, hash_from_wit, info_to_wit, material_from_wit, scheme_from_wit,
    spec_from_wit,
};

/// The keys an execution holds, by number. Numbers are never reused within an execution;
/// a number that is not the execution's is refused as an invalid key.
#[derive(Default)]
pub struct Keys {
    keys: Vec<crypto::Key>,
}

impl Keys {
    /// Whether the execution holds no key.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How many keys the execution holds.
    #[cfg(feature = "testing")]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Forgets every key (a new execution starts with none).
    pub fn clear(&mut self) {
        self.keys.clear();
    }

    fn add(&mut self, key: crypto::Key) -> Result<KeyInfo, Failure> {
        if self.keys.len() >= MAX_CRYPTO_KEYS {
            return Err(Failure::TooManyKeys(MAX_CRYPTO_KEYS as u32));
        }
        let number = self.keys.len() as u32;
        let info = info_to_wit(number, &key.info());
        self.keys.push(key);
        Ok(info)
    }

    fn get(&self, number: u32) -> Result<&crypto::Key, Failure> {
        self.keys.get(number as usize).ok_or_else(|| Failure::InvalidKey(format!("no key {number} in this execution")))
    }
}

impl Host for HostState {
    fn call(&mut self, operation: Operation) -> Result<Reply, Failure> {
        match operation {
            Operation::Digest((hash, data)) => Ok(Reply::Bytes(crypto::digest(hash_from_wit(hash), &data))),
            Operation::Hmac((hash, key, data)) => {
                crypto::hmac(hash_from_wit(hash), &key, &data).map(Reply::Bytes).map_err(failure)
            }
            Operation::Pbkdf2(params) => crypto::pbkdf2(
                hash_from_wit(params.hash),
                &params.password,
                &params.salt,
                params.iterations,
                params.length as usize,
            )
            .map(Reply::Bytes)
            .map_err(failure),
            Operation::Hkdf(params) => crypto::hkdf(
                hash_from_wit(params.hash),
                &params.key,
                &params.salt,
                &params.info,
                params.length as usize,
            )
            .map(Reply::Bytes)
            .map_err(failure),
            Operation::Scrypt(params) => crypto::scrypt(
                &params.password,
                &params.salt,
                params.cost,
                params.block_size,
                params.parallelization,
                params.length as usize,
                params.max_memory,
            )
            .map(Reply::Bytes)
            .map_err(failure),
            Operation::ImportKey(material) => {
                let key = crypto::Key::import(material_from_wit(material)?).map_err(failure)?;
                self.keys.add(key).map(Reply::Key)
            }
            Operation::ExportKey((key, format)) => {
                let exported = self.keys.get(key)?.export(export_format(format)).map_err(failure)?;
                Ok(Reply::Exported(exported_to_wit(exported)))
            }
            Operation::PublicKey(key) => {
                let public = self.keys.get(key)?.public().map_err(failure)?;
                self.keys.add(public).map(Reply::Key)
            }
            Operation::Generate(spec) => {
                let key = crypto::Key::generate(spec_from_wit(spec)).map_err(failure)?;
                self.keys.add(key).map(Reply::Key)
            }
            Operation::Sign((key, scheme, data)) => {
                self.keys.get(key)?.sign(&scheme_from_wit(scheme), &data).map(Reply::Bytes).map_err(failure)
            }
            Operation::Verify(VerifyParams { key, scheme, data, signature }) => self
                .keys
                .get(key)?
                .verify(&scheme_from_wit(scheme), &data, &signature)
                .map(Reply::Verified)
                .map_err(failure),
            Operation::Encrypt((key, params, data)) => self
                .keys
                .get(key)?
                .aes_gcm_encrypt(&params.iv, &params.additional_data, usize::from(params.tag_bytes), &data)
                .map(Reply::Bytes)
                .map_err(failure),
            Operation::Decrypt((key, params, data)) => self
                .keys
                .get(key)?
                .aes_gcm_decrypt(&params.iv, &params.additional_data, usize::from(params.tag_bytes), &data)
                .map(Reply::Bytes)
                .map_err(failure),
        }
    }
}
