//! `Engine::scan`: what a file of an Action's dependencies asks for, found by the guest's
//! parser inside the sandbox, and every way a hostile or broken file is refused with a
//! typed error naming it.

use actionbox::Error;
use actionbox::deps::{DependencyError, FileScan, RequestKind, Syntax, SyntaxHint};
use actionbox::limits::MAX_DEPENDENCY_FILE_BYTES;
use actionbox_tests::{block_on, engine};

fn scan(source: &str, hint: SyntaxHint) -> Result<FileScan, Error> {
    block_on(engine().scan("node_modules/pkg/index.js", source, hint))
}

/// (specifier, kind, guarded, line) of each request.
fn requests(scan: &FileScan) -> Vec<(&str, RequestKind, bool, u32)> {
    scan.requests.iter().map(|r| (r.specifier.as_str(), r.kind, r.guarded, r.location.line)).collect()
}

fn refusal(result: Result<FileScan, Error>) -> DependencyError {
    match result {
        Err(Error::Dependency { file, reason }) => {
            assert_eq!(file, "node_modules/pkg/index.js");
            reason
        }
        other => panic!("expected a dependency error, got {other:?}"),
    }
}

#[test]
fn a_commonjs_file_lists_its_requires_in_order_with_optional_and_computed_ones_apart() {
    let source = "'use strict';
const a = require('a');
const b = require(`b/sub`);
let c;
try {
  c = require('supports-color');
} catch (e) {
  require('in-catch');
}
const where = require.resolve('./data.json');
const name = 'x' + 1;
const d = require(name);
import('lazy').then(() => {});
const again = require('a');
if (!a) return;
module.exports = { a, b, c, d, where, again };
";
    let scanned = scan(source, SyntaxHint::CommonJs).unwrap();
    assert_eq!(scanned.syntax, Syntax::CommonJs);
    assert_eq!(
        requests(&scanned),
        [
            ("a", RequestKind::Require, false, 2),
            ("b/sub", RequestKind::Require, false, 3),
            ("supports-color", RequestKind::Require, true, 6),
            ("in-catch", RequestKind::Require, false, 8),
            ("./data.json", RequestKind::RequireResolve, false, 10),
            ("lazy", RequestKind::DynamicImport, false, 13),
        ]
    );
    assert_eq!(scanned.computed.len(), 1);
    assert_eq!((scanned.computed[0].line, scanned.computed[0].column), (12, 11));
    // A request guarded once and required elsewhere is required.
    let both = scan("try { require('x'); } catch {}\nrequire('x');", SyntaxHint::CommonJs).unwrap();
    assert_eq!(requests(&both), [("x", RequestKind::Require, false, 1)]);
}

#[test]
fn a_file_with_es_module_syntax_is_read_as_an_es_module_as_node_22_detects_it() {
    let source = "import def, { named } from 'left';
import 'side-effect';
export * from './all.js';
export { thing } from \"./thing.mjs\";
export const value = def(named);
";
    for hint in [SyntaxHint::CommonJs, SyntaxHint::Esm] {
        let scanned = scan(source, hint).unwrap();
        assert_eq!(scanned.syntax, Syntax::Esm);
        assert_eq!(
            requests(&scanned),
            [
                ("left", RequestKind::StaticImport, false, 1),
                ("side-effect", RequestKind::StaticImport, false, 2),
                ("./all.js", RequestKind::StaticImport, false, 3),
                ("./thing.mjs", RequestKind::StaticImport, false, 4),
            ]
        );
    }
    // Expected to be an ES module, a file without `import` or `export` still is one.
    assert_eq!(scan("const x = 1;", SyntaxHint::Esm).unwrap().syntax, Syntax::Esm);
}

#[test]
fn a_file_that_does_not_parse_is_refused_with_its_place() {
    let DependencyError::Syntax { location, .. } =
        refusal(scan("const ok = 1;\nconst broken = (;\n", SyntaxHint::CommonJs))
    else {
        panic!("expected a syntax error");
    };
    assert_eq!(location.map(|l| l.line), Some(2));
    // Top-level `return` is CommonJS, not an ES module's.
    assert!(matches!(refusal(scan("return;", SyntaxHint::Esm)), DependencyError::Syntax { .. }));
}

#[test]
fn a_file_nested_too_deeply_ends_the_scan_not_the_host() {
    for nested in [
        format!("const x = {}1{};", "(".repeat(200_000), ")".repeat(200_000)),
        format!("{}{}", "{".repeat(200_000), "}".repeat(200_000)),
        format!("var a = {}{};", "[".repeat(200_000), "]".repeat(200_000)),
    ] {
        assert_eq!(refusal(scan(&nested, SyntaxHint::CommonJs)), DependencyError::TooDeep);
    }
    // The engine goes on.
    assert_eq!(requests(&scan("require('after')", SyntaxHint::CommonJs).unwrap()).len(), 1);
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_parsed() {
    let large = "x".repeat(MAX_DEPENDENCY_FILE_BYTES + 1);
    assert_eq!(
        refusal(scan(&large, SyntaxHint::CommonJs)),
        DependencyError::TooLarge { size: MAX_DEPENDENCY_FILE_BYTES + 1, limit: MAX_DEPENDENCY_FILE_BYTES }
    );
}
