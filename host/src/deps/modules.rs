//! [`Modules`]: an Action's packaged modules as the artifact stores them and the guest
//! loads them: each file's bytecode (or JSON text), and the links from the names it asks
//! for to built-ins and other modules, decided at compile time.
//!
//! In the artifact they are two sections: an index (JSON: the Action's own links, then
//! per module its path, kind, code length and links) and the codes, one after the other.
//! Loading checks that every link leads to a module of the table, that the codes fill
//! their section exactly, and that each bytecode keeps QuickJS's checksum in force.
//!
//! At run time the guest asks for a module by id ([`Host::load`]) on its first
//! `require`, so only what an execution uses crosses into its memory; a name computed at
//! run time is looked for among the packaged paths ([`Host::find`], `find.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::bindings::actionbox_sandbox::contract::modules::{self as wit, Host};
use crate::bindings::types;
use crate::state::HostState;

/// How a packaged module is evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleKind {
    /// A CommonJS file, as bytecode of Node's wrapper function around it.
    CommonJs,
    /// An ES module, as bytecode.
    Esm,
    /// A JSON file, as its text.
    Json,
}

/// What a name a file asks for leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The packaged module of this index.
    Module(u32),
    /// A built-in module of the guest (`crypto`, without `node:`).
    Builtin(String),
    /// An optional dependency that is not installed.
    Missing,
}

/// A name a file asks for by a literal, and where it leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub specifier: String,
    /// Asked for by `import` rather than `require`.
    pub import: bool,
    pub target: Target,
}

/// One packaged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    /// From the Action's directory, starting with `/`: `/node_modules/lodash/lodash.js`.
    pub path: String,
    pub kind: ModuleKind,
    pub code: Vec<u8>,
    pub links: Vec<Link>,
}

/// A packaged directory a name may lead to as a whole: a package's root and the module
/// its `main` names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    /// As modules' paths are: `/node_modules/moment`.
    pub path: String,
    pub main: u32,
}

/// An Action's packaged modules. Empty for an Action that requires only built-ins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Modules {
    /// What the Action's own `require` calls lead to.
    pub action_links: Vec<Link>,
    pub modules: Vec<Module>,
    /// The packages whose files were all packaged (for a name computed at run time), with
    /// their `main`.
    pub directories: Vec<Directory>,
    /// Each module's id by its path, and each directory's `main` by its path.
    pub(super) by_path: HashMap<String, u32>,
    pub(super) mains: HashMap<String, u32>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Index {
    action: Vec<Link>,
    modules: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    directories: Vec<Directory>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    kind: ModuleKind,
    size: u64,
    links: Vec<Link>,
}

impl Modules {
    pub fn new(action_links: Vec<Link>, modules: Vec<Module>, directories: Vec<Directory>) -> Self {
        let by_path = modules.iter().enumerate().map(|(id, module)| (module.path.clone(), id as u32)).collect();
        let mains = directories.iter().map(|directory| (directory.path.clone(), directory.main)).collect();
        Modules { action_links, modules, directories, by_path, mains }
    }

    pub fn is_empty(&self) -> bool {
        self.modules.is_empty() && self.action_links.is_empty()
    }

    /// The bytes of all codes together.
    pub fn code_bytes(&self) -> usize {
        self.modules.iter().map(|m| m.code.len()).sum()
    }

    /// The index and code sections.
    pub fn encode(&self) -> (Vec<u8>, Vec<u8>) {
        let index = Index {
            action: self.action_links.clone(),
            modules: self
                .modules
                .iter()
                .map(|m| Entry {
                    path: m.path.clone(),
                    kind: m.kind,
                    size: m.code.len() as u64,
                    links: m.links.clone(),
                })
                .collect(),
            directories: self.directories.clone(),
        };
        let mut code = Vec::with_capacity(self.code_bytes());
        for module in &self.modules {
            code.extend_from_slice(&module.code);
        }
        (serde_json::to_vec(&index).expect("the module index serializes"), code)
    }

    /// Reads the two sections back, checking them; the message says what is wrong.
    pub fn decode(index: &[u8], code: &[u8]) -> Result<Self, String> {
        let index: Index = serde_json::from_slice(index).map_err(|e| format!("unreadable module index: {e}"))?;
        let count = index.modules.len();
        let check_links = |links: &[Link]| {
            links.iter().all(|link| match &link.target {
                Target::Module(id) => (*id as usize) < count,
                Target::Builtin(name) => actionbox_contract::builtins::is_builtin(name),
                Target::Missing => true,
            })
        };
        if !check_links(&index.action) {
            return Err("the Action's links lead outside the module table".into());
        }
        let mut offset = 0usize;
        let mut modules = Vec::with_capacity(count);
        for entry in index.modules {
            if !entry.path.starts_with('/') || entry.path.contains('\0') {
                return Err(format!("the module path `{}` is not absolute", entry.path.escape_debug()));
            }
            if !check_links(&entry.links) {
                return Err(format!("the links of {} lead outside the module table", entry.path));
            }
            let end = usize::try_from(entry.size)
                .ok()
                .and_then(|size| offset.checked_add(size))
                .filter(|end| *end <= code.len())
                .ok_or_else(|| format!("the code of {} runs past its section", entry.path))?;
            let bytes = &code[offset..end];
            offset = end;
            if entry.kind != ModuleKind::Json && !crate::action::bytecode_checked(bytes) {
                return Err(format!("the bytecode of {} is truncated or turns QuickJS's checksum off", entry.path));
            }
            modules.push(Module { path: entry.path, kind: entry.kind, code: bytes.to_vec(), links: entry.links });
        }
        if offset != code.len() {
            return Err("the module code section is longer than its index says".into());
        }
        if let Some(directory) = index.directories.iter().find(|d| d.main as usize >= count || !d.path.starts_with('/'))
        {
            return Err(format!("the directory {} leads outside the module table", directory.path));
        }
        Ok(Modules::new(index.action, modules, index.directories))
    }

    /// `links` as the guest receives them, each packaged target with its path.
    pub fn wit_links(&self, links: &[Link]) -> Vec<types::Link> {
        links
            .iter()
            .map(|link| types::Link {
                specifier: link.specifier.clone(),
                import: link.import,
                target: match &link.target {
                    Target::Module(id) => types::Target::Module(types::ModuleRef {
                        id: *id,
                        path: self.modules[*id as usize].path.clone(),
                    }),
                    Target::Builtin(name) => types::Target::Builtin(name.clone()),
                    Target::Missing => types::Target::Missing,
                },
            })
            .collect()
    }
}

impl Host for HostState {
    fn load(&mut self, id: u32) -> Option<wit::Module> {
        let modules: Arc<Modules> = self.modules.clone();
        let module = modules.modules.get(id as usize)?;
        Some(wit::Module {
            kind: match module.kind {
                ModuleKind::CommonJs => wit::ModuleKind::Commonjs,
                ModuleKind::Esm => wit::ModuleKind::Esm,
                ModuleKind::Json => wit::ModuleKind::Json,
            },
            code: module.code.clone(),
            links: modules.wit_links(&module.links),
        })
    }

    fn find(&mut self, directory: String, specifier: String) -> Option<types::ModuleRef> {
        let modules: Arc<Modules> = self.modules.clone();
        let id = modules.find(&directory, &specifier)?;
        Some(types::ModuleRef { id, path: modules.modules[id as usize].path.clone() })
    }
}
