// Node's `module`: `createRequire` (a `require` for a file of the Action's packages, or
// for the Action itself, following that file's links, as `loader.js` gives each module),
// `builtinModules` and `isBuiltin` over the modules actionbox offers. `require('module')`
// is the `Module` class with those as its statics, as in Node. Loader hooks (`register`)
// are not available: what an Action loads was resolved when it was compiled.
(function (module, require) {
  'use strict';
  const { nodeError } = require('internal/errors');
  const names = require.publicNames();

  function isBuiltin(name) {
    if (typeof name !== 'string') return false;
    return names.includes(name.startsWith('node:') ? name.slice(5) : name);
  }

  function createRequire(filename) {
    // `loader.js` registers this when the guest starts.
    return require('internal/packages').createRequire(filename);
  }

  function Module(id = '', parent) {
    this.id = id;
    this.path = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) || '/' : '.';
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    if (parent !== undefined) Object.defineProperty(this, 'parent', { value: parent, writable: true, configurable: true });
  }
  Module.Module = Module;
  Module.builtinModules = names.slice();
  Module.isBuiltin = isBuiltin;
  Module.createRequire = createRequire;
  Module._extensions = Object.create(null);
  Module._cache = Object.create(null);
  Module.globalPaths = [];
  Module.syncBuiltinESMExports = () => {};
  Module.findSourceMap = () => undefined;
  Module.register = () => {
    throw nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', 'module.register() is not available in actionbox: what an Action loads is resolved when it is compiled');
  };
  Module.wrap = (script) => '(function (exports, require, module, __filename, __dirname) { ' + script + '\n});';
  module.exports = Module;
})
