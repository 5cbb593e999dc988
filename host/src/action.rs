//! [`CompiledAction`]: an Action's bytecode and metadata, and its file format.
//!
//! On disk a compiled Action is a `.wasm` file with no code, only custom sections:
//! `actionbox-meta` (JSON: format, file name, handlers, hashes), `actionbox-bytecode`,
//! `actionbox-source` (the source it was compiled from, which errors are explained with:
//! a caret under the line, the name of what was called), for an Action with packages
//! `actionbox-modules` and `actionbox-module-code` (`deps/modules.rs`), and, when it was
//! signed, `actionbox-signature`. Loading one checks that it has nothing
//! else and no section twice, that its bytecode matches its hash and keeps QuickJS's own
//! checksum in force, and (at execution) that it was compiled by the same guest, whose
//! QuickJS reads it.
//!
//! QuickJS bytecode is trusted input to the guest: an artifact must come from
//! `actionbox compile` run by the operator. Hashes catch corruption and stale artifacts,
//! not forgery. An embedder that keeps artifacts where others could write gives the
//! engine an artifact key ([`Config::artifact_key`](crate::Config::artifact_key)): it
//! signs what it saves and refuses what it loads without a valid signature. A forged
//! artifact would still run only inside the sandbox.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::deps::walk::Walked;
use crate::deps::{DependencyWarning, Modules};
use crate::error::{Error, Result};
use crate::key::Key;

const META_SECTION: &str = "actionbox-meta";
const BYTECODE_SECTION: &str = "actionbox-bytecode";
const SOURCE_SECTION: &str = "actionbox-source";
const MODULES_SECTION: &str = "actionbox-modules";
const MODULE_CODE_SECTION: &str = "actionbox-module-code";
const SIGNATURE_SECTION: &str = "actionbox-signature";
/// Separates this use of an artifact key from others.
const SIGNATURE_PURPOSE: &str = "actionbox artifact";
/// QuickJS-ng's bytecode starts with a version byte and a 32-bit checksum; this checksum
/// value tells it to skip the check.
const UNCHECKED_BYTECODE: [u8; 4] = [0xff; 4];
const FORMAT: u32 = 1;

/// A compiled Action, ready to execute any number of times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledAction {
    meta: Meta,
    bytecode: Vec<u8>,
    /// The source, when the artifact carries it (artifacts written before it did do not).
    source: Option<String>,
    /// Its packaged modules (npm packages, Action Modules).
    modules: Arc<Modules>,
    /// What compiling it warned about (not kept in the artifact).
    warnings: Vec<DependencyWarning>,
}

/// The Node.js version an Action declares (`"actionbox": { "runtime": "node18" }` in its
/// `package.json`): what `process.version` and `process.versions` report to it and to
/// its modules. Nothing else differs between the two.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeRuntime {
    #[default]
    Node22,
    Node18,
}

impl NodeRuntime {
    /// Every runtime, the default first.
    pub const ALL: [NodeRuntime; 2] = [NodeRuntime::Node22, NodeRuntime::Node18];

    /// As a manifest names it: `node22`.
    pub fn name(self) -> &'static str {
        match self {
            NodeRuntime::Node22 => "node22",
            NodeRuntime::Node18 => "node18",
        }
    }

    /// The runtime a manifest names, if it is one.
    pub fn from_name(name: &str) -> Option<Self> {
        NodeRuntime::ALL.into_iter().find(|runtime| runtime.name() == name)
    }

    pub(crate) fn to_wit(self) -> crate::bindings::types::NodeRuntime {
        match self {
            NodeRuntime::Node22 => crate::bindings::types::NodeRuntime::Node22,
            NodeRuntime::Node18 => crate::bindings::types::NodeRuntime::Node18,
        }
    }

    fn is_default(&self) -> bool {
        *self == NodeRuntime::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    format: u32,
    filename: String,
    handlers: Vec<String>,
    /// SHA-256 of the guest module that compiled it.
    guest_sha256: String,
    source_sha256: String,
    bytecode_sha256: String,
    /// SHA-256 of the module index and the module code, one after the other, when it
    /// has packaged modules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    modules_sha256: Option<String>,
    /// The Node.js version it declared (absent: the default).
    #[serde(default, skip_serializing_if = "NodeRuntime::is_default")]
    runtime: NodeRuntime,
}

impl CompiledAction {
    pub(crate) fn new(
        filename: &str,
        source: &str,
        handlers: Vec<String>,
        bytecode: Vec<u8>,
        guest_sha256: &str,
        walked: Walked,
    ) -> Self {
        let Walked { modules, runtime, warnings } = walked;
        let modules_sha256 = (!modules.is_empty()).then(|| {
            let (index, code) = modules.encode();
            hex_sha256_of(&[&index, &code])
        });
        let meta = Meta {
            format: FORMAT,
            filename: filename.to_owned(),
            handlers,
            guest_sha256: guest_sha256.to_owned(),
            source_sha256: hex_sha256(source.as_bytes()),
            bytecode_sha256: hex_sha256(&bytecode),
            modules_sha256,
            runtime,
        };
        CompiledAction { meta, bytecode, source: Some(source.to_owned()), modules: Arc::new(modules), warnings }
    }

    /// The file name given at compile time; stack traces name it.
    pub fn filename(&self) -> &str {
        &self.meta.filename
    }

    /// The Node.js version it declared, which `process.version` reports.
    pub fn runtime(&self) -> NodeRuntime {
        self.meta.runtime
    }

    /// The functions the Action exports, `onExecutePostLogin` for example.
    pub fn handlers(&self) -> &[String] {
        &self.meta.handlers
    }

    /// SHA-256 (hex) of the source it was compiled from.
    pub fn source_sha256(&self) -> &str {
        &self.meta.source_sha256
    }

    /// The source it was compiled from, when the artifact carries it.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Its packaged modules: the files of its npm packages it may `require`, each with
    /// its path from the Action's directory and its kind.
    pub fn modules(&self) -> &Modules {
        &self.modules
    }

    pub(crate) fn modules_shared(&self) -> Arc<Modules> {
        self.modules.clone()
    }

    /// What compiling it warned about: optional dependencies that are not installed, for
    /// example. Empty for an artifact read from a file.
    pub fn warnings(&self) -> &[DependencyWarning] {
        &self.warnings
    }

    /// What names this Action's per-Action snapshot: a SHA-256 over its metadata, which
    /// holds the hashes of the guest, the source, the bytecode and the packaged modules,
    /// and its file name, handlers and runtime.
    pub(crate) fn snapshot_key(&self) -> [u8; 32] {
        let meta = serde_json::to_vec(&self.meta).expect("the metadata to serialize");
        let mut hasher = Sha256::new();
        hasher.update(b"actionbox action snapshot\0");
        hasher.update(&meta);
        hasher.finalize().into()
    }

    pub(crate) fn guest_sha256(&self) -> &str {
        &self.meta.guest_sha256
    }

    pub(crate) fn bytecode(&self) -> &[u8] {
        &self.bytecode
    }

    /// The artifact as a `.wasm` file's bytes, unsigned.
    pub fn to_wasm(&self) -> Vec<u8> {
        self.encode(None)
    }

    /// The artifact as a `.wasm` file's bytes, signed with `key` when one is given.
    pub(crate) fn encode(&self, key: Option<&Key>) -> Vec<u8> {
        let meta = serde_json::to_vec(&self.meta).expect("metadata serializes");
        let mut module = wasm_encoder::Module::new();
        module.section(&wasm_encoder::CustomSection { name: META_SECTION.into(), data: (&meta[..]).into() });
        module
            .section(&wasm_encoder::CustomSection { name: BYTECODE_SECTION.into(), data: (&self.bytecode[..]).into() });
        if let Some(source) = &self.source {
            module
                .section(&wasm_encoder::CustomSection { name: SOURCE_SECTION.into(), data: source.as_bytes().into() });
        }
        let (index, code) = if self.modules.is_empty() { Default::default() } else { self.modules.encode() };
        if !self.modules.is_empty() {
            module.section(&wasm_encoder::CustomSection { name: MODULES_SECTION.into(), data: (&index[..]).into() });
            module.section(&wasm_encoder::CustomSection { name: MODULE_CODE_SECTION.into(), data: (&code[..]).into() });
        }
        if let Some(key) = key {
            let source = self.source.as_deref().unwrap_or_default().as_bytes();
            let mut signed: Vec<&[u8]> = vec![&meta, &self.bytecode, source];
            if !self.modules.is_empty() {
                signed.extend([&index[..], &code[..]]);
            }
            let signature = key.tag(SIGNATURE_PURPOSE, &signed);
            module.section(&wasm_encoder::CustomSection {
                name: SIGNATURE_SECTION.into(),
                data: (&signature[..]).into(),
            });
        }
        module.finish()
    }

    /// Reads an artifact written by [`to_wasm`](Self::to_wasm). A signature, if present,
    /// is not checked: use [`Engine::load_artifact`](crate::Engine::load_artifact) with
    /// an artifact key for that.
    pub fn from_wasm(bytes: &[u8]) -> Result<Self> {
        Self::decode(bytes, None)
    }

    /// Reads an artifact; with a key, only one whose signature matches.
    pub(crate) fn decode(bytes: &[u8], key: Option<&Key>) -> Result<Self> {
        let invalid = |message: &str| Error::InvalidArtifact(message.to_owned());
        let (mut meta, mut bytecode, mut source, mut signature) = (None, None, None, None);
        let (mut index, mut code) = (None, None);
        for payload in wasmparser::Parser::new(0).parse_all(bytes) {
            let payload = payload.map_err(|e| Error::InvalidArtifact(format!("not a WebAssembly file: {e}")))?;
            match payload {
                wasmparser::Payload::Version { .. } | wasmparser::Payload::End(_) => {}
                wasmparser::Payload::CustomSection(section) => {
                    let slot = match section.name() {
                        META_SECTION => &mut meta,
                        BYTECODE_SECTION => &mut bytecode,
                        SOURCE_SECTION => &mut source,
                        MODULES_SECTION => &mut index,
                        MODULE_CODE_SECTION => &mut code,
                        SIGNATURE_SECTION => &mut signature,
                        _ => continue,
                    };
                    if slot.replace(section.data()).is_some() {
                        return Err(Error::InvalidArtifact(format!("the section `{}` appears twice", section.name())));
                    }
                }
                _ => {
                    return Err(invalid(
                        "it is a WebAssembly module with code, not a compiled Action (run `actionbox compile` on the JavaScript source)",
                    ));
                }
            }
        }
        let meta_bytes = meta.ok_or_else(|| invalid("no actionbox metadata: not produced by `actionbox compile`"))?;
        let bytecode = bytecode.ok_or_else(|| invalid("no bytecode section"))?;
        if let Some(key) = key {
            let signature =
                signature.ok_or_else(|| invalid("it is not signed, and this engine requires signed artifacts"))?;
            let mut signed = vec![meta_bytes, bytecode, source.unwrap_or_default()];
            if let (Some(index), Some(code)) = (index, code) {
                signed.extend([index, code]);
            }
            if !key.verify(SIGNATURE_PURPOSE, &signed, signature) {
                return Err(invalid("its signature does not match (it was changed, or signed with another key)"));
            }
        }
        let meta: Meta = serde_json::from_slice(meta_bytes)
            .map_err(|e| Error::InvalidArtifact(format!("unreadable metadata: {e}")))?;
        if meta.format != FORMAT {
            return Err(Error::InvalidArtifact(format!(
                "format {} is not supported (this build reads format {FORMAT})",
                meta.format
            )));
        }
        if hex_sha256(bytecode) != meta.bytecode_sha256 {
            return Err(invalid("the bytecode does not match its hash (the file is corrupt)"));
        }
        match bytecode.get(1..5) {
            None => return Err(invalid("its bytecode is truncated")),
            Some(checksum) if checksum == UNCHECKED_BYTECODE => {
                return Err(invalid("its bytecode turns QuickJS's own checksum off"));
            }
            Some(_) => {}
        }
        let modules = match (index, code) {
            (None, None) if meta.modules_sha256.is_none() => Modules::default(),
            (Some(index), Some(code)) => {
                if meta.modules_sha256.as_deref() != Some(hex_sha256_of(&[index, code]).as_str()) {
                    return Err(invalid("its modules do not match their hash (the file is corrupt)"));
                }
                Modules::decode(index, code).map_err(Error::InvalidArtifact)?
            }
            _ => return Err(invalid("its module sections are incomplete")),
        };
        let source = match source {
            None => None,
            Some(bytes) => {
                if hex_sha256(bytes) != meta.source_sha256 {
                    return Err(invalid("the source does not match its hash (the file is corrupt)"));
                }
                Some(String::from_utf8(bytes.to_vec()).map_err(|_| invalid("its source is not UTF-8"))?)
            }
        };
        Ok(CompiledAction {
            meta,
            bytecode: bytecode.to_vec(),
            source,
            modules: Arc::new(modules),
            warnings: Vec::new(),
        })
    }
}

/// Whether `bytecode` is long enough to hold QuickJS's header and keeps its checksum on.
pub(crate) fn bytecode_checked(bytecode: &[u8]) -> bool {
    bytecode.get(1..5).is_some_and(|checksum| checksum != UNCHECKED_BYTECODE)
}

pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    hex_sha256_of(&[bytes])
}

fn hex_sha256_of(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
