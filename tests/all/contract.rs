//! The contract both sides share: each trigger's `api` in the guest is exactly the table's
//! list of methods, and the README's Limits table states every limit with its value.

use actionbox::limits::{self, Quantity};
use actionbox::{Requirement, Trigger};
use actionbox_tests::{block_on, engine};
use serde_json::{Value, json};

/// An event with just the fields `trigger` requires.
fn minimal_event(trigger: Trigger) -> Value {
    let mut event = json!({});
    for requirement in trigger.requirements() {
        let (path, leaf) = match requirement {
            Requirement::String(path) => (*path, json!("x")),
            Requirement::Object(path) => (*path, json!({})),
        };
        let mut at = &mut event;
        for (depth, key) in path.iter().enumerate() {
            let next = if depth + 1 == path.len() { leaf.clone() } else { json!({}) };
            at = at.as_object_mut().unwrap().entry(*key).or_insert(next);
        }
    }
    event
}

#[test]
fn each_trigger_api_has_exactly_the_methods_of_the_table_in_its_order() {
    for trigger in Trigger::ALL.iter().copied() {
        let source = format!(
            "exports.{} = async (event, api) => {{
               const found = [];
               for (const namespace of Object.getOwnPropertyNames(api)) {{
                 for (const name of Object.getOwnPropertyNames(api[namespace])) {{
                   const method = api[namespace][name];
                   found.push('api.' + namespace + '.' + name + (typeof method === 'function' ? '' : ' (not a function)'));
                 }}
               }}
               console.log(JSON.stringify(found));
             }};",
            trigger.handler()
        );
        let action = block_on(engine().compile("surface.js", &source)).unwrap();
        let outcome = block_on(engine().execute(trigger, &action, &minimal_event(trigger))).unwrap();
        assert!(matches!(outcome.decision, actionbox::Decision::Allowed), "{trigger}: {:?}", outcome.decision);
        let found: Vec<String> = serde_json::from_str(&outcome.logs.lines[0].message).unwrap();
        let listed: Vec<String> = trigger.surface().iter().map(|method| method.path().to_owned()).collect();
        assert_eq!(found, listed, "{trigger}");
    }
}

/// The rows of the README's Limits table: constant name and value cell.
fn readme_limits() -> Vec<(String, String)> {
    let readme = include_str!("../../README.md");
    let section = readme.split("\n## Limits\n").nth(1).expect("the README has a Limits section");
    let section = section.split("\n## ").next().unwrap();
    let mut rows = Vec::new();
    let mut columns: Option<(usize, usize)> = None;
    for line in section.lines().map(str::trim).filter(|line| line.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.iter().all(|cell| cell.chars().all(|c| c == '-' || c == ':')) {
            continue;
        }
        match columns {
            // A header row says which columns hold the constant and the value.
            _ if cells.contains(&"constant") => {
                let at = |name: &str| cells.iter().position(|cell| *cell == name).expect("a column");
                columns = Some((at("constant"), at("value")));
            }
            Some((constant, value)) => {
                let name = cells[constant].trim_matches('`').to_owned();
                rows.push((name, cells[value].to_owned()));
            }
            None => panic!("a Limits table without a `constant` column: {line}"),
        }
    }
    rows
}

/// A value cell: a number (with `,` between thousands) and a unit, such as `16 KiB`,
/// `20 s` or `10,000`, followed by nothing else.
fn parse_quantity(cell: &str) -> Quantity {
    let (number, unit) = cell.split_once(' ').unwrap_or((cell, ""));
    let n: u64 = number.replace(',', "").parse().unwrap_or_else(|_| panic!("`{cell}` is not a number and a unit"));
    let seconds = |s: u64| Quantity::Time(std::time::Duration::from_secs(n * s));
    match unit {
        "B" => Quantity::Bytes(n),
        "KiB" => Quantity::Bytes(n << 10),
        "MiB" => Quantity::Bytes(n << 20),
        "GiB" => Quantity::Bytes(n << 30),
        "ms" => Quantity::Time(std::time::Duration::from_millis(n)),
        "s" => seconds(1),
        "min" => seconds(60),
        "h" => seconds(3600),
        "" | "characters" | "entries" | "levels" | "fuel" | "runtimes" | "elements" => Quantity::Count(n),
        other => panic!("`{cell}`: unknown unit `{other}`"),
    }
}

#[test]
fn the_readme_limits_table_states_every_limit_with_its_value() {
    let rows = readme_limits();
    for (name, value) in &rows {
        let Some((_, quantity)) = limits::ALL.iter().find(|(known, _)| known == name) else {
            panic!("the README lists `{name}`, which is not a limit");
        };
        assert_eq!(parse_quantity(value), *quantity, "the README's value of {name}");
    }
    for (name, _) in limits::ALL {
        assert_eq!(rows.iter().filter(|(listed, _)| listed == name).count(), 1, "the README lists {name} once");
    }
}
