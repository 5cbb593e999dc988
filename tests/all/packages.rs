//! An Action's npm packages: resolved and compiled at compile time from a scratch project
//! directory, carried by the artifact, and loaded at run time as Node loads them (each
//! project also run under the machine's `node`, the two outputs compared); and every way
//! a package that cannot be used is named at compile time.

use std::path::Path;

use actionbox::deps::DependencyError;
use actionbox::{CompileOptions, CompiledAction, Decision, Error, Outcome, Trigger};
use actionbox_tests::{block_on, engine, event};

/// A scratch Action directory: `action.js`, its `package.json` and `node_modules`.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Self {
        Project { dir: tempfile::tempdir().expect("a scratch directory") }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `relative`, creating its directories.
    fn file(&self, relative: &str, text: &str) -> &Self {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// A package in `node_modules` with its `package.json` and files.
    fn package(&self, name: &str, manifest: &str, files: &[(&str, &str)]) -> &Self {
        self.file(&format!("node_modules/{name}/package.json"), manifest);
        for (relative, text) in files {
            self.file(&format!("node_modules/{name}/{relative}"), text);
        }
        self
    }

    fn compile(&self, source: &str) -> Result<CompiledAction, Error> {
        self.file("action.js", source);
        let mut options = CompileOptions::new();
        options.project_dir(self.path());
        block_on(engine().compile_with("action.js", source, &options))
    }

    /// What the Action's post-login handler logs under `node`, one line per call; `None`
    /// when this machine has no `node`.
    fn under_node(&self) -> Option<Vec<String>> {
        actionbox_tests::node::post_login_output(&self.path().join("action.js"))
    }
}

fn execute(action: &CompiledAction) -> Outcome {
    block_on(engine().execute(Trigger::PostLogin, action, &event())).unwrap()
}

fn logged(outcome: &Outcome) -> Vec<String> {
    assert_eq!(outcome.decision, Decision::Allowed, "{:?}", outcome.decision);
    outcome.logs.lines.iter().map(|line| line.message.clone()).collect()
}

/// Runs the Action in actionbox and in node, checks the two agree, and returns the lines.
fn run_both(project: &Project, source: &str) -> Vec<String> {
    let action = project.compile(source).unwrap();
    let ours = logged(&execute(&action));
    if let Some(node) = project.under_node() {
        assert_eq!(ours, node, "the same output as node");
    }
    ours
}

/// The error compiling `source` in `project` gave, with the file it names.
fn refusal(project: &Project, source: &str) -> (String, DependencyError) {
    match project.compile(source) {
        Err(Error::Dependency { file, reason }) => (file, reason),
        other => panic!("expected a dependency error, got {other:?}"),
    }
}

/// Two packages that require each other, `main`, `exports` with conditions, a directory
/// index, JSON, a module whose first evaluation throws, and one never required.
fn commonjs_project() -> Project {
    let project = Project::new();
    project
        .file("package.json", r#"{ "dependencies": { "alpha": "1.0.0", "beta": "2.0.0" } }"#)
        .package("alpha", r#"{ "name": "alpha", "version": "1.0.0", "main": "lib/main.js" }"#, &[
            (
                "lib/main.js",
                "exports.early = 'alpha early';
const beta = require('beta');
exports.betaDoneWhenAlphaRan = beta.done;
exports.late = 'alpha late';
exports.file = __filename.slice(__filename.indexOf('node_modules'));
exports.dir = __dirname.slice(__dirname.indexOf('node_modules'));
exports.data = require('./data.json');
exports.sameJson = require('./data') === exports.data;
exports.util = require('./util');
exports.isMain = require.main === module;
",
            ),
            ("lib/data.json", "\u{feff}{ \"answer\": 42, \"list\": [1, \"two\"] }"),
            ("lib/data.js", "module.exports = 'the .json file comes first only when named';"),
            (
                "lib/util/index.js",
                "module.exports = { name: 'util index', parent: module.parent.id.slice(module.parent.id.indexOf('node_modules')) };",
            ),
        ])
        .package(
            "beta",
            r#"{ "name": "beta", "version": "2.0.0",
                 "exports": {
                   ".": { "import": "./beta.mjs", "require": "./beta.cjs" },
                   "./feature": { "browser": "./feature-browser.js", "node": "./feature-node.js", "default": "./feature-default.js" },
                   "./package.json": "./package.json"
                 } }"#,
            &[
                ("beta.cjs", "const alpha = require('alpha');\nexports.alphaKeysSeen = Object.keys(alpha);\nexports.done = true;\n"),
                ("beta.mjs", "export default 'the ES module build';\n"),
                ("feature-node.js", "module.exports = 'node';"),
                ("feature-browser.js", "module.exports = 'browser';"),
                ("feature-default.js", "module.exports = 'default';"),
            ],
        )
        .package("flaky", r#"{ "name": "flaky", "version": "1.0.0" }"#, &[(
            "index.js",
            "globalThis.flakyRuns = (globalThis.flakyRuns || 0) + 1;\n\
             if (!globalThis.flakyReady) throw new Error('not ready');\n\
             module.exports = 'flaky ' + globalThis.flakyRuns;",
        )])
        .package("unused", r#"{ "name": "unused", "version": "1.0.0" }"#, &[(
            "index.js",
            "globalThis.unusedRan = true;",
        )]);
    project
}

const COMMONJS_ACTION: &str = r#"const alpha = require('alpha');
exports.onExecutePostLogin = async (event, api) => {
  let flakyFirst;
  try { require('flaky'); } catch (e) { flakyFirst = e.message; }
  globalThis.flakyReady = true;
  const resolved = require.resolve('beta');
  console.log(JSON.stringify({
    alpha,
    alphaAgain: require('alpha') === alpha,
    betaSawPartialAlpha: require('beta').alphaKeysSeen,
    feature: require('beta/feature'),
    version: require('beta/package.json').version,
    flakyFirst,
    flakySecond: require('flaky'),
    resolved: resolved.slice(resolved.indexOf('node_modules')),
    cached: require.cache[resolved].exports === require('beta'),
    unusedRan: globalThis.unusedRan === true,
  }));
  if (event.never) require('unused');
};
"#;

#[test]
fn commonjs_packages_load_lazily_with_cycles_json_and_exports_conditions_as_in_node() {
    let project = commonjs_project();
    let lines = run_both(&project, COMMONJS_ACTION);
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(
        seen,
        serde_json::json!({
            "alpha": {
                "early": "alpha early",
                "betaDoneWhenAlphaRan": true,
                "late": "alpha late",
                "file": "node_modules/alpha/lib/main.js",
                "dir": "node_modules/alpha/lib",
                "data": { "answer": 42, "list": [1, "two"] },
                "sameJson": false,
                "util": { "name": "util index", "parent": "node_modules/alpha/lib/main.js" },
                "isMain": false,
            },
            "alphaAgain": true,
            "betaSawPartialAlpha": ["early"],
            "feature": "node",
            "version": "2.0.0",
            "flakyFirst": "not ready",
            "flakySecond": "flaky 2",
            "resolved": "node_modules/beta/beta.cjs",
            "cached": true,
            "unusedRan": false,
        })
    );
}

/// ES module packages: one that imports a sibling, a CommonJS package (named exports and
/// `default`), JSON, built-ins and re-exports, with a live binding and `import.meta`; one
/// that throws as it is evaluated; one with a top-level `await`; and a CommonJS package
/// that imports an ES module with `import()`.
fn esm_project() -> Project {
    let project = Project::new();
    project
        .file(
            "package.json",
            r#"{ "dependencies": { "modern": "3.0.0", "legacy": "1.0.0", "broken": "1.0.0", "waits": "1.0.0", "bridge": "1.0.0" } }"#,
        )
        .package("modern", r#"{ "name": "modern", "version": "3.0.0", "type": "module", "exports": "./src/index.js" }"#, &[
            (
                "src/index.js",
                "import legacy, { named, fn } from 'legacy';
import { twice } from './math.js';
import path, { basename } from 'node:path';
import { EventEmitter } from 'events';
export * from './math.js';
export * as math from './math.js';
export { default as config } from './config.js';
export let counter = 0;
export function bump() { counter += 1; return counter; }
export const seen = {
  legacyDefault: legacy.named,
  legacyNamed: named,
  legacyFn: fn(2),
  twice: twice(21),
  basename: basename('/a/b/c.txt'),
  sameBuiltin: path.basename === basename,
  emitter: typeof EventEmitter,
  url: import.meta.url.slice(import.meta.url.indexOf('node_modules')),
  filename: import.meta.filename.slice(import.meta.filename.indexOf('node_modules')),
  dirname: import.meta.dirname.slice(import.meta.dirname.indexOf('node_modules')),
};
export default function greet(name) { return 'hello ' + name; }
",
            ),
            ("src/math.js", "import { bump } from './index.js';\nexport const twice = (n) => n * 2;\nexport const cycle = () => typeof bump;\n"),
            ("src/config.js", "export default { mode: 'esm' };\n"),
        ])
        .package("legacy", r#"{ "name": "legacy", "version": "1.0.0" }"#, &[(
            "index.js",
            "exports.named = 'a CommonJS export';\nexports.fn = (n) => n + 1;\n",
        )])
        .package("broken", r#"{ "name": "broken", "version": "1.0.0", "type": "module", "main": "index.js" }"#, &[(
            "index.js",
            "export const value = 1;\nthrow new TypeError('broken at evaluation');\n",
        )])
        .package("waits", r#"{ "name": "waits", "version": "1.0.0", "type": "module", "main": "index.js" }"#, &[(
            "index.js",
            "export const value = await Promise.resolve('awaited');\n",
        )])
        .package("bridge", r#"{ "name": "bridge", "version": "1.0.0", "main": "index.js" }"#, &[(
            "index.js",
            "exports.load = () => import('modern').then((m) => m.default('bridge'));\n",
        )]);
    project
}

const ESM_ACTION: &str = r#"const modern = require('modern');
exports.onExecutePostLogin = async (event, api) => {
  const imported = await import('modern');
  const caught = (f) => { try { f(); return 'no error'; } catch (e) { return e.name + ' ' + (e.code || e.message); } };
  const rejected = async (p) => { try { await p; return 'no error'; } catch (e) { return e.name + ' ' + (e.code || e.message); } };
  const before = modern.counter;
  modern.bump();
  const legacy = await import('legacy');
  console.log(JSON.stringify({
    keys: Object.keys(modern).sort(),
    greet: modern.default('action'),
    seen: modern.seen,
    config: modern.config,
    math: Object.keys(modern.math).sort(),
    cycle: modern.cycle(),
    sameNamespace: imported === modern,
    liveBinding: [before, modern.counter, imported.counter],
    legacyDefault: legacy.default.named,
    legacyNamed: legacy.named,
    path: (await import('node:path')).default.join('a', 'b'),
    broken: caught(() => require('broken')),
    brokenAgain: caught(() => require('broken')),
    brokenImport: await rejected(import('broken')),
    waits: caught(() => require('waits')),
    waitsImport: (await import('waits')).value,
    bridge: await require('bridge').load(),
    computed: await rejected(import(['no', 'such', 'module'].join('-'))),
  }));
};
"#;

#[test]
fn es_module_packages_load_by_import_and_by_require_as_in_node() {
    let project = esm_project();
    let lines = run_both(&project, ESM_ACTION);
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(
        seen,
        serde_json::json!({
            "keys": ["__esModule", "bump", "config", "counter", "cycle", "default", "math", "seen", "twice"],
            "greet": "hello action",
            "seen": {
                "legacyDefault": "a CommonJS export",
                "legacyNamed": "a CommonJS export",
                "legacyFn": 3,
                "twice": 42,
                "basename": "c.txt",
                "sameBuiltin": true,
                "emitter": "function",
                "url": "node_modules/modern/src/index.js",
                "filename": "node_modules/modern/src/index.js",
                "dirname": "node_modules/modern/src",
            },
            "config": { "mode": "esm" },
            "math": ["cycle", "twice"],
            "cycle": "function",
            "sameNamespace": false,
            "liveBinding": [0, 1, 1],
            "legacyDefault": "a CommonJS export",
            "legacyNamed": "a CommonJS export",
            "path": "a/b",
            "broken": "TypeError broken at evaluation",
            "brokenAgain": "TypeError broken at evaluation",
            "brokenImport": "TypeError broken at evaluation",
            "waits": "Error ERR_REQUIRE_ASYNC_MODULE",
            "waitsImport": "awaited",
            "bridge": "hello bridge",
            "computed": "Error ERR_MODULE_NOT_FOUND",
        })
    );
}

#[test]
fn an_artifact_carries_its_packages_and_runs_without_node_modules() {
    let project = commonjs_project();
    let action = project.compile(COMMONJS_ACTION).unwrap();
    assert!(action.warnings().is_empty(), "{:?}", action.warnings());
    let paths: Vec<&str> = action.modules().modules.iter().map(|m| m.path.as_str()).collect();
    for expected in ["/node_modules/alpha/lib/main.js", "/node_modules/beta/beta.cjs", "/node_modules/unused/index.js"]
    {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    // Never required by anything: not packaged.
    assert!(!paths.iter().any(|p| p.ends_with("beta.mjs") || p.ends_with("feature-browser.js")), "{paths:?}");
    let before = logged(&execute(&action));

    let bytes = engine().save_artifact(&action);
    drop(project);
    let loaded = engine().load_artifact(&bytes).unwrap();
    assert_eq!(loaded.modules(), action.modules());
    assert_eq!(logged(&execute(&loaded)), before);

    // A changed byte in the module index or the code is refused when loading.
    let marker = b"/node_modules/alpha/lib/main.js";
    let at = bytes.windows(marker.len()).position(|w| w == marker).expect("the module index in the artifact");
    let mut tampered = bytes.clone();
    tampered[at + 15] = b'A';
    assert!(matches!(engine().load_artifact(&tampered), Err(Error::InvalidArtifact(_))));
}

/// `bytes`, an artifact, as if another guest had compiled it (its recorded guest hash
/// changed; the engine of the tests checks no signature).
fn from_another_guest(bytes: &[u8]) -> Vec<u8> {
    let marker = b"\"guest_sha256\":\"";
    let at =
        bytes.windows(marker.len()).position(|w| w == marker).expect("the guest hash in the metadata") + marker.len();
    let mut changed = bytes.to_vec();
    changed[at] = if changed[at] == b'0' { b'1' } else { b'0' };
    changed
}

#[test]
fn an_artifact_from_another_guest_is_compiled_again_from_its_source_unless_it_carries_packages() {
    let project = Project::new();
    project.file("package.json", r#"{ "actionbox": { "runtime": "node18" } }"#);
    let plain = project.compile("exports.onExecutePostLogin = async () => { console.log(process.version); };").unwrap();
    let old = engine().load_artifact(&from_another_guest(&engine().save_artifact(&plain))).unwrap();
    assert!(!engine().is_current(&old));
    assert!(matches!(block_on(engine().execute(Trigger::PostLogin, &old, &event())), Err(Error::InvalidArtifact(_))));
    let again = block_on(engine().recompile(&old)).unwrap();
    assert!(engine().is_current(&again));
    assert_eq!(again.runtime(), actionbox::NodeRuntime::Node18);
    assert_eq!(logged(&execute(&again)), ["v18.20.8"]);

    // Its packages' bytecode cannot be compiled again from the artifact: refused, saying how.
    let with_packages = commonjs_project().compile(COMMONJS_ACTION).unwrap();
    let old = engine().load_artifact(&from_another_guest(&engine().save_artifact(&with_packages))).unwrap();
    match block_on(engine().recompile(&old)) {
        Err(Error::InvalidArtifact(message)) => assert!(message.contains("actionbox compile"), "{message}"),
        other => panic!("expected the artifact to be refused, got {other:?}"),
    }
}

#[test]
fn a_package_json_nested_past_the_parsers_limit_is_refused_with_the_file() {
    let project = Project::new();
    let deep = format!(r#"{{"name":"evil","version":"1.0.0","x":{}{}}}"#, "[".repeat(200_000), "]".repeat(200_000));
    project
        .file("package.json", r#"{ "dependencies": { "good": "1.0.0" } }"#)
        .package(
            "good",
            r#"{ "name": "good", "version": "1.0.0" }"#,
            &[("index.js", "module.exports = require('evil');")],
        )
        .package("evil", &deep, &[("index.js", "module.exports = 1;")]);
    let (file, reason) = refusal(&project, "require('good');\nexports.onExecutePostLogin = async () => {};");
    assert_eq!(file, "node_modules/good/index.js");
    match reason {
        DependencyError::Manifest(message) => {
            assert!(message.contains("node_modules/evil/package.json is not valid JSON"), "{message}")
        }
        other => panic!("expected the manifest to be refused, got {other:?}"),
    }
}

#[test]
fn a_module_that_is_not_installed_is_named_with_the_file_and_line_that_asks_for_it() {
    let project = Project::new();
    project.package(
        "alpha",
        r#"{ "name": "alpha", "version": "1.0.0" }"#,
        &[("index.js", "'use strict';\nconst gone = require('not-installed');\nmodule.exports = gone;")],
    );
    let (file, reason) =
        refusal(&project, "const alpha = require('alpha');\nexports.onExecutePostLogin = async () => {};");
    assert_eq!(file, "node_modules/alpha/index.js");
    match reason {
        DependencyError::NotFound { specifier, location } => {
            assert_eq!(specifier, "not-installed");
            assert_eq!(location.map(|l| l.line), Some(2));
        }
        other => panic!("{other:?}"),
    }
    // The Action's own file, too.
    let (file, reason) =
        refusal(&project, "\n\nconst x = require('./missing');\nexports.onExecutePostLogin = async () => {};");
    assert_eq!(file, "action.js");
    assert!(matches!(reason, DependencyError::NotFound { location: Some(l), .. } if l.line == 3));
    // Without a project directory, only built-in modules are there.
    let bare = block_on(engine().compile("a.js", "require('alpha');\nexports.onExecutePostLogin = async () => {};"));
    assert!(matches!(bare, Err(Error::Dependency { reason: DependencyError::NotFound { .. }, .. })), "{bare:?}");
}

#[test]
fn an_optional_dependency_that_is_not_installed_is_a_warning_and_module_not_found_when_required() {
    let project = Project::new();
    project.package("chalkish", r#"{ "name": "chalkish", "version": "1.0.0" }"#, &[(
        "index.js",
        "let color = 'none';\ntry {\n  color = require('supports-color');\n} catch (e) {\n  color = e.code;\n}\nmodule.exports = color;",
    )]);
    let source = "exports.onExecutePostLogin = async () => {\n  console.log(require('chalkish'));\n};";
    let action = project.compile(source).unwrap();
    assert_eq!(action.warnings().len(), 1, "{:?}", action.warnings());
    let warning = &action.warnings()[0];
    assert_eq!(warning.file, "node_modules/chalkish/index.js");
    assert!(
        matches!(&warning.reason, DependencyError::NotFound { specifier, location: Some(l) } if specifier == "supports-color" && l.line == 3)
    );
    assert_eq!(run_both(&project, source), ["MODULE_NOT_FOUND"]);
}

#[test]
fn native_addons_are_refused_at_compile_time() {
    let project = Project::new();
    project
        .package(
            "compiled",
            r#"{ "name": "compiled", "version": "1.0.0", "main": "build/addon.node" }"#,
            &[("build/addon.node", "\u{7f}ELF")],
        )
        .package(
            "gyp",
            r#"{ "name": "gyp", "version": "1.0.0", "gypfile": true }"#,
            &[
                ("binding.gyp", "{ 'targets': [] }"),
                ("index.js", "module.exports = require('./build/Release/gyp.node');"),
            ],
        );
    for name in ["compiled", "gyp"] {
        let (_, reason) =
            refusal(&project, &format!("require('{name}');\nexports.onExecutePostLogin = async () => {{}};"));
        assert!(matches!(reason, DependencyError::NativeAddon { .. }), "{name}: {reason:?}");
    }
}

#[test]
fn a_builtin_module_actionbox_does_not_offer_is_refused_at_compile_time() {
    let project = Project::new();
    for name in ["v8", "repl", "node:sea"] {
        let (file, reason) =
            refusal(&project, &format!("require('{name}');\nexports.onExecutePostLogin = async () => {{}};"));
        assert_eq!(file, "action.js");
        assert!(matches!(reason, DependencyError::UnsupportedBuiltin { .. }), "{name}: {reason:?}");
    }
    // The ones it offers need no package.
    let action = project
        .compile(
            "const { join } = require('node:path');\nrequire('events');\nexports.onExecutePostLogin = async () => {};",
        )
        .unwrap();
    assert!(action.modules().modules.is_empty());
}

#[test]
fn nothing_outside_the_actions_directory_is_packaged() {
    let outer = Project::new();
    outer.file("secret.js", "module.exports = 'outside';");
    outer.file("elsewhere/index.js", "module.exports = 'elsewhere';");
    outer.file("project/package.json", "{}");
    let project = Project { dir: tempfile::tempdir_in(outer.path()).unwrap() };
    let source = "require('../secret.js');\nexports.onExecutePostLogin = async () => {};";
    let (_, reason) = refusal(&project, source);
    assert!(matches!(reason, DependencyError::OutsideProject { .. }), "{reason:?}");
    // Nor through a symbolic link in node_modules.
    std::fs::create_dir_all(project.path().join("node_modules")).unwrap();
    std::os::unix::fs::symlink(outer.path().join("elsewhere"), project.path().join("node_modules/linked")).unwrap();
    let (_, reason) = refusal(&project, "require('linked');\nexports.onExecutePostLogin = async () => {};");
    assert!(matches!(reason, DependencyError::OutsideProject { .. }), "{reason:?}");
}

#[test]
fn the_manifest_pins_at_most_ten_installed_dependencies() {
    let source = "exports.onExecutePostLogin = async () => {};";
    let manifest_refused = |manifest: &str| {
        let project = Project::new();
        project.file("package.json", manifest);
        project.package("alpha", r#"{ "name": "alpha", "version": "1.0.0" }"#, &[("index.js", "")]);
        let (file, reason) = refusal(&project, source);
        assert_eq!(file, "package.json");
        assert!(matches!(reason, DependencyError::Manifest(_)), "{manifest}: {reason:?}");
    };
    manifest_refused(r#"{ "dependencies": { "alpha": "^1.0.0" } }"#);
    manifest_refused(r#"{ "dependencies": { "alpha": "latest" } }"#);
    manifest_refused(r#"{ "dependencies": { "alpha": "1.0.1" } }"#);
    manifest_refused(r#"{ "dependencies": { "not-installed": "1.0.0" } }"#);
    manifest_refused(r#"{ "dependencies": [] }"#);
    manifest_refused("{ not json");
    let eleven: Vec<String> = (0..11).map(|i| format!("\"p{i}\": \"1.0.0\"")).collect();
    manifest_refused(&format!("{{ \"dependencies\": {{ {} }} }}", eleven.join(", ")));
    let project = Project::new();
    project.file("package.json", r#"{ "dependencies": { "alpha": "1.0.0" }, "actionbox": { "runtime": "node22" } }"#);
    project.package("alpha", r#"{ "name": "alpha", "version": "1.0.0" }"#, &[("index.js", "")]);
    project.compile(source).unwrap();
}

#[test]
fn a_broken_package_file_is_named_at_compile_time() {
    let project = Project::new();
    project.package(
        "broken",
        r#"{ "name": "broken", "version": "1.0.0" }"#,
        &[
            ("index.js", "module.exports = require('./data.json');"),
            ("data.json", "{ \"a\": 1,\n  oops }"),
            ("syntax.js", "module.exports = {;"),
        ],
    );
    let (file, reason) = refusal(&project, "require('broken');\nexports.onExecutePostLogin = async () => {};");
    assert_eq!(file, "node_modules/broken/data.json");
    assert!(matches!(reason, DependencyError::Syntax { location: Some(l), .. } if l.line == 2), "{reason:?}");
    let (file, reason) = refusal(&project, "require('broken/syntax');\nexports.onExecutePostLogin = async () => {};");
    assert_eq!(file, "node_modules/broken/syntax.js");
    assert!(matches!(reason, DependencyError::Syntax { .. }), "{reason:?}");
}

/// Packages that compute the names they require: one loads its own locale files, one
/// loads its declared dependencies by name, from CommonJS and from an ES module.
fn computed_project() -> Project {
    let project = Project::new();
    project
        .file("package.json", r#"{ "dependencies": { "locales": "1.0.0", "plugins": "1.0.0" } }"#)
        .package(
            "locales",
            r#"{ "name": "locales", "version": "1.0.0", "main": "lib/index.js" }"#,
            &[
                ("lib/index.js", "module.exports = (name) => require('../locale/' + name);\n"),
                ("lib/async.mjs", "export const load = (name) => import('../locale/' + name + '.js');\n"),
                ("locale/fr.js", "module.exports = { hello: 'bonjour' };\n"),
                ("locale/de.json", "{ \"hello\": \"hallo\" }\n"),
                ("locale/it/index.js", "module.exports = { hello: 'ciao' };\n"),
                ("dist/broken.js", "this is not JavaScript (\n"),
                ("README.md", "not packaged\n"),
            ],
        )
        .package(
            "plugins",
            r#"{ "name": "plugins", "version": "1.0.0", "dependencies": { "plugin-a": "1.0.0" } }"#,
            &[("index.js", "module.exports = (name) => require(name);\n")],
        )
        .package(
            "plugin-a",
            r#"{ "name": "plugin-a", "version": "1.0.0", "main": "lib/a.js" }"#,
            &[("lib/a.js", "module.exports = 'plugin a';\n")],
        );
    project
}

#[test]
fn names_computed_at_run_time_find_the_files_of_packages_that_compute_them_as_in_node() {
    let project = computed_project();
    let lines = run_both(
        &project,
        r#"const locales = require('locales');
const plugins = require('plugins');
exports.onExecutePostLogin = async () => {
  const code = (f) => { try { f(); return 'no error'; } catch (e) { return e.code; } };
  const asEsm = require('locales/lib/async.mjs');
  console.log(JSON.stringify({
    fr: locales('fr').hello,
    frJs: locales('fr.js').hello,
    de: locales('de').hello,
    it: locales('it').hello,
    missing: code(() => locales('xx')),
    plugin: plugins('plugin-a'),
    notDeclared: code(() => plugins('locales-not-a-dependency')),
    esm: (await asEsm.load('fr')).default.hello,
  }));
};
"#,
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    // What finds them travels in the artifact: the files and the packages' `main`s.
    let action = project.compile(&std::fs::read_to_string(project.path().join("action.js")).unwrap()).unwrap();
    let directories: Vec<&str> = action.modules().directories.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(directories, ["/node_modules/locales", "/node_modules/plugins", "/node_modules/plugin-a"]);
    let loaded = engine().load_artifact(&engine().save_artifact(&action)).unwrap();
    assert_eq!(loaded.modules(), action.modules());
    drop(project);
    assert_eq!(logged(&execute(&loaded)), lines);
    assert_eq!(
        seen,
        serde_json::json!({
            "fr": "bonjour", "frJs": "bonjour", "de": "hallo", "it": "ciao", "missing": "MODULE_NOT_FOUND",
            "plugin": "plugin a", "notDeclared": "MODULE_NOT_FOUND", "esm": "bonjour",
        })
    );
}

#[test]
fn a_file_of_a_package_packaged_whole_that_does_not_compile_throws_when_required() {
    let project = computed_project();
    let action = project
        .compile(
            "exports.onExecutePostLogin = async () => {
  try { require('locales')('../dist/broken'); } catch (e) { console.log(e.message); }
};",
        )
        .expect("a broken file no literal name reaches does not stop the compilation");
    let lines = logged(&execute(&action));
    assert!(
        lines[0].starts_with("actionbox could not package node_modules/locales/dist/broken.js: SyntaxError"),
        "{lines:?}"
    );
    // A literal name that reaches it is refused at compile time, as before.
    let (file, reason) = refusal(
        &project,
        "require('locales'); const broken = require('locales/dist/broken.js'); exports.onExecutePostLogin = async () => {};",
    );
    assert_eq!(file, "node_modules/locales/dist/broken.js");
    assert!(matches!(reason, DependencyError::Syntax { .. }), "{reason:?}");
}

#[test]
fn process_version_is_the_runtime_the_manifest_declares_for_the_action_and_its_modules() {
    let report = "exports.onExecutePostLogin = async () => { console.log(process.version, process.versions.node, process.release.lts, require('reports')); };";
    let project = Project::new();
    project.package(
        "reports",
        r#"{ "name": "reports", "version": "1.0.0" }"#,
        &[("index.js", "module.exports = process.version.split('.')[0];")],
    );
    let cases = [
        (r#"{ "dependencies": { "reports": "1.0.0" } }"#, actionbox::NodeRuntime::Node22, "v22.12.0 22.12.0 Jod v22"),
        (
            r#"{ "dependencies": { "reports": "1.0.0" }, "actionbox": { "runtime": "node18" } }"#,
            actionbox::NodeRuntime::Node18,
            "v18.20.8 18.20.8 Hydrogen v18",
        ),
    ];
    for (manifest, runtime, expected) in cases {
        project.file("package.json", manifest);
        let action = project.compile(report).unwrap();
        assert_eq!(action.runtime(), runtime);
        assert_eq!(logged(&execute(&action)), [expected]);
        // The artifact keeps it.
        let loaded = engine().load_artifact(&engine().save_artifact(&action)).unwrap();
        assert_eq!(loaded.runtime(), runtime);
        assert_eq!(logged(&execute(&loaded)), [expected]);
    }
    // Read at compile time too: the top level sees the declared version.
    project.file("package.json", cases[1].0);
    let refused = project.compile("if (process.version.startsWith('v18')) throw new Error('runs as 18'); exports.onExecutePostLogin = async () => {};");
    assert!(matches!(refused, Err(Error::TopLevel(_))), "{refused:?}");
}

#[test]
fn module_create_require_gives_es_modules_and_the_action_a_require_as_in_node() {
    let project = Project::new();
    project
        .file("package.json", r#"{ "dependencies": { "hybrid": "1.0.0" } }"#)
        .package("hybrid", r#"{ "name": "hybrid", "version": "1.0.0", "type": "module", "main": "index.js" }"#, &[
            (
                "index.js",
                "import { createRequire } from 'node:module';\n\
                 const require = createRequire(import.meta.url);\n\
                 const legacy = require('./legacy.cjs');\n\
                 export const data = require('./data.json');\n\
                 export const greeting = legacy.greet('esm');\n\
                 export const resolved = require.resolve('./legacy.cjs').slice(require.resolve('./legacy.cjs').indexOf('node_modules'));\n",
            ),
            ("legacy.cjs", "exports.greet = (who) => 'hello ' + who + ' from ' + __filename.slice(__filename.lastIndexOf('/') + 1);\n"),
            ("data.json", "{ \"kind\": \"json\" }"),
        ]);
    let lines = run_both(
        &project,
        "const Module = require('module');\n\
         exports.onExecutePostLogin = async () => {\n\
           const hybrid = await import('hybrid');\n\
           const again = Module.createRequire(__filename)('hybrid');\n\
           console.log(JSON.stringify({\n\
             greeting: hybrid.greeting, data: hybrid.data, resolved: hybrid.resolved, same: again.greeting === hybrid.greeting,\n\
             builtins: ['fs', 'crypto', 'timers/promises'].map((n) => Module.builtinModules.includes(n)),\n\
             isBuiltin: [Module.isBuiltin('node:path'), Module.isBuiltin('hybrid'), require('node:module').isBuiltin('events')],\n\
             self: Module.Module === Module && typeof Module.createRequire,\n\
           }));\n\
         };\n",
    );
    let seen: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(
        seen,
        serde_json::json!({
            "greeting": "hello esm from legacy.cjs", "data": { "kind": "json" }, "resolved": "node_modules/hybrid/legacy.cjs",
            "same": true, "builtins": [true, true, true], "isBuiltin": [true, false, true], "self": "function",
        })
    );
}

#[test]
fn an_action_imports_builtins_by_literal_and_computed_names_as_in_node() {
    let project = Project::new();
    let lines = run_both(
        &project,
        "exports.onExecutePostLogin = async () => {
  const path = await import('node:path');
  const crypto = await import(['cry', 'pto'].join(''));
  let missing;
  try { await import('./nope-' + 1); } catch (e) { missing = e.code; }
  console.log(path.default.join('a', 'b'), path.join === path.default.join, typeof crypto.createHash, missing);
};
",
    );
    assert_eq!(lines, ["a/b true function ERR_MODULE_NOT_FOUND"]);
}
