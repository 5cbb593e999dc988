//! What the targets share in one process: the async runtime, an engine per target
//! (compiling the guest once), and the resident-memory reading the oracles bound.

use std::sync::OnceLock;

use actionbox::{Config, Engine};
use tokio::runtime::Runtime;

/// The process's runtime (two workers, as on the machines this runs on).
pub(crate) fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("a tokio runtime")
    })
}

/// An engine made once per `cell` with `configure`'s settings.
pub(crate) fn engine(cell: &'static OnceLock<Engine>, configure: fn(&mut Config)) -> &'static Engine {
    cell.get_or_init(|| {
        let mut config = Config::default();
        configure(&mut config);
        runtime().block_on(Engine::new(config)).expect("the engine starts")
    })
}

/// The process's resident memory, from `/proc/self/statm` (0 where there is none).
pub fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4096
}

/// The most resident memory a target may reach: well above what an engine and a few
/// instances take, far below what growth driven by inputs would reach over a run.
pub(crate) const MAX_RESIDENT_BYTES: u64 = 3 << 30;

/// Panics when the process holds more than [`MAX_RESIDENT_BYTES`].
pub(crate) fn check_resident(after: &str) {
    let resident = resident_bytes();
    assert!(resident <= MAX_RESIDENT_BYTES, "resident memory {resident} B after {after}, above {MAX_RESIDENT_BYTES} B");
}
