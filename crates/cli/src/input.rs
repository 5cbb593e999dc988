//! Reading what the command line names: sources, compiled Actions, events, secrets.

use std::path::Path;

use actionbox::{CompiledAction, Engine};
use serde_json::{Map, Value};

use crate::exit::Failure;

pub fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "action.js".into())
}

pub fn read_source(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::io(format!("reading {}: {e}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure::invalid_input(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// A `.wasm` artifact is loaded as is; anything else is compiled as JavaScript.
pub async fn load_action(engine: &Engine, path: &Path) -> Result<CompiledAction, Failure> {
    if path.extension().is_some_and(|ext| ext == "wasm") {
        let bytes = std::fs::read(path).map_err(|e| Failure::io(format!("reading {}: {e}", path.display())))?;
        return CompiledAction::from_wasm(&bytes)
            .map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())));
    }
    let source = read_source(path)?;
    engine.compile(&file_name(path), &source).await.map_err(|e| Failure::compile(e, path, &source))
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

/// The event file, with `--secret KEY=VALUE` pairs merged into `event.secrets`.
pub fn read_event(path: &Path, secrets: &[String]) -> Result<Value, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure::io(format!("reading {}: {e}", path.display())))?;
    let mut event: Value = serde_json::from_str(&text).map_err(|e| {
        Failure::invalid_input(format!(
            "{} is not valid JSON: {e} (line {}, column {})",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    if secrets.is_empty() {
        return Ok(event);
    }
    let Value::Object(fields) = &mut event else {
        return Err(Failure::invalid_input(format!("{}: the event must be a JSON object", path.display())));
    };
    let Value::Object(map) = fields.entry("secrets").or_insert_with(|| Value::Object(Default::default())) else {
        return Err(Failure::invalid_input(format!("{}: `secrets` must be an object", path.display())));
    };
    for pair in secrets {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| Failure::invalid_input(format!("--secret {pair}: expected KEY=VALUE")))?;
        map.insert(key.to_owned(), Value::String(value.to_owned()));
    }
    Ok(event)
}
