//! A packaged module found by a name computed at run time (`require(name)`), which no
//! link could settle at compile time.
//!
//! The lookup is Node's for files, over the packaged paths instead of a file system: a
//! relative or absolute name as a file (as is, `.js`, `.json`) then as a directory (its
//! package's `main`, `index.js`, `index.json`); a bare name the same way in the
//! `node_modules` of each enclosing directory, nearest first. A package's `exports` map is
//! not consulted: literal names go through it at compile time, and the files a computed
//! name reaches are those of packages packaged whole (`walk.rs`). The names come from
//! the guest, so each is bounded and nothing outside the packaged set can be found.

use super::modules::Modules;

/// The longest directory or name looked for, in bytes.
const MAX_NAME_BYTES: usize = 4096;

impl Modules {
    /// The module `specifier` leads to from the packaged directory `directory` (`/` for
    /// the Action's own), if one of the packaged files is there.
    pub fn find(&self, directory: &str, specifier: &str) -> Option<u32> {
        if directory.len() > MAX_NAME_BYTES
            || specifier.len() > MAX_NAME_BYTES
            || specifier.is_empty()
            || !directory.starts_with('/')
        {
            return None;
        }
        if is_path(specifier) {
            let base =
                if specifier.starts_with('/') { normalize("/", specifier) } else { normalize(directory, specifier) };
            return self.as_file(&base).or_else(|| self.as_directory(&base));
        }
        let mut dir = normalize(directory, ".");
        loop {
            if !dir.ends_with("/node_modules") {
                let base = normalize(&dir, &format!("node_modules/{specifier}"));
                if let Some(id) = self.as_file(&base).or_else(|| self.as_directory(&base)) {
                    return Some(id);
                }
            }
            if dir == "/" {
                return None;
            }
            dir = match dir.rfind('/') {
                Some(0) | None => "/".to_owned(),
                Some(at) => dir[..at].to_owned(),
            };
        }
    }

    fn as_file(&self, base: &str) -> Option<u32> {
        ["", ".js", ".json"].iter().find_map(|extension| self.by_path.get(&format!("{base}{extension}")).copied())
    }

    fn as_directory(&self, base: &str) -> Option<u32> {
        let dir = base.trim_end_matches('/');
        self.mains.get(dir).copied().or_else(|| {
            ["index.js", "index.json"].iter().find_map(|index| self.by_path.get(&format!("{dir}/{index}")).copied())
        })
    }
}

/// Whether Node reads `specifier` as a path rather than a package name.
fn is_path(specifier: &str) -> bool {
    specifier == "."
        || specifier == ".."
        || specifier.starts_with("./")
        || specifier.starts_with("../")
        || specifier.starts_with('/')
}

/// `relative` from `directory`, with `.` and `..` applied (never above `/`).
fn normalize(directory: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in directory.split('/').chain(relative.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::super::modules::{Directory, Module, ModuleKind, Modules};

    fn modules(paths: &[&str], directories: &[(&str, u32)]) -> Modules {
        let modules = paths
            .iter()
            .map(|path| Module {
                path: (*path).to_owned(),
                kind: ModuleKind::CommonJs,
                code: Vec::new(),
                links: Vec::new(),
            })
            .collect();
        let directories =
            directories.iter().map(|(path, main)| Directory { path: (*path).to_owned(), main: *main }).collect();
        Modules::new(Vec::new(), modules, directories)
    }

    #[test]
    fn relative_names_are_files_then_directories() {
        let m = modules(
            &[
                "/node_modules/moment/moment.js",
                "/node_modules/moment/locale/fr.js",
                "/node_modules/moment/data.json",
                "/node_modules/moment/lib/index.js",
            ],
            &[("/node_modules/moment", 0)],
        );
        let from = "/node_modules/moment";
        assert_eq!(m.find(from, "./locale/fr"), Some(1));
        assert_eq!(m.find(from, "./locale/fr.js"), Some(1));
        assert_eq!(m.find(from, "./data"), Some(2));
        assert_eq!(m.find(from, "./lib"), Some(3));
        assert_eq!(m.find("/node_modules/moment/lib", ".."), Some(0));
        assert_eq!(m.find("/node_modules/moment/lib", "../locale/./fr"), Some(1));
        assert_eq!(m.find(from, "/node_modules/moment/locale/fr"), Some(1));
        assert_eq!(m.find(from, "./locale/de"), None);
    }

    #[test]
    fn bare_names_are_looked_for_in_each_enclosing_node_modules() {
        let m = modules(
            &["/node_modules/a/index.js", "/node_modules/b/node_modules/a/index.js", "/node_modules/c/main.js"],
            &[("/node_modules/c", 2)],
        );
        assert_eq!(m.find("/", "a"), Some(0));
        assert_eq!(m.find("/node_modules/b", "a"), Some(1));
        assert_eq!(m.find("/node_modules/b/lib/deep", "a"), Some(1));
        assert_eq!(m.find("/node_modules/d", "a"), Some(0));
        assert_eq!(m.find("/node_modules/d", "c"), Some(2));
        assert_eq!(m.find("/", "c/main"), Some(2));
        assert_eq!(m.find("/", "e"), None);
    }

    #[test]
    fn nothing_outside_the_packaged_set_or_past_the_bounds_is_found() {
        let m = modules(&["/node_modules/a/index.js"], &[]);
        assert_eq!(m.find("/", "../../../../etc/passwd"), None);
        assert_eq!(m.find("/", "../../node_modules/a"), Some(0), "`..` stops at the root, as in a file system");
        assert_eq!(m.find("/", ""), None);
        assert_eq!(m.find("relative", "a"), None);
        assert_eq!(m.find("/", &"a/".repeat(3000)), None);
        assert_eq!(m.find(&"/d".repeat(3000), "a"), None);
    }
}
