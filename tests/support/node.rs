//! The machine's `node` as the reference an Action's output is compared with.

use std::path::Path;
use std::process::Command;

/// What the post-login handler of the Action at `action` logs when `node` runs it (with
/// an `event` of an empty user and an `api` whose every method does nothing), one line
/// per `console.log`; `None` (with a notice) when this machine has no `node`.
pub fn post_login_output(action: &Path) -> Option<Vec<String>> {
    post_login_output_with(action, &[])
}

/// As [`post_login_output`], with `env` added to `node`'s environment
/// (`NODE_EXTRA_CA_CERTS`, say).
pub fn post_login_output_with(action: &Path, env: &[(&str, &str)]) -> Option<Vec<String>> {
    let runner = "const m = require(process.argv[1]);\
        const api = new Proxy({}, { get: () => new Proxy({}, { get: () => () => {} }) });\
        m.onExecutePostLogin({ user: {} }, api);";
    let mut node = Command::new("node");
    node.arg("-e").arg(runner).arg(action).env("TZ", "UTC").envs(env.iter().copied());
    let output = match node.output() {
        Ok(output) => output,
        Err(_) => {
            eprintln!("note: no `node` on this machine; outputs are checked against the expected ones only");
            return None;
        }
    };
    assert!(output.status.success(), "node failed: {}", String::from_utf8_lossy(&output.stderr));
    Some(String::from_utf8(output.stdout).expect("node prints UTF-8").lines().map(str::to_owned).collect())
}
