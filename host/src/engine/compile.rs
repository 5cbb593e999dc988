//! [`Engine::compile`]: an Action's source to a [`CompiledAction`], with its packages.
//!
//! In order: the size and TypeScript checks; the guest's scan of the Action's own file
//! for the modules it asks for; the walk over its dependency graph (`deps/walk.rs`),
//! each file compiled by the guest in a fresh instance ([`Engine::prepare_module`]);
//! then the Action itself, whose top level runs once, in a fresh instance that loads
//! the packaged modules it requires, to learn the handlers it exports.

use std::path::{Path, PathBuf};

use super::Engine;
use super::trap::{location, threw};
use crate::action::{CompiledAction, NodeRuntime};
use crate::bindings::types::CompileError;
use crate::deps::walk::{Walked, walk};
use crate::deps::{Modules, Registry, Syntax, SyntaxHint};
use crate::error::{Error, Result};
use crate::limits::{MAX_ERROR_MESSAGE_BYTES, MAX_EXPORT_NAME_BYTES, MAX_EXPORTS};
use crate::state::Carried;
use crate::text;
use crate::trigger::Trigger;

/// How an Action is compiled: where its packages and Action Modules are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CompileOptions {
    project: Option<PathBuf>,
    registry: Option<Registry>,
    /// The runtime of an Action recompiled from an artifact (which has no manifest).
    runtime: Option<NodeRuntime>,
}

impl CompileOptions {
    pub fn new() -> Self {
        Self::default()
    }

    /// The Action's directory: its `package.json` (the manifest) and `node_modules`.
    /// Without one, an Action may `require` built-in modules only.
    pub fn project_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.project = Some(dir.into());
        self
    }

    /// The Action's directory, when one was given.
    pub fn project(&self) -> Option<&Path> {
        self.project.as_deref()
    }

    /// The registry `require('actions:<name>')` finds the Action Modules its manifest
    /// pins in. Without one, an Action may use none.
    pub fn module_registry(&mut self, registry: Registry) -> &mut Self {
        self.registry = Some(registry);
        self
    }
}

impl Engine {
    /// Compiles an Action's source. `filename` names it in errors and stack traces. It
    /// may `require` built-in modules only: [`compile_with`](Self::compile_with) gives it
    /// its packages.
    pub async fn compile(&self, filename: &str, source: &str) -> Result<CompiledAction> {
        self.compile_with(filename, source, &CompileOptions::default()).await
    }

    /// Compiles an Action's source with its packages: every module reachable from its
    /// `require` calls is resolved (Node's algorithm, from the project directory),
    /// compiled in the guest and stored in the artifact, which then needs no
    /// `node_modules` to run. A name that leads nowhere is an [`Error::Dependency`]
    /// naming the file and line, or, inside `try`, a warning
    /// ([`CompiledAction::warnings`]).
    ///
    /// The guest parses the source and runs its top level once, under the same limits
    /// as an execution, to learn which handlers it exports.
    pub async fn compile_with(&self, filename: &str, source: &str, options: &CompileOptions) -> Result<CompiledAction> {
        crate::source::check_before_compile(filename, source)?;
        let scanned = match self.scan(filename, source, SyntaxHint::CommonJs).await {
            Ok(scan) if scan.syntax == Syntax::CommonJs => Some(scan),
            // ES module syntax and syntax errors: the guest's compilation below reports
            // them, as it always has, with QuickJS's place for the error.
            Ok(_) | Err(Error::Dependency { .. }) => None,
            Err(e) => return Err(e),
        };
        let mut walked = match &scanned {
            Some(scan) => walk(self, options.project(), options.registry.as_ref(), filename, scan).await?,
            None => Walked { modules: Modules::default(), runtime: NodeRuntime::default(), warnings: Vec::new() },
        };
        if let Some(runtime) = options.runtime {
            walked.runtime = runtime;
        }
        let (handlers, bytecode) = self.compile_action(filename, source, &walked.modules, walked.runtime).await?;
        Ok(CompiledAction::new(filename, source, handlers, bytecode, &self.inner.guest_sha256, walked))
    }

    /// Whether `action` was compiled by this engine's guest, so that it can run here.
    pub fn is_current(&self, action: &CompiledAction) -> bool {
        action.guest_sha256() == self.inner.guest_sha256
    }

    /// `action` compiled again by this engine's guest from the source it carries, when
    /// another guest compiled it (an artifact from an older actionbox); `action` itself
    /// when it is current. The guest's SHA-256, which the artifact records, stands for
    /// the guest and the contract it was built with.
    ///
    /// An Action with packaged modules cannot be: the artifact carries their bytecode,
    /// not their sources. It is an [`Error::InvalidArtifact`] that says to compile it
    /// again from its directory, as is an artifact without its source.
    pub async fn recompile(&self, action: &CompiledAction) -> Result<CompiledAction> {
        if self.is_current(action) {
            return Ok(action.clone());
        }
        if !action.modules().modules.is_empty() {
            return Err(Error::InvalidArtifact(
                "it was compiled by another actionbox guest and carries npm packages or Action Modules, which only its directory can compile again: run `actionbox compile` on its source there".into(),
            ));
        }
        let Some(source) = action.source() else {
            return Err(Error::InvalidArtifact(
                "it was compiled by another actionbox guest and does not carry its source: compile the source again"
                    .into(),
            ));
        };
        let options = CompileOptions { runtime: Some(action.runtime()), ..CompileOptions::default() };
        self.compile_with(action.filename(), source, &options).await
    }

    /// The guest compiles the Action and runs its top level with `modules`, as on
    /// `runtime`.
    async fn compile_action(
        &self,
        filename: &str,
        source: &str,
        modules: &Modules,
        runtime: NodeRuntime,
    ) -> Result<(Vec<String>, Vec<u8>)> {
        let _slot = self.slot()?;
        let mut store = self.new_store(Trigger::PostLogin, self.deadline()?, Carried::default());
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        store.data_mut().modules = std::sync::Arc::new(modules.clone());
        let limits = self.guest_limits();
        let links = modules.wit_links(&modules.action_links);
        let instance = self.instantiate(&self.inner.single, &mut store).await?;
        let called = instance
            .actionbox_sandbox_contract_sandbox()
            .call_compile(&mut store, filename, source, &links, runtime.to_wit(), limits)
            .await;
        match called {
            Ok(Ok(compiled)) => {
                // Export names are the Action's text: bounded in number and length (no
                // handler name comes near either bound).
                let handlers =
                    compiled.handlers.into_iter().filter(|name| name.len() <= MAX_EXPORT_NAME_BYTES).take(MAX_EXPORTS);
                Ok((handlers.collect(), compiled.bytecode))
            }
            Ok(Err(CompileError::Syntax(e))) => {
                let message = text::truncate(e.message, MAX_ERROR_MESSAGE_BYTES);
                Err(crate::source::explain_syntax_error(source, message, e.location.map(location)))
            }
            Ok(Err(CompileError::Threw(e))) => Err(Error::TopLevel(threw(e, Some(source)))),
            Ok(Err(CompileError::OutOfMemory)) => Err(Error::TopLevel(self.memory_error())),
            Ok(Err(CompileError::Exhausted)) => {
                Err(Error::Internal("a new instance has no JavaScript runtime left".into()))
            }
            Err(trap) => Err(Error::TopLevel(self.classify_trap(&trap, &store))),
        }
    }
}
