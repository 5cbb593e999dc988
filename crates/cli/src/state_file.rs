//! The state file of a suspended flow (`flow run --state FILE`, `flow continue FILE`).
//!
//! It holds the sealed token the engine returned and where the flow came from (its file
//! and allowed roots), with a tag over both under the CLI's state key, so neither can be
//! edited: the file is refused before anything in it is used. The key lives in
//! `state.key` under the data directory (`actionbox::data_dir`), created private on first
//! use; it protects state files handed to others, not against someone who can read that
//! key file. The file itself is written 0600.
//!
//! Each token resumes once: `flow continue` records its id in `resumed-states` under the
//! data directory (kept until the token would have expired) before resuming, and refuses
//! an id already there.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use actionbox::files;
use actionbox::{Key, SuspendedFlow};
use serde::{Deserialize, Serialize};

use crate::exit::Failure;
use crate::flow_file::FlowSource;
use crate::input;

/// Separates this use of the state key from the engine's.
const PURPOSE: &str = "actionbox CLI state file";
/// The ledger of resumed ids, and its lock.
const LEDGER: &str = "resumed-states";

/// What a state file holds.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    flow: FlowSource,
    token: String,
    /// The hex tag (`Key::tag`) of the flow source (as JSON) and the token.
    tag: String,
}

/// A state file that passed its check.
pub struct Saved {
    pub flow: FlowSource,
    pub token: String,
}

/// The CLI's state key, created on first use.
pub fn key() -> Result<Key, Failure> {
    let dir = data_dir()?;
    Ok(Key::load_or_create(&dir.join("state.key"))?)
}

fn data_dir() -> Result<PathBuf, Failure> {
    actionbox::data_dir()
        .ok_or_else(|| Failure::io("no data directory: set ACTIONBOX_DATA_DIR, XDG_DATA_HOME or HOME".into()))
}

/// Writes the state file for `suspended` (0600, replacing `path` rather than writing
/// through a symlink there).
pub fn save(path: &Path, flow: &FlowSource, suspended: &SuspendedFlow) -> Result<(), Failure> {
    let token = suspended.token().to_owned();
    let tag = hex(&key()?.tag(PURPOSE, &[&source_bytes(flow), token.as_bytes()]));
    let text =
        serde_json::to_string_pretty(&StateFile { flow: flow.clone(), token, tag }).expect("the state serializes");
    write_private(path, text.as_bytes())
}

/// Writes `bytes` to `path` as a private file (0600), replacing `path` rather than
/// writing through a symlink there: state files and recordings.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let failed = |e: std::io::Error| Failure::io(format!("writing {}: {e}", path.display()));
    let name =
        path.file_name().ok_or_else(|| Failure::invalid_input(format!("{}: not a file name", path.display())))?;
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let dir = cap_std::fs::Dir::open_ambient_dir(parent, cap_std::ambient_authority()).map_err(failed)?;
    files::write_private_in(&dir, &name.to_string_lossy(), bytes).map_err(failed)
}

/// Reads a state file and checks its tag.
pub fn load(path: &Path) -> Result<Saved, Failure> {
    let bytes = input::read_file(path, actionbox::limits::MAX_STATE_FILE_BYTES)?;
    let refused =
        |why: String| Failure::invalid_input(format!("{}: not a usable suspended-flow state: {why}", path.display()));
    let file: StateFile = serde_json::from_slice(&bytes).map_err(|e| refused(e.to_string()))?;
    let tag = unhex(&file.tag).ok_or_else(|| refused("its tag is not hex".into()))?;
    if !key()?.verify(PURPOSE, &[&source_bytes(&file.flow), file.token.as_bytes()], &tag) {
        return Err(refused("it was changed, or written with another state key".into()));
    }
    Ok(Saved { flow: file.flow, token: file.token })
}

/// Records that `suspended` is being resumed; refuses it if it already was.
pub fn claim(path: &Path, suspended: &SuspendedFlow) -> Result<(), Failure> {
    let failed = |e: std::io::Error| Failure::io(format!("the ledger of resumed states: {e}"));
    let dir = files::private_dir(&data_dir()?).map_err(failed)?;
    let _lock = files::lock_in(&dir, &format!("{LEDGER}.lock")).map_err(failed)?;
    let now = millis(SystemTime::now());
    let existing = match files::read_regular_in(&dir, Path::new(LEDGER), actionbox::limits::MAX_RESUMED_LEDGER_BYTES) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(files::FileError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Failure::io(format!("the ledger of resumed states: {e}"))),
    };
    let mut kept = String::new();
    for line in existing.lines() {
        let Some((id, expires)) = line.split_once(' ') else { continue };
        if id == suspended.id() {
            return Err(Failure::invalid_input(format!("{}: this suspended flow was already resumed", path.display())));
        }
        if expires.parse::<u64>().is_ok_and(|expires| expires > now) {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept.push_str(&format!("{} {}\n", suspended.id(), millis(suspended.expires_at())));
    files::write_private_in(&dir, LEDGER, kept.as_bytes()).map_err(failed)
}

fn source_bytes(flow: &FlowSource) -> Vec<u8> {
    serde_json::to_vec(flow).expect("a flow source serializes")
}

fn millis(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}
