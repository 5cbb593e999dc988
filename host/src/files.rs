//! Files actionbox reads and writes, and the rules every one of them follows.
//!
//! - Only regular files are read, and never more than a cap given by the caller: the size
//!   is checked on the open handle before reading, and the read itself stops one byte
//!   past the cap, so a file that grows meanwhile is still refused.
//! - Files are opened with `O_NONBLOCK`, so naming a FIFO or a device fails at once
//!   instead of waiting for a writer or reading forever.
//! - Inside a directory the library owns (the guest cache, the key directory), files are
//!   reached through a [`cap_std::fs::Dir`], so no `..` or symlink leads out of it.
//! - What actionbox creates is private: directories 0700, files 0600, written to a
//!   temporary name and renamed into place so that no reader sees half a file.

use std::io::{self, Read, Write};
use std::path::Path;

use cap_std::ambient_authority;
use cap_std::fs::{Dir, OpenOptions, OpenOptionsExt};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    /// The path names a directory, a device, a FIFO or a socket.
    #[error("it is not a regular file (it is {kind})")]
    NotRegular { kind: &'static str },

    /// The file is larger than its cap.
    #[error("it is {size} bytes; the limit is {limit}")]
    TooLarge { size: u64, limit: u64 },

    /// The operating system refused (missing file, permissions, ...).
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Reads the regular file at `path` (following symlinks, as a command line does), at
/// most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let file = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)?;
    read_limited(cap_std::fs::File::from_std(file), limit)
}

/// Reads the regular file `name` inside `dir`, at most `limit` bytes. `name` must stay
/// inside `dir`: absolute paths, `..` past its root and symlinks leading out are refused.
pub fn read_regular_in(dir: &Dir, name: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let mut options = OpenOptions::new();
    options.read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    read_limited(dir.open_with(name, &options)?, limit)
}

/// Maps the regular file `name` inside `dir` (at most `limit` bytes) for reading, with
/// the descriptor it was opened as, so that what is checked is what is used next. For
/// large files read once: the page cache is mapped, not copied.
///
/// The mapping is private and read-only, but reflects later writes to the file: use it
/// for files only this process's user can write.
pub fn map_regular_in(dir: &Dir, name: &Path, limit: u64) -> Result<(std::fs::File, memmap2::Mmap), FileError> {
    let mut options = OpenOptions::new();
    options.read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    let file = dir.open_with(name, &options)?;
    let metadata = file.metadata()?;
    if !metadata.file_type().is_file() {
        return Err(FileError::NotRegular { kind: "a directory, device, FIFO or socket" });
    }
    if metadata.len() > limit {
        return Err(FileError::TooLarge { size: metadata.len(), limit });
    }
    let file = file.into_std();
    // SAFETY: a read-only private mapping of a regular file; see the caveat above.
    let map = unsafe { memmap2::Mmap::map(&file)? };
    Ok((file, map))
}

fn read_limited(file: cap_std::fs::File, limit: u64) -> Result<Vec<u8>, FileError> {
    let metadata = file.metadata()?;
    let kind = metadata.file_type();
    if !kind.is_file() {
        let kind = if kind.is_dir() { "a directory" } else { "a device, FIFO or socket" };
        return Err(FileError::NotRegular { kind });
    }
    if metadata.len() > limit {
        return Err(FileError::TooLarge { size: metadata.len(), limit });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.into_std().take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Opens the directory at `path`, creating it (and its parents) private, 0700, when it
/// does not exist. An existing directory is used as it is.
pub fn private_dir(path: &Path) -> io::Result<Dir> {
    use std::os::unix::fs::DirBuilderExt as _;
    match Dir::open_ambient_dir(path, ambient_authority()) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Each directory it creates gets 0700 (the umask can only remove bits).
            std::fs::DirBuilder::new().recursive(true).mode(0o700).create(path)?;
            Dir::open_ambient_dir(path, ambient_authority())
        }
        opened => opened,
    }
}

/// Writes `bytes` to `name` inside `dir` as a private file (0600): to a temporary name
/// first, created exclusively, then renamed over `name`.
pub fn write_private_in(dir: &Dir, name: &str, bytes: &[u8]) -> io::Result<()> {
    let temporary = write_temporary(dir, name, bytes)?;
    dir.rename(&temporary, dir, name).inspect_err(|_| {
        let _ = dir.remove_file(&temporary);
    })
}

/// Creates `name` inside `dir` as a private file (0600) holding `bytes`, failing if it
/// already exists (so two processes creating it at once agree on one content).
pub fn create_private_in(dir: &Dir, name: &str, bytes: &[u8]) -> io::Result<()> {
    let temporary = write_temporary(dir, name, bytes)?;
    // A hard link fails if `name` exists, unlike a rename: the first writer wins.
    let linked = dir.hard_link(&temporary, dir, name);
    let _ = dir.remove_file(&temporary);
    linked
}

/// Writes `bytes` to a new private file beside `name`, synced, and returns its name.
fn write_temporary(dir: &Dir, name: &str, bytes: &[u8]) -> io::Result<String> {
    let temporary = format!(".{name}.{}.{}.tmp", std::process::id(), unique_suffix());
    let mut options = OpenOptions::new();
    options.write(true).create_new(true).mode(0o600);
    let written = dir.open_with(&temporary, &options).and_then(|file| {
        let mut file = file.into_std();
        #[cfg(feature = "testing")]
        if crate::faults::write_fails(name) {
            file.write_all(&bytes[..bytes.len() / 2])?;
            return Err(io::ErrorKind::StorageFull.into());
        }
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written {
        Ok(()) => Ok(temporary),
        Err(e) => {
            let _ = dir.remove_file(&temporary);
            Err(e)
        }
    }
}

/// A per-process counter, so concurrent writers in one process use distinct names.
fn unique_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Opens (creating it, 0600) the lock file `name` inside `dir` and takes an exclusive
/// lock on it, waiting for another holder to finish. The lock is released when the
/// returned file is dropped, or when its process ends.
pub fn lock_in(dir: &Dir, name: &str) -> io::Result<std::fs::File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).mode(0o600);
    let file = dir.open_with(name, &options)?.into_std();
    file.lock()?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("actionbox-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn only_regular_files_within_the_cap_are_read() {
        assert!(matches!(read_regular(Path::new("/dev/zero"), 10), Err(FileError::NotRegular { .. })));
        assert!(matches!(read_regular(Path::new("/"), 10), Err(FileError::NotRegular { .. })));
        let dir = scratch("cap");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("f"), b"0123456789").unwrap();
        assert!(matches!(read_regular(&dir.join("f"), 9), Err(FileError::TooLarge { size: 10, limit: 9 })));
        assert_eq!(read_regular(&dir.join("f"), 10).unwrap(), b"0123456789");
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = scratch("fifo");
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("pipe");
        let path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: `path` is a valid NUL-terminated string.
        assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_regular(&fifo, 10), Err(FileError::NotRegular { .. })));
    }

    #[test]
    fn files_inside_a_directory_cannot_lead_out_of_it() {
        let dir = scratch("escape");
        std::fs::create_dir_all(dir.join("inner")).unwrap();
        std::fs::write(dir.join("outside.txt"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.join("outside.txt"), dir.join("inner/link")).unwrap();
        let inner = Dir::open_ambient_dir(dir.join("inner"), ambient_authority()).unwrap();
        for name in ["../outside.txt", "link", "/etc/hostname"] {
            assert!(read_regular_in(&inner, Path::new(name), 10).is_err(), "{name} was read");
        }
    }

    #[test]
    fn created_directories_and_files_are_private() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = scratch("private").join("a/b");
        let handle = private_dir(&dir).unwrap();
        write_private_in(&handle, "file", b"data").unwrap();
        create_private_in(&handle, "once", b"first").unwrap();
        assert!(create_private_in(&handle, "once", b"second").is_err());
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("file")), 0o600);
        assert_eq!(std::fs::read(dir.join("once")).unwrap(), b"first");
    }
}
