// What the Action's CommonJS wrapper receives besides its own source: `require`, which
// finds no module yet, `module` and `exports`; and the helper that awaits a handler's
// result as `await` does. `api` (the trigger's, with `bindEvent`) is passed through.
(function (api) {
  'use strict';
  function require(name) {
    const error = new Error("Cannot find module '" + String(name) + "'");
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }

  const exportsObject = {};
  return {
    apis: api.apis,
    module: { exports: exportsObject },
    exports: exportsObject,
    require,
    bindEvent: api.bindEvent,
    // The handler's result, awaited as `await` does: a promise or any thenable is
    // followed, by the engine's own machinery (whatever the Action did to `Promise`).
    async awaitResult(value) {
      return value;
    },
  };
})
