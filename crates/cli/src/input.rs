//! Reading what the command line names: sources, compiled Actions, events, secrets.
//!
//! Every file is read through `actionbox::files`: regular files only, never more than
//! its cap (below), so `--event /dev/zero` or a 300 MB file is refused before it is read.

use std::path::{Path, PathBuf};

use actionbox::deps::Registry;
use actionbox::files::{self, FileError};
use actionbox::{CompileOptions, CompiledAction, Engine, Error};
use serde_json::{Map, Value};

use crate::exit::Failure;

pub fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "action.js".into())
}

/// Reads `path`, at most `limit` bytes; the failure names the file and the limit.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, Failure> {
    files::read_regular(path, limit).map_err(|e| file_failure(path, e))
}

/// A file that could not be read: missing or unreadable files are I/O failures; what is
/// not a regular file, or too large, is invalid input.
pub fn file_failure(path: &Path, error: FileError) -> Failure {
    match error {
        FileError::Io(e) => Failure::io(format!("reading {}: {e}", path.display())),
        other => Failure::invalid_input(format!("{}: {other}", path.display())),
    }
}

/// What kind of file an Action path names, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionFile {
    Source,
    Compiled,
}

impl ActionFile {
    /// `.js`, `.cjs` and `.mjs` are sources (as are TypeScript's extensions, which the
    /// compiler then refuses with its own error); `.wasm` is a compiled Action. Nothing
    /// else is read as an Action, so no other file's content is ever quoted in an error.
    pub fn of(path: &Path) -> Result<Self, Failure> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        match extension {
            "wasm" => Ok(ActionFile::Compiled),
            "js" | "cjs" | "mjs" | "ts" | "tsx" | "mts" | "cts" => Ok(ActionFile::Source),
            _ => Err(Failure::invalid_input(format!(
                "{}: an Action is a JavaScript source (.js) or a compiled Action (.wasm)",
                path.display()
            ))),
        }
    }
}

/// The text of a source: UTF-8 (a leading byte order mark is skipped), at most the
/// source size limit.
pub fn source_text(path: &Path, bytes: Vec<u8>) -> Result<String, Failure> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let skipped = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    String::from_utf8(bytes[skipped..].to_vec()).map_err(|e| {
        Failure::invalid_input(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            skipped + e.utf8_error().valid_up_to()
        ))
    })
}

pub fn read_source(path: &Path) -> Result<String, Failure> {
    let limit = actionbox::limits::MAX_SOURCE_BYTES as u64;
    let bytes = files::read_regular(path, limit).map_err(|e| match e {
        FileError::TooLarge { size, .. } => {
            Failure::from(Error::SourceTooLarge { size: size as usize, limit: limit as usize })
        }
        other => file_failure(path, other),
    })?;
    source_text(path, bytes)
}

/// A `.wasm` artifact is loaded (and compiled again from the source it carries when
/// another actionbox guest compiled it); a source is compiled.
pub async fn load_action(engine: &Engine, path: &Path) -> Result<CompiledAction, Failure> {
    let action = load_action_as_is(engine, path).await?;
    if engine.is_current(&action) {
        return Ok(action);
    }
    // An artifact from another actionbox guest: compiled again from the source it carries.
    let action =
        engine.recompile(&action).await.map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))?;
    errln!("note: {} was compiled by another actionbox; compiled again from the source it carries", path.display());
    Ok(action)
}

/// The Action at `path` as it is: a source compiled, or an artifact read.
async fn load_action_as_is(engine: &Engine, path: &Path) -> Result<CompiledAction, Failure> {
    match ActionFile::of(path)? {
        ActionFile::Compiled => {
            let bytes = read_file(path, engine.config().artifact_limit_bytes())?;
            artifact(engine, path, &bytes)
        }
        ActionFile::Source => {
            let source = read_source(path)?;
            compile(engine, path, &source).await
        }
    }
}

/// Loads an artifact's bytes (checking its signature when the engine has a key).
pub fn artifact(engine: &Engine, path: &Path, bytes: &[u8]) -> Result<CompiledAction, Failure> {
    engine.load_artifact(bytes).map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))
}

/// Compiles a source, showing a compile error with its line.
pub async fn compile(engine: &Engine, path: &Path, source: &str) -> Result<CompiledAction, Failure> {
    let mut options = CompileOptions::new();
    options.project_dir(project_dir(path));
    if let Ok(registry) = registry(None) {
        options.module_registry(registry);
    }
    let action =
        engine.compile_with(&file_name(path), source, &options).await.map_err(|e| Failure::compile(e, path, source))?;
    for warning in action.warnings() {
        errln!("warning: {}", crate::render::escape(&warning.to_string()));
    }
    Ok(action)
}

/// The registry of Action Modules: `dir`, else `$ACTIONBOX_MODULES`, else `modules` in
/// actionbox's data directory.
pub fn registry(dir: Option<PathBuf>) -> Result<Registry, Failure> {
    dir.or_else(|| std::env::var_os("ACTIONBOX_MODULES").filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(Registry::default_dir)
        .map(Registry::new)
        .ok_or_else(|| {
            Failure::invalid_input("no registry of Action Modules: pass --registry DIR or set ACTIONBOX_MODULES".into())
        })
}

/// The directory an Action's packages are found from: the one holding its file.
fn project_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// KEY=VALUE pairs as a JSON object of strings.
pub fn pairs(flag: &str, pairs: &[String]) -> Result<Map<String, Value>, Failure> {
    pairs
        .iter()
        .map(|pair| {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| Failure::invalid_input(format!("{flag} {pair}: expected KEY=VALUE")))?;
            Ok((key.to_owned(), Value::String(value.to_owned())))
        })
        .collect()
}

/// The event file, with `--secret KEY=VALUE` pairs merged into `event.secrets` and
/// `--config KEY=VALUE` pairs into `event.configuration`.
pub fn read_event(path: &Path, secrets: &[String], configuration: &[String]) -> Result<Value, Failure> {
    let bytes = read_file(path, actionbox::limits::MAX_EVENT_FILE_BYTES)?;
    let mut event =
        actionbox::parse_event(&bytes).map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))?;
    for (field, flag, given) in [("secrets", "--secret", secrets), ("configuration", "--config", configuration)] {
        if given.is_empty() {
            continue;
        }
        let Value::Object(fields) = &mut event else {
            return Err(Failure::invalid_input(format!("{}: the event must be a JSON object", path.display())));
        };
        let Value::Object(map) = fields.entry(field).or_insert_with(|| Value::Object(Default::default())) else {
            return Err(Failure::invalid_input(format!("{}: `{field}` must be an object", path.display())));
        };
        map.extend(pairs(flag, given)?);
    }
    Ok(event)
}
