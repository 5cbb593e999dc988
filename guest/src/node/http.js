// Node's `http`: the client (`request`, `get`, `Agent`, `ClientRequest`,
// `IncomingMessage`) of `internal/http`, over the host's fetch and its egress policy. The
// server side (`createServer`, `Server`, ...) exists so packages load, and throws
// ERR_ACTIONBOX_UNAVAILABLE when used: an Action accepts no connections.
(function (module, require) {
  'use strict';
  const { exportsOf } = require('internal/unavailable');
  const http = require('internal/http');
  const { request, get, globalAgent } = http.client('http:', 80, http.Agent);
  module.exports = exportsOf(
    'http',
    'an Action accepts no connections',
    ['_connectionListener', 'createServer', 'setMaxIdleHTTPParsers'],
    ['OutgoingMessage', 'Server', 'ServerResponse'],
    {
      request,
      get,
      Agent: http.Agent,
      globalAgent,
      ClientRequest: http.ClientRequest,
      IncomingMessage: http.IncomingMessage,
      METHODS: http.METHODS.slice(),
      STATUS_CODES: { ...http.STATUS_CODES },
      maxHeaderSize: 16384,
      validateHeaderName: http.validateHeaderName,
      validateHeaderValue: http.validateHeaderValue,
    },
  );
})
