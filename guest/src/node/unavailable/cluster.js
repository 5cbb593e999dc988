// Node's `cluster`, which an Action cannot use: its exports exist, so packages that
// import it load, and each throws ERR_ACTIONBOX_UNAVAILABLE when called.
(function (module, require) {
  'use strict';
  const { exportsOf, NETWORK } = require('internal/unavailable');
  module.exports = exportsOf(
    "cluster",
    "an Action cannot start processes",
    ["disconnect","fork","setupMaster","setupPrimary"],
    ["Worker"],
    {"SCHED_NONE":1,"SCHED_RR":2,"_events":{},"_eventsCount":0,"isMaster":true,"isPrimary":true,"isWorker":false,"schedulingPolicy":2,"settings":{},"workers":{}},
  );
})
