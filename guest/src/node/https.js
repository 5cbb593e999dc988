// Node's `https`: the client of `internal/http` for `https:` URLs (port 443), over the
// host's fetch; TLS is the host's, under the egress policy (its trusted roots, never an
// Action's `ca` or `rejectUnauthorized`). `createServer` and `Server` throw
// ERR_ACTIONBOX_UNAVAILABLE: an Action accepts no connections.
(function (module, require) {
  'use strict';
  const { exportsOf } = require('internal/unavailable');
  const http = require('internal/http');
  const { request, get, globalAgent } = http.client('https:', 443, http.HttpsAgent);
  module.exports = exportsOf('https', 'an Action accepts no connections', ['createServer'], ['Server'], {
    request,
    get,
    Agent: http.HttpsAgent,
    globalAgent,
  });
})
