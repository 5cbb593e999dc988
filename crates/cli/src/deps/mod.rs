//! `actionbox deps`: an Action's npm dependencies, installed and pinned (`install.rs`) and
//! checked against the registry's security advisories (`audit.rs`).
//!
//! Both work on the Action's directory, whose `package.json` is the manifest `compile`
//! reads (see the README's "npm packages").

mod audit;
mod install;

use std::path::Path;
use std::process::{Command, Stdio};

pub use audit::audit;
pub use install::install;

use crate::exit::Failure;

/// Whether `npm` answers on this machine; the failure says how to get it.
fn npm_present() -> Result<(), Failure> {
    let answered = Command::new("npm").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    match answered {
        Ok(status) if status.success() => Ok(()),
        _ => Err(Failure::invalid_input(
            "npm is not installed on this machine (it comes with Node.js: https://nodejs.org)".into(),
        )),
    }
}

/// Reads a small text file of the Action's directory, or `None` when it is absent.
fn read_text(path: &Path) -> Result<Option<String>, Failure> {
    match crate::input::read_file(path, actionbox::limits::MAX_DEPENDENCY_FILE_BYTES as u64) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| Failure::invalid_input(format!("{} is not UTF-8", path.display()))),
        Err(_) if !path.exists() => Ok(None),
        Err(failure) => Err(failure),
    }
}
