//! Real npm packages for the tests: installed from the registry at test time with the
//! machine's `npm` (scripts off), into a folder under the build's target directory that
//! outlives the run, so the next run on the machine reuses it. Nothing is vendored into
//! the repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// How long one `npm install` may take before the test fails.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(600);

/// One install at a time in this process (tests run in parallel).
static INSTALLING: Mutex<()> = Mutex::new(());

/// A project directory under `cache` whose `package.json` pins `dependencies` (name,
/// exact version) and whose `node_modules` holds them, installed on first use. `None`
/// (with a notice) when this machine has no `npm`; a failed install panics with npm's
/// output.
pub fn project(cache: &Path, dependencies: &[(&str, &str)]) -> Option<PathBuf> {
    let manifest = manifest(dependencies);
    let key: String = Sha256::digest(manifest.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect();
    let dir = cache.join("npm").join(key);
    let _one = INSTALLING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if dir.join(".installed").is_file() {
        return Some(dir);
    }
    if Command::new("npm").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_err() {
        eprintln!("note: no `npm` on this machine; the tests of real npm packages are skipped");
        return None;
    }
    // Installed beside, then moved into place: an interrupted install is never reused.
    let scratch = cache.join("npm").join(format!(
        "{}.partial-{}",
        dir.file_name().unwrap().to_string_lossy(),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("a scratch folder for npm");
    std::fs::write(scratch.join("package.json"), &manifest).expect("package.json to write");
    install(&scratch);
    std::fs::write(scratch.join(".installed"), "").expect("the marker to write");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&scratch, &dir).expect("the installed project to move into place");
    Some(dir)
}

fn manifest(dependencies: &[(&str, &str)]) -> String {
    let dependencies: serde_json::Map<String, serde_json::Value> =
        dependencies.iter().map(|(name, version)| ((*name).to_owned(), (*version).into())).collect();
    let manifest = serde_json::json!({ "name": "actionbox-npm-test", "private": true, "dependencies": dependencies });
    serde_json::to_string_pretty(&manifest).expect("a manifest serializes")
}

/// `npm install` in `dir`, scripts off, bounded by [`INSTALL_TIMEOUT`].
fn install(dir: &Path) {
    let log = dir.join(".npm-install.log");
    let output = std::fs::File::create(&log).expect("npm's log to create");
    let mut child = Command::new("npm")
        .args(["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=error"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(output.try_clone().expect("npm's log"))
        .stderr(output)
        .spawn()
        .expect("npm to start");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("npm to be waited for") {
            break status;
        }
        if started.elapsed() > INSTALL_TIMEOUT {
            let _ = child.kill();
            panic!("npm install in {} took more than {INSTALL_TIMEOUT:?}", dir.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "npm install in {} failed ({status}):\n{}",
        dir.display(),
        std::fs::read_to_string(&log).unwrap_or_default()
    );
}
