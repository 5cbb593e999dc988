//! The flow file: a trigger and its Actions, in order, with their secrets (TOML).
//!
//! ```toml
//! trigger = "post-login"
//!
//! [[actions]]
//! name = "roles"                       # optional; defaults to the path
//! path = "roles-claim/action.js"       # a source or a compiled .wasm, relative to this file
//! secrets = { API_KEY = "..." }        # optional
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use actionbox::{Engine, Flow, SuspendedFlow, Trigger};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::exit::Failure;
use crate::input;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowFile {
    trigger: Trigger,
    actions: Vec<ActionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionEntry {
    name: Option<String>,
    path: PathBuf,
    #[serde(default)]
    secrets: BTreeMap<String, String>,
}

/// What `flow run --state` saves: the flow file (as an absolute path) and the state.
#[derive(serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    flow: PathBuf,
    suspended: SuspendedFlow,
}

/// Saves a suspended flow for `actionbox flow continue`.
pub fn save_suspended(path: &Path, flow: &Path, suspended: &SuspendedFlow) -> Result<(), Failure> {
    let flow = std::fs::canonicalize(flow).map_err(|e| Failure::io(format!("{}: {e}", flow.display())))?;
    let text =
        serde_json::to_string_pretty(&StateFile { flow, suspended: suspended.clone() }).expect("the state serializes");
    std::fs::write(path, text).map_err(|e| Failure::io(format!("writing {}: {e}", path.display())))
}

/// Reads a state file and loads the flow it names.
pub async fn load_suspended(engine: &Engine, path: &Path) -> Result<(Flow, SuspendedFlow), Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure::io(format!("reading {}: {e}", path.display())))?;
    let file: StateFile = serde_json::from_str(&text)
        .map_err(|e| Failure::invalid_input(format!("{}: not a suspended flow: {e}", path.display())))?;
    let flow = load(engine, &file.flow).await?;
    Ok((flow, file.suspended))
}

/// Reads the flow file and compiles (or loads) each of its Actions.
pub async fn load(engine: &Engine, path: &Path) -> Result<Flow, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| Failure::io(format!("reading {}: {e}", path.display())))?;
    let file: FlowFile =
        toml::from_str(&text).map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))?;
    if file.actions.is_empty() {
        return Err(Failure::invalid_input(format!("{}: the flow has no [[actions]]", path.display())));
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let mut flow = Flow::new(file.trigger);
    for entry in file.actions {
        let action_path = base.join(&entry.path);
        let name = entry.name.unwrap_or_else(|| entry.path.display().to_string());
        let action = input::load_action(engine, &action_path).await?;
        let secrets: Map<String, Value> = entry.secrets.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
        flow.push(&name, action, secrets).map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))?;
    }
    Ok(flow)
}
