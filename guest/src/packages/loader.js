// The Action's packaged modules at run time, loaded as Node's CommonJS loader loads
// files: each on its first `require`, from the host by id (`natives.load`), into a
// `module` object cached under its path (`require.cache`), so a cycle gives the partial
// exports and a later `require` the same object. A module whose top level throws is
// taken out of the cache again. JSON files become their parsed value.
//
// `require` follows the links the host resolved at compile time, each file's own: a
// built-in module, a packaged module (id and path), or an optional dependency that is
// absent. A name no literal asked for (computed at run time) finds a built-in, or a
// packaged file the host finds by Node's rules for files (`natives.find`), or nothing.
//
// An ES module `require`d is evaluated by QuickJS (`natives.requireModule`) and cached
// here with its namespace as its exports.
//
// `module.createRequire` is `createRequire` below, registered with the built-ins' loader.
//
// Returns `actionRequire(links, module, filename)`, the Action's own `require`, and what
// QuickJS's ES module loader (`esm.rs`) asks of the CommonJS side: `importFile`,
// `notFound`, `isBuiltin`, `importBuiltin`.
(function (natives, builtins) {
  'use strict';
  // Link targets.
  const MODULE = 0;
  const BUILTIN = 1;
  // Module kinds (`natives.load`'s first element), and THREW for `importFile`.
  const COMMONJS = 0;
  const ESM = 1;
  const JSON_TEXT = 2;
  const THREW = 3;

  // Node's coded errors, loaded when one is first thrown.
  const errors = () => builtins.load('internal/errors');

  // `require.cache`: every module loaded, by its path.
  const cache = Object.create(null);
  // How each module in the cache was loaded (`COMMONJS`, `ESM` or `JSON_TEXT`).
  const kinds = new WeakMap();
  let main;

  function dirname(path) {
    const at = path.lastIndexOf('/');
    return at <= 0 ? '/' : path.slice(0, at);
  }

  // The `node_modules` folders Node would search from `dir`, nearest first.
  function nodeModulePaths(dir) {
    const paths = [];
    for (let at = dir; ; at = dirname(at)) {
      if (!at.endsWith('/node_modules')) paths.push((at === '/' ? '' : at) + '/node_modules');
      if (at === '/') return paths;
    }
  }

  class Module {
    constructor(path, parent) {
      this.id = path;
      this.path = dirname(path);
      this.exports = {};
      this.filename = path;
      this.loaded = false;
      this.children = [];
      this.paths = nodeModulePaths(this.path);
      if (parent !== undefined) parents.set(this, parent);
      if (parent !== undefined && Array.isArray(parent.children)) parent.children.push(this);
    }

    // Deprecated in Node, still read by older packages: the module that first required
    // this one.
    get parent() {
      return parents.get(this);
    }
  }
  const parents = new WeakMap();

  function notFound(specifier, parent) {
    const from = parent !== undefined && typeof parent.filename === 'string' ? parent.filename : undefined;
    const error = new Error(
      "Cannot find module '" + specifier + "'" + (from === undefined ? '' : '\nRequire stack:\n- ' + from),
    );
    error.code = 'MODULE_NOT_FOUND';
    error.requireStack = from === undefined ? [] : [from];
    return error;
  }

  // The `require` links of a file: specifier → [tag, id, path].
  function requireLinks(links) {
    const table = new Map();
    for (const [specifier, isImport, tag, id, path] of links) {
      if (!isImport) table.set(specifier, [tag, id, path]);
    }
    return table;
  }

  function load(id, path, parent) {
    const cached = cache[path];
    if (cached !== undefined) return cached;
    return evaluate(path, parent, natives.load(id, path));
  }

  // Evaluates a module `natives.load` answered with, cached under `path` as it runs.
  function evaluate(path, parent, [kind, links, value]) {
    const module = new Module(path, parent);
    cache[path] = module;
    kinds.set(module, kind);
    let done = false;
    try {
      if (kind === JSON_TEXT) {
        try {
          module.exports = JSON.parse(value);
        } catch (error) {
          error.message = path + ': ' + error.message;
          throw error;
        }
      } else if (kind === COMMONJS) {
        const require = makeRequire(module, requireLinks(links));
        module.require = require;
        value.call(module.exports, module.exports, require, module, path, module.path);
      } else {
        // `require()` of an ES module, as in Node 22: its namespace, evaluated now.
        const namespace = natives.requireModule(path);
        if (namespace === undefined) {
          const error = new Error(
            'require() cannot be used on an ESM graph with top-level await. Use import() instead. ' +
              'To see where the top-level await comes from, use --experimental-print-required-tla.\n' +
              '  From ' + (parent !== undefined && parent.filename ? parent.filename : 'the Action') + '\n' +
              '  Requiring ' + path,
          );
          error.code = 'ERR_REQUIRE_ASYNC_MODULE';
          throw error;
        }
        module.exports = namespace;
      }
      done = true;
    } finally {
      if (!done) {
        delete cache[path];
        if (parent !== undefined && Array.isArray(parent.children)) {
          const at = parent.children.indexOf(module);
          if (at !== -1) parent.children.splice(at, 1);
        }
      }
    }
    module.loaded = true;
    return module;
  }

  // For QuickJS's ES module loader (`esm.rs`), the file at `path` as an `import` finds
  // it: `[kind, exports]` for CommonJS and JSON, evaluated now if they were not yet;
  // `[ESM]` for an ES module, whose bytecode `natives.load` left for the loader;
  // `[THREW, error]` when evaluating it threw.
  function importFile(id, path) {
    try {
      const cached = cache[path];
      if (cached !== undefined) return [kinds.get(cached), cached.exports];
      const loaded = natives.load(id, path);
      if (loaded[0] === ESM) return [ESM];
      return [loaded[0], evaluate(path, undefined, loaded).exports];
    } catch (error) {
      return [THREW, error];
    }
  }

  // The error of an `import` of `specifier` from `base` that leads nowhere.
  function importNotFound(specifier, base) {
    const error = new Error("Cannot find module '" + specifier + "' imported from " + base);
    error.code = 'ERR_MODULE_NOT_FOUND';
    return error;
  }

  function makeRequire(module, table) {
    function target(specifier) {
      if (typeof specifier !== 'string') throw errors().ERR_INVALID_ARG_TYPE('id', 'string', specifier);
      if (specifier === '') throw errors().ERR_INVALID_ARG_VALUE('id', specifier, 'must be a non-empty string');
      const found = table.get(specifier);
      if (found !== undefined) return found;
      if (builtins.builtin(specifier) !== undefined) return [BUILTIN];
      // A name computed at run time: looked for among the packaged files.
      const located = natives.find(module.path, specifier);
      if (located === undefined) return undefined;
      const entry = [MODULE, located[0], located[1]];
      table.set(specifier, entry);
      return entry;
    }
    function require(specifier) {
      const found = target(specifier);
      if (found !== undefined && found[0] === BUILTIN) return builtins.builtin(specifier).exports;
      if (found !== undefined && found[0] === MODULE) return load(found[1], found[2], module).exports;
      throw notFound(specifier, module);
    }
    function resolve(specifier) {
      const found = target(specifier);
      if (found !== undefined && found[0] === BUILTIN) return specifier;
      if (found !== undefined && found[0] === MODULE) return found[2];
      throw notFound(specifier, module);
    }
    resolve.paths = (specifier) =>
      builtins.builtin(specifier) !== undefined ? null : nodeModulePaths(module.path || '/');
    require.resolve = resolve;
    require.cache = cache;
    require.main = main;
    require.extensions = Object.create(null);
    return require;
  }

  function actionRequire(links, module, filename) {
    module.id = '.';
    module.filename = filename;
    module.path = '/';
    module.loaded = false;
    module.children = [];
    module.paths = nodeModulePaths('/');
    main = module;
    const require = makeRequire(module, requireLinks(links));
    module.require = require;
    return require;
  }

  // `module.createRequire(filename)`: a `require` for the packaged file `filename` (an
  // absolute path or a `file:` URL, as `import.meta.url` gives it), or for the Action,
  // following that file's links; a file no link led to gets one for built-ins and the
  // packaged files `natives.find` finds.
  function createRequire(filename) {
    let path = filename;
    if (path !== null && typeof path === 'object' && typeof path.href === 'string') path = path.href;
    if (typeof path !== 'string') {
      throw errors().ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
    }
    if (path.startsWith('file://')) path = decodeURIComponent(path.slice('file://'.length).replace(/^[^/]*/, ''));
    const links = natives.linksOf(path);
    const isAction = main !== undefined && path === main.filename;
    if (links === undefined && !path.startsWith('/')) {
      throw errors().ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
    }
    if (isAction) return main.require;
    const module = cache[path] || new Module(path, undefined);
    return makeRequire(module, requireLinks(links || []));
  }
  builtins.register('internal/packages', { createRequire });

  return {
    actionRequire,
    importFile,
    notFound: importNotFound,
    isBuiltin: (name) => builtins.builtin(name) !== undefined,
    importBuiltin: (name) => builtins.builtin(name).exports,
  };
})
