//! The differential suite: each snippet under `tests/compat/` runs in the machine's `node`
//! (with `TZ=UTC`) and in actionbox, as the body of an async function after
//! `prelude.js`, and what they print is compared line by line, by label (the text before
//! a line's first `: `). `tests/compat/differences.toml` lists the labels whose output is
//! expected to differ, each with why: a listed label whose outputs agree fails as much as
//! an unlisted one whose outputs differ, so the list never drifts. Without `node` every
//! snippet is skipped, with a notice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use actionbox::{Decision, LogLevel, Trigger};
use actionbox_tests::{block_on, engine, event};
use libtest_mimic::{Arguments, Failed, Trial};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Differences {
    #[serde(default)]
    difference: Vec<Difference>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Difference {
    snippet: String,
    label: String,
    why: String,
}

fn main() {
    let arguments = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("compat");
    let prelude = Arc::new(std::fs::read_to_string(dir.join("prelude.js")).expect("tests/compat/prelude.js"));
    let listed: Differences = toml::from_str(&std::fs::read_to_string(dir.join("differences.toml")).unwrap())
        .expect("tests/compat/differences.toml to parse");
    let mut expected: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for difference in listed.difference {
        assert!(!difference.why.trim().is_empty(), "{}: {} gives no reason", difference.snippet, difference.label);
        expected.entry(difference.snippet).or_default().insert(difference.label, difference.why);
    }
    let node = Command::new("node").arg("--version").output().is_ok_and(|out| out.status.success());
    if !node {
        eprintln!("note: no `node` on this machine: the differential suite (tests/compat/) is skipped");
    }
    let mut snippets: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/compat/ to be readable")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "js") && !path.ends_with("prelude.js"))
        .collect();
    snippets.sort();
    let names: Vec<String> = snippets.iter().map(|path| stem(path)).collect();
    for snippet in expected.keys() {
        assert!(names.contains(snippet), "differences.toml names a snippet that does not exist: {snippet}");
    }
    let trials = snippets
        .into_iter()
        .map(|path| {
            let name = stem(&path);
            let listed = expected.remove(&name).unwrap_or_default();
            let prelude = prelude.clone();
            Trial::test(name.clone(), move || compare(&name, &path, &prelude, &listed)).with_ignored_flag(!node)
        })
        .collect();
    libtest_mimic::run(&arguments, trials).exit();
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

fn compare(name: &str, path: &Path, prelude: &str, listed: &BTreeMap<String, String>) -> Result<(), Failed> {
    let snippet = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let theirs = labelled(&in_node(prelude, &snippet)?);
    let ours = labelled(&in_actionbox(name, prelude, &snippet)?);
    let mut problems = Vec::new();
    let mut labels: Vec<&String> = theirs.keys().collect();
    labels.extend(ours.keys().filter(|label| !theirs.contains_key(*label)));
    for label in labels {
        let (node, actionbox) = (theirs.get(label), ours.get(label));
        let differs = node != actionbox;
        match (differs, listed.contains_key(label)) {
            (true, false) => problems.push(format!(
                "{label}: differs and is not listed\n    node:      {}\n    actionbox: {}",
                node.map_or("(no line)", String::as_str),
                actionbox.map_or("(no line)", String::as_str)
            )),
            (false, true) => problems.push(format!(
                "{label}: listed as a difference, but both print {}: take it off differences.toml",
                node.map_or("nothing", String::as_str)
            )),
            _ => {}
        }
    }
    for label in listed.keys() {
        if !theirs.contains_key(label) && !ours.contains_key(label) {
            problems.push(format!("{label}: listed in differences.toml, but neither prints it"));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

/// Lines by label; a repeated label is numbered (`label #2`).
fn labelled(lines: &[String]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in lines {
        let label = line.split_once(": ").map_or(line.as_str(), |(label, _)| label).to_owned();
        let mut key = label.clone();
        let mut n = 1;
        while out.contains_key(&key) {
            n += 1;
            key = format!("{label} #{n}");
        }
        out.insert(key, line.clone());
    }
    out
}

fn in_node(prelude: &str, snippet: &str) -> Result<Vec<String>, Failed> {
    let script = format!(
        "{prelude}\n(async () => {{\n{snippet}\n}})().catch((e) => {{ console.log('uncaught: ' + (e && e.name)); }});"
    );
    let output =
        Command::new("node").arg("-e").arg(&script).env("TZ", "UTC").output().map_err(|e| format!("node: {e}"))?;
    if !output.status.success() {
        return Err(format!("node failed: {}", String::from_utf8_lossy(&output.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect())
}

fn in_actionbox(name: &str, prelude: &str, snippet: &str) -> Result<Vec<String>, Failed> {
    let source = format!("{prelude}\nexports.onExecutePostLogin = async (event, api) => {{\n{snippet}\n}};\n");
    let action = block_on(engine().compile(&format!("{name}.js"), &source)).map_err(|e| format!("compile: {e}"))?;
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).map_err(|e| format!("{e}"))?;
    // What node prints on its standard output (`log`, `info`, `debug`; warnings and
    // `console.error` go to its standard error), a line with newlines in it as the lines
    // node prints for it.
    let mut lines: Vec<String> = outcome
        .logs
        .lines
        .into_iter()
        .filter(|line| matches!(line.level, LogLevel::Log | LogLevel::Info | LogLevel::Debug))
        .flat_map(|line| line.message.lines().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    if let Decision::Error { error } = &outcome.decision {
        lines.push(format!("uncaught: {error:?}"));
    }
    Ok(lines)
}
