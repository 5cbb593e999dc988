// Node's `vm`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "vm",
    "code runs only as the Action compiled with it",
    ["compileFunction","createContext","createScript","isContext","measureMemory","runInContext","runInNewContext","runInThisContext"],
    ["Script"],
    {"constants":{}},
  );
})
