// What the Action's CommonJS wrapper receives besides its own source: `require`, which
// finds Node's built-in modules (`builtins`, the loader of `node/require.js`, set once
// the modules are installed), or, for an Action with packages, the `require` of
// `packages/loader.js`; `module` and `exports`; and the helper that awaits a
// handler's result as `await` does. `api` (the trigger's, with `bindEvent`) is passed
// through.
(function (api) {
  'use strict';
  const exportsObject = {};
  const glue = {
    apis: api.apis,
    module: { exports: exportsObject },
    exports: exportsObject,
    require,
    bindEvent: api.bindEvent,
    builtins: null,
    // The loader of the Action's packaged modules (`packages/loader.js`).
    packages: null,
    // The handler's result, awaited as `await` does: a promise or any thenable is
    // followed, by the engine's own machinery (whatever the Action did to `Promise`).
    async awaitResult(value) {
      return value;
    },
  };

  function require(name) {
    const found = glue.builtins === null ? undefined : glue.builtins.builtin(name);
    if (found !== undefined) return found.exports;
    const error = new Error("Cannot find module '" + String(name) + "'");
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }

  return glue;
})
