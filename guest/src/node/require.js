// Node's built-in modules inside the guest: each is one function expression of
// `(module, require, natives)` (the files of `guest/src/node/`), read back from its
// bytecode and run on its first `require` with a `module` whose `exports` it fills, as
// CommonJS runs a file. Cycles give the partial exports, as in Node. Modules under
// `internal/` serve the others only: an Action's `require` sees the public names, with or
// without `node:`.
//
// Node's globals (`Buffer`, `URL`, `process`, ...) are accessors on the global object
// until first read or assigned: a read loads the module and leaves the global as a plain
// value, an assignment replaces it without loading anything.
//
// Returns `builtin` (the Action's `require` asks it), `load` (any module, for the guest
// itself), `loaded` (a module's exports if something already loaded it) and `register`
// (for a module the snapshot holds ready).
(function (names, publicNames, aliases, globals, factory) {
  'use strict';
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const publics = new Set(publicNames);
  // `timers/promises` and the like: a part of another module.
  const parts = new Map(aliases.map(([name, from, key]) => [name, [from, key]]));
  const cache = new Map();
  // What the global object held under a name before its accessor replaced it.
  const previous = new Map();

  function load(name) {
    const cached = cache.get(name);
    if (cached !== undefined) return cached.exports;
    const index = indexOf.get(name);
    if (index === undefined) throw new Error('actionbox: no built-in module ' + name);
    const [run, natives] = factory(index);
    const module = { exports: {} };
    cache.set(name, module);
    try {
      run(module, load, natives);
    } catch (error) {
      cache.delete(name);
      throw error;
    }
    return module.exports;
  }
  // The value a global held before Node's accessor took its place.
  load.previousGlobal = (name) => previous.get(name);
  // The names an Action can require, sorted, as `module.builtinModules` lists them.
  load.publicNames = () => [...publics, ...parts.keys()].sort();

  function loaded(name) {
    const cached = cache.get(name);
    return cached === undefined ? undefined : cached.exports;
  }

  // The built-in `name` names (`crypto`, `node:crypto`), or `undefined`.
  function builtin(name) {
    if (typeof name !== 'string') return undefined;
    const bare = name.startsWith('node:') ? name.slice(5) : name;
    const part = parts.get(bare);
    if (part !== undefined) return { exports: load(part[0])[part[1]] };
    if (!publics.has(bare)) return undefined;
    return { exports: load(bare) };
  }

  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  define('global', globalThis);
  for (const [name, from, key] of globals) {
    if (Object.prototype.hasOwnProperty.call(globalThis, name)) previous.set(name, globalThis[name]);
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get() {
        const exports = load(from);
        const value = key ? exports[key] : exports;
        define(name, value);
        return value;
      },
      set(value) {
        define(name, value);
      },
    });
  }

  // A module the snapshot holds ready (`console`), made outside this loader.
  function register(name, exports) {
    cache.set(name, { exports });
  }

  return { builtin, load, loaded, register };
})
