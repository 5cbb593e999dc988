//! The flow file: a trigger and its Actions, in order, with their secrets (TOML).
//!
//! ```toml
//! trigger = "post-login"
//!
//! [[actions]]
//! name = "roles"                       # optional; defaults to the path
//! path = "roles-claim/action.js"       # a .js source or a compiled .wasm
//! secrets = { API_KEY = "..." }        # optional
//! configuration = { REGION = "eu" }    # optional: `event.configuration`
//! # optional: where its `fetch` may go (default: the command line's flags)
//! egress = { allow_hosts = ["api.example.com"], allow_http = false, request_timeout = "5s" }
//! ```
//!
//! `egress` also takes `ca_certs` (paths relative to the flow file) and `allow_loopback`.
//!
//! An Action's `path` is relative to the flow file and must stay inside an allowed root:
//! the flow file's own directory, or the directories given with `--root`. Files are
//! opened through a capability handle on that root, so neither `..` nor a symlink leads
//! out of it, and only `.js` sources and `.wasm` artifacts are read.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use actionbox::files;
use actionbox::{Engine, ExecuteOptions, Flow, Trigger};
use cap_std::ambient_authority;
use cap_std::fs::Dir;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::exit::Failure;
use crate::flow_recording::FlowTape;
use crate::input::{self, ActionFile};
use crate::network::{EgressEntry, NetworkArgs};

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
    configuration: Option<BTreeMap<String, String>>,
    egress: Option<EgressEntry>,
}

/// Where a flow was loaded from: its file and the roots its Actions may come from, as
/// absolute paths (a suspended flow's state records them, to load the same flow again).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct FlowSource {
    pub file: PathBuf,
    pub roots: Vec<PathBuf>,
}

impl FlowSource {
    /// The flow file at `path`, with `roots` (the flow file's directory when empty).
    pub fn new(path: &Path, roots: &[PathBuf]) -> Result<Self, Failure> {
        let absolute = |p: &Path| std::fs::canonicalize(p).map_err(|e| Failure::io(format!("{}: {e}", p.display())));
        let file = absolute(path)?;
        let roots = if roots.is_empty() {
            vec![file.parent().unwrap_or(Path::new("/")).to_path_buf()]
        } else {
            roots.iter().map(|root| absolute(root)).collect::<Result<_, _>>()?
        };
        Ok(FlowSource { file, roots })
    }
}

/// Reads the flow file and compiles (or loads) each of its Actions; `network` gives the
/// policy of those whose entry has no `egress` table, and the mocks of all.
pub async fn load(
    engine: &Engine,
    source: &FlowSource,
    network: &NetworkArgs,
    tape: &FlowTape,
) -> Result<Flow, Failure> {
    let (egress, mocks) = (network.policy()?, network.mocks()?);
    let path = &source.file;
    let bytes = input::read_file(path, actionbox::limits::MAX_FLOW_FILE_BYTES)?;
    let text = input::source_text(path, bytes)?;
    let file: FlowFile = toml::from_str(&text).map_err(|e| toml_failure(path, &text, &e))?;
    if file.actions.is_empty() {
        return Err(Failure::invalid_input(format!("{}: the flow has no [[actions]]", path.display())));
    }
    let base = path.parent().unwrap_or(Path::new("/"));
    let mut flow = Flow::new(file.trigger);
    for (index, entry) in file.actions.into_iter().enumerate() {
        let shown = base.join(&entry.path);
        let (root, relative) = resolve(source, base, &entry.path).map_err(|why| {
            Failure::invalid_input(format!("{}: action `{}`: {why}", path.display(), entry.path.display()))
        })?;
        let name = entry.name.unwrap_or_else(|| entry.path.display().to_string());
        let action = load_action_in(engine, &root, &relative, &shown).await?;
        let secrets: Map<String, Value> = entry.secrets.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
        let policy = match entry.egress {
            Some(mut own) => {
                own.ca_certs = own.ca_certs.iter().map(|cert| base.join(cert)).collect();
                own.policy(&format!("{}: action `{name}`: egress", path.display()))?
            }
            None => egress.clone(),
        };
        let mut options = ExecuteOptions::from(secrets);
        options.egress(policy);
        if let Some(mocks) = &mocks {
            options.mocks(mocks.clone());
        }
        if let Some(configuration) = entry.configuration {
            options.configuration(configuration.into_iter().map(|(k, v)| (k, Value::String(v))).collect());
        }
        tape.apply(index, &name, &mut options)?;
        flow.push(&name, action, options).map_err(|e| Failure::invalid_input(format!("{}: {e}", path.display())))?;
    }
    Ok(flow)
}

/// The root holding `base/path` and the path inside it. `..` is resolved by name, and
/// the capability handle then refuses any symlink that would lead out of the root.
fn resolve(source: &FlowSource, base: &Path, path: &Path) -> Result<(PathBuf, PathBuf), String> {
    if path.is_absolute() {
        return Err("the path must be relative to the flow file".into());
    }
    let mut joined = PathBuf::new();
    for component in base.join(path).components() {
        match component {
            Component::ParentDir => {
                joined.pop();
            }
            Component::CurDir => {}
            other => joined.push(other),
        }
    }
    source
        .roots
        .iter()
        .find_map(|root| joined.strip_prefix(root).ok().map(|inside| (root.clone(), inside.to_path_buf())))
        .filter(|(_, inside)| !inside.as_os_str().is_empty())
        .ok_or_else(|| {
            let roots: Vec<String> = source.roots.iter().map(|r| r.display().to_string()).collect();
            format!(
                "the file is outside the allowed directories ({}); pass --root DIR to allow another",
                roots.join(", ")
            )
        })
}

/// Loads `relative` inside `root`; `shown` names it in messages.
async fn load_action_in(
    engine: &Engine,
    root: &Path,
    relative: &Path,
    shown: &Path,
) -> Result<actionbox::CompiledAction, Failure> {
    let kind = ActionFile::of(relative)?;
    let dir = Dir::open_ambient_dir(root, ambient_authority())
        .map_err(|e| Failure::io(format!("{}: {e}", root.display())))?;
    let limit = match kind {
        ActionFile::Compiled => engine.config().artifact_limit_bytes(),
        ActionFile::Source => actionbox::limits::MAX_SOURCE_BYTES as u64,
    };
    let bytes = files::read_regular_in(&dir, relative, limit).map_err(|e| match (kind, e) {
        (ActionFile::Source, files::FileError::TooLarge { size, limit }) => {
            Failure::from(actionbox::Error::SourceTooLarge { size: size as usize, limit: limit as usize })
        }
        // The flow file named it: a missing file, or one whose path leads out of the root
        // (a symlink), is an error in the flow file.
        (_, e) => Failure::invalid_input(format!("{}: {e}", shown.display())),
    })?;
    match kind {
        ActionFile::Compiled => input::artifact(engine, shown, &bytes),
        ActionFile::Source => {
            let source = input::source_text(shown, bytes)?;
            input::compile(engine, shown, &source).await
        }
    }
}

/// A TOML error with its position, without quoting the file.
fn toml_failure(path: &Path, text: &str, error: &toml::de::Error) -> Failure {
    let position = error.span().map(|span| {
        let before = &text[..span.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!(" (line {line}, column {column})")
    });
    Failure::invalid_input(format!(
        "{}: {}{}",
        path.display(),
        error.message().trim_end(),
        position.unwrap_or_default()
    ))
}
