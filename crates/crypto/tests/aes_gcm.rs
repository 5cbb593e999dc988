//! AES-GCM: the test cases of the GCM specification (McGrew and Viega, the NIST
//! submission: cases 1–4, 7–9, 13–16), OpenSSL's encryptions with 96 to 128-bit tags and
//! 128/192/256-bit keys, and what is refused.

mod common;

use actionbox_crypto::{Error, Key, KeyMaterial};
use common::{hex, import, node, to_hex};

const P64: &str = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
                   1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
const P60: &str = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
                   1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
const AAD: &str = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
const IV: &str = "cafebabefacedbaddecaf888";
const K128: &str = "feffe9928665731c6d6a8f9467308308";
const K192: &str = "feffe9928665731c6d6a8f9467308308feffe9928665731c";
const K256: &str = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
const ZERO_IV: &str = "000000000000000000000000";

#[test]
fn gcm_specification_test_cases() {
    let zero_128 = "00000000000000000000000000000000";
    let zero_192 = "000000000000000000000000000000000000000000000000";
    let zero_256 = "0000000000000000000000000000000000000000000000000000000000000000";
    for (case, key, iv, aad, plaintext, ciphertext, tag) in [
        (1, zero_128, ZERO_IV, "", "", "", "58e2fccefa7e3061367f1d57a4e7455a"),
        (2, zero_128, ZERO_IV, "", zero_128, "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
        (
            3,
            K128,
            IV,
            "",
            P64,
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e\
             21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
            "4d5c2af327cd64a62cf35abd2ba6fab4",
        ),
        (
            4,
            K128,
            IV,
            AAD,
            P60,
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e\
             21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
            "5bc94fbc3221a5db94fae95ae7121a47",
        ),
        (7, zero_192, ZERO_IV, "", "", "", "cd33b28ac773f74ba00ed1f312572435"),
        (8, zero_192, ZERO_IV, "", zero_128, "98e7247c07f0fe411c267e4384b0f600", "2ff58d80033927ab8ef4d4587514f0fb"),
        (
            9,
            K192,
            IV,
            "",
            P64,
            "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c\
             7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256",
            "9924a7c8587336bfb118024db8674a14",
        ),
        (13, zero_256, ZERO_IV, "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
        (14, zero_256, ZERO_IV, "", zero_128, "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
        (
            15,
            K256,
            IV,
            "",
            P64,
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
             8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
            "b094dac5d93471bdec1a502270e3cc6c",
        ),
        (
            16,
            K256,
            IV,
            AAD,
            P60,
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
             8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            "76fc6ece0f4e1768cddf8853bb2d551b",
        ),
    ] {
        let key = import(KeyMaterial::Secret(hex(key)));
        let sealed = key.aes_gcm_encrypt(&hex(iv), &hex(aad), 16, &hex(plaintext)).unwrap();
        assert_eq!(to_hex(&sealed), format!("{ciphertext}{tag}").replace(char::is_whitespace, ""), "case {case}");
        assert_eq!(key.aes_gcm_decrypt(&hex(iv), &hex(aad), 16, &sealed), Ok(hex(plaintext)), "case {case}");
    }
}

#[test]
fn openssl_short_tags() {
    for bits in [128, 192, 256] {
        for tag_bytes in 12..=16 {
            let name = format!("gcm_{bits}_{tag_bytes}");
            let key = import(KeyMaterial::Secret(node(&format!("{name}_key"))));
            let iv = node(&format!("{name}_iv"));
            let aad = node(&format!("{name}_aad"));
            let plaintext = node(&format!("{name}_plaintext"));
            let sealed = node(&format!("{name}_sealed"));
            assert_eq!(key.aes_gcm_encrypt(&iv, &aad, tag_bytes, &plaintext), Ok(sealed.clone()), "{name}");
            assert_eq!(key.aes_gcm_decrypt(&iv, &aad, tag_bytes, &sealed), Ok(plaintext.clone()), "{name}");
            // Any change of ciphertext, tag, AAD or IV fails.
            for index in [0, plaintext.len(), sealed.len() - 1] {
                let mut bad = sealed.clone();
                bad[index] ^= 0x40;
                assert_eq!(key.aes_gcm_decrypt(&iv, &aad, tag_bytes, &bad), Err(Error::Failed), "{name} byte {index}");
            }
            assert_eq!(key.aes_gcm_decrypt(&iv, b"other", tag_bytes, &sealed), Err(Error::Failed));
            let mut other_iv = iv.clone();
            other_iv[0] ^= 1;
            assert_eq!(key.aes_gcm_decrypt(&other_iv, &aad, tag_bytes, &sealed), Err(Error::Failed));
            // The tag length is part of what is checked.
            if tag_bytes < 16 {
                assert_eq!(key.aes_gcm_decrypt(&iv, &aad, tag_bytes + 1, &sealed), Err(Error::Failed));
            }
        }
    }
}

#[test]
fn refusals() {
    let key = import(KeyMaterial::Secret(vec![1; 16]));
    let iv = [0u8; 12];
    assert!(matches!(key.aes_gcm_encrypt(&iv, b"", 8, b"x"), Err(Error::Unsupported(_))));
    assert!(matches!(key.aes_gcm_encrypt(&iv, b"", 4, b"x"), Err(Error::Unsupported(_))));
    for tag in [0, 11, 17, usize::MAX] {
        assert!(matches!(key.aes_gcm_encrypt(&iv, b"", tag, b"x"), Err(Error::InvalidData(_))), "tag {tag}");
        assert!(matches!(key.aes_gcm_decrypt(&iv, b"", tag, &[0; 40]), Err(Error::InvalidData(_))), "tag {tag}");
    }
    for iv in [&[][..], &[0; 8], &[0; 16]] {
        assert!(matches!(key.aes_gcm_encrypt(iv, b"", 16, b"x"), Err(Error::Unsupported(_))));
    }
    for short in [&[][..], &[0; 15]] {
        assert_eq!(key.aes_gcm_decrypt(&iv, b"", 16, short), Err(Error::Failed));
        assert_eq!(key.aes_gcm_decrypt(&iv, b"", 12, &short[..short.len().min(11)]), Err(Error::Failed));
    }
    for len in [0, 1, 15, 20, 33, 64] {
        let key = import(KeyMaterial::Secret(vec![1; len]));
        assert!(matches!(key.aes_gcm_encrypt(&iv, b"", 16, b"x"), Err(Error::InvalidKey(_))), "{len}-byte key");
    }
    let ec = Key::generate(actionbox_crypto::KeySpec::Ec(actionbox_crypto::Curve::P256)).unwrap();
    assert!(matches!(ec.aes_gcm_encrypt(&iv, b"", 16, b"x"), Err(Error::InvalidKey(_))));
    // An empty plaintext with a short tag round-trips.
    let sealed = key.aes_gcm_encrypt(&iv, b"aad", 12, b"").unwrap();
    assert_eq!(sealed.len(), 12);
    assert_eq!(key.aes_gcm_decrypt(&iv, b"aad", 12, &sealed), Ok(Vec::new()));
}
