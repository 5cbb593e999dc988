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

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::{OnceCell, OwnedSemaphorePermit, Semaphore};
use wasmtime::component::{HasSelf, Linker};
use wasmtime::{
    Enabled, InstanceAllocationStrategy, OptLevel, PoolConcurrencyLimitError, PoolingAllocationConfig, Store, Trap,
    UpdateDeadline,
};

use crate::action::CompiledAction;
use crate::bindings::types::{CompileError, Exception, Limits, RunError, RunRequest};
use crate::bindings::{ActionRuntime, ActionRuntimePre};
use crate::cache::ApiCache;
use crate::config::Config;
use crate::epoch::EpochTicker;
use crate::error::{ActionError, Error, Location, Result};
use crate::limits::{
    MAX_ERROR_MESSAGE_BYTES, MAX_ERROR_NAME_BYTES, MAX_ERROR_STACK_BYTES, MAX_EXPORT_NAME_BYTES, MAX_EXPORTS,
    REUSE_GROWTH_BYTES, WASM_STACK_BYTES,
};
use crate::options::ExecuteOptions;
use crate::outcome::{Command, Decision, Interaction, Outcome, SessionCommand, Usage, Warning};
use crate::prepare::{self, GuestCache};
use crate::redact::Redactor;
use crate::state::{Carried, Continuation, HostState, Record};
use crate::trigger::Trigger;
use crate::{event, limits, text};

/// Linear memory kept resident in a pool slot between instances, so a fresh instance
/// does not fault the snapshot's heap in again. With `PAGEMAP_SCAN` (Linux 6.7+) only
/// the pages an execution dirtied are reset; elsewhere the low addresses are rewritten.
const KEEP_RESIDENT_BYTES: usize = 4 * 1024 * 1024;
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
    cache: Option<GuestCache>,
    /// One permit per pool slot.
    slots: Arc<Semaphore>,
    config: Config,
    guest_sha256: String,
    ticker: EpochTicker,
}

/// A store and the instance in it that a flow's next Action may run in.
pub(crate) struct Held {
    store: Store<HostState>,
    instance: ActionRuntime,
}

/// The store state a flow carries between its Actions: in the store of the instance the
/// last Action left, or, when none is left, on its own.
#[allow(clippy::large_enum_variant, reason = "one per flow, on its stack")]
pub(crate) enum FlowSlot {
    Idle(Carried),
    Holding(Held),
}

impl FlowSlot {
    pub(crate) fn new(carried: Carried) -> Self {
        FlowSlot::Idle(carried)
    }

    /// Drops the instance (and its store), keeping what the flow carries.
    fn release(&mut self) -> Carried {
        match std::mem::replace(self, FlowSlot::Idle(Carried::default())) {
            FlowSlot::Idle(carried) => carried,
            FlowSlot::Holding(held) => held.store.into_data().into_carried(),
        }
    }

    /// The flow-wide totals so far.
    pub(crate) fn totals(&self) -> &crate::state::Totals {
        match self {
            FlowSlot::Idle(carried) => &carried.totals,
            FlowSlot::Holding(held) => &held.store.data().totals,
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
}

/// A call's result as wasmtime returns it.
type Called<T, E> = std::result::Result<std::result::Result<T, E>, wasmtime::Error>;

impl Engine {
    /// Configures wasmtime and prepares the guest (from the cache directory when it holds
    /// a valid copy; otherwise pre-initializing and compiling it, about two seconds).
    pub async fn new(config: Config) -> Result<Self> {
        config.validate()?;
        let engine = wasmtime::Engine::new(&wasmtime_config(&config)).map_err(internal)?;
        let cache =
            config.guest_cache_dir.as_deref().and_then(|dir| GuestCache::open(dir, config.guest_cache_key.as_ref()));
        let single = prepare::snapshot(&engine, cache.as_ref(), 1).await?;
        let mut linker = Linker::<HostState>::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut linker).map_err(internal)?;
        ActionRuntime::add_to_linker::<HostState, HasSelf<HostState>>(&mut linker, |state| state).map_err(internal)?;
        let single = linker.instantiate_pre(&single).and_then(ActionRuntimePre::new).map_err(internal)?;
        let ticker = EpochTicker::start(engine.clone())
            .map_err(|e| Error::Internal(format!("starting the epoch ticker: {e}")))?;
        let slots = Arc::new(Semaphore::new(config.max_concurrent as usize));
        Ok(Engine {
            inner: Arc::new(Inner {
                engine,
                linker,
                single,
                flow: OnceCell::new(),
                cache,
                slots,
                config,
                guest_sha256: prepare::guest_sha256(),
                ticker,
            }),
        })
    }

    /// The configuration this engine was created with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Compiles an Action's source. `filename` names it in errors and stack traces.
    ///
    /// The guest parses the source and runs its top level once, under the same limits
    /// as an execution, to learn which handlers it exports.
    pub async fn compile(&self, filename: &str, source: &str) -> Result<CompiledAction> {
        crate::source::check_before_compile(filename, source)?;
        let _slot = self.slot()?;
        let mut store = self.new_store(Trigger::PostLogin, self.deadline()?, Carried::default());
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        let limits = self.guest_limits();
        let instance = self.instantiate(&self.inner.single, &mut store).await?;
        let called = instance.actionbox_runtime_sandbox().call_compile(&mut store, filename, source, limits).await;
        match called {
            Ok(Ok(compiled)) => {
                // Export names are the Action's text: bounded in number and length (no
                // handler name comes near either bound).
                let handlers =
                    compiled.handlers.into_iter().filter(|name| name.len() <= MAX_EXPORT_NAME_BYTES).take(MAX_EXPORTS);
                Ok(CompiledAction::new(
                    filename,
                    source,
                    handlers.collect(),
                    compiled.bytecode,
                    &self.inner.guest_sha256,
                ))
            }
            Ok(Err(CompileError::Syntax(e))) => {
                let message = text::truncate(e.message, MAX_ERROR_MESSAGE_BYTES);
                Err(crate::source::explain_syntax_error(source, message, e.location.map(location)))
            }
            Ok(Err(CompileError::Threw(e))) => Err(Error::TopLevel(threw(e))),
            Ok(Err(CompileError::OutOfMemory)) => Err(Error::TopLevel(self.memory_error())),
            Ok(Err(CompileError::Exhausted)) => {
                Err(Error::Internal("a new instance has no JavaScript runtime left".into()))
            }
            Err(trap) => Err(Error::TopLevel(self.classify_trap(&trap, &store))),
        }
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
        let _slot = self.slot()?;
        let started = Instant::now();
        let mut store = self.new_store(trigger, self.deadline()?, Carried::default());
        store.data_mut().begin_action(event, None);
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        let instance = self.instantiate(&self.inner.single, &mut store).await?;
        let mut timing = Timing { instantiated: Some(Instant::now()), ran: None };
        let called = instance.actionbox_runtime_sandbox().call_run(&mut store, &request, self.guest_limits()).await;
        timing.ran = Some(Instant::now());
        let (outcome, _) = self.finish(&mut store, called, started, timing)?;
        Ok(outcome)
    }

    /// Runs one Action of a flow. It runs in the instance `slot` holds when that has a
    /// JavaScript runtime no Action used; otherwise in a new instance of the flow
    /// snapshot, in a new store (the old one is dropped first, so the flow holds one
    /// instance at a time). Afterwards `slot` holds the instance for the next Action, or
    /// only the carried state when this one failed or grew the memory past
    /// [`REUSE_GROWTH_BYTES`].
    pub(crate) async fn execute_in_flow(&self, slot: &mut FlowSlot, step: FlowStep<'_>) -> Result<Outcome> {
        let request = self.request(step.trigger, step.action, step.event, step.handler)?;
        let started = Instant::now();
        let limits = self.guest_limits();
        if let FlowSlot::Holding(held) = slot {
            held.store.data_mut().begin_action(step.event, step.continuation.clone());
            self.arm(&mut held.store);
            let timing = Timing { instantiated: Some(Instant::now()), ran: None };
            let called = held.instance.actionbox_runtime_sandbox().call_run(&mut held.store, &request, limits).await;
            if !matches!(called, Ok(Err(RunError::Exhausted))) {
                let timing = Timing { ran: Some(Instant::now()), ..timing };
                let (outcome, reusable) = self.finish(&mut held.store, called, started, timing)?;
                if !reusable {
                    slot.release();
                }
                return Ok(outcome);
            }
        }
        let carried = slot.release();
        let mut store = self.new_store(step.trigger, step.deadline, carried);
        store.data_mut().begin_action(step.event, step.continuation);
        self.arm(&mut store);
        let pre = self.flow_snapshot().await?;
        let instance = self.instantiate(pre, &mut store).await?;
        let timing = Timing { instantiated: Some(Instant::now()), ran: None };
        let called = instance.actionbox_runtime_sandbox().call_run(&mut store, &request, limits).await;
        let timing = Timing { ran: Some(Instant::now()), ..timing };
        let (outcome, reusable) = self.finish(&mut store, called, started, timing)?;
        *slot = if reusable {
            FlowSlot::Holding(Held { store, instance })
        } else {
            FlowSlot::Idle(store.into_data().into_carried())
        };
        Ok(outcome)
    }

    /// Checks a run before it takes a slot: the artifact, the handler, the event.
    fn request(&self, trigger: Trigger, action: &CompiledAction, event: &Value, handler: &str) -> Result<RunRequest> {
        if action.guest_sha256() != self.inner.guest_sha256 {
            return Err(Error::InvalidArtifact(
                "it was compiled by a different actionbox guest: compile the source again".into(),
            ));
        }
        let bytecode_limit = (self.inner.config.memory_bytes / 4).min(self.inner.config.artifact_limit_bytes);
        if action.bytecode().len() as u64 > bytecode_limit {
            return Err(Error::InvalidArtifact(format!(
                "its bytecode is {} bytes; at most {bytecode_limit} can run within the memory limit",
                action.bytecode().len()
            )));
        }
        if !action.handlers().iter().any(|h| h == handler) {
            return Err(Error::NoHandler { handler: handler.into(), exported: action.handlers().to_vec() });
        }
        Ok(RunRequest {
            bytecode: action.bytecode().to_vec(),
            filename: action.filename().to_owned(),
            trigger: crate::trigger::to_wit(trigger),
            handler: handler.to_owned(),
            event: event::check_and_encode(trigger, event)?,
        })
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

    /// The flow snapshot, prepared the first time a flow runs.
    async fn flow_snapshot(&self) -> Result<&ActionRuntimePre<HostState>> {
        let inner = &self.inner;
        inner
            .flow
            .get_or_try_init(|| async {
                let flow = prepare::snapshot(&inner.engine, inner.cache.as_ref(), limits::FLOW_RUNTIMES).await?;
                inner.linker.instantiate_pre(&flow).and_then(ActionRuntimePre::new).map_err(internal)
            })
            .await
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

    /// A store for one execution, or for the Actions of a flow that share an instance:
    /// the memory limiter and the deadline set (fuel is set per Action).
    fn new_store(&self, trigger: Trigger, deadline: Instant, carried: Carried) -> Store<HostState> {
        let config = &self.inner.config;
        let cache =
            ApiCache::new(config.api_cache_store.clone(), self.inner.ticker.timers().clone(), trigger, carried.cache);
        let state = HostState::new(trigger, config.memory_bytes, deadline, cache, carried.totals);
        let mut store = Store::new(&self.inner.engine, state);
        store.limiter(|state| &mut state.limiter);
        // Checked at every epoch tick: past the deadline the call traps, otherwise it
        // yields so that other executions on the same thread progress.
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(|cx| {
            if Instant::now() >= cx.data().deadline {
                Err(Trap::Interrupt.into())
            } else {
                Ok(UpdateDeadline::Yield(1))
            }
        });
        store
    }

    /// A full CPU budget and a fresh epoch deadline for the next Action.
    fn arm(&self, store: &mut Store<HostState>) {
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        store.set_epoch_deadline(1);
    }

    fn guest_limits(&self) -> Limits {
        let config = &self.inner.config;
        Limits { heap_bytes: limits::js_heap_bytes(config.memory_bytes), stack_bytes: config.js_stack_bytes }
    }

    fn memory_error(&self) -> ActionError {
        ActionError::MemoryLimit { limit_bytes: self.inner.config.memory_bytes }
    }

    /// What a run's result means: the outcome, and whether its instance may serve the
    /// next Action of a flow. `Err` for what the caller got wrong (the artifact, the
    /// event, the handler).
    fn finish(
        &self,
        store: &mut Store<HostState>,
        called: Called<(), RunError>,
        started: Instant,
        timing: Timing,
    ) -> Result<(Outcome, bool)> {
        let state = store.data();
        let failure = match called {
            Ok(Ok(())) => None,
            // Memory growth was refused and the Action then failed: whatever it threw
            // (often `null`, QuickJS having no memory left for an Error), it ran out.
            Ok(Err(RunError::Threw(_))) if state.limiter.refused() => Some(self.memory_error()),
            // An output cap was reached and the Action then failed: that is the limit.
            Ok(Err(RunError::Threw(_))) if state.record.output_limit.is_some() => {
                let limit = state.record.output_limit.expect("checked above");
                Some(ActionError::OutputLimit { limit, max: limit.max() })
            }
            Ok(Err(RunError::Threw(e))) => Some(threw(e)),
            Ok(Err(RunError::OutOfMemory)) => Some(self.memory_error()),
            Ok(Err(RunError::NeverSettled)) => Some(ActionError::NeverSettled),
            Ok(Err(RunError::InvalidBytecode(message))) => return Err(Error::InvalidArtifact(message)),
            Ok(Err(RunError::InvalidEvent(message))) => return Err(Error::InvalidEvent(message)),
            Ok(Err(RunError::NoSuchHandler(handler))) => {
                return Err(Error::InvalidArtifact(format!(
                    "it lists `{handler}` among its handlers, but its bytecode does not export it"
                )));
            }
            Ok(Err(RunError::Exhausted)) => {
                return Err(Error::Internal("a new instance has no JavaScript runtime left".into()));
            }
            Err(trap) => Some(self.classify_trap(&trap, store)),
        };
        let reusable = failure.is_none() && store.data().limiter.grown_bytes() <= REUSE_GROWTH_BYTES;
        Ok((self.outcome(store, failure, started, timing), reusable))
    }

    /// What a trap means, in the Action's terms.
    fn classify_trap(&self, error: &wasmtime::Error, store: &Store<HostState>) -> ActionError {
        match error.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => ActionError::Timeout { limit_ms: duration_ms(self.inner.config.timeout) },
            Some(Trap::OutOfFuel) => ActionError::CpuLimit { fuel: self.inner.config.fuel },
            Some(Trap::StackOverflow) => ActionError::StackOverflow,
            _ if store.data().limiter.refused() => self.memory_error(),
            _ => ActionError::Trap { message: text::truncate(format!("{error:#}"), MAX_ERROR_MESSAGE_BYTES) },
        }
    }

    /// The Action's outcome, taken from the store's record.
    fn outcome(
        &self,
        store: &mut Store<HostState>,
        failure: Option<ActionError>,
        started: Instant,
        timing: Timing,
    ) -> Outcome {
        let fuel = self.inner.config.fuel.saturating_sub(store.get_fuel().unwrap_or(0));
        let state = store.data_mut();
        let mut record = std::mem::take(&mut state.record);
        discard_metadata_of_primary_user_switch(&mut record);
        let mut failure = failure;
        redact(&state.redactor, &mut record, failure.as_mut());
        let decision = match (failure, record.denied, record.interaction) {
            (Some(error), _, _) => Decision::Error { error },
            (None, Some((reason, code)), _) => Decision::Denied { reason, code },
            (None, None, Some(Interaction::Redirect { url })) => Decision::Redirect { url },
            (None, None, Some(Interaction::Challenge { method, factors })) => Decision::Challenge { method, factors },
            (None, None, Some(Interaction::Prompt { form_id, options })) => Decision::Prompt { form_id, options },
            (None, None, None) => Decision::Allowed,
        };
        Outcome {
            decision,
            commands: record.commands,
            logs: record.logs.finish(),
            warnings: record.warnings,
            usage: Usage {
                fuel,
                wall_time_us: micros(started, Some(Instant::now())),
                instantiate_us: micros(started, timing.instantiated),
                run_us: timing.instantiated.map_or(0, |from| micros(from, timing.ran)),
                peak_memory_bytes: state.limiter.peak_bytes(),
            },
        }
    }
}

/// User metadata set by an Action that also called `setPrimaryUser` is discarded, as on
/// the platform: it belonged to the user being replaced.
fn discard_metadata_of_primary_user_switch(record: &mut Record) {
    if !record.commands.iter().any(|c| matches!(c, Command::SetPrimaryUser { .. })) {
        return;
    }
    let mut keys = Vec::new();
    record.commands.retain(|command| match command {
        Command::SetUserMetadata { key, .. } => {
            keys.push(key.clone());
            false
        }
        _ => true,
    });
    if !keys.is_empty() {
        record.warnings.push(Warning::UserMetadataDiscarded { keys });
    }
}

/// Secrets out of the reasons and messages of the record, and of the error (log lines are
/// redacted as they are written).
fn redact(redactor: &Redactor, record: &mut Record, failure: Option<&mut ActionError>) {
    if let Some((reason, _)) = &mut record.denied {
        redactor.redact_in_place(reason);
    }
    for command in &mut record.commands {
        match command {
            Command::Deny { reason, user_message, .. } => {
                redactor.redact_in_place(reason);
                if let Some(message) = user_message {
                    redactor.redact_in_place(message);
                }
            }
            Command::ValidationError { message: reason, .. }
            | Command::RejectInvalidSubjectToken { reason }
            | Command::DropNotification { reason }
            | Command::RetryNotification { reason }
            | Command::Session(SessionCommand::Revoke { reason })
            | Command::RefreshToken(SessionCommand::Revoke { reason }) => redactor.redact_in_place(reason),
            _ => {}
        }
    }
    if let Some(ActionError::Threw { name, message, stack, .. }) = failure {
        for text in [name, message, stack] {
            redactor.redact_in_place(text);
        }
    }
}

/// When the steps of an execution ended, for [`Usage`].
#[derive(Default, Clone, Copy)]
struct Timing {
    instantiated: Option<Instant>,
    ran: Option<Instant>,
}

fn micros(from: Instant, to: Option<Instant>) -> u64 {
    to.map_or(0, |to| to.saturating_duration_since(from).as_micros() as u64)
}

fn wasmtime_config(config: &Config) -> wasmtime::Config {
    let slots = config.max_concurrent;
    let mut pool = PoolingAllocationConfig::default();
    pool.total_component_instances(slots)
        // The component holds the guest, the WASI adapter and wit-component's shims;
        // one more slot is for a pre-initialization run.
        .total_core_instances(slots * 8 + 1)
        .total_memories(slots * 2 + 1)
        .total_tables(slots * 4 + 1)
        .total_stacks(slots + 1)
        .max_core_instances_per_component(16)
        .max_memories_per_component(4)
        .max_tables_per_component(8)
        .max_memory_size(config.memory_bytes as usize)
        .linear_memory_keep_resident(KEEP_RESIDENT_BYTES)
        .table_keep_resident(64 * 1024)
        .pagemap_scan(Enabled::Auto);
    let mut wasmtime = wasmtime::Config::new();
    wasmtime
        .consume_fuel(true)
        .epoch_interruption(true)
        .cranelift_opt_level(OptLevel::Speed)
        .max_wasm_stack(WASM_STACK_BYTES)
        .async_stack_size(WASM_STACK_BYTES + 1024 * 1024)
        .memory_init_cow(true)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    wasmtime
}

/// The guest's description of a thrown value, with every string it carries bounded
/// here too (the guest is not trusted to have done it).
fn threw(e: Exception) -> ActionError {
    ActionError::Threw {
        name: text::truncate(e.name, MAX_ERROR_NAME_BYTES),
        message: text::truncate(e.message, MAX_ERROR_MESSAGE_BYTES),
        stack: text::truncate(e.stack, MAX_ERROR_STACK_BYTES),
        location: e.location.map(location),
    }
}

fn location(l: crate::bindings::types::Location) -> Location {
    Location { line: l.line, column: l.column }
}

fn duration_ms(d: Duration) -> u64 {
    d.as_millis().min(u128::from(u64::MAX)) as u64
}

fn internal(e: wasmtime::Error) -> Error {
    Error::Internal(format!("{e:#}"))
}
