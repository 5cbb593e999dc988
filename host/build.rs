//! Locates the guest module that `guest/build.sh` produces, and stops the build with the
//! command to run when it is missing or older than the guest's sources.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::Digest;

fn main() {
    // Read when the script runs, not when it is compiled: a target directory shared by
    // clones at different paths (`.ci/run` keeps one per machine) reuses this script.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).parent().expect("host/ has a parent").to_path_buf();
    let wasm = root.join("guest/dist/actionbox_guest.wasm");
    // The guest's own sources, and the contract crate it is built with.
    let sources = [
        root.join("guest/src"),
        root.join("guest/Cargo.toml"),
        root.join("guest/Cargo.lock"),
        root.join("wit"),
        root.join("crates/contract/src"),
        root.join("crates/contract/Cargo.toml"),
    ];
    for path in sources.iter().chain([&wasm]) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let built = match std::fs::metadata(&wasm).and_then(|m| m.modified()) {
        Ok(time) => time,
        Err(_) => stop(&format!("the guest module {} is missing.", wasm.display())),
    };
    if let Some((newest, time)) = sources.iter().filter_map(|p| newest_file(p)).max_by_key(|(_, t)| *t)
        && time > built
    {
        stop(&format!("the guest module is older than its source {}.", newest.display()));
    }
    println!("cargo:rustc-env=ACTIONBOX_GUEST_WASM={}", wasm.display());
    // Its hash, computed once here rather than by every process that starts an engine.
    let bytes = std::fs::read(&wasm).unwrap_or_else(|e| stop(&format!("{} cannot be read: {e}", wasm.display())));
    let hash: String = sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=ACTIONBOX_GUEST_SHA256={hash}");
}

fn stop(problem: &str) -> ! {
    eprintln!("\nerror: {problem}\n       Build the guest first:  ./guest/build.sh\n");
    std::process::exit(1);
}

/// The most recently modified file under `path` (or `path` itself).
fn newest_file(path: &Path) -> Option<(PathBuf, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return Some((path.to_path_buf(), meta.modified().ok()?));
    }
    std::fs::read_dir(path)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| newest_file(&entry.path()))
        .max_by_key(|(_, time)| *time)
}
