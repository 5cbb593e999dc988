//! [`Engine`]: wasmtime configured once, the prepared guest, and a fresh instance for
//! every `compile` and `execute`.
//!
//! One engine serves any number of concurrent executions (it is `Clone` and `Send`).
//! Each execution gets its own store and instance from the pooling allocator, whose
//! copy-on-write memory images start it from the pre-initialized snapshot; nothing
//! survives it. Limits: fuel for CPU, the epoch callback for the deadline, the memory
//! limiter for linear memory, QuickJS's own caps for its heap and stack (`limits.rs`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use wasmtime::component::{HasSelf, Linker};
use wasmtime::{Enabled, InstanceAllocationStrategy, OptLevel, PoolingAllocationConfig, Store, Trap, UpdateDeadline};

use crate::action::CompiledAction;
use crate::bindings::types::{CompileError, Exception, Limits, RunError, RunRequest};
use crate::bindings::{ActionRuntime, ActionRuntimePre};
use crate::config::Config;
use crate::epoch::EpochTicker;
use crate::error::{ActionError, Error, Location, Result};
use crate::outcome::{Command, Decision, Interaction, Outcome, Usage, Warning};
use crate::state::{HostState, Identity, Record};
use crate::trigger::Trigger;
use crate::{event, limits, prepare, source};

/// Native stack for Wasm frames. QuickJS's stack cap (at most 768 KiB of the guest's
/// 1 MiB shadow stack) is reached well before this, so deep recursion is a catchable
/// RangeError and this is only a backstop.
const WASM_STACK_BYTES: usize = 16 * 1024 * 1024;
/// Linear memory kept resident in a pool slot between instances, so a fresh instance
/// does not fault the snapshot's heap in again. With `PAGEMAP_SCAN` (Linux 6.7+) only
/// the pages an execution dirtied are reset; elsewhere the low addresses are rewritten.
const KEEP_RESIDENT_BYTES: usize = 4 * 1024 * 1024;
/// How much an Action may grow an instance's memory and still leave the instance to the
/// next Action of its flow (which then starts in a JavaScript runtime of its own). Past
/// it the next Action gets a new instance, so each Action of a flow has at least the
/// memory cap less this much beyond what it would have alone.
const REUSE_GROWTH_BYTES: usize = 4 * 1024 * 1024;

/// Compiles and executes Actions. Create one per process and share it.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    engine: wasmtime::Engine,
    /// The snapshot with one JavaScript runtime: compiling and single executions.
    single: ActionRuntimePre<HostState>,
    /// The snapshot with several: the Actions of a flow (see `execute_in`).
    flow: ActionRuntimePre<HostState>,
    config: Config,
    guest_sha256: String,
    _ticker: EpochTicker,
}

impl Engine {
    /// Configures wasmtime and prepares the guest (from the cache directory when it holds
    /// a usable copy; otherwise pre-initializing and compiling it, about two seconds).
    pub async fn new(config: Config) -> Result<Self> {
        config.validate()?;
        let engine = wasmtime::Engine::new(&wasmtime_config(&config)).map_err(internal)?;
        let guest = prepare::prepare(&engine, config.cache_dir.as_deref()).await?;
        let mut linker = Linker::<HostState>::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut linker).map_err(internal)?;
        ActionRuntime::add_to_linker::<HostState, HasSelf<HostState>>(&mut linker, |state| state).map_err(internal)?;
        let pre = |component| linker.instantiate_pre(component).and_then(ActionRuntimePre::new).map_err(internal);
        let (single, flow) = (pre(&guest.single)?, pre(&guest.flow)?);
        let ticker = EpochTicker::start(engine.clone())
            .map_err(|e| Error::Internal(format!("starting the epoch ticker: {e}")))?;
        Ok(Engine {
            inner: Arc::new(Inner { engine, single, flow, config, guest_sha256: guest.guest_sha256, _ticker: ticker }),
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
        source::check_before_compile(filename, source)?;
        let mut store = self.new_store(Trigger::PostLogin, Instant::now() + self.inner.config.timeout);
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        let limits = self.guest_limits();
        let called = async {
            let instance = self.inner.single.instantiate_async(&mut store).await?;
            instance.actionbox_runtime_sandbox().call_compile(&mut store, filename, source, limits).await
        }
        .await;
        match called {
            Ok(Ok(compiled)) => Ok(CompiledAction::new(
                filename,
                source,
                compiled.handlers,
                compiled.bytecode,
                &self.inner.guest_sha256,
            )),
            Ok(Err(CompileError::Syntax(e))) => {
                Err(source::explain_syntax_error(source, e.message, e.location.map(location)))
            }
            Ok(Err(CompileError::Threw(e))) => Err(Error::TopLevel(threw(e))),
            Ok(Err(CompileError::OutOfMemory)) => Err(Error::TopLevel(self.memory_error())),
            Ok(Err(CompileError::Exhausted)) => {
                Err(Error::Internal("a new instance has no JavaScript runtime left".into()))
            }
            Err(trap) => Err(Error::TopLevel(self.classify_trap(&trap, &store))),
        }
    }

    /// Runs the trigger's handler of `action` with `event`, in a fresh instance.
    ///
    /// `Err` means the call itself was wrong (an invalid event, an artifact from another
    /// guest, no handler for the trigger). Whatever happens inside the Action, including
    /// every limit, is reported in the [`Outcome`]'s decision, with the logs and commands
    /// produced until then.
    pub async fn execute(&self, trigger: Trigger, action: &CompiledAction, event: &Value) -> Result<Outcome> {
        let mut store = self.new_store(trigger, Instant::now() + self.inner.config.timeout);
        self.execute_in(&mut store, None, action, event, trigger.handler()).await
    }

    /// Runs one Action inside `store`, which may already hold the instances of earlier
    /// Actions of the same flow: they share the deadline, the running totals of
    /// flow-wide limits and the cache's working copy.
    ///
    /// A single execution (`flow` is `None`) gets a new instance of the one-runtime
    /// snapshot. In a flow, `flow` holds the instance the previous Action left, if any:
    /// the Action runs there, in a JavaScript runtime no Action used, when one is left;
    /// otherwise in a new instance of the flow snapshot. Afterwards it holds the instance
    /// for the next Action, or `None` when this one failed or grew the memory past
    /// [`REUSE_GROWTH_BYTES`].
    pub(crate) async fn execute_in(
        &self,
        store: &mut Store<HostState>,
        flow: Option<&mut Option<ActionRuntime>>,
        action: &CompiledAction,
        event: &Value,
        handler: &str,
    ) -> Result<Outcome> {
        let started = Instant::now();
        let trigger = store.data().trigger;
        if action.guest_sha256() != self.inner.guest_sha256 {
            return Err(Error::InvalidArtifact(
                "it was compiled by a different actionbox guest: compile the source again".into(),
            ));
        }
        if !action.handlers().iter().any(|h| h == handler) {
            return Err(Error::NoHandler { handler: handler.into(), exported: action.handlers().to_vec() });
        }
        let request = RunRequest {
            bytecode: action.bytecode().to_vec(),
            filename: action.filename().to_owned(),
            trigger: trigger.to_wit(),
            handler: handler.to_owned(),
            event: event::prepare(trigger, event)?,
        };
        store.data_mut().begin_action();
        store.data_mut().protocol = event.pointer("/transaction/protocol").and_then(Value::as_str).map(str::to_owned);
        store.data_mut().identity = Identity::of(event);
        store.set_fuel(self.inner.config.fuel).expect("fuel is enabled in the engine config");
        store.set_epoch_deadline(1);
        let limits = self.guest_limits();
        let mut timing = Timing::default();
        let (pre, mut unused) = match flow {
            Some(left) => (&self.inner.flow, Some(left)),
            None => (&self.inner.single, None),
        };
        let mut kept = None;
        let called = async {
            if let Some(reused) = unused.as_mut().and_then(|left| left.take()) {
                timing.instantiated = Some(Instant::now());
                let result = reused.actionbox_runtime_sandbox().call_run(&mut *store, &request, limits).await;
                if !matches!(result, Ok(Err(RunError::Exhausted))) {
                    timing.ran = Some(Instant::now());
                    kept = Some(reused);
                    return result;
                }
            }
            let fresh = pre.instantiate_async(&mut *store).await?;
            timing.instantiated = Some(Instant::now());
            let result = fresh.actionbox_runtime_sandbox().call_run(&mut *store, &request, limits).await;
            timing.ran = Some(Instant::now());
            kept = Some(fresh);
            result
        }
        .await;
        if let Some(left) = unused {
            let reusable = matches!(called, Ok(Ok(()))) && store.data().limiter.grown_bytes() <= REUSE_GROWTH_BYTES;
            *left = kept.filter(|_| reusable);
        }
        let failure = match called {
            Ok(Ok(())) => None,
            // Memory growth was refused and the Action then failed: whatever it threw
            // (often `null`, QuickJS having no memory left for an Error), it ran out.
            Ok(Err(RunError::Threw(_))) if store.data().limiter.refused() => Some(self.memory_error()),
            Ok(Err(RunError::Threw(e))) => Some(threw(e)),
            Ok(Err(RunError::OutOfMemory)) => Some(self.memory_error()),
            Ok(Err(RunError::NeverSettled)) => Some(ActionError::NeverSettled),
            Ok(Err(RunError::InvalidBytecode(message))) => return Err(Error::InvalidArtifact(message)),
            Ok(Err(RunError::InvalidEvent(message))) => return Err(Error::InvalidEvent(message)),
            Ok(Err(RunError::NoSuchHandler(handler))) => {
                return Err(Error::NoHandler { handler, exported: action.handlers().to_vec() });
            }
            Ok(Err(RunError::Exhausted)) => {
                return Err(Error::Internal("a new instance has no JavaScript runtime left".into()));
            }
            Err(trap) => Some(self.classify_trap(&trap, store)),
        };
        Ok(self.outcome(store, failure, started, timing))
    }

    /// A store for one execution, or for all the Actions of one flow: the memory limiter
    /// and the deadline set (fuel is set per Action).
    pub(crate) fn new_store(&self, trigger: Trigger, deadline: Instant) -> Store<HostState> {
        let config = &self.inner.config;
        let state = HostState::new(trigger, config.memory_bytes, deadline, config.cache_store.clone());
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

    fn guest_limits(&self) -> Limits {
        let config = &self.inner.config;
        Limits { heap_bytes: limits::js_heap_bytes(config.memory_bytes), stack_bytes: config.js_stack_bytes }
    }

    fn memory_error(&self) -> ActionError {
        ActionError::MemoryLimit { limit_bytes: self.inner.config.memory_bytes }
    }

    /// What a trap means, in the Action's terms.
    fn classify_trap(&self, error: &wasmtime::Error, store: &Store<HostState>) -> ActionError {
        match error.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => ActionError::Timeout { limit_ms: duration_ms(self.inner.config.timeout) },
            Some(Trap::OutOfFuel) => ActionError::CpuLimit { fuel: self.inner.config.fuel },
            Some(Trap::StackOverflow) => ActionError::StackOverflow,
            _ if store.data().limiter.refused() => self.memory_error(),
            _ => ActionError::Trap { message: format!("{error:#}") },
        }
    }

    /// The Action's outcome, taken from the store's record (which keeps the totals).
    fn outcome(
        &self,
        store: &mut Store<HostState>,
        failure: Option<ActionError>,
        started: Instant,
        timing: Timing,
    ) -> Outcome {
        let fuel = self.inner.config.fuel - store.get_fuel().unwrap_or(0);
        let state = store.data_mut();
        let mut record = state.take_record();
        discard_metadata_of_primary_user_switch(&mut record);
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

/// When the steps of an execution ended, for [`Usage`].
#[derive(Default)]
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
        // one more slot is for the pre-initialization run.
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

fn threw(e: Exception) -> ActionError {
    ActionError::Threw { name: e.name, message: e.message, stack: e.stack, location: e.location.map(location) }
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
