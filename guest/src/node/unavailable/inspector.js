// Node's `inspector`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "inspector",
    "debug with console.log and actionbox run",
    ["close","open","url","waitForDebugger"],
    ["Session"],
    {"Network":{},"console":{}},
  );
})
