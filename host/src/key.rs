//! [`Key`]: the secret an embedder gives actionbox to authenticate what it hands out and
//! reads back: suspended-flow state, signed artifacts, and the compiled-guest cache.
//!
//! A key is 256 random bits; tags are BLAKE3 keyed hashes of the bytes they protect
//! (a MAC, and fast enough to check a 6 MB cache file in about a millisecond), compared in
//! constant time. On disk a key is 64 hex digits in a private file (0600, in a 0700
//! directory): [`Key::load_or_create`] refuses a key file that others could read or
//! write. A key protects data that passes through other hands (a browser round trip, a
//! shared store or cache directory); it does not protect against someone who can read
//! the key file itself.

use std::path::Path;

use crate::error::{Error, Result};
use crate::files;

/// Length of a tag in bytes.
pub(crate) const TAG_BYTES: usize = 32;

/// A 256-bit secret key. Its `Debug` output does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

impl Key {
    /// A new random key from the operating system's generator.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system's random number generator");
        Key(bytes)
    }

    /// A key from its 32 bytes (for embedders that keep keys in their own store).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Key(bytes)
    }

    /// Reads the key in the file at `path`, or creates one there (directory 0700, file
    /// 0600) when there is none. Two processes creating it at once end with one key.
    pub fn load_or_create(path: &Path) -> Result<Self> {
        let invalid = |what: String| Error::InvalidConfig(format!("the key file {}: {what}", path.display()));
        let name = Path::new(path.file_name().ok_or_else(|| invalid("the path has no file name".into()))?);
        let dir = files::private_dir(path.parent().unwrap_or(Path::new(".")))
            .map_err(|e| invalid(format!("its directory cannot be opened: {e}")))?;
        match dir.metadata(name) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let fresh = Key::generate();
                match files::create_private_in(&dir, &name.to_string_lossy(), fresh.to_hex().as_bytes()) {
                    Ok(()) => return Ok(fresh),
                    // Another process created it first: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(invalid(format!("it cannot be created: {e}"))),
                }
            }
            Err(e) => return Err(invalid(e.to_string())),
        }
        let metadata = dir.metadata(name).map_err(|e| invalid(e.to_string()))?;
        use cap_std::fs::PermissionsExt as _;
        if metadata.permissions().mode() & 0o077 != 0 {
            return Err(invalid("it is readable or writable by others; make it private (chmod 600)".into()));
        }
        let text = files::read_regular_in(&dir, name, 128).map_err(|e| invalid(e.to_string()))?;
        Key::from_hex(String::from_utf8_lossy(&text).trim())
            .ok_or_else(|| invalid("it does not hold 64 hex digits".into()))
    }

    /// The key as 64 lowercase hex digits.
    fn to_hex(&self) -> String {
        let mut text: String = self.0.iter().map(|b| format!("{b:02x}")).collect();
        text.push('\n');
        text
    }

    fn from_hex(text: &str) -> Option<Self> {
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Key(bytes))
    }

    /// The tag (a BLAKE3 keyed hash) of `parts`, each length-prefixed so that no two
    /// sequences share a tag. `purpose` separates the uses of one key.
    pub fn tag(&self, purpose: &str, parts: &[&[u8]]) -> [u8; TAG_BYTES] {
        *self.mac(purpose, parts).as_bytes()
    }

    /// Whether `tag` is the tag of `parts` for `purpose` (compared in constant time).
    pub fn verify(&self, purpose: &str, parts: &[&[u8]], tag: &[u8]) -> bool {
        let Ok(tag) = <[u8; TAG_BYTES]>::try_from(tag) else { return false };
        // `blake3::Hash` compares in constant time.
        self.mac(purpose, parts) == blake3::Hash::from_bytes(tag)
    }

    fn mac(&self, purpose: &str, parts: &[&[u8]]) -> blake3::Hash {
        let mut hasher = blake3::Hasher::new_keyed(&self.0);
        for part in std::iter::once(purpose.as_bytes()).chain(parts.iter().copied()) {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        hasher.finalize()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_depend_on_key_purpose_and_every_part() {
        let (a, b) = (Key::from_bytes([1; 32]), Key::from_bytes([2; 32]));
        let tag = a.tag("state", &[b"ab", b"c"]);
        assert!(a.verify("state", &[b"ab", b"c"], &tag));
        assert!(!b.verify("state", &[b"ab", b"c"], &tag));
        assert!(!a.verify("artifact", &[b"ab", b"c"], &tag));
        assert!(!a.verify("state", &[b"a", b"bc"], &tag), "parts are length-prefixed");
        assert!(!a.verify("state", &[b"ab", b"c"], &tag[..31]));
    }

    #[test]
    fn a_key_file_is_created_private_and_read_back() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = std::env::temp_dir().join(format!("actionbox-key-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("keys/state.key");
        let created = Key::load_or_create(&path).unwrap();
        assert_eq!(Key::load_or_create(&path).unwrap(), created);
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(Key::load_or_create(&path), Err(Error::InvalidConfig(_))));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::write(&path, "not a key").unwrap();
        assert!(matches!(Key::load_or_create(&path), Err(Error::InvalidConfig(_))));
    }
}
