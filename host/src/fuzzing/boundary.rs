//! The host's side of the WIT boundary without a guest: a store as an execution has it,
//! whose imports a fuzz target calls in any order, with any values, before and after the
//! run's answer is taken ([`Import::Settle`]), as a flow's next Action would
//! ([`Import::NextAction`]). Requests are answered by mocks only: nothing here reaches
//! a network.

use std::time::Instant;

use arbitrary::Arbitrary;
use serde_json::Value;
use wasmtime::Store;

use crate::bindings::actionbox_sandbox::api::cache::{Host as _, SetOptions};
use crate::bindings::actionbox_sandbox::api::dispatch::{Host as Dispatch, MethodCall};
use crate::bindings::actionbox_sandbox::contract::console::{Host as _, Level};
use crate::bindings::actionbox_sandbox::contract::crypto::{Host as Crypto, Operation};
use crate::bindings::actionbox_sandbox::contract::event_loop::Host as _;
use crate::bindings::actionbox_sandbox::contract::fetch::{Host as _, Request};
use crate::bindings::actionbox_sandbox::contract::modules::Host as _;
use crate::bindings::actionbox_sandbox::contract::pre_initialization::Host as _;
use crate::bindings::types::{RunError, RunReport};
use crate::engine::Timing;
use crate::error::Result;
use crate::state::{Carried, HostState};
use crate::{Engine, ExecuteOptions, Mocks, Outcome, Trigger};

/// One call across the boundary, as the guest could make it, or one step of the host's.
#[derive(Debug, Arbitrary)]
pub enum Import {
    Dispatch(MethodCall),
    CacheGet(String),
    CacheSet(String, String, SetOptions),
    CacheDelete(String),
    Console(Level, String),
    FetchStart(Request),
    FetchCancel(u32),
    FetchTake(u32),
    /// The event loop's wait; at most until the execution's deadline.
    Wait(Option<u64>),
    Crypto(Operation),
    ModulesLoad(u32),
    ModulesFind(String, String),
    PreloadedAction,
    /// The guest's `run` answered: the host takes the outcome as the engine does.
    Settle(Result<RunReport, RunError>),
    /// The store serves the next Action of a flow.
    NextAction,
}

/// How much the store holds: what the limits of the seed bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footprint {
    pub commands: usize,
    pub warnings: usize,
    pub keys: usize,
}

/// A store of `trigger`, as [`Engine::execute_with`] prepares one, with no instance.
pub struct Boundary {
    engine: Engine,
    store: Store<HostState>,
    event: Value,
    started: Instant,
}

impl Boundary {
    /// A store for `trigger` whose Action got `event`; its deadline is the engine's
    /// timeout from now. Requests are answered by `mocks` (none match: every request is
    /// refused as not mocked).
    pub fn new(engine: &Engine, trigger: Trigger, event: Value, mocks: Mocks) -> Result<Self> {
        let mut store = engine.new_store(trigger, engine.deadline()?, Carried::default());
        store.data_mut().begin_action(&event, None);
        let mut options = ExecuteOptions::new();
        options.mocks(mocks);
        engine.connect(store.data_mut(), &options);
        Ok(Boundary { engine: engine.clone(), store, event, started: Instant::now() })
    }

    /// Makes one call. What the import answered is dropped: the oracle is that it
    /// answers at all, and what the store holds after ([`Boundary::footprint`]). A
    /// settled run gives its outcome, or the typed error of a run the caller got wrong.
    pub async fn call(&mut self, import: Import) -> Option<Result<Outcome>> {
        let state = self.store.data_mut();
        match import {
            Import::Dispatch(call) => drop(Dispatch::call(state, call)),
            Import::CacheGet(key) => drop(state.get(key).await),
            Import::CacheSet(key, value, options) => drop(state.set(key, value, options).await),
            Import::CacheDelete(key) => drop(state.delete(key).await),
            Import::Console(level, text) => state.write(level, text),
            Import::FetchStart(request) => drop(state.start(request)),
            Import::FetchCancel(id) => state.cancel(id),
            Import::FetchTake(id) => drop(state.take(id)),
            Import::Wait(nanoseconds) => drop(state.wait(nanoseconds).await),
            Import::Crypto(operation) => drop(Crypto::call(state, operation)),
            Import::ModulesLoad(id) => drop(state.load(id)),
            Import::ModulesFind(directory, specifier) => drop(state.find(directory, specifier)),
            Import::PreloadedAction => drop(state.preloaded_action()),
            Import::Settle(answer) => {
                let timing = Timing { instantiated: Some(self.started), ran: Some(Instant::now()) };
                let finished = self.engine.finish(&mut self.store, Ok(answer), None, self.started, timing);
                return Some(finished.map(|(outcome, _)| outcome));
            }
            Import::NextAction => state.begin_action(&self.event, None),
        }
        None
    }

    /// What the store holds now.
    pub fn footprint(&self) -> Footprint {
        let state = self.store.data();
        Footprint {
            commands: state.record.commands.len(),
            warnings: state.record.warnings.len(),
            keys: state.keys.len(),
        }
    }
}
