//! Attacks from the adversarial catalog that the foundation must already survive: each
//! ends in a typed error or a defined result, and the engine stays usable.

use actionbox::{ActionError, Decision, Error, Trigger};
use actionbox_tests::{Limits, block_on, engine, engine_with, event};

fn run_with(limits: Limits, body: &str) -> Decision {
    let engine = engine_with(limits);
    let source = format!("exports.onExecutePostLogin = async (event, api) => {{ {body} }};");
    let action = block_on(engine.compile("attack.js", &source)).expect("the attack compiles");
    block_on(engine.execute(Trigger::PostLogin, &action, &event())).expect("the execution returns an outcome").decision
}

#[test]
fn a_parse_bomb_within_the_size_limit_is_a_typed_compile_error() {
    for (open, close) in [("[", "]"), ("(", ")"), ("{a:", "}")] {
        let depth = (actionbox::limits::MAX_SOURCE_BYTES - 100) / (open.len() + close.len());
        let source = format!(
            "exports.onExecutePostLogin = async () => {{}};\nconst x = {}1{};\n",
            open.repeat(depth),
            close.repeat(depth)
        );
        match block_on(engine().compile("bomb.js", &source)) {
            Err(Error::TopLevel(ActionError::StackOverflow)) | Err(Error::Syntax { .. }) => {}
            Err(Error::TopLevel(ActionError::Threw { name, .. })) if name == "RangeError" => {}
            other => panic!("{open}: unexpected result {other:?}"),
        }
    }
}

#[test]
fn a_loop_inside_a_builtin_is_stopped_by_the_cpu_budget() {
    let limits = Limits { fuel: Some(100_000_000), ..Limits::default() };
    let decision = run_with(limits, "Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 1);");
    assert!(matches!(decision, Decision::Error { error: ActionError::CpuLimit { .. } }), "{decision:?}");
}

#[test]
fn deep_native_recursion_is_a_js_error_or_a_limit() {
    let decision = run_with(
        Limits::default(),
        "let o = {}; for (let i = 0; i < 100000; i++) o = { o };
         try { JSON.stringify(o); } catch (e) { api.user.setAppMetadata('caught', e.name); }",
    );
    assert_eq!(decision, Decision::Allowed);
}

#[test]
fn a_host_call_just_under_the_stack_limit_is_safe() {
    let decision = run_with(
        Limits::default(),
        "const dive = (n) => { try { return dive(n + 1); } catch (e) { api.idToken.setCustomClaim('https://x.example/d', n); return n; } };
         if (dive(0) < 100) throw new Error('recursion stopped too early');",
    );
    assert_eq!(decision, Decision::Allowed);
}

#[test]
fn forged_or_hostile_values_reach_the_host_as_valid_json() {
    let decision = run_with(
        Limits::default(),
        "Object.prototype.toJSON = function () { return 'hijacked'; };
         JSON.stringify = () => { throw new Error('not used'); };
         const tricky = { get x() { throw new Error('getter'); } };
         try { api.idToken.setCustomClaim('https://x.example/a', tricky); } catch (e) { console.log(e.message); }
         api.idToken.setCustomClaim('https://x.example/b', { y: 1 });",
    );
    assert_eq!(decision, Decision::Allowed);
}
