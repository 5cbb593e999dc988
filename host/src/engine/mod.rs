//! [`Engine`]: wasmtime configured once, the prepared guest, and a fresh instance for
//! every `compile` and `execute`.
//!
//! One engine serves any number of concurrent executions (it is `Clone` and `Send`).
//! Each execution gets its own store and instance from the pooling allocator, whose
//! copy-on-write memory images start it from the pre-initialized snapshot; nothing
//! survives it. Limits: fuel for CPU, the epoch callback for the deadline, the memory
//! limiter for linear memory, QuickJS's own caps for its heap and stack (`limits.rs`).
//!
//! Every call holds one of [`Config::max_concurrent`] slots while it runs (a flow holds
//! one for all its Actions, which never hold more than one instance at a time); when none
//! is free the call fails at once with [`Error::Busy`], so a full pool is never blamed on
//! an Action.
//!
//! This file holds the engine's public calls; flows are run by `flow::runner`, which the
//! flow calls here hand over to. The rest of the engine, one concern per file:
//! `compile.rs` (compiling an Action and walking its packages), `scan.rs` (the guest's
//! reading of one file of them), `pool.rs` (wasmtime's configuration and pool sizing), `store.rs` (a store with its
//! limits and deadline), `instance.rs` (a flow's instance, and the rule for reusing it),
//! `trap.rs` (what a trap or a thrown value means), `outcome.rs` (a run's result as an
//! [`Outcome`]), `schedule.rs` and `cpu_time.rs` (short executions first).

use std::sync::Arc;
use std::time::Instant;

use serde_json::Value;
use tokio::sync::{OnceCell, OwnedSemaphorePermit, Semaphore};
use wasmtime::component::{HasSelf, Linker};
use wasmtime::{PoolConcurrencyLimitError, Store};

use crate::action::CompiledAction;
use crate::bindings::types::RunRequest;
use crate::bindings::{ActionRuntime, ActionRuntimePre};
use crate::config::Config;
use crate::epoch::EpochTicker;
use crate::error::{Error, Result};
use crate::event;
use crate::fetch::{Clients, Requests};
use crate::flow::{self, ContinueRequest, Flow, FlowOutcome};
use crate::options::ExecuteOptions;
use crate::outcome::Outcome;
use crate::prepare::{self, GuestCache};
use crate::recording::Tape;
use crate::snapshot::Snapshots;
use crate::state::{Carried, HostState};
use crate::suspended::SuspendedFlow;
use crate::trigger::Trigger;

mod compile;
mod cpu_time;
mod instance;
mod outcome;
mod pool;
mod publish;
mod scan;
mod schedule;
mod store;
mod trap;

pub use compile::CompileOptions;
pub(crate) use instance::{FlowStep, InstanceLease};
pub(crate) use outcome::Timing;
pub use schedule::{DEFAULT_YIELD_FUEL, RECHECK};
pub(crate) use schedule::{LongRunner, Scheduler, Ticket};
use trap::threw;

/// Compiles and executes Actions. Create one per process and share it.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    engine: wasmtime::Engine,
    linker: Linker<HostState>,
    /// The snapshot with one JavaScript runtime: compiling and single executions.
    single: ActionRuntimePre<HostState>,
    /// The snapshot with several, for the Actions of a flow; prepared at the first flow.
    flow: OnceCell<ActionRuntimePre<HostState>>,
    /// The single-runtime snapshot as a component not yet compiled, which per-Action
    /// snapshots start from; made at the first.
    base: OnceCell<Arc<Vec<u8>>>,
    /// Per-Action snapshots (`snapshot/`).
    snapshots: Snapshots,
    cache: Option<GuestCache>,
    /// One permit per pool slot.
    slots: Arc<Semaphore>,
    config: Config,
    guest_sha256: String,
    ticker: EpochTicker,
    /// Short executions first (`schedule.rs`).
    scheduler: Arc<Scheduler>,
    /// The HTTP clients of `fetch`, one per transport, built at first use.
    clients: Arc<Clients>,
}

/// A call's result as wasmtime returns it.
pub(crate) type Called<T, E> = std::result::Result<std::result::Result<T, E>, wasmtime::Error>;

impl Engine {
    /// Configures wasmtime and prepares the guest (from the cache directory when it holds
    /// a valid copy; otherwise pre-initializing and compiling it, about two seconds).
    pub async fn new(config: Config) -> Result<Self> {
        config.validate()?;
        let engine = wasmtime::Engine::new(&pool::wasmtime_config(&config)).map_err(internal)?;
        let cache =
            config.guest_cache_dir.as_deref().and_then(|dir| GuestCache::open(dir, config.guest_cache_key.as_ref()));
        let single = prepare::snapshot(&engine, cache.as_ref(), 1).await?;
        let mut linker = Linker::<HostState>::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut linker).map_err(internal)?;
        ActionRuntime::add_to_linker::<HostState, HasSelf<HostState>>(&mut linker, |state| state).map_err(internal)?;
        let single = linker.instantiate_pre(&single).and_then(ActionRuntimePre::new).map_err(internal)?;
        let snapshots = Snapshots::new(config.max_snapshots);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let scheduler = Arc::new(Scheduler::new(Scheduler::turns_for(threads)));
        let ticker = EpochTicker::start(engine.clone(), scheduler.clone())
            .map_err(|e| Error::Internal(format!("starting the epoch ticker: {e}")))?;
        let slots = Arc::new(Semaphore::new(config.max_concurrent as usize));
        Ok(Engine {
            inner: Arc::new(Inner {
                engine,
                linker,
                single,
                flow: OnceCell::new(),
                base: OnceCell::new(),
                snapshots,
                cache,
                slots,
                config,
                guest_sha256: prepare::guest_sha256(),
                ticker,
                scheduler,
                clients: Arc::default(),
            }),
        })
    }

    /// The configuration this engine was created with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Reads a compiled artifact ([`CompiledAction::to_wasm`]'s format): at most
    /// [`Config::artifact_limit`] bytes and, when the engine has an
    /// [artifact key](Config::artifact_key), signed with it.
    pub fn load_artifact(&self, bytes: &[u8]) -> Result<CompiledAction> {
        let limit = self.inner.config.artifact_limit_bytes;
        if bytes.len() as u64 > limit {
            return Err(Error::InvalidArtifact(format!("it is {} bytes; the limit is {limit}", bytes.len())));
        }
        CompiledAction::decode(bytes, self.inner.config.artifact_key.as_ref())
    }

    /// The artifact's bytes, signed when the engine has an [artifact key](Config::artifact_key).
    pub fn save_artifact(&self, action: &CompiledAction) -> Vec<u8> {
        action.encode(self.inner.config.artifact_key.as_ref())
    }

    /// Runs the trigger's handler of `action` with `event`, in a fresh instance.
    ///
    /// `Err` means the call itself was wrong (an invalid event, an artifact from another
    /// guest, no handler for the trigger) or the engine is busy. Whatever happens inside
    /// the Action, including every limit, is reported in the [`Outcome`]'s decision, with
    /// the logs and commands produced until then.
    pub async fn execute(&self, trigger: Trigger, action: &CompiledAction, event: &Value) -> Result<Outcome> {
        self.execute_with(trigger, action, event, &ExecuteOptions::default()).await
    }

    /// [`execute`](Engine::execute) with the options of this execution: the Action's
    /// secrets and configuration, which replace the event's. Options outside the
    /// platform's limits are an [`Error::InvalidEvent`] naming the field.
    pub async fn execute_with(
        &self,
        trigger: Trigger,
        action: &CompiledAction,
        event: &Value,
        options: &ExecuteOptions,
    ) -> Result<Outcome> {
        options.check()?;
        let given;
        let event = if options.changes_event() {
            let mut patched = event.clone();
            options.apply_to(&mut patched);
            given = patched;
            &given
        } else {
            event
        };
        let request = self.request(trigger, action, event, trigger.handler())?;
        let slot = self.slot()?;
        let started = Instant::now();
        let mut store = self.new_store(trigger, self.deadline()?, Carried::default());
        store.data_mut().begin_action(event, None);
        store.data_mut().modules = action.modules_shared();
        self.connect(store.data_mut(), options);
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        let snapshots = &self.inner.snapshots;
        let snapshot = if snapshots.is_empty() { None } else { snapshots.get(&action.snapshot_key()) };
        // Short from here: long runners wait while this one is instantiated, too.
        let ticket = self.ticket(store.data_mut());
        let instance = self.instantiate(snapshot.as_ref().unwrap_or(&self.inner.single), &mut store).await?;
        let mut timing = Timing { instantiated: Some(Instant::now()), ran: None };
        let call = instance.actionbox_sandbox_contract_sandbox().call_run(&mut store, &request, self.guest_limits());
        let called = self.scheduled(&ticket, call).await;
        timing.ran = Some(Instant::now());
        let (outcome, _) = self.finish(&mut store, called, action.source(), started, timing)?;
        self.dispose(store, slot).await;
        Ok(outcome)
    }

    /// Checks a run before it takes a slot: the artifact, the handler, the event.
    fn request(&self, trigger: Trigger, action: &CompiledAction, event: &Value, handler: &str) -> Result<RunRequest> {
        self.check_artifact(action)?;
        if !action.handlers().iter().any(|h| h == handler) {
            return Err(Error::NoHandler { handler: handler.into(), exported: action.handlers().to_vec() });
        }
        Ok(RunRequest {
            bytecode: action.bytecode().to_vec(),
            filename: action.filename().to_owned(),
            runtime: action.runtime().to_wit(),
            trigger: crate::trigger::to_wit(trigger),
            handler: handler.to_owned(),
            event: event::check_and_encode(trigger, event)?,
            links: action.modules().wit_links(&action.modules().action_links),
        })
    }

    /// Whether this engine's guest can run `action`: compiled by the same guest, its
    /// bytecode within the memory limit.
    pub(crate) fn check_artifact(&self, action: &CompiledAction) -> Result<()> {
        if action.guest_sha256() != self.inner.guest_sha256 {
            return Err(Error::InvalidArtifact(
                "it was compiled by a different actionbox guest: `Engine::recompile` compiles it again from the source it carries (the CLI does so when it loads it), or compile the source again".into(),
            ));
        }
        let bytecode_limit = (self.inner.config.memory_bytes / 4).min(self.inner.config.artifact_limit_bytes);
        if action.bytecode().len() as u64 > bytecode_limit {
            return Err(Error::InvalidArtifact(format!(
                "its bytecode is {} bytes; at most {bytecode_limit} can run within the memory limit",
                action.bytecode().len()
            )));
        }
        Ok(())
    }

    pub(crate) fn inner_snapshots(&self) -> &Snapshots {
        &self.inner.snapshots
    }

    pub(crate) fn guest_cache(&self) -> Option<&GuestCache> {
        self.inner.cache.as_ref()
    }

    /// The host's imports, as every instance is linked.
    pub(crate) fn linker(&self) -> &Linker<HostState> {
        &self.inner.linker
    }

    pub(crate) fn wasmtime(&self) -> &wasmtime::Engine {
        &self.inner.engine
    }

    /// The single-runtime snapshot as a component, made at the first call.
    pub(crate) async fn base_component(&self) -> Result<Arc<Vec<u8>>> {
        self.inner
            .base
            .get_or_try_init(|| async { prepare::component_wasm(&self.inner.engine, 1).await.map(Arc::new) })
            .await
            .cloned()
    }

    /// `component` ready to instantiate with the host's imports.
    pub(crate) fn instantiate_pre(
        &self,
        component: &wasmtime::component::Component,
    ) -> Result<ActionRuntimePre<HostState>> {
        self.inner.linker.instantiate_pre(component).and_then(ActionRuntimePre::new).map_err(internal)
    }

    /// Gives the Action about to run in `state` its outside world under `options`: its
    /// requests (the policy, the mocks, the engine's clients) and, when it records or
    /// replays, the tape its requests, clocks and random numbers go through.
    pub(crate) fn connect(&self, state: &mut HostState, options: &ExecuteOptions) {
        let tape = Tape::new(options.tape_mode());
        state.requests = Requests::new(
            options.egress_policy().clone(),
            self.inner.clients.clone(),
            options.mocks_given().cloned(),
            tape.clone(),
        );
        state.set_tape(tape);
    }

    /// A scheduler ticket for the Action about to run in the store of `state`, which
    /// the store's limiter and event loop mark long ([`schedule::LongRunner`]).
    pub(crate) fn ticket(&self, state: &mut HostState) -> Ticket {
        let ticket = self.inner.scheduler.ticket(state.deadline);
        state.long_runner = Some(ticket.long_runner());
        ticket
    }

    /// Runs `call`, a guest call running an Action, as `ticket` says (`schedule.rs`).
    pub(crate) async fn scheduled<F: std::future::Future>(&self, ticket: &Ticket, call: F) -> F::Output {
        self.inner.scheduler.run(ticket, self.inner.config.demote_long_runners, call).await
    }

    /// One of the pool's slots, or [`Error::Busy`] when all are taken.
    pub(crate) fn slot(&self) -> Result<OwnedSemaphorePermit> {
        self.inner
            .slots
            .clone()
            .try_acquire_owned()
            .map_err(|_| Error::Busy { max_concurrent: self.inner.config.max_concurrent })
    }

    /// When an execution starting now must end.
    pub(crate) fn deadline(&self) -> Result<Instant> {
        Instant::now()
            .checked_add(self.inner.config.timeout)
            .ok_or_else(|| Error::InvalidConfig("the timeout is too long for this clock".into()))
    }

    /// A new instance in `store`. A full pool is the engine's problem, not the Action's.
    async fn instantiate(
        &self,
        pre: &ActionRuntimePre<HostState>,
        store: &mut Store<HostState>,
    ) -> Result<ActionRuntime> {
        pre.instantiate_async(store).await.map_err(|e| {
            if e.downcast_ref::<PoolConcurrencyLimitError>().is_some() {
                Error::Busy { max_concurrent: self.inner.config.max_concurrent }
            } else {
                Error::Internal(format!("instantiating the guest: {e:#}"))
            }
        })
    }

    /// Runs the flow's Actions in order on `event` (each Action sees its own secrets and
    /// configuration, from the options it was added with). `Err` means the call itself
    /// was wrong, as for [`Engine::execute`].
    pub async fn run_flow(&self, flow: &Flow, event: &Value) -> Result<FlowOutcome> {
        flow::runner::run(self, flow, event).await
    }

    /// Checks a suspended flow's token (see [`SuspendedFlow`]) and returns it, ready for
    /// [`Engine::resume_flow`]: its signature under [`Config::state_key`], its expiry and
    /// its fields. A token that fails any check is an [`Error::InvalidState`].
    pub fn open_suspended(&self, token: &str) -> Result<SuspendedFlow> {
        SuspendedFlow::open(&self.config().state_key, token, std::time::SystemTime::now())
    }

    /// Resumes a flow suspended by a redirect, a challenge or a prompt: the `state` must
    /// match (otherwise the flow ends with `invalid_request`), the event gets a new
    /// `request` carrying the continue parameters, the deadline restarts, the same
    /// Action's continue handler runs (when it exports one), then the remaining Actions.
    /// `changes` holds only what came after.
    ///
    /// Each token should resume once: when [`SuspendedFlow::accepts`] the request, record
    /// [`SuspendedFlow::id`] before calling this, and refuse an id already recorded (until
    /// [`SuspendedFlow::expires_at`]).
    pub async fn resume_flow(
        &self,
        flow: &Flow,
        suspended: &SuspendedFlow,
        request: &ContinueRequest,
    ) -> Result<FlowOutcome> {
        flow::runner::resume(self, flow, suspended, request).await
    }
}

fn internal(e: wasmtime::Error) -> Error {
    Error::Internal(format!("{e:#}"))
}
