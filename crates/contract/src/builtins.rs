//! The built-in modules the guest offers, by the name `require` takes without `node:`.
//!
//! The host resolves an Action's module names at compile time: a name on this list is
//! the guest's, any other built-in name of Node is refused there, naming the file and
//! line that asks for it. The guest checks at pre-initialization that its modules are
//! exactly these.

/// Every built-in module an Action or its packages may `require` or `import`. Some only
/// throw when used (`fs`, `net`, `http`, ...): a package may load them without calling
/// them.
pub const BUILTIN_MODULES: &[&str] = &[
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "http2",
    "https",
    "inspector",
    "module",
    "net",
    "os",
    "path",
    "path/posix",
    "path/win32",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "stream",
    "stream/promises",
    "string_decoder",
    "timers",
    "timers/promises",
    "tls",
    "tty",
    "url",
    "util",
    "util/types",
    "vm",
    "worker_threads",
    "zlib",
];

/// Whether `name` (without `node:`) is one of [`BUILTIN_MODULES`].
pub fn is_builtin(name: &str) -> bool {
    BUILTIN_MODULES.binary_search(&name).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_is_sorted_for_its_search() {
        assert!(super::BUILTIN_MODULES.windows(2).all(|w| w[0] < w[1]));
    }
}
