//! What the running Action's module graph has shown so far: the links of each file
//! loaded (and of the Action itself), the id of each packaged module a link named, and the
//! bytecode of ES modules fetched from the host and not yet read by QuickJS.
//!
//! QuickJS's module loader asks by name (a module's path) and by the name of the file
//! that imports; this is where those names find their links and ids. A runtime serves one
//! `compile` or `run`, so the graph starts over with each Action ([`begin`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::actionbox_sandbox::contract::types::{Link, Target};

#[derive(Default)]
struct Graph {
    /// The links of each file loaded so far, by the name QuickJS knows it by: a module's
    /// path, or the Action's filename.
    links: HashMap<String, Rc<[Link]>>,
    /// Packaged modules' ids by path, from every link recorded.
    ids: HashMap<String, u32>,
    /// ES modules' bytecode, by id, between the host's answer and QuickJS reading it.
    esm: HashMap<u32, Vec<u8>>,
    /// How many `require`s of ES modules so far (each gets an importer of its own name).
    importers: u32,
    /// Why QuickJS's module loader failed, once it has: a graph that failed part-way is
    /// not linked again (see `esm.rs`).
    failed: Option<String>,
}

thread_local! {
    static GRAPH: RefCell<Graph> = RefCell::new(Graph::default());
}

/// Starts the graph of an Action: its file `filename` and its links.
pub fn begin(filename: &str, links: &[Link]) {
    GRAPH.with(|graph| *graph.borrow_mut() = Graph::default());
    record(filename, links);
}

/// Records the links of the file `name`, and the ids of the modules they lead to.
pub fn record(name: &str, links: &[Link]) {
    GRAPH.with(|graph| {
        let mut graph = graph.borrow_mut();
        for link in links {
            if let Target::Module(module) = &link.target {
                graph.ids.insert(module.path.clone(), module.id);
            }
        }
        graph.links.insert(name.to_owned(), links.into());
    });
}

/// Records that the packaged module `id` is at `path`.
pub fn name(path: &str, id: u32) {
    GRAPH.with(|graph| graph.borrow_mut().ids.insert(path.to_owned(), id));
}

/// The links of the file `name`, when it was loaded.
pub fn links_of(name: &str) -> Option<Rc<[Link]>> {
    GRAPH.with(|graph| graph.borrow().links.get(name).cloned())
}

/// The id of the packaged module at `path`, when a link named it.
pub fn id_of(path: &str) -> Option<u32> {
    GRAPH.with(|graph| graph.borrow().ids.get(path).copied())
}

/// Keeps an ES module's bytecode until QuickJS's loader reads it.
pub fn stash(id: u32, bytecode: Vec<u8>) {
    GRAPH.with(|graph| graph.borrow_mut().esm.insert(id, bytecode));
}

/// The bytecode [`stash`] kept for `id`, taken.
pub fn take(id: u32) -> Option<Vec<u8>> {
    GRAPH.with(|graph| graph.borrow_mut().esm.remove(&id))
}

/// A number no earlier `require` of an ES module used.
pub fn next_importer() -> u32 {
    GRAPH.with(|graph| {
        let mut graph = graph.borrow_mut();
        graph.importers += 1;
        graph.importers
    })
}

/// Remembers that the module loader failed, and why (the first reason stays).
pub fn fail(reason: String) {
    GRAPH.with(|graph| {
        graph.borrow_mut().failed.get_or_insert(reason);
    });
}

/// Why the module loader failed, if it has.
pub fn failed() -> Option<String> {
    GRAPH.with(|graph| graph.borrow().failed.clone())
}
