// Node's `worker_threads`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "worker_threads",
    "an Action runs on one thread",
    ["getEnvironmentData","markAsUntransferable","moveMessagePortToContext","postMessageToThread","receiveMessageOnPort","setEnvironmentData"],
    ["BroadcastChannel","MessageChannel","MessagePort","Worker"],
    {"isMainThread":true,"resourceLimits":{},"threadId":0},
  );
})
