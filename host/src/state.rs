//! What one store holds while an Action runs: WASI's empty context, the memory limiter,
//! the deadline, and the record of everything the Action did through `api` and `console`.

use std::collections::BTreeMap;
use std::time::Instant;

use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

use crate::cache::{ApiCache, CacheEntries};
use actionbox_contract::refusal::{OutputCap, Refusal};

use crate::crypto::Keys;
use crate::epoch::Timers;
use crate::error::OutputLimit;
use crate::fetch::Requests;
use crate::limits;
use crate::memory::MemoryLimiter;
use crate::outcome::{Command, Interaction, LogLevel, LogLine, Logs, Warning};
use crate::recording::{Sources, Tape};
use crate::redact::Redactor;
use crate::text;
use crate::trigger::Trigger;

/// The data of one store: of one execution, or of the Actions of a flow that share an
/// instance.
pub struct HostState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub limiter: MemoryLimiter,
    /// When the epoch callback traps the execution.
    pub deadline: Instant,
    /// What host calls that wait are woken by (the epoch ticker's).
    pub timers: Timers,
    pub trigger: Trigger,
    /// `event.transaction.protocol` as the host received it.
    pub protocol: Option<String>,
    /// Who and where, from the event as the host received it (for token claims).
    pub identity: Identity,
    /// The continue request, while a suspended Action's continue handler runs.
    pub continuation: Option<Continuation>,
    /// What the running Action did.
    pub record: Record,
    /// The sizes limits count across the whole trigger execution.
    pub totals: Totals,
    /// `api.cache`: the store, and this execution's working copy of its entries.
    pub cache: ApiCache,
    /// The running Action's secrets, to keep out of the text it returns.
    pub redactor: Redactor,
    /// The execution's `fetch` requests (none may start until the execution sets them).
    pub requests: Requests,
    /// When the execution records or replays its outside world (`recording/`).
    pub tape: Option<Tape>,
    /// The keys the running Action holds (`crypto`).
    pub keys: Keys,
    /// The running Action's packaged modules, which the guest loads by id.
    pub modules: std::sync::Arc<crate::deps::Modules>,
    /// The Action whose top level a per-Action snapshot evaluates (`snapshot/`); none in
    /// an execution.
    pub preload: Option<crate::bindings::actionbox_sandbox::contract::pre_initialization::PreloadRequest>,
    /// Marks the running Action a long runner (`engine/schedule.rs`); none outside a run.
    pub long_runner: Option<crate::engine::LongRunner>,
}

/// What the Actions of one trigger execution share, carried from store to store when a
/// flow's Actions need more than one instance.
#[derive(Default)]
pub struct Carried {
    pub totals: Totals,
    pub cache: Option<CacheEntries>,
}

impl HostState {
    pub fn new(
        trigger: Trigger,
        memory_bytes: u64,
        deadline: Instant,
        timers: Timers,
        cache: ApiCache,
        totals: Totals,
    ) -> Self {
        HostState {
            wasi: empty_wasi(),
            table: ResourceTable::new(),
            limiter: MemoryLimiter::new(memory_bytes),
            deadline,
            timers,
            trigger,
            protocol: None,
            identity: Identity::default(),
            continuation: None,
            record: Record::default(),
            totals,
            cache,
            redactor: Redactor::default(),
            requests: Requests::disabled(),
            tape: None,
            keys: Keys::default(),
            modules: Default::default(),
            preload: None,
            long_runner: None,
        }
    }

    /// Readies the state for the next Action of the store: a new record, a fresh memory
    /// peak, a new write count, and what the host reads from the Action's `event`.
    pub fn begin_action(&mut self, event: &serde_json::Value, continuation: Option<Continuation>) {
        self.record = Record::default();
        self.keys.clear();
        self.limiter.reset();
        self.cache.begin_action();
        self.protocol = text_at(event, &["transaction", "protocol"]).map(str::to_owned);
        self.identity = Identity::of(event);
        self.continuation = continuation;
        self.redactor = Redactor::new(event.get("secrets").and_then(serde_json::Value::as_object));
    }

    /// Records the execution's clocks and random numbers to `tape`, or replays them from
    /// it: the WASI context reads them through the tape from now on.
    pub fn set_tape(&mut self, tape: Option<Tape>) {
        self.wasi = match &tape {
            Some(tape) => {
                let sources = Sources::new(tape);
                let mut builder = WasiCtxBuilder::new();
                builder.allow_tcp(false).allow_udp(false).allow_ip_name_lookup(false);
                builder.wall_clock(sources.wall).monotonic_clock(sources.monotonic).secure_random(sources.random);
                builder.build()
            }
            None => empty_wasi(),
        };
        self.tape = tape;
    }

    /// What the next store of the same trigger execution takes over (this one is about
    /// to be dropped).
    pub fn take_carried(&mut self) -> Carried {
        Carried { totals: std::mem::take(&mut self.totals), cache: self.cache.take_entries() }
    }
}

/// What the host knows of the user and transaction, read from the event it was given.
#[derive(Debug, Clone)]
pub struct Identity {
    /// `event.request.hostname`, else `event.tenant.id`.
    pub issuer: String,
    /// `event.user.user_id`.
    pub subject: String,
    /// `event.request.ip`.
    pub ip: String,
    /// False for refresh-token and password grants and `prompt=none`.
    pub interactive: bool,
}

impl Default for Identity {
    fn default() -> Self {
        Identity { issuer: String::new(), subject: String::new(), ip: String::new(), interactive: true }
    }
}

impl Identity {
    /// Reads the identity from an event.
    pub fn of(event: &serde_json::Value) -> Self {
        let text = |path: &[&str]| text_at(event, path).map(str::to_owned);
        let protocol = text_at(event, &["transaction", "protocol"]).unwrap_or_default();
        let prompt_none = value_at(event, &["transaction", "prompt"])
            .and_then(serde_json::Value::as_array)
            .is_some_and(|prompts| prompts.iter().any(|p| p == "none"));
        let non_interactive = matches!(protocol, "oauth2-refresh-token" | "oauth2-resource-owner" | "oauth2-password");
        Identity {
            issuer: text(&["request", "hostname"]).or_else(|| text(&["tenant", "id"])).unwrap_or_default(),
            subject: text(&["user", "user_id"]).unwrap_or_default(),
            ip: text(&["request", "ip"]).unwrap_or_default(),
            interactive: !non_interactive && !prompt_none,
        }
    }
}

/// The value at `path` (object keys) in `event`. Unlike `Value::pointer`, it builds no
/// strings: it runs for every execution.
fn value_at<'a>(event: &'a serde_json::Value, path: &[&str]) -> Option<&'a serde_json::Value> {
    path.iter().try_fold(event, |value, key| value.get(key))
}

/// The string at `path` in `event`, if it is one.
fn text_at<'a>(event: &'a serde_json::Value, path: &[&str]) -> Option<&'a str> {
    value_at(event, path).and_then(serde_json::Value::as_str)
}

/// The `/continue` request a suspended flow resumed with.
#[derive(Debug, Clone, Default)]
pub struct Continuation {
    pub state: String,
    pub query: serde_json::Map<String, serde_json::Value>,
    pub body: serde_json::Map<String, serde_json::Value>,
}

/// WASI with nothing in it: no files, no environment, no arguments, no sockets, no
/// inherited stdio. Clocks and random numbers are the only things it answers.
fn empty_wasi() -> WasiCtx {
    let mut builder = WasiCtxBuilder::new();
    builder.allow_tcp(false).allow_udp(false).allow_ip_name_lookup(false);
    builder.build()
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

/// Everything the Action did, in the order it did it.
#[derive(Default)]
pub struct Record {
    pub commands: Vec<Command>,
    /// What the Action asked the user for (redirect, challenge, form), if anything.
    pub interaction: Option<Interaction>,
    /// The first denial, if any: reason and code ([`Record::deny`]).
    denied: Option<(String, Option<String>)>,
    pub warnings: Vec<Warning>,
    pub logs: LogBuffer,
    /// How much of the output caps the commands and warnings use.
    output: OutputBudget,
    /// Which output cap was reached, if one was: a failure that follows is that limit.
    pub output_limit: Option<OutputLimit>,
}

/// The records and bytes of commands and warnings one execution has produced.
#[derive(Default)]
struct OutputBudget {
    records: usize,
    bytes: usize,
}

impl Record {
    /// A denial: the first one of the Action is the decision, later ones change nothing
    /// (the Action runs to its end and every call is still recorded).
    pub fn deny(&mut self, reason: impl Into<String>, code: Option<String>) {
        if self.denied.is_none() {
            self.denied = Some((reason.into(), code));
        }
    }

    /// Applies `redact` to the denial's reason.
    pub fn redact_denial(&mut self, redact: impl FnOnce(&mut String)) {
        if let Some((reason, _)) = &mut self.denied {
            redact(reason);
        }
    }

    /// Takes the first denial, if any, for the outcome.
    pub fn take_denied(&mut self) -> Option<(String, Option<String>)> {
        self.denied.take()
    }

    /// Records a command, unless it would pass an output cap.
    pub fn command(&mut self, command: impl Into<Command>) -> Result<(), Refusal> {
        let command = command.into();
        self.admit(&command)?;
        self.commands.push(command);
        Ok(())
    }

    /// Records a warning, unless it would pass an output cap.
    pub fn warn(&mut self, warning: Warning) -> Result<(), Refusal> {
        self.admit(&warning)?;
        self.warnings.push(warning);
        Ok(())
    }

    /// Counts `item` against the output caps ([`limits::MAX_OUTPUT_RECORDS`] commands and
    /// warnings, [`limits::MAX_OUTPUT_BYTES`] of their JSON), or refuses it.
    pub fn admit(&mut self, item: &impl serde::Serialize) -> Result<(), Refusal> {
        let bytes = json_size(item);
        let (records, total) = (self.output.records + 1, self.output.bytes.saturating_add(bytes));
        let reached = if records > limits::MAX_OUTPUT_RECORDS {
            Some(OutputLimit::Records)
        } else if total > limits::MAX_OUTPUT_BYTES {
            Some(OutputLimit::Bytes)
        } else {
            None
        };
        if let Some(limit) = reached {
            self.output_limit = Some(limit);
            return Err(Refusal::OutputCap(match limit {
                OutputLimit::Records => OutputCap::Records,
                OutputLimit::Bytes => OutputCap::Bytes,
            }));
        }
        self.output = OutputBudget { records, bytes: total };
        Ok(())
    }
}

/// The size of `item` as JSON, counted without building the text.
fn json_size(item: &impl serde::Serialize) -> usize {
    struct Counter(usize);
    impl std::io::Write for Counter {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut counter = Counter(0);
    serde_json::to_writer(&mut counter, item).map_or(usize::MAX, |()| counter.0)
}

/// The sizes that limits count across a whole trigger execution (every Action of a flow).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    pub id_token_claims: SizedKeys,
    pub access_token_claims: SizedKeys,
    pub user_metadata: SizedKeys,
    pub app_metadata: SizedKeys,
    pub transaction_metadata: SizedKeys,
    pub session_metadata: SizedKeys,
    pub refresh_token_metadata: SizedKeys,
    pub saml_attributes: SizedKeys,
    /// Whether `setPrimaryUser` was called in this transaction.
    pub primary_user_set: bool,
    /// Whether custom-token-exchange's user was set in this transaction.
    pub exchange_user_set: bool,
}

/// The JSON size of each key written to one map, latest write winning. It serializes as
/// its sizes alone; the total is always their sum, recomputed when read back.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(from = "BTreeMap<String, usize>", into = "BTreeMap<String, usize>")]
pub struct SizedKeys {
    sizes: BTreeMap<String, usize>,
    total: usize,
}

impl From<BTreeMap<String, usize>> for SizedKeys {
    fn from(sizes: BTreeMap<String, usize>) -> Self {
        let total = sizes.values().fold(0usize, |sum, size| sum.saturating_add(*size));
        SizedKeys { sizes, total }
    }
}

impl From<SizedKeys> for BTreeMap<String, usize> {
    fn from(keys: SizedKeys) -> Self {
        keys.sizes
    }
}

impl SizedKeys {
    pub fn len(&self) -> usize {
        self.sizes.len()
    }

    pub fn contains(&self, key: &str) -> bool {
        self.sizes.contains_key(key)
    }

    /// Records `key` at `size` bytes unless the total would pass `limit`; `Err` holds
    /// the total it would have reached.
    pub fn try_set(&mut self, key: &str, size: usize, limit: usize) -> Result<(), usize> {
        let total = self.total.saturating_sub(self.sizes.get(key).copied().unwrap_or(0)).saturating_add(size);
        if total > limit {
            return Err(total);
        }
        self.total = total;
        self.sizes.insert(key.to_owned(), size);
        Ok(())
    }
}

/// Console lines, bounded in line length and total size.
#[derive(Default)]
pub struct LogBuffer {
    lines: Vec<LogLine>,
    bytes: usize,
    dropped: u64,
}

impl LogBuffer {
    /// Whether nothing was logged (nor dropped).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.dropped == 0
    }

    pub fn push(&mut self, level: LogLevel, message: String) {
        let message = text::truncate(message, limits::MAX_LOG_LINE_BYTES);
        if self.bytes + message.len() > limits::MAX_LOG_BYTES {
            self.dropped += 1;
            return;
        }
        self.bytes += message.len();
        self.lines.push(LogLine { level, message });
    }

    /// The full log and the stored excerpt: lines joined by newlines, control characters
    /// inside a line escaped (so no line can forge another), cut to 256 characters.
    pub fn finish(self) -> Logs {
        let mut stored = String::new();
        let mut chars = 0;
        let mut truncated = false;
        'lines: for (i, line) in self.lines.iter().enumerate() {
            let separator = (i > 0).then_some('\n');
            for c in separator.into_iter().chain(text::escape_for_display(&line.message, false).chars()) {
                if chars == limits::STORED_LOG_CHARS {
                    truncated = true;
                    break 'lines;
                }
                stored.push(c);
                chars += 1;
            }
        }
        Logs { lines: self.lines, stored, stored_truncated: truncated || self.dropped > 0, lines_dropped: self.dropped }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{AccessTokenCommand, IdTokenCommand};

    #[test]
    fn sized_keys_count_the_latest_write_of_a_key() {
        let mut keys = SizedKeys::default();
        assert_eq!(keys.try_set("a", 60, 100), Ok(()));
        assert_eq!(keys.try_set("a", 60, 100), Ok(()), "rewriting a key replaces its size");
        assert_eq!(keys.try_set("b", 41, 100), Err(101));
        assert_eq!(keys.try_set("b", 40, 100), Ok(()), "exactly at the limit is accepted");
    }

    #[test]
    fn sized_keys_read_back_recompute_their_total() {
        let keys: SizedKeys = serde_json::from_str(r#"{"a": 18446744073709551615, "b": 5}"#).unwrap();
        let mut keys = keys;
        assert_eq!(keys.try_set("a", 1, 100), Ok(()), "replacing a huge size cannot underflow");
        assert_eq!(keys.try_set("c", 1, 100), Ok(()));
    }

    #[test]
    fn output_is_capped_in_records_and_bytes() {
        let mut record = Record::default();
        for i in 0..limits::MAX_OUTPUT_RECORDS {
            record.command(AccessTokenCommand::AddScope { scope: i.to_string() }).unwrap();
        }
        assert!(record.command(AccessTokenCommand::AddScope { scope: "over".into() }).is_err());
        assert_eq!(record.output_limit, Some(OutputLimit::Records));
        let mut record = Record::default();
        let big = serde_json::Value::String("x".repeat(limits::MAX_OUTPUT_BYTES / 3));
        for _ in 0..2 {
            record.command(IdTokenCommand::SetCustomClaim { name: "n".into(), value: big.clone() }).unwrap();
        }
        assert!(record.command(IdTokenCommand::SetCustomClaim { name: "n".into(), value: big }).is_err());
        assert_eq!(record.output_limit, Some(OutputLimit::Bytes));
    }

    #[test]
    fn the_stored_log_escapes_controls_and_stops_at_256_characters() {
        let mut logs = LogBuffer::default();
        logs.push(LogLevel::Log, "one\ntwo".into());
        logs.push(LogLevel::Warn, "x".repeat(300));
        let logs = logs.finish();
        assert!(logs.stored.starts_with("one\\ntwo\nxxx"));
        assert_eq!(logs.stored.chars().count(), limits::STORED_LOG_CHARS);
        assert!(logs.stored_truncated);
        assert_eq!(logs.lines.len(), 2);
    }
}
