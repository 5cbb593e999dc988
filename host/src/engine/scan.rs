//! [`Engine::scan`]: the guest parses one file of an Action's dependencies and says what
//! it asks for (`guest/src/scan.rs`), under a compilation's limits; and
//! [`Engine::prepare_module`], which also has it compiled.

use wasmtime::Trap;

use super::Engine;
use super::trap::location;
use crate::bindings::ActionRuntime;
use crate::bindings::scan_types;
use crate::deps::{DependencyError, FileScan, Request, RequestKind, Syntax, SyntaxHint};
use crate::error::{Error, Result};
use crate::limits::{MAX_DEPENDENCY_FILE_BYTES, MAX_ERROR_MESSAGE_BYTES};
use crate::state::{Carried, HostState};
use crate::text;
use crate::trigger::Trigger;

// The interface holds only types.
impl scan_types::Host for crate::state::HostState {}

/// The most requests one file's scan reports; a file asking for more is refused as too
/// large (the largest file of the packages Actions use asks for a few dozen).
const MAX_REQUESTS_PER_FILE: usize = 10_000;
/// The longest module name kept.
const MAX_SPECIFIER_BYTES: usize = 1024;

impl Engine {
    /// Lists the modules `source` asks for, a file of an Action's dependencies named
    /// `filename`, read as `hint` says. The file is parsed in a fresh instance, with the
    /// CPU budget, deadline and memory of a compilation: whatever the file holds, the
    /// answer is a [`FileScan`] or an [`Error::Dependency`] naming the file.
    pub async fn scan(&self, filename: &str, source: &str, hint: SyntaxHint) -> Result<FileScan> {
        self.in_guest(filename, source, async |_, store, instance| {
            let sandbox = instance.actionbox_sandbox_contract_sandbox();
            let called = sandbox.call_scan(&mut *store, filename, source, wit_hint(hint)).await;
            called.map(|result| result.map(|scanned| (scanned, ())))
        })
        .await
        .map(|(scan, ())| scan)
    }

    /// Scans a file of the Action's packages, named `shown` in errors, and compiles it
    /// (under the name `path`, its `__filename` at run time): what it asks for and its
    /// bytecode, in one fresh instance.
    pub(crate) async fn prepare_module(
        &self,
        shown: &str,
        path: &str,
        source: &str,
        hint: SyntaxHint,
    ) -> Result<(FileScan, Vec<u8>)> {
        self.in_guest(shown, source, async |engine, store, instance| {
            let limits = engine.guest_limits();
            let called = instance
                .actionbox_sandbox_contract_sandbox()
                .call_prepare_module(&mut *store, path, source, wit_hint(hint), limits)
                .await;
            called.map(|result| result.map(|prepared| (prepared.scanned, prepared.bytecode)))
        })
        .await
    }

    /// Runs `call` on a fresh instance with a compilation's limits, for the file
    /// `filename` of size-checked `source`, and reads its answer.
    async fn in_guest<T>(
        &self,
        filename: &str,
        source: &str,
        call: impl AsyncFnOnce(
            &Engine,
            &mut wasmtime::Store<HostState>,
            &ActionRuntime,
        )
            -> wasmtime::Result<std::result::Result<(scan_types::Scanned, T), scan_types::ScanError>>,
    ) -> Result<(FileScan, T)> {
        let refuse = |reason| Error::Dependency { file: filename.to_owned(), reason };
        if source.len() > MAX_DEPENDENCY_FILE_BYTES {
            return Err(refuse(DependencyError::TooLarge { size: source.len(), limit: MAX_DEPENDENCY_FILE_BYTES }));
        }
        let _slot = self.slot()?;
        let mut store = self.new_store(Trigger::PostLogin, self.deadline()?, Carried::default());
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        let instance = self.instantiate(&self.inner.single, &mut store).await?;
        match call(self, &mut store, &instance).await {
            Ok(Ok((scanned, extra))) => file_scan(scanned).map(|scan| (scan, extra)).ok_or_else(|| {
                refuse(DependencyError::TooLarge { size: source.len(), limit: MAX_DEPENDENCY_FILE_BYTES })
            }),
            Ok(Err(scan_types::ScanError::Syntax(e))) => Err(refuse(DependencyError::Syntax {
                message: text::truncate(e.message, MAX_ERROR_MESSAGE_BYTES),
                location: e.location.map(location),
            })),
            Ok(Err(scan_types::ScanError::OutOfMemory)) => {
                Err(refuse(DependencyError::Limit(self.memory_error().to_string())))
            }
            Ok(Err(scan_types::ScanError::Exhausted)) => {
                Err(Error::Internal("a new instance has no JavaScript runtime left".into()))
            }
            Err(trap) => Err(refuse(match trap.downcast_ref::<Trap>() {
                // The parser's recursion ran out of the Wasm stack, or of the shadow
                // stack in linear memory (which then writes below address 0).
                Some(Trap::StackOverflow | Trap::MemoryOutOfBounds) => DependencyError::TooDeep,
                _ => DependencyError::Limit(self.classify_trap(&trap, &store).to_string()),
            })),
        }
    }
}

fn wit_hint(hint: SyntaxHint) -> scan_types::SyntaxHint {
    match hint {
        SyntaxHint::CommonJs => scan_types::SyntaxHint::Commonjs,
        SyntaxHint::Esm => scan_types::SyntaxHint::Esm,
    }
}

/// The guest's report, checked: bounded in size, names bounded in length. None when the
/// file asks for more than one file may.
fn file_scan(scanned: scan_types::Scanned) -> Option<FileScan> {
    if scanned.requests.len() > MAX_REQUESTS_PER_FILE || scanned.computed.len() > MAX_REQUESTS_PER_FILE {
        return None;
    }
    let requests = scanned
        .requests
        .into_iter()
        .filter(|r| r.specifier.len() <= MAX_SPECIFIER_BYTES)
        .map(|r| Request {
            specifier: r.specifier,
            kind: match r.kind {
                scan_types::RequestKind::Require => RequestKind::Require,
                scan_types::RequestKind::RequireResolve => RequestKind::RequireResolve,
                scan_types::RequestKind::StaticImport => RequestKind::StaticImport,
                scan_types::RequestKind::DynamicImport => RequestKind::DynamicImport,
            },
            guarded: r.guarded,
            location: location(r.location),
        })
        .collect();
    Some(FileScan {
        syntax: match scanned.syntax {
            scan_types::Syntax::Commonjs => Syntax::CommonJs,
            scan_types::Syntax::Esm => Syntax::Esm,
        },
        requests,
        computed: scanned.computed.into_iter().map(location).collect(),
    })
}
