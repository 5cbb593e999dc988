// Node's `child_process`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "child_process",
    "an Action cannot start processes",
    ["_forkChild","exec","execFile","execFileSync","execSync","fork","spawn","spawnSync"],
    ["ChildProcess"],
    {},
  );
})
