// Node's `https`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, agentClass, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "https",
    NETWORK,
    ["createServer","get","request"],
    ["Server"],
    {},
  );
  // Agents are made at load time by many packages (and by Actions, for keep-alive):
  // they construct, and do nothing until a request is made through them.
  module.exports.Agent = agentClass(443, 'https:');
  module.exports.globalAgent = new module.exports.Agent();
})
