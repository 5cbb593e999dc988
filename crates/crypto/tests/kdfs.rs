//! Known answers for `pbkdf2` (RFC 6070, RFC 7914 § 11), `hkdf` (RFC 5869) and `scrypt`
//! (RFC 7914 § 12), and their limits.

mod common;

use actionbox_crypto::{
    Error, Hash, MAX_DERIVED_LENGTH, MAX_PBKDF2_ITERATIONS, MAX_PBKDF2_WORK, MAX_SCRYPT_COST, MAX_SCRYPT_MEMORY, hkdf,
    pbkdf2, scrypt,
};
use common::{hex, to_hex};

#[test]
fn pbkdf2_sha1_rfc_6070() {
    for (password, salt, iterations, expected) in [
        (&b"password"[..], &b"salt"[..], 1, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
        (b"password", b"salt", 2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
        (b"password", b"salt", 4096, "4b007901b765489abead49d926f721d065a429c1"),
        (
            b"passwordPASSWORDpassword",
            b"saltSALTsaltSALTsaltSALTsaltSALTsalt",
            4096,
            "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038",
        ),
        (b"pass\0word", b"sa\0lt", 4096, "56fa6aa75548099dcc37d7f03425e0c3"),
    ] {
        let length = expected.len() / 2;
        assert_eq!(to_hex(&pbkdf2(Hash::Sha1, password, salt, iterations, length).unwrap()), expected);
    }
    // RFC 6070's 16,777,216 iterations are past the limit.
    assert_eq!(
        pbkdf2(Hash::Sha1, b"password", b"salt", 16_777_216, 20),
        Err(Error::TooLarge { what: "pbkdf2 iterations", max: MAX_PBKDF2_ITERATIONS.into() })
    );
}

#[test]
fn pbkdf2_sha256_rfc_7914() {
    assert_eq!(
        to_hex(&pbkdf2(Hash::Sha256, b"passwd", b"salt", 1, 64).unwrap()),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
         49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    );
    assert_eq!(
        to_hex(&pbkdf2(Hash::Sha256, b"Password", b"NaCl", 80_000, 64).unwrap()),
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56\
         a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
    );
}

/// PBKDF2 over the hashes aws-lc-rs has no PBKDF2 for (RustCrypto's), against OpenSSL
/// (Node's `pbkdf2Sync`).
#[test]
fn pbkdf2_other_hashes() {
    for (hash, expected) in [
        (Hash::Md5, "8d189946a32d883622a16ae18af0632f5791d5e7"),
        (Hash::Sha224, "d3bcf320fd918908eafcaa460faf40e201f6508d"),
        (Hash::Sha512_256, "f7e4fb1d98c78b615f585f974af8cd97651a244f"),
        (Hash::Sha3_256, "ee56a9b7311bb081d0bbfa8dc3c2798f30abbbec"),
    ] {
        let key = pbkdf2(hash, b"password", b"salt", 1000, 20).unwrap();
        assert_eq!(to_hex(&key), expected, "PBKDF2-{}", hash.name());
    }
}

#[test]
fn pbkdf2_limits() {
    assert!(matches!(pbkdf2(Hash::Sha256, b"p", b"s", 0, 32), Err(Error::InvalidData(_))));
    assert_eq!(pbkdf2(Hash::Sha256, b"p", b"s", 1, 0), Ok(Vec::new()));
    assert_eq!(
        pbkdf2(Hash::Sha256, b"p", b"s", 1, MAX_DERIVED_LENGTH + 1),
        Err(Error::TooLarge { what: "pbkdf2 output length", max: MAX_DERIVED_LENGTH as u64 })
    );
    // A long output multiplies the iterations: 1,000,000 × 11 blocks of 32 bytes.
    assert_eq!(
        pbkdf2(Hash::Sha256, b"p", b"s", 1_000_000, 11 * 32),
        Err(Error::TooLarge { what: "pbkdf2 iterations × output blocks", max: MAX_PBKDF2_WORK })
    );
    assert_eq!(pbkdf2(Hash::Sha256, b"p", b"s", 1, MAX_DERIVED_LENGTH).map(|key| key.len()), Ok(MAX_DERIVED_LENGTH));
}

#[test]
fn hkdf_rfc_5869() {
    let salt_13: Vec<u8> = (0x00..=0x0c).collect();
    let info_10: Vec<u8> = (0xf0..=0xf9).collect();
    let ikm_80: Vec<u8> = (0x00..=0x4f).collect();
    let salt_80: Vec<u8> = (0x60..=0xaf).collect();
    let info_80: Vec<u8> = (0xb0..=0xff).collect();
    for (name, hash, ikm, salt, info, okm) in [
        (
            "A.1",
            Hash::Sha256,
            vec![0x0b; 22],
            salt_13.clone(),
            info_10.clone(),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
        ),
        (
            "A.2",
            Hash::Sha256,
            ikm_80.clone(),
            salt_80.clone(),
            info_80.clone(),
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c\
             59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71\
             cc30c58179ec3e87c14c01d5c1f3434f1d87",
        ),
        (
            "A.3",
            Hash::Sha256,
            vec![0x0b; 22],
            Vec::new(),
            Vec::new(),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
        ),
        (
            "A.4",
            Hash::Sha1,
            vec![0x0b; 11],
            salt_13,
            info_10,
            "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896",
        ),
        (
            "A.6",
            Hash::Sha1,
            vec![0x0b; 22],
            Vec::new(),
            Vec::new(),
            "0ac1af7002b3d761d1e55298da9d0506b9ae52057220a306e07b6b87e8df21d0ea00033de03984d34918",
        ),
        (
            "A.7",
            Hash::Sha1,
            vec![0x0c; 22],
            Vec::new(),
            Vec::new(),
            "2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5673a081d70cce7acfc48",
        ),
    ] {
        let length = hex(okm).len();
        assert_eq!(to_hex(&hkdf(hash, &ikm, &salt, &info, length).unwrap()), okm, "RFC 5869 {name}");
    }
}

/// HKDF over the hashes aws-lc-rs has no HKDF for (RustCrypto's), against OpenSSL (Node's
/// `hkdfSync`), and the output limit of 255 blocks.
#[test]
fn hkdf_other_hashes_and_limits() {
    for (hash, expected) in [
        (Hash::Sha384, "9f809df68d64486734c41903f99e5d2b2e72d6a535d590344a0404c7ad6ae8dda9fd6f6354ec3a6a101e"),
        (Hash::Sha224, "5e26fb33e170af1a50675b338f40d5cee4a3859106e3a06791a1d60440e05c9eaa6e735066634ec11e9e"),
        (Hash::Sha3_256, "4763d7124fa6e3cbd49e13c3b61eb4b95e47b97285ac6effd7b85d485a1dabc2b474dd875adaf36ea5e7"),
        (Hash::Md5, "41efbdea947d2b7ed4daacfeedf7d72321e84181c1a5e24deaf9765f18333b93951e18d7ee8fb1f61caa"),
    ] {
        let key = hkdf(hash, b"input key", b"salt", b"info", 42).unwrap();
        assert_eq!(to_hex(&key), expected, "HKDF-{}", hash.name());
    }
    assert_eq!(hkdf(Hash::Sha256, b"k", b"s", b"i", 0), Ok(Vec::new()));
    assert_eq!(hkdf(Hash::Sha256, b"k", b"s", b"i", 255 * 32).map(|key| key.len()), Ok(255 * 32));
    assert_eq!(
        hkdf(Hash::Sha256, b"k", b"s", b"i", 255 * 32 + 1),
        Err(Error::TooLarge { what: "hkdf output length", max: 255 * 32 })
    );
    assert!(hkdf(Hash::Sha3_512, b"k", b"s", b"i", 255 * 64 + 1).is_err());
}

#[test]
fn scrypt_rfc_7914() {
    let mem = MAX_SCRYPT_MEMORY;
    assert_eq!(
        to_hex(&scrypt(b"", b"", 16, 1, 1, 64, mem).unwrap()),
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442\
         fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
    );
    assert_eq!(
        to_hex(&scrypt(b"password", b"NaCl", 1024, 8, 16, 64, mem).unwrap()),
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162\
         2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
    );
    assert_eq!(
        to_hex(&scrypt(b"pleaseletmein", b"SodiumChloride", 16384, 8, 1, 64, mem).unwrap()),
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2\
         d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"
    );
    // The fourth vector, N = 2^20 and r = 8, needs 1 GiB: past the limits.
    assert!(matches!(scrypt(b"pleaseletmein", b"SodiumChloride", 1 << 20, 8, 1, 64, mem), Err(Error::TooLarge { .. })));
}

#[test]
fn scrypt_limits() {
    let mem = MAX_SCRYPT_MEMORY;
    for n in [0, 1, 3, 1000] {
        assert!(matches!(scrypt(b"p", b"s", n, 1, 1, 16, mem), Err(Error::InvalidData(_))), "N = {n}");
    }
    assert!(matches!(scrypt(b"p", b"s", 16, 0, 1, 16, mem), Err(Error::InvalidData(_))));
    assert!(matches!(scrypt(b"p", b"s", 16, 1, 0, 16, mem), Err(Error::InvalidData(_))));
    assert_eq!(scrypt(b"p", b"s", 16, 1, 1, 0, mem), Ok(Vec::new()));
    assert_eq!(
        scrypt(b"p", b"s", 16, 1, 1, 16, mem + 1),
        Err(Error::TooLarge { what: "scrypt maxmem", max: MAX_SCRYPT_MEMORY })
    );
    assert_eq!(
        scrypt(b"p", b"s", 1 << 16, 8, 8, 16, mem),
        Err(Error::TooLarge { what: "scrypt N × r × p", max: MAX_SCRYPT_COST })
    );
    // Node's default maxmem (32 MiB) refuses N = 2^15, r = 8 (32 MiB + 1280 bytes), as Node does.
    assert!(matches!(scrypt(b"p", b"s", 1 << 15, 8, 1, 16, 32 << 20), Err(Error::InvalidData(_))));
    assert!(scrypt(b"p", b"s", 1 << 14, 8, 1, 16, 32 << 20).is_ok());
    // Huge values neither overflow nor allocate.
    assert!(scrypt(b"p", b"s", 1 << 62, u32::MAX, u32::MAX, 16, mem).is_err());
    assert!(scrypt(b"p", b"s", 2, u32::MAX, 1, 16, mem).is_err());
    assert!(scrypt(b"p", b"s", 2, 1, u32::MAX, 16, mem).is_err());
    // N must be below 2^(16 r) (RFC 7914).
    assert!(matches!(scrypt(b"p", b"s", 1 << 16, 1, 1, 16, mem), Err(Error::InvalidData(_))));
}
