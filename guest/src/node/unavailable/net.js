// Node's `net`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "net",
    NETWORK,
    ["_createServerHandle","_normalizeArgs","_setSimultaneousAccepts","connect","createConnection","createServer","getDefaultAutoSelectFamily","getDefaultAutoSelectFamilyAttemptTimeout","setDefaultAutoSelectFamily","setDefaultAutoSelectFamilyAttemptTimeout"],
    ["BlockList","Server","Socket","SocketAddress","Stream"],
    {},
  );
  // Address checks are pure computations, which packages use without a socket.
  Object.assign(module.exports, require('internal/unavailable').ipChecks);
})
