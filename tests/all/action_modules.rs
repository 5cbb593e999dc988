//! Action Modules: published to a local registry (a scratch directory here), required
//! as `actions:<name>` at the version the Action's manifest pins, frozen with their own
//! npm dependencies when published, carried by the artifact, and never allowed to use
//! another Action Module.

use std::path::Path;

use actionbox::deps::{DependencyError, Registry};
use actionbox::{CompileOptions, CompiledAction, Decision, Error, Trigger};
use actionbox_tests::{block_on, engine, event};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// An Action Module's directory: `package.json`, `index.js` and, for each of `packages`
/// (name, version, `index.js`), an installed npm dependency.
fn module_dir(
    root: &Path,
    name: &str,
    version: &str,
    index: &str,
    packages: &[(&str, &str, &str)],
) -> std::path::PathBuf {
    let dir = root.join(format!("{name}-{version}"));
    let dependencies: serde_json::Map<String, serde_json::Value> =
        packages.iter().map(|(name, version, _)| ((*name).to_owned(), (*version).into())).collect();
    let manifest =
        serde_json::json!({ "name": name, "version": version, "main": "index.js", "dependencies": dependencies });
    write(&dir.join("package.json"), &manifest.to_string());
    write(&dir.join("index.js"), index);
    for (package, version, source) in packages {
        write(
            &dir.join("node_modules").join(package).join("package.json"),
            &format!(r#"{{"name":"{package}","version":"{version}"}}"#),
        );
        write(&dir.join("node_modules").join(package).join("index.js"), source);
    }
    dir
}

/// An Action in its own directory whose manifest pins `modules` and declares `runtime`.
fn compile(
    root: &Path,
    name: &str,
    modules: &str,
    runtime: &str,
    source: &str,
    registry: Option<&Registry>,
) -> Result<CompiledAction, Error> {
    let dir = root.join(name);
    write(
        &dir.join("package.json"),
        &format!(r#"{{ "actionbox": {{ "runtime": "{runtime}", "modules": {modules} }} }}"#),
    );
    write(&dir.join("action.js"), source);
    let mut options = CompileOptions::new();
    options.project_dir(&dir);
    if let Some(registry) = registry {
        options.module_registry(registry.clone());
    }
    block_on(engine().compile_with("action.js", source, &options))
}

fn logged(action: &CompiledAction) -> Vec<String> {
    let outcome = block_on(engine().execute(Trigger::PostLogin, action, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed, "{:?}", outcome.decision);
    outcome.logs.lines.iter().map(|line| line.message.clone()).collect()
}

const GREET: &str = "const greet = require('actions:greeting');\n\
    exports.onExecutePostLogin = async () => { console.log(greet('ada')); };\n";

#[test]
fn two_actions_pinned_at_different_versions_each_run_theirs_with_its_frozen_dependencies() {
    let scratch = tempfile::tempdir().unwrap();
    let registry = Registry::new(scratch.path().join("registry"));
    let shout = ("shout", "1.0.0", "module.exports = (s) => s.toUpperCase();");
    let one = module_dir(
        scratch.path(),
        "greeting",
        "1.0.0",
        "const shout = require('shout');\nmodule.exports = (name) => 'hello ' + shout(name) + ' (1.0.0 on ' + process.version.split('.')[0] + ')';\n",
        &[shout],
    );
    let two =
        module_dir(scratch.path(), "greeting", "2.0.0", "module.exports = (name) => 'hi ' + name + ' (2.0.0)';\n", &[]);
    for dir in [&one, &two] {
        block_on(engine().publish_module(&registry, dir)).unwrap();
    }
    // Published means frozen: a later change to the module's own directory changes nothing.
    write(&one.join("node_modules/shout/index.js"), "module.exports = (s) => 'changed';");
    let listed = registry.list().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].name.as_str(), listed[0].versions.clone()),
        ("greeting", vec!["1.0.0".to_owned(), "2.0.0".to_owned()])
    );

    let first =
        compile(scratch.path(), "first", r#"{ "greeting": "1.0.0" }"#, "node18", GREET, Some(&registry)).unwrap();
    let second =
        compile(scratch.path(), "second", r#"{ "greeting": "2.0.0" }"#, "node22", GREET, Some(&registry)).unwrap();
    assert_eq!(logged(&first), ["hello ADA (1.0.0 on v18)"]);
    assert_eq!(logged(&second), ["hi ada (2.0.0)"]);
    let paths: Vec<&str> = first.modules().modules.iter().map(|m| m.path.as_str()).collect();
    assert_eq!(paths, ["/actions/greeting@1.0.0/index.js", "/actions/greeting@1.0.0/node_modules/shout/index.js"]);

    // The artifact carries the module: it runs with the registry gone.
    let bytes = engine().save_artifact(&first);
    std::fs::remove_dir_all(registry.dir()).unwrap();
    let loaded = engine().load_artifact(&bytes).unwrap();
    assert_eq!(logged(&loaded), ["hello ADA (1.0.0 on v18)"]);
}

#[test]
fn a_version_is_published_once_and_a_module_may_not_use_another() {
    let scratch = tempfile::tempdir().unwrap();
    let registry = Registry::new(scratch.path().join("registry"));
    let reason = |result: Result<_, Error>| match result {
        Err(Error::Dependency { reason, .. }) => reason,
        other => panic!("expected a dependency error, got {other:?}"),
    };
    let plain = module_dir(scratch.path(), "plain", "1.0.0", "module.exports = 1;", &[]);
    block_on(engine().publish_module(&registry, &plain)).unwrap();
    assert!(matches!(
        reason(block_on(engine().publish_module(&registry, &plain))),
        DependencyError::AlreadyPublished { name, version } if name == "plain" && version == "1.0.0"
    ));

    let uses = module_dir(
        scratch.path(),
        "uses",
        "1.0.0",
        "// uses another\nconst other = require('actions:plain');\nmodule.exports = other;",
        &[],
    );
    match block_on(engine().publish_module(&registry, &uses)) {
        Err(Error::Dependency { file, reason: DependencyError::ModuleRequiresModule { specifier, location } }) => {
            assert_eq!((file.as_str(), specifier.as_str()), ("index.js", "actions:plain"));
            assert_eq!(location.map(|l| l.line), Some(2));
        }
        other => panic!("expected the module to be refused, got {other:?}"),
    }
    let pins = module_dir(scratch.path(), "pins", "1.0.0", "module.exports = 1;", &[]);
    write(&pins.join("package.json"), r#"{"name":"pins","version":"1.0.0","actionbox":{"modules":{"plain":"1.0.0"}}}"#);
    assert!(matches!(
        reason(block_on(engine().publish_module(&registry, &pins))),
        DependencyError::ModuleRequiresModule { .. }
    ));
    let unnamed = module_dir(scratch.path(), "unnamed", "1.0.0", "module.exports = 1;", &[]);
    write(&unnamed.join("package.json"), r#"{"version":"1.0.0"}"#);
    assert!(matches!(reason(block_on(engine().publish_module(&registry, &unnamed))), DependencyError::Manifest(_)));
    assert_eq!(registry.list().unwrap().iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["plain"]);

    // A registry changed by hand is checked again at compile time.
    write(&registry.module_dir("plain", "1.0.0").join("index.js"), "module.exports = require('actions:uses');");
    let refused = compile(
        scratch.path(),
        "action",
        r#"{ "plain": "1.0.0" }"#,
        "node22",
        "require('actions:plain');\nexports.onExecutePostLogin = async () => {};",
        Some(&registry),
    );
    match refused {
        Err(Error::Dependency { file, reason: DependencyError::ModuleRequiresModule { .. } }) => {
            assert_eq!(file, "actions/plain@1.0.0/index.js");
        }
        other => panic!("expected the module to be refused, got {other:?}"),
    }
}

#[test]
fn an_action_requires_only_the_modules_it_pins_at_versions_the_registry_holds() {
    let scratch = tempfile::tempdir().unwrap();
    let registry = Registry::new(scratch.path().join("registry"));
    block_on(engine().publish_module(
        &registry,
        &module_dir(scratch.path(), "greeting", "1.0.0", "module.exports = () => 'hi';", &[]),
    ))
    .unwrap();
    let reason = |result: Result<CompiledAction, Error>| match result {
        Err(Error::Dependency { reason, .. }) => reason,
        other => panic!("expected a dependency error, got {other:?}"),
    };
    assert!(matches!(
        reason(compile(scratch.path(), "unpinned", "{}", "node22", GREET, Some(&registry))),
        DependencyError::UnpinnedModule { name, location } if name == "greeting" && location.is_some()
    ));
    assert!(matches!(
        reason(compile(scratch.path(), "newer", r#"{ "greeting": "1.0.1" }"#, "node22", GREET, Some(&registry))),
        DependencyError::ModuleNotPublished { version, .. } if version == "1.0.1"
    ));
    assert!(matches!(
        reason(compile(scratch.path(), "no-registry", r#"{ "greeting": "1.0.0" }"#, "node22", GREET, None)),
        DependencyError::ModuleNotPublished { .. }
    ));
    // A guarded require of a module that is not pinned is refused too: a pin is a decision.
    let guarded = "try { require('actions:greeting'); } catch (e) {}\nexports.onExecutePostLogin = async () => {};";
    assert!(matches!(
        reason(compile(scratch.path(), "guarded", "{}", "node22", guarded, Some(&registry))),
        DependencyError::UnpinnedModule { .. }
    ));
}
