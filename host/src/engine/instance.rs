//! The instance a flow's Actions run in, and the one rule for reusing it: an Action that
//! finished without failing, and grew the memory by at most
//! [`REUSE_GROWTH_BYTES`](crate::limits::REUSE_GROWTH_BYTES), leaves its instance to the
//! next Action (which runs in a JavaScript runtime no Action used); otherwise the next
//! Action gets a new instance, in a new store, after the old one is dropped, so a flow
//! holds one instance at a time.

use std::time::Instant;

use serde_json::Value;
use wasmtime::Store;

use super::{Engine, Timing, internal};
use crate::action::CompiledAction;
use crate::bindings::types::RunError;
use crate::bindings::{ActionRuntime, ActionRuntimePre};
use crate::error::{ActionError, Result};
use crate::limits::{self, REUSE_GROWTH_BYTES};
use crate::options::ExecuteOptions;
use crate::outcome::Outcome;
use crate::prepare;
use crate::state::{Carried, Continuation, HostState};
use crate::trigger::Trigger;

/// Whether an instance may serve the next Action of its flow after one that ended with
/// `failure` and grew the memory by `grown_bytes`.
pub(super) fn may_serve_next(failure: Option<&ActionError>, grown_bytes: usize) -> bool {
    failure.is_none() && grown_bytes <= REUSE_GROWTH_BYTES
}

/// A store and the instance in it that a flow's next Action may run in.
pub(crate) struct Held {
    store: Store<HostState>,
    instance: ActionRuntime,
}

/// What a flow holds between its Actions: the instance the last Action left (in its
/// store, with the state the flow carries), or, when none is left, that state alone.
#[allow(clippy::large_enum_variant, reason = "one per flow, on its stack")]
pub(crate) enum InstanceLease {
    Idle(Carried),
    Holding(Held),
}

impl InstanceLease {
    pub(crate) fn new(carried: Carried) -> Self {
        InstanceLease::Idle(carried)
    }

    /// Drops the instance (and its store, as [`Engine::dispose`] does), keeping what the
    /// flow carries.
    async fn release(&mut self, engine: &Engine) -> Carried {
        match std::mem::replace(self, InstanceLease::Idle(Carried::default())) {
            InstanceLease::Idle(carried) => carried,
            InstanceLease::Holding(held) => engine.dispose_carrying(held.store).await,
        }
    }

    /// The flow-wide totals so far.
    pub(crate) fn totals(&self) -> &crate::state::Totals {
        match self {
            InstanceLease::Idle(carried) => &carried.totals,
            InstanceLease::Holding(held) => &held.store.data().totals,
        }
    }
}

/// What one Action of a flow is run with.
pub(crate) struct FlowStep<'a> {
    pub trigger: Trigger,
    pub deadline: Instant,
    pub action: &'a CompiledAction,
    pub event: &'a Value,
    pub handler: &'a str,
    pub continuation: Option<Continuation>,
    /// This Action's options (its `fetch` policy and mocks).
    pub options: &'a ExecuteOptions,
}

impl Engine {
    /// Runs one Action of a flow. It runs in the instance `slot` holds when that has a
    /// JavaScript runtime no Action used; otherwise in a new instance of the flow
    /// snapshot, in a new store (the old one is dropped first, so the flow holds one
    /// instance at a time). Afterwards `slot` holds the instance for the next Action, or
    /// only the carried state when this one failed or grew the memory past
    /// [`REUSE_GROWTH_BYTES`].
    pub(crate) async fn execute_in_flow(&self, slot: &mut InstanceLease, step: FlowStep<'_>) -> Result<Outcome> {
        let request = self.request(step.trigger, step.action, step.event, step.handler)?;
        let started = Instant::now();
        let limits = self.guest_limits();
        if let InstanceLease::Holding(held) = slot {
            held.store.data_mut().begin_action(step.event, step.continuation.clone());
            held.store.data_mut().modules = step.action.modules_shared();
            self.connect(held.store.data_mut(), step.options);
            self.arm(&mut held.store);
            let timing = Timing { instantiated: Some(Instant::now()), ran: None };
            let ticket = self.ticket(held.store.data_mut());
            let call = held.instance.actionbox_sandbox_contract_sandbox().call_run(&mut held.store, &request, limits);
            let called = self.scheduled(&ticket, call).await;
            if !matches!(called, Ok(Err(RunError::Exhausted))) {
                let timing = Timing { ran: Some(Instant::now()), ..timing };
                let (outcome, reusable) =
                    self.finish(&mut held.store, called, step.action.source(), started, timing)?;
                if !reusable {
                    slot.release(self).await;
                }
                return Ok(outcome);
            }
        }
        let carried = slot.release(self).await;
        let mut store = self.new_store(step.trigger, step.deadline, carried);
        store.data_mut().begin_action(step.event, step.continuation);
        store.data_mut().modules = step.action.modules_shared();
        self.connect(store.data_mut(), step.options);
        self.arm(&mut store);
        let pre = self.flow_snapshot().await?;
        // Short from here: long runners wait while this one is instantiated, too.
        let ticket = self.ticket(store.data_mut());
        let instance = self.instantiate(pre, &mut store).await?;
        let timing = Timing { instantiated: Some(Instant::now()), ran: None };
        let call = instance.actionbox_sandbox_contract_sandbox().call_run(&mut store, &request, limits);
        let called = self.scheduled(&ticket, call).await;
        let timing = Timing { ran: Some(Instant::now()), ..timing };
        let (outcome, reusable) = self.finish(&mut store, called, step.action.source(), started, timing)?;
        *slot = if reusable {
            InstanceLease::Holding(Held { store, instance })
        } else {
            InstanceLease::Idle(self.dispose_carrying(store).await)
        };
        Ok(outcome)
    }

    /// The flow snapshot, prepared the first time a flow runs (before the flow's
    /// deadline starts: the preparation takes seconds).
    pub(crate) async fn flow_snapshot(&self) -> Result<&ActionRuntimePre<HostState>> {
        let inner = &self.inner;
        inner
            .flow
            .get_or_try_init(|| async {
                let flow = prepare::snapshot(&inner.engine, inner.cache.as_ref(), limits::FLOW_RUNTIMES).await?;
                inner.linker.instantiate_pre(&flow).and_then(ActionRuntimePre::new).map_err(internal)
            })
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::state::Carried;
    use wasmtime::component::types::ComponentItem;

    /// How many calls one instance of a snapshot serves before it has no runtime left.
    async fn runtimes_in(engine: &Engine, pre: &ActionRuntimePre<HostState>) -> usize {
        let mut store = engine.new_store(Trigger::PostLogin, engine.deadline().unwrap(), Carried::default());
        engine.arm(&mut store);
        let instance = engine.instantiate(pre, &mut store).await.unwrap();
        let mut served = 0;
        loop {
            let limits = engine.guest_limits();
            let source = "exports.onExecutePostLogin = async () => {};";
            match instance
                .actionbox_sandbox_contract_sandbox()
                .call_compile(&mut store, "a.js", source, &[], crate::bindings::types::NodeRuntime::Node22, limits)
                .await
            {
                Ok(Ok(_)) => served += 1,
                Ok(Err(crate::bindings::types::CompileError::Exhausted)) => return served,
                other => panic!("compile failed: {other:?}"),
            }
        }
    }

    #[test]
    fn the_flow_snapshot_has_the_runtimes_it_was_asked_for_and_the_single_one_has_one() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(async {
            let mut config = Config::default();
            config.guest_cache_dir(None).max_concurrent(2);
            let engine = Engine::new(config).await.unwrap();
            let flow = engine.flow_snapshot().await.unwrap();
            assert_eq!(runtimes_in(&engine, flow).await, limits::FLOW_RUNTIMES);
            assert_eq!(runtimes_in(&engine, &engine.inner.single).await, 1);
        });
    }

    /// Every import function costs every instantiation, so the guest keeps few: its own
    /// interfaces (the event loop's one wait, `fetch` and `crypto`'s one call among them) and the
    /// pre-initialization question, and of WASI only what the preview 1
    /// adapter needs for the clocks and random numbers (`guest/src/wasi.rs` answers the
    /// rest inside the guest).
    #[test]
    fn the_guest_imports_only_its_interfaces_clocks_and_random_numbers() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(async {
            let mut config = Config::default();
            config.guest_cache_dir(None).max_concurrent(1);
            let engine = Engine::new(config).await.unwrap();
            let component = engine.inner.single.instance_pre().component();
            let engine = component.engine();
            // The interfaces that hold only types (the namespaces' calls) cost nothing.
            let has_functions = |item: &ComponentItem| match item {
                ComponentItem::ComponentInstance(instance) => {
                    instance.exports(engine).any(|(_, item)| matches!(item.ty, ComponentItem::ComponentFunc(_)))
                }
                _ => true,
            };
            let types = component.component_type();
            let mut imports: Vec<&str> = types
                .imports(engine)
                .filter(|(_, item)| has_functions(&item.ty))
                .map(|(name, _)| name.split('@').next().unwrap_or(name))
                .collect();
            imports.sort();
            assert_eq!(
                imports,
                [
                    "actionbox-sandbox:api/cache",
                    "actionbox-sandbox:api/dispatch",
                    "actionbox-sandbox:contract/console",
                    "actionbox-sandbox:contract/crypto",
                    "actionbox-sandbox:contract/event-loop",
                    "actionbox-sandbox:contract/fetch",
                    "actionbox-sandbox:contract/modules",
                    "actionbox-sandbox:contract/pre-initialization",
                    "wasi:cli/stderr",
                    "wasi:clocks/monotonic-clock",
                    "wasi:clocks/wall-clock",
                    "wasi:io/streams",
                    "wasi:random/random",
                ]
            );
        });
    }
}
