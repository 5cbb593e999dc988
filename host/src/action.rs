//! [`CompiledAction`]: an Action's bytecode and metadata, and its file format.
//!
//! On disk a compiled Action is a `.wasm` file with no code, only two custom sections:
//! `actionbox-meta` (JSON: format, file name, handlers, hashes) and `actionbox-bytecode`.
//! Loading one checks that it has nothing else, that its bytecode matches its hash, and
//! (at execution) that it was compiled by the same guest, whose QuickJS reads it.
//!
//! QuickJS bytecode is trusted input to the guest: an artifact must come from
//! `actionbox compile` run by the operator. Hashes catch corruption and stale
//! artifacts, not forgery; a forged one still runs only inside the sandbox.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

const META_SECTION: &str = "actionbox-meta";
const BYTECODE_SECTION: &str = "actionbox-bytecode";
const FORMAT: u32 = 1;

/// A compiled Action, ready to execute any number of times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledAction {
    meta: Meta,
    bytecode: Vec<u8>,
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
}

impl CompiledAction {
    pub(crate) fn new(
        filename: &str,
        source: &str,
        handlers: Vec<String>,
        bytecode: Vec<u8>,
        guest_sha256: &str,
    ) -> Self {
        let meta = Meta {
            format: FORMAT,
            filename: filename.to_owned(),
            handlers,
            guest_sha256: guest_sha256.to_owned(),
            source_sha256: hex_sha256(source.as_bytes()),
            bytecode_sha256: hex_sha256(&bytecode),
        };
        CompiledAction { meta, bytecode }
    }

    /// The file name given at compile time; stack traces name it.
    pub fn filename(&self) -> &str {
        &self.meta.filename
    }

    /// The functions the Action exports, `onExecutePostLogin` for example.
    pub fn handlers(&self) -> &[String] {
        &self.meta.handlers
    }

    /// SHA-256 (hex) of the source it was compiled from.
    pub fn source_sha256(&self) -> &str {
        &self.meta.source_sha256
    }

    pub(crate) fn guest_sha256(&self) -> &str {
        &self.meta.guest_sha256
    }

    pub(crate) fn bytecode(&self) -> &[u8] {
        &self.bytecode
    }

    /// The artifact as a `.wasm` file's bytes.
    pub fn to_wasm(&self) -> Vec<u8> {
        let meta = serde_json::to_vec(&self.meta).expect("metadata serializes");
        let mut module = wasm_encoder::Module::new();
        module.section(&wasm_encoder::CustomSection { name: META_SECTION.into(), data: meta.into() });
        module
            .section(&wasm_encoder::CustomSection { name: BYTECODE_SECTION.into(), data: (&self.bytecode[..]).into() });
        module.finish()
    }

    /// Reads an artifact written by [`to_wasm`](Self::to_wasm).
    pub fn from_wasm(bytes: &[u8]) -> Result<Self> {
        let invalid = |message: &str| Error::InvalidArtifact(message.to_owned());
        let mut meta = None;
        let mut bytecode = None;
        for payload in wasmparser::Parser::new(0).parse_all(bytes) {
            let payload = payload.map_err(|e| Error::InvalidArtifact(format!("not a WebAssembly file: {e}")))?;
            match payload {
                wasmparser::Payload::Version { .. } | wasmparser::Payload::End(_) => {}
                wasmparser::Payload::CustomSection(section) if section.name() == META_SECTION => {
                    let parsed: Meta = serde_json::from_slice(section.data())
                        .map_err(|e| Error::InvalidArtifact(format!("unreadable metadata: {e}")))?;
                    meta = Some(parsed);
                }
                wasmparser::Payload::CustomSection(section) if section.name() == BYTECODE_SECTION => {
                    bytecode = Some(section.data().to_vec());
                }
                wasmparser::Payload::CustomSection(_) => {}
                _ => {
                    return Err(invalid(
                        "it is a WebAssembly module with code, not a compiled Action (run `actionbox compile` on the JavaScript source)",
                    ));
                }
            }
        }
        let meta = meta.ok_or_else(|| invalid("no actionbox metadata: not produced by `actionbox compile`"))?;
        let bytecode = bytecode.ok_or_else(|| invalid("no bytecode section"))?;
        if meta.format != FORMAT {
            return Err(Error::InvalidArtifact(format!(
                "format {} is not supported (this build reads format {FORMAT})",
                meta.format
            )));
        }
        if hex_sha256(&bytecode) != meta.bytecode_sha256 {
            return Err(invalid("the bytecode does not match its hash (the file is corrupt)"));
        }
        Ok(CompiledAction { meta, bytecode })
    }
}

pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
