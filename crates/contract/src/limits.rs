//! Every limit actionbox enforces, host and guest, in one place. The README's Limits
//! table lists each constant with its value, and a test reads that table and checks it
//! against [`ALL`], and [`ALL`] against the constants declared here, so the two cannot
//! drift. The mechanism behind each limit is named in the README table.

use std::time::Duration;

// ---- one execution ---------------------------------------------------------------------

/// Each execution of a trigger must complete in 20 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// The longest deadline a configuration may set.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(60 * 60);
/// Default CPU budget. A typical Action uses well under a million units; these machines
/// burn about 8 x 10^9 a second, so this stops pure computation after about six seconds,
/// well inside the 20 s deadline, while time spent waiting costs no fuel.
pub const DEFAULT_FUEL: u64 = 50_000_000_000;
/// Linear memory of one instance: the default, and the range a configuration may set.
pub const DEFAULT_MEMORY_BYTES: u64 = 64 * 1024 * 1024;
pub const MIN_MEMORY_BYTES: u64 = 16 * 1024 * 1024;
pub const MAX_MEMORY_BYTES: u64 = 4 * 1024 * 1024 * 1024 - 65536;
/// The least QuickJS's heap cap leaves below the instance's memory cap, for the Rust
/// heap, the guest's stack and its static data.
pub const HEAP_HEADROOM_BYTES: u64 = 6 * 1024 * 1024;
/// QuickJS's stack: the default, and the range a configuration may set.
pub const DEFAULT_JS_STACK_BYTES: u32 = 512 * 1024;
pub const MIN_JS_STACK_BYTES: u32 = 64 * 1024;
pub const MAX_JS_STACK_BYTES: u32 = 768 * 1024;
/// Native stack for Wasm frames. QuickJS's stack cap (at most 768 KiB of the guest's
/// 1 MiB shadow stack) is reached well before this, so deep recursion is a catchable
/// RangeError and this is only a backstop.
pub const WASM_STACK_BYTES: usize = 16 * 1024 * 1024;
/// Elements of one Wasm table.
pub const MAX_TABLE_ELEMENTS: usize = 100_000;
/// Executions one engine runs at once by default (its pool's slots); past them, `Busy`.
pub const DEFAULT_MAX_CONCURRENT: u32 = 64;

/// Per-Action snapshots an engine keeps by default (`Config::max_snapshots`).
pub const DEFAULT_MAX_SNAPSHOTS: usize = 32;
/// How much an Action may grow an instance's memory and still leave the instance to the
/// next Action of its flow (which then starts in a JavaScript runtime of its own). Past
/// it the next Action gets a new instance, so each Action of a flow has at least the
/// memory cap less this much beyond what it would have alone.
pub const REUSE_GROWTH_BYTES: usize = 4 * 1024 * 1024;
/// JavaScript runtimes in an instance made for flows: Actions of a flow that one
/// instance serves in turn, each in a runtime no other used.
pub const FLOW_RUNTIMES: usize = 5;
/// The most runtimes the guest builds in one instance, whatever it is asked for.
pub const MAX_RUNTIMES: usize = 16;
/// Timers and immediates one execution may have pending at once; past it, setting one
/// throws a `RangeError`.
pub const MAX_PENDING_TIMERS: usize = 10_000;

/// Keys one execution may hold in the host (`crypto`): imported, generated or derived;
/// past it, making one more fails with `too-many-keys`.
pub const MAX_CRYPTO_KEYS: usize = 1_000;

/// QuickJS's heap cap for a memory cap: a quarter (at least [`HEAP_HEADROOM_BYTES`])
/// is left for what QuickJS does not count, allocator overhead above all, so that a
/// full heap is first a catchable JS error rather than a refused memory growth.
pub const fn js_heap_bytes(memory_bytes: u64) -> u64 {
    let headroom = if memory_bytes / 4 > HEAP_HEADROOM_BYTES { memory_bytes / 4 } else { HEAP_HEADROOM_BYTES };
    memory_bytes.saturating_sub(headroom)
}

// ---- `fetch` ---------------------------------------------------------------------------
// The platform's guidelines ask for few requests, each with a timeout under 10 s. What one
// execution may hold in the host at once is bounded: at most `MAX_CONCURRENT_REQUESTS`
// responses of at most `MAX_RESPONSE_BODY_BYTES` each (16 MiB, a quarter of the default
// memory limit).

/// A request's timeout when its policy gives none; never past the execution's deadline.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Requests one execution may start, redirects not counted.
pub const MAX_REQUESTS: usize = 50;
/// Requests of one execution in flight at once; later ones wait for a free slot.
pub const MAX_CONCURRENT_REQUESTS: usize = 8;
/// Redirects one request follows.
pub const MAX_REDIRECTS: usize = 20;
/// A request's URL.
pub const MAX_FETCH_URL_BYTES: usize = 8 * 1024;
/// A request's headers, names and values.
pub const MAX_REQUEST_HEADER_BYTES: usize = 32 * 1024;
/// A request's body.
pub const MAX_REQUEST_BODY_BYTES: usize = 1024 * 1024;
/// A response's headers, names and values.
pub const MAX_RESPONSE_HEADER_BYTES: usize = 64 * 1024;
/// Headers in one response.
pub const MAX_RESPONSE_HEADERS: usize = 200;
/// A response's body, counted as decoded when it is compressed.
pub const MAX_RESPONSE_BODY_BYTES: usize = 2 * 1024 * 1024;

// ---- sources, artifacts and what the guest reports -------------------------------------

/// An Action's source may have at most 100 kB (taken as KiB: 102,400 bytes).
pub const MAX_SOURCE_BYTES: usize = 100 * 1024;
/// One file of an Action's npm dependencies may have at most this many bytes: the guest
/// parses it to find what it asks for (the 100 kB limit is the Action's own source only).
pub const MAX_DEPENDENCY_FILE_BYTES: usize = 8 * 1024 * 1024;
/// An Action may declare at most this many npm packages as direct dependencies, as on
/// the platform.
pub const MAX_NPM_DEPENDENCIES: usize = 10;
/// An Action's dependency graph may have at most this many files (`aws-sdk` v2, the
/// largest package Actions use, has about 2,000 reachable).
pub const MAX_PACKAGED_MODULES: usize = 20_000;
/// The largest compiled artifact accepted by default, in bytes. It leaves room for the
/// npm packages artifacts will carry; the bytecode one execution loads must also fit in
/// a quarter of the memory limit.
pub const DEFAULT_MAX_ARTIFACT_BYTES: u64 = 64 * 1024 * 1024;
/// How many exported names a compiled Action keeps, and how long each may be.
pub const MAX_EXPORTS: usize = 256;
pub const MAX_EXPORT_NAME_BYTES: usize = 256;
/// The strings of a thrown error: name, message and stack (the guest cuts them, the host
/// checks them again).
pub const MAX_ERROR_NAME_BYTES: usize = 256;
pub const MAX_ERROR_MESSAGE_BYTES: usize = 4 * 1024;
pub const MAX_ERROR_STACK_BYTES: usize = 16 * 1024;
/// A file of the compiled-guest cache.
pub const MAX_GUEST_CACHE_FILE_BYTES: u64 = 256 * 1024 * 1024;

// ---- the event -------------------------------------------------------------------------

/// Largest event accepted, as encoded on the tape.
pub const MAX_EVENT_BYTES: usize = 1024 * 1024;
/// Deepest nesting of arrays and objects in an event, in levels (the event object is
/// the first).
pub const MAX_EVENT_DEPTH: usize = 128;
/// Secrets: key and value lengths in characters.
pub const MAX_SECRET_KEY_CHARS: usize = 128;
pub const MAX_SECRET_VALUE_CHARS: usize = 4096;

// ---- values an Action sends through `api` ----------------------------------------------

/// Deepest nesting of arrays and objects the guest serializes.
pub const MAX_JSON_DEPTH: usize = 64;
/// Longest JSON text the guest produces for one value (the host applies the real,
/// smaller limits of each method).
pub const MAX_JSON_BYTES: usize = 1024 * 1024;
/// `Number.MAX_SAFE_INTEGER`: the largest integer sent as one.
pub const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

// ---- what one execution records ---------------------------------------------------------

/// Commands and warnings one execution may produce, in number and in bytes of JSON (the
/// same bound as the whole log): past either, the `api` call throws a catchable Error.
pub const MAX_OUTPUT_RECORDS: usize = 10_000;
pub const MAX_OUTPUT_BYTES: usize = 1024 * 1024;
/// Characters of console output stored per Action.
pub const STORED_LOG_CHARS: usize = 256;
/// Bytes of console output kept per execution; later lines are counted, not kept.
pub const MAX_LOG_BYTES: usize = 1024 * 1024;
/// Bytes of one console line; longer lines are cut and marked.
pub const MAX_LOG_LINE_BYTES: usize = 16 * 1024;

// ---- `api` -----------------------------------------------------------------------------

/// Length of a claim name or metadata key.
pub const MAX_KEY_BYTES: usize = 1024;
/// Length of a deny reason or user message.
pub const MAX_REASON_BYTES: usize = 1024;
/// Length of custom-token-exchange's deny code.
pub const MAX_DENY_CODE_BYTES: usize = 256;
/// Total JSON size of the custom claims of one token.
pub const MAX_CUSTOM_CLAIMS_BYTES: usize = 100 * 1024;
/// Length of one scope.
pub const MAX_SCOPE_BYTES: usize = 256;
/// JSON size of the user (or app) metadata one execution may write.
pub const MAX_METADATA_BYTES: usize = 32 * 1024;
/// Session and refresh-token metadata: value and total sizes in bytes.
pub const MAX_SESSION_METADATA_VALUE_BYTES: usize = 1024;
pub const MAX_SESSION_METADATA_BYTES: usize = 16 * 1024;
/// The latest expiry a session or refresh token may be given, in milliseconds since the
/// Unix epoch: the end of JavaScript's `Date` range.
pub const MAX_EXPIRES_AT_MS: u64 = 8_640_000_000_000_000;
/// Transaction metadata: key length in characters, value and total sizes in bytes.
pub const MAX_TX_METADATA_KEY_CHARS: usize = 64;
pub const MAX_TX_METADATA_VALUE_BYTES: usize = 8 * 1024;
pub const MAX_TX_METADATA_BYTES: usize = 16 * 1024;
/// A URL an Action gives (`sendUserTo`, `setResultUrl`).
pub const MAX_URL_BYTES: usize = 2048;
/// `sendUserTo`'s query and `encodeToken`'s payload, as JSON; `encodeToken`'s and
/// `validateToken`'s secret.
pub const MAX_REDIRECT_QUERY_BYTES: usize = 8 * 1024;
pub const MAX_TOKEN_PAYLOAD_BYTES: usize = 8 * 1024;
pub const MAX_TOKEN_SECRET_BYTES: usize = 4096;
/// `encodeToken`'s lifetime: without `expiresInSeconds`, and the most it may give.
pub const DEFAULT_TOKEN_EXPIRES_IN_SECONDS: u64 = 15 * 60;
pub const MAX_TOKEN_EXPIRES_IN_SECONDS: u64 = 24 * 60 * 60;
/// Factors of one `challengeWith*` or `enrollWith*`, and their JSON size.
pub const MAX_FACTORS: usize = 10;
pub const MAX_FACTORS_BYTES: usize = 16 * 1024;
/// JSON sizes of `multifactor.enable`'s and `prompt.render`'s options.
pub const MAX_MULTIFACTOR_OPTIONS_BYTES: usize = 16 * 1024;
pub const MAX_PROMPT_OPTIONS_BYTES: usize = 16 * 1024;
/// `setPrimaryUser`'s id, in characters.
pub const MAX_PRIMARY_USER_ID_CHARS: usize = 128;
/// custom-token-exchange: JSON sizes of `setUserByConnection`'s profile and options and
/// of `setActor`'s actor.
pub const MAX_EXCHANGE_PROFILE_BYTES: usize = 16 * 1024;
pub const MAX_EXCHANGE_OPTIONS_BYTES: usize = 4 * 1024;
pub const MAX_EXCHANGE_ACTOR_BYTES: usize = 4 * 1024;
/// SAML attributes changed or added, name and value sizes, total size across the flow.
pub const MAX_SAML_ATTRIBUTES: usize = 100;
pub const MAX_SAML_ATTRIBUTE_NAME_BYTES: usize = 1024;
pub const MAX_SAML_ATTRIBUTE_VALUE_BYTES: usize = 2048;
pub const MAX_SAML_BYTES: usize = 10 * 1024;
/// SAML configuration: audience, recipient and destination; name identifier format and
/// authentication context class; each name identifier probe and their number;
/// certificates and keys; the encryption algorithm; other text the seed gives no size
/// for (issuer, relay state).
pub const MAX_SAML_URL_BYTES: usize = 2048;
pub const MAX_SAML_NAME_BYTES: usize = 512;
pub const MAX_SAML_PROBE_BYTES: usize = 512;
pub const MAX_SAML_PROBES: usize = 10;
pub const MAX_SAML_CERT_BYTES: usize = 4096;
pub const MAX_SAML_ALGORITHM_BYTES: usize = 128;
pub const MAX_SAML_TEXT_BYTES: usize = 4096;
/// Cache: entries per trigger, key and value sizes, total size of keys and values.
pub const MAX_CACHE_ENTRIES: usize = 20;
pub const MAX_CACHE_KEY_BYTES: usize = 64;
pub const MAX_CACHE_VALUE_BYTES: usize = 4 * 1024;
pub const MAX_CACHE_BYTES: usize = 8 * 1024;
/// Cached items persist for at most 24 hours.
pub const MAX_CACHE_TTL_MS: u64 = 24 * 60 * 60 * 1000;
/// Cache sets and deletes one execution may make.
pub const MAX_CACHE_WRITES: u32 = 100;

// ---- suspended flows -------------------------------------------------------------------

/// How long a suspended flow can be resumed, by default: the redirect's lifetime.
pub const DEFAULT_SUSPENDED_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// The sealed state of a suspended flow.
pub const MAX_SUSPENDED_STATE_BYTES: usize = 4 * 1024 * 1024;

// ---- files the CLI reads ---------------------------------------------------------------

/// The event file: the event itself may encode to at most [`MAX_EVENT_BYTES`]; its JSON
/// text may be longer (whitespace, escapes), but not without bound.
pub const MAX_EVENT_FILE_BYTES: u64 = 8 * 1024 * 1024;
pub const MAX_STATE_FILE_BYTES: u64 = 8 * 1024 * 1024;
pub const MAX_FLOW_FILE_BYTES: u64 = 1024 * 1024;
/// The CLI's record of the suspended states it has resumed.
pub const MAX_RESUMED_LEDGER_BYTES: u64 = 16 * 1024 * 1024;
/// A recording `run --replay` reads: 50 requests of bodies up to the response cap, as
/// base64, and the clock readings.
pub const MAX_RECORDING_FILE_BYTES: u64 = 160 * 1024 * 1024;

/// A limit's value, as the README states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    Bytes(u64),
    Count(u64),
    Time(Duration),
}

const fn bytes(n: u64) -> Quantity {
    Quantity::Bytes(n)
}

const fn count(n: u64) -> Quantity {
    Quantity::Count(n)
}

/// Every limit above, by name.
pub const ALL: &[(&str, Quantity)] = &[
    ("DEFAULT_TIMEOUT", Quantity::Time(DEFAULT_TIMEOUT)),
    ("MAX_TIMEOUT", Quantity::Time(MAX_TIMEOUT)),
    ("DEFAULT_FUEL", count(DEFAULT_FUEL)),
    ("DEFAULT_MEMORY_BYTES", bytes(DEFAULT_MEMORY_BYTES)),
    ("MIN_MEMORY_BYTES", bytes(MIN_MEMORY_BYTES)),
    ("MAX_MEMORY_BYTES", bytes(MAX_MEMORY_BYTES)),
    ("HEAP_HEADROOM_BYTES", bytes(HEAP_HEADROOM_BYTES)),
    ("DEFAULT_JS_STACK_BYTES", bytes(DEFAULT_JS_STACK_BYTES as u64)),
    ("MIN_JS_STACK_BYTES", bytes(MIN_JS_STACK_BYTES as u64)),
    ("MAX_JS_STACK_BYTES", bytes(MAX_JS_STACK_BYTES as u64)),
    ("WASM_STACK_BYTES", bytes(WASM_STACK_BYTES as u64)),
    ("MAX_TABLE_ELEMENTS", count(MAX_TABLE_ELEMENTS as u64)),
    ("DEFAULT_MAX_CONCURRENT", count(DEFAULT_MAX_CONCURRENT as u64)),
    ("DEFAULT_MAX_SNAPSHOTS", count(DEFAULT_MAX_SNAPSHOTS as u64)),
    ("REUSE_GROWTH_BYTES", bytes(REUSE_GROWTH_BYTES as u64)),
    ("FLOW_RUNTIMES", count(FLOW_RUNTIMES as u64)),
    ("MAX_RUNTIMES", count(MAX_RUNTIMES as u64)),
    ("MAX_PENDING_TIMERS", count(MAX_PENDING_TIMERS as u64)),
    ("MAX_CRYPTO_KEYS", count(MAX_CRYPTO_KEYS as u64)),
    ("DEFAULT_REQUEST_TIMEOUT", Quantity::Time(DEFAULT_REQUEST_TIMEOUT)),
    ("MAX_REQUESTS", count(MAX_REQUESTS as u64)),
    ("MAX_CONCURRENT_REQUESTS", count(MAX_CONCURRENT_REQUESTS as u64)),
    ("MAX_REDIRECTS", count(MAX_REDIRECTS as u64)),
    ("MAX_FETCH_URL_BYTES", bytes(MAX_FETCH_URL_BYTES as u64)),
    ("MAX_REQUEST_HEADER_BYTES", bytes(MAX_REQUEST_HEADER_BYTES as u64)),
    ("MAX_REQUEST_BODY_BYTES", bytes(MAX_REQUEST_BODY_BYTES as u64)),
    ("MAX_RESPONSE_HEADER_BYTES", bytes(MAX_RESPONSE_HEADER_BYTES as u64)),
    ("MAX_RESPONSE_HEADERS", count(MAX_RESPONSE_HEADERS as u64)),
    ("MAX_RESPONSE_BODY_BYTES", bytes(MAX_RESPONSE_BODY_BYTES as u64)),
    ("MAX_SOURCE_BYTES", bytes(MAX_SOURCE_BYTES as u64)),
    ("MAX_DEPENDENCY_FILE_BYTES", bytes(MAX_DEPENDENCY_FILE_BYTES as u64)),
    ("MAX_NPM_DEPENDENCIES", count(MAX_NPM_DEPENDENCIES as u64)),
    ("MAX_PACKAGED_MODULES", count(MAX_PACKAGED_MODULES as u64)),
    ("DEFAULT_MAX_ARTIFACT_BYTES", bytes(DEFAULT_MAX_ARTIFACT_BYTES)),
    ("MAX_EXPORTS", count(MAX_EXPORTS as u64)),
    ("MAX_EXPORT_NAME_BYTES", bytes(MAX_EXPORT_NAME_BYTES as u64)),
    ("MAX_ERROR_NAME_BYTES", bytes(MAX_ERROR_NAME_BYTES as u64)),
    ("MAX_ERROR_MESSAGE_BYTES", bytes(MAX_ERROR_MESSAGE_BYTES as u64)),
    ("MAX_ERROR_STACK_BYTES", bytes(MAX_ERROR_STACK_BYTES as u64)),
    ("MAX_GUEST_CACHE_FILE_BYTES", bytes(MAX_GUEST_CACHE_FILE_BYTES)),
    ("MAX_EVENT_BYTES", bytes(MAX_EVENT_BYTES as u64)),
    ("MAX_EVENT_DEPTH", count(MAX_EVENT_DEPTH as u64)),
    ("MAX_SECRET_KEY_CHARS", count(MAX_SECRET_KEY_CHARS as u64)),
    ("MAX_SECRET_VALUE_CHARS", count(MAX_SECRET_VALUE_CHARS as u64)),
    ("MAX_JSON_DEPTH", count(MAX_JSON_DEPTH as u64)),
    ("MAX_JSON_BYTES", bytes(MAX_JSON_BYTES as u64)),
    ("MAX_SAFE_INTEGER", count(MAX_SAFE_INTEGER)),
    ("MAX_OUTPUT_RECORDS", count(MAX_OUTPUT_RECORDS as u64)),
    ("MAX_OUTPUT_BYTES", bytes(MAX_OUTPUT_BYTES as u64)),
    ("STORED_LOG_CHARS", count(STORED_LOG_CHARS as u64)),
    ("MAX_LOG_BYTES", bytes(MAX_LOG_BYTES as u64)),
    ("MAX_LOG_LINE_BYTES", bytes(MAX_LOG_LINE_BYTES as u64)),
    ("MAX_KEY_BYTES", bytes(MAX_KEY_BYTES as u64)),
    ("MAX_REASON_BYTES", bytes(MAX_REASON_BYTES as u64)),
    ("MAX_DENY_CODE_BYTES", bytes(MAX_DENY_CODE_BYTES as u64)),
    ("MAX_CUSTOM_CLAIMS_BYTES", bytes(MAX_CUSTOM_CLAIMS_BYTES as u64)),
    ("MAX_SCOPE_BYTES", bytes(MAX_SCOPE_BYTES as u64)),
    ("MAX_METADATA_BYTES", bytes(MAX_METADATA_BYTES as u64)),
    ("MAX_SESSION_METADATA_VALUE_BYTES", bytes(MAX_SESSION_METADATA_VALUE_BYTES as u64)),
    ("MAX_SESSION_METADATA_BYTES", bytes(MAX_SESSION_METADATA_BYTES as u64)),
    ("MAX_EXPIRES_AT_MS", count(MAX_EXPIRES_AT_MS)),
    ("MAX_TX_METADATA_KEY_CHARS", count(MAX_TX_METADATA_KEY_CHARS as u64)),
    ("MAX_TX_METADATA_VALUE_BYTES", bytes(MAX_TX_METADATA_VALUE_BYTES as u64)),
    ("MAX_TX_METADATA_BYTES", bytes(MAX_TX_METADATA_BYTES as u64)),
    ("MAX_URL_BYTES", bytes(MAX_URL_BYTES as u64)),
    ("MAX_REDIRECT_QUERY_BYTES", bytes(MAX_REDIRECT_QUERY_BYTES as u64)),
    ("MAX_TOKEN_PAYLOAD_BYTES", bytes(MAX_TOKEN_PAYLOAD_BYTES as u64)),
    ("MAX_TOKEN_SECRET_BYTES", bytes(MAX_TOKEN_SECRET_BYTES as u64)),
    ("DEFAULT_TOKEN_EXPIRES_IN_SECONDS", Quantity::Time(Duration::from_secs(DEFAULT_TOKEN_EXPIRES_IN_SECONDS))),
    ("MAX_TOKEN_EXPIRES_IN_SECONDS", Quantity::Time(Duration::from_secs(MAX_TOKEN_EXPIRES_IN_SECONDS))),
    ("MAX_FACTORS", count(MAX_FACTORS as u64)),
    ("MAX_FACTORS_BYTES", bytes(MAX_FACTORS_BYTES as u64)),
    ("MAX_MULTIFACTOR_OPTIONS_BYTES", bytes(MAX_MULTIFACTOR_OPTIONS_BYTES as u64)),
    ("MAX_PROMPT_OPTIONS_BYTES", bytes(MAX_PROMPT_OPTIONS_BYTES as u64)),
    ("MAX_PRIMARY_USER_ID_CHARS", count(MAX_PRIMARY_USER_ID_CHARS as u64)),
    ("MAX_EXCHANGE_PROFILE_BYTES", bytes(MAX_EXCHANGE_PROFILE_BYTES as u64)),
    ("MAX_EXCHANGE_OPTIONS_BYTES", bytes(MAX_EXCHANGE_OPTIONS_BYTES as u64)),
    ("MAX_EXCHANGE_ACTOR_BYTES", bytes(MAX_EXCHANGE_ACTOR_BYTES as u64)),
    ("MAX_SAML_ATTRIBUTES", count(MAX_SAML_ATTRIBUTES as u64)),
    ("MAX_SAML_ATTRIBUTE_NAME_BYTES", bytes(MAX_SAML_ATTRIBUTE_NAME_BYTES as u64)),
    ("MAX_SAML_ATTRIBUTE_VALUE_BYTES", bytes(MAX_SAML_ATTRIBUTE_VALUE_BYTES as u64)),
    ("MAX_SAML_BYTES", bytes(MAX_SAML_BYTES as u64)),
    ("MAX_SAML_URL_BYTES", bytes(MAX_SAML_URL_BYTES as u64)),
    ("MAX_SAML_NAME_BYTES", bytes(MAX_SAML_NAME_BYTES as u64)),
    ("MAX_SAML_PROBE_BYTES", bytes(MAX_SAML_PROBE_BYTES as u64)),
    ("MAX_SAML_PROBES", count(MAX_SAML_PROBES as u64)),
    ("MAX_SAML_CERT_BYTES", bytes(MAX_SAML_CERT_BYTES as u64)),
    ("MAX_SAML_ALGORITHM_BYTES", bytes(MAX_SAML_ALGORITHM_BYTES as u64)),
    ("MAX_SAML_TEXT_BYTES", bytes(MAX_SAML_TEXT_BYTES as u64)),
    ("MAX_CACHE_ENTRIES", count(MAX_CACHE_ENTRIES as u64)),
    ("MAX_CACHE_KEY_BYTES", bytes(MAX_CACHE_KEY_BYTES as u64)),
    ("MAX_CACHE_VALUE_BYTES", bytes(MAX_CACHE_VALUE_BYTES as u64)),
    ("MAX_CACHE_BYTES", bytes(MAX_CACHE_BYTES as u64)),
    ("MAX_CACHE_TTL_MS", Quantity::Time(Duration::from_millis(MAX_CACHE_TTL_MS))),
    ("MAX_CACHE_WRITES", count(MAX_CACHE_WRITES as u64)),
    ("DEFAULT_SUSPENDED_LIFETIME", Quantity::Time(DEFAULT_SUSPENDED_LIFETIME)),
    ("MAX_SUSPENDED_STATE_BYTES", bytes(MAX_SUSPENDED_STATE_BYTES as u64)),
    ("MAX_EVENT_FILE_BYTES", bytes(MAX_EVENT_FILE_BYTES)),
    ("MAX_STATE_FILE_BYTES", bytes(MAX_STATE_FILE_BYTES)),
    ("MAX_FLOW_FILE_BYTES", bytes(MAX_FLOW_FILE_BYTES)),
    ("MAX_RESUMED_LEDGER_BYTES", bytes(MAX_RESUMED_LEDGER_BYTES)),
    ("MAX_RECORDING_FILE_BYTES", bytes(MAX_RECORDING_FILE_BYTES)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_constant_declared_here_is_in_the_table_once() {
        let source = include_str!("limits.rs");
        let declared: Vec<&str> = source
            .lines()
            .filter_map(|line| line.strip_prefix("pub const "))
            .filter(|rest| !rest.starts_with("fn "))
            .filter_map(|rest| rest.split(':').next())
            .filter(|name| *name != "ALL")
            .collect();
        let listed: Vec<&str> = ALL.iter().map(|(name, _)| *name).collect();
        assert_eq!(declared, listed, "ALL lists the constants in the order they are declared");
    }

    #[test]
    fn the_heap_cap_leaves_a_quarter_and_at_least_the_headroom() {
        assert_eq!(js_heap_bytes(64 << 20), 48 << 20);
        assert_eq!(js_heap_bytes(16 << 20), 10 << 20);
    }
}
