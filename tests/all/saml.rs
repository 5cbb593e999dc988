//! `api.samlResponse`: attributes and configuration setters, each limit at its boundary.

use actionbox::{Decision, Trigger};
use actionbox_tests::{block_on, engine, event};

/// Runs `attempts` (an array of functions) and returns "ok" or the error name for each.
fn attempts(list: &str) -> Vec<String> {
    let source = format!(
        "exports.onExecutePostLogin = async (event, api) => {{
           const s = api.samlResponse;
           for (const f of [{list}]) {{ try {{ f(s); console.log('ok'); }} catch (e) {{ console.log(e.name); }} }}
         }};"
    );
    let action = block_on(engine().compile("saml.js", &source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(outcome.decision, Decision::Allowed);
    outcome.logs.lines.into_iter().map(|l| l.message).collect()
}

#[test]
fn attribute_name_and_value_sizes() {
    let out = attempts(
        "(s) => s.setAttribute('n'.repeat(1024), 'v'),
         (s) => s.setAttribute('n'.repeat(1025), 'v'),
         (s) => s.setAttribute('value-at-limit', 'v'.repeat(2046)),
         (s) => s.setAttribute('value-over', 'v'.repeat(2047)),
         (s) => s.setAttribute('list', ['a', 1, true]),
         (s) => s.setAttribute('object', { a: 1 }),
         (s) => s.setAttribute('removed', null)",
    );
    assert_eq!(out, ["ok", "Error", "ok", "Error", "ok", "Error", "ok"]);
}

#[test]
fn at_most_100_attributes_and_10_kib_in_all() {
    let count = attempts(
        "(s) => { for (let i = 0; i < 100; i++) s.setAttribute('a' + i, 'v'); },
         (s) => s.setAttribute('a0', 'changed again'),
         (s) => s.setAttribute('one-more', 'v')",
    );
    assert_eq!(count, ["ok", "ok", "Error"]);
    // Each is 2 + 2,048 bytes: four fit in 10,240, the fifth does not.
    let total = attempts(
        "(s) => { for (let i = 0; i < 4; i++) s.setAttribute('b' + i, 'v'.repeat(2046)); }, (s) => s.setAttribute('b4', 'v'.repeat(2046))",
    );
    assert_eq!(total, ["ok", "Error"]);
}

#[test]
fn configuration_fields_follow_the_seed_limits() {
    let out = attempts(
        "(s) => s.setAudience('a'.repeat(2048)),
         (s) => s.setAudience('a'.repeat(2049)),
         (s) => s.setNameIdentifierFormat('f'.repeat(512)),
         (s) => s.setNameIdentifierFormat('f'.repeat(513)),
         (s) => s.setNameIdentifierProbes(Array(10).fill('p'.repeat(512))),
         (s) => s.setNameIdentifierProbes(Array(11).fill('p')),
         (s) => s.setNameIdentifierProbes(['p'.repeat(513)]),
         (s) => s.setSigningCert('c'.repeat(4096)),
         (s) => s.setSigningCert('c'.repeat(4097)),
         (s) => s.setLifetimeInSeconds(3600),
         (s) => s.setLifetimeInSeconds(-1),
         (s) => s.setSignResponse(true),
         (s) => s.setSignResponse('yes'),
         (s) => s.setSignatureAlgorithm('rsa-sha256'),
         (s) => s.setSignatureAlgorithm('md5'),
         (s) => s.setTypedAttributes(false)",
    );
    let expected = [
        "ok", "Error", "ok", "Error", "ok", "Error", "Error", "ok", "Error", "ok", "Error", "ok", "Error", "ok",
        "Error", "ok",
    ];
    assert_eq!(out, expected);
}

#[test]
fn every_setter_of_the_reference_exists() {
    let source = "exports.onExecutePostLogin = async (event, api) => {
        const names = ['setAttribute', 'setAudience', 'setRecipient', 'setDestination', 'setIssuer', 'setRelayState',
          'setLifetimeInSeconds', 'setSignResponse', 'setNameIdentifierFormat', 'setNameIdentifierProbes',
          'setAuthnContextClassRef', 'setSignatureAlgorithm', 'setDigestAlgorithm', 'setSigningCert',
          'setEncryptionCert', 'setEncryptionPublicKey', 'setEncryptionAlgorithm', 'setCert', 'setKey',
          'setCreateUpnClaim', 'setPassthroughClaimsWithNoMapping', 'setMapUnknownClaimsAsIs', 'setMapIdentities',
          'setIncludeAttributeNameFormat', 'setTypedAttributes'];
        console.log(names.filter((n) => typeof api.samlResponse[n] !== 'function').join(',') || 'all present');
      };";
    let action = block_on(engine().compile("saml.js", source)).unwrap();
    let outcome = block_on(engine().execute(Trigger::PostLogin, &action, &event())).unwrap();
    assert_eq!(outcome.logs.lines[0].message, "all present");
}
