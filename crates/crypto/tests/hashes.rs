//! Known answers for `digest` (FIPS 180-4, FIPS 202, RFC 1321) and `hmac` (RFC 4231,
//! RFC 2202), and HMAC over the hashes aws-lc-rs has no HMAC for.

mod common;

use actionbox_crypto::{Hash, digest, hmac};
use common::to_hex;

const ABC: &[u8] = b"abc";
const TWO_BLOCKS: &[u8] = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

fn check_digest(hash: Hash, data: &[u8], expected: &str) {
    assert_eq!(to_hex(&digest(hash, data)), expected, "{} of {:?}", hash.name(), String::from_utf8_lossy(data));
}

#[test]
fn sha1_and_sha2_fips_180() {
    check_digest(Hash::Sha1, ABC, "a9993e364706816aba3e25717850c26c9cd0d89d");
    check_digest(Hash::Sha1, b"", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    check_digest(Hash::Sha1, TWO_BLOCKS, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    check_digest(Hash::Sha224, ABC, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
    check_digest(Hash::Sha256, ABC, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check_digest(Hash::Sha256, b"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check_digest(Hash::Sha256, TWO_BLOCKS, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    check_digest(
        Hash::Sha384,
        ABC,
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
    );
    check_digest(
        Hash::Sha512,
        ABC,
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
         2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
    check_digest(Hash::Sha512_224, ABC, "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa");
    check_digest(Hash::Sha512_256, ABC, "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    let million_a = vec![b'a'; 1_000_000];
    check_digest(Hash::Sha1, &million_a, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    check_digest(Hash::Sha256, &million_a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

#[test]
fn sha3_fips_202() {
    check_digest(Hash::Sha3_256, b"", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
    check_digest(Hash::Sha3_256, ABC, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
    check_digest(
        Hash::Sha3_384,
        ABC,
        "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25",
    );
    check_digest(
        Hash::Sha3_512,
        ABC,
        "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e\
         10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
    );
}

#[test]
fn md5_rfc_1321() {
    for (data, expected) in [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a",
        ),
    ] {
        check_digest(Hash::Md5, data.as_bytes(), expected);
    }
}

#[test]
fn names_and_lengths() {
    for hash in Hash::ALL {
        assert_eq!(Hash::from_name(hash.name()), Some(hash));
        assert_eq!(digest(hash, b"x").len(), hash.output_len(), "{}", hash.name());
        assert_eq!(hmac(hash, b"k", b"x").unwrap().len(), hash.output_len(), "{}", hash.name());
    }
    assert_eq!(Hash::from_name("SHA256"), None);
    assert_eq!(Hash::from_name("sha512-256"), Some(Hash::Sha512_256));
}

/// The keys and data of RFC 4231's test cases 1 to 4, 6 and 7.
fn rfc4231_cases() -> Vec<(Vec<u8>, Vec<u8>)> {
    let key_4: Vec<u8> = (1..=25).collect();
    vec![
        (vec![0x0b; 20], b"Hi There".to_vec()),
        (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec()),
        (vec![0xaa; 20], vec![0xdd; 50]),
        (key_4, vec![0xcd; 50]),
        (vec![0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec()),
        (
            vec![0xaa; 131],
            b"This is a test using a larger than block-size key and a larger than block-size data. \
              The key needs to be hashed before being used by the HMAC algorithm."
                .to_vec(),
        ),
    ]
}

#[test]
fn hmac_sha2_rfc_4231() {
    let expected: [(Hash, [&str; 6]); 4] = [
        (
            Hash::Sha224,
            [
                "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
                "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
                "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea",
                "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
                "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
                "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1",
            ],
        ),
        (
            Hash::Sha256,
            [
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            ],
        ),
        (
            Hash::Sha384,
            [
                "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
                "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
                "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
                "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
                "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
                "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
            ],
        ),
        (
            Hash::Sha512,
            [
                "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde\
                 daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554\
                 9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
                "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39\
                 bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
                "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db\
                 a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
                "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352\
                 6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
                "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944\
                 b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
            ],
        ),
    ];
    for (hash, macs) in expected {
        for (index, ((key, data), mac)) in rfc4231_cases().iter().zip(macs).enumerate() {
            assert_eq!(to_hex(&hmac(hash, key, data).unwrap()), mac, "{} case {index}", hash.name());
        }
    }
    // Case 5: the output truncated to 128 bits.
    let mac = hmac(Hash::Sha256, &[0x0c; 20], b"Test With Truncation").unwrap();
    assert_eq!(to_hex(&mac[..16]), "a3b6167473100ee06e0c796c2955552b");
}

/// The keys and data of RFC 2202's test cases 1 to 7 (key lengths for `len`).
fn rfc2202_cases(len: usize) -> Vec<(Vec<u8>, Vec<u8>)> {
    vec![
        (vec![0x0b; len], b"Hi There".to_vec()),
        (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec()),
        (vec![0xaa; len], vec![0xdd; 50]),
        ((1..=25).collect(), vec![0xcd; 50]),
        (vec![0x0c; len], b"Test With Truncation".to_vec()),
        (vec![0xaa; 80], b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec()),
        (vec![0xaa; 80], b"Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data".to_vec()),
    ]
}

#[test]
fn hmac_md5_and_sha1_rfc_2202() {
    let md5 = [
        "9294727a3638bb1c13f48ef8158bfc9d",
        "750c783e6ab0b503eaa86e310a5db738",
        "56be34521d144c88dbb8c733f0e8b3f6",
        "697eaf0aca3a3aea3a75164746ffaa79",
        "56461ef2342edc00f9bab995690efd4c",
        "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
        "6f630fad67cda0ee1fb1f562db3aa53e",
    ];
    for (index, ((key, data), mac)) in rfc2202_cases(16).iter().zip(md5).enumerate() {
        assert_eq!(to_hex(&hmac(Hash::Md5, key, data).unwrap()), mac, "HMAC-MD5 case {}", index + 1);
    }
    let sha1 = [
        "b617318655057264e28bc0b6fb378c8ef146be00",
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
        "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
        "4c9007f4026250c6bc8414f9bf50c86c2d7235da",
        "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04",
        "aa4ae5e15272d00e95705637ce8a3b55ed402112",
        "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
    ];
    for (index, ((key, data), mac)) in rfc2202_cases(20).iter().zip(sha1).enumerate() {
        assert_eq!(to_hex(&hmac(Hash::Sha1, key, data).unwrap()), mac, "HMAC-SHA1 case {}", index + 1);
    }
}

/// HMAC over SHA-512/t and SHA-3 (RustCrypto's): checked against OpenSSL (Node's
/// `createHmac`) on RFC 4231's case 2 and a long key.
#[test]
fn hmac_over_other_hashes() {
    for (hash, key, expected) in [
        (Hash::Sha3_256, b"Jefe".to_vec(), "c7d4072e788877ae3596bbb0da73b887c9171f93095b294ae857fbe2645e1ba5"),
        (
            Hash::Sha3_384,
            b"Jefe".to_vec(),
            "f1101f8cbf9766fd6764d2ed61903f21ca9b18f57cf3e1a23ca13508a93243ce48c045dc007f26a21b3f5e0e9df4c20a",
        ),
        (
            Hash::Sha3_512,
            b"Jefe".to_vec(),
            "5a4bfeab6166427c7a3647b747292b8384537cdb89afb3bf5665e4c5e709350b\
             287baec921fd7ca0ee7a0c31d022a95e1fc92ba9d77df883960275beb4e62024",
        ),
        (Hash::Sha512_256, b"Jefe".to_vec(), "6df7b24630d5ccb2ee335407081a87188c221489768fa2020513b2d593359456"),
        (Hash::Sha512_224, b"Jefe".to_vec(), "4a530b31a79ebcce36916546317c45f247d83241dfb818fd37254bde"),
        (Hash::Sha3_256, vec![0xaa; 200], "1385879c388e876b30ae6386a301518508bf6b3199fdb120f222f5342ff4c898"),
    ] {
        let mac = hmac(hash, &key, b"what do ya want for nothing?").unwrap();
        assert_eq!(to_hex(&mac), expected, "HMAC-{}", hash.name());
    }
}
