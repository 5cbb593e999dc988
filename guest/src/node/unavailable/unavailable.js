// What the modules an Action cannot use share (`internal/unavailable`): their functions
// and classes exist, so packages that import them load, and throw only when called, with
// the code `ERR_ACTIONBOX_UNAVAILABLE` and what to use instead.
(function (module, require) {
  'use strict';
  const { nodeError } = require('internal/errors');

  const NETWORK =
    'raw sockets are not available; the network is reached through fetch() and the http and https clients, under the egress policy';

  function error(what, instead) {
    return nodeError(Error, 'ERR_ACTIONBOX_UNAVAILABLE', what + ' is not available in actionbox: ' + instead);
  }

  // A function named `name` that throws for `module.name`.
  function fn(moduleName, name, instead) {
    const thrower = {
      [name]() {
        throw error(moduleName + '.' + name + '()', instead);
      },
    }[name];
    return thrower;
  }

  // A class named `name` whose construction throws.
  function cls(moduleName, name, instead) {
    const made = {
      [name]: class {
        constructor() {
          throw error('new ' + moduleName + '.' + name + '()', instead);
        }
      },
    }[name];
    return made;
  }

  // The exports of module `moduleName`: each of `functions` a thrower, each of `classes` a
  // class that throws when constructed, plus `values` as they are.
  function exportsOf(moduleName, instead, functions, classes = [], values = {}) {
    const out = {};
    for (const name of functions) out[name] = fn(moduleName, name, instead);
    for (const name of classes) out[name] = cls(moduleName, name, instead);
    return Object.assign(out, values);
  }

  // An `http.Agent`-shaped class: constructed with its options, it keeps them and does
  // nothing else (a request through it throws where the request is made).
  function agentClass(defaultPort, protocol) {
    const EventEmitter = require('events');
    return class Agent extends EventEmitter {
      constructor(options = {}) {
        super();
        this.defaultPort = defaultPort;
        this.protocol = protocol;
        this.options = { __proto__: null, ...options, path: null };
        this.keepAlive = !!options.keepAlive;
        this.keepAliveMsecs = options.keepAliveMsecs || 1000;
        this.maxSockets = options.maxSockets || Infinity;
        this.maxFreeSockets = options.maxFreeSockets || 256;
        this.maxTotalSockets = options.maxTotalSockets || Infinity;
        this.totalSocketCount = 0;
        this.scheduling = options.scheduling || 'lifo';
        this.requests = { __proto__: null };
        this.sockets = { __proto__: null };
        this.freeSockets = { __proto__: null };
      }
      destroy() {}
      getName(options = {}) {
        return (options.host || 'localhost') + ':' + (options.port || '') + ':' + (options.localAddress || '');
      }
    };
  }

  // `net.isIP`, `isIPv4`, `isIPv6`: Node's textual address checks.
  const V4_PART = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
  const V4 = '(?:' + V4_PART + '\\.){3}' + V4_PART;
  const V6_GROUP = '(?:[0-9a-fA-F]{1,4})';
  const V6 = new RegExp('^(?:' +
    '(?:' + V6_GROUP + ':){7}(?:' + V6_GROUP + '|:)|' +
    '(?:' + V6_GROUP + ':){6}(?:' + V4 + '|:' + V6_GROUP + '|:)|' +
    '(?:' + V6_GROUP + ':){5}(?::' + V4 + '|(?::' + V6_GROUP + '){1,2}|:)|' +
    '(?:' + V6_GROUP + ':){4}(?:(?::' + V6_GROUP + '){0,1}:' + V4 + '|(?::' + V6_GROUP + '){1,3}|:)|' +
    '(?:' + V6_GROUP + ':){3}(?:(?::' + V6_GROUP + '){0,2}:' + V4 + '|(?::' + V6_GROUP + '){1,4}|:)|' +
    '(?:' + V6_GROUP + ':){2}(?:(?::' + V6_GROUP + '){0,3}:' + V4 + '|(?::' + V6_GROUP + '){1,5}|:)|' +
    '(?:' + V6_GROUP + ':){1}(?:(?::' + V6_GROUP + '){0,4}:' + V4 + '|(?::' + V6_GROUP + '){1,6}|:)|' +
    '(?::(?:(?::' + V6_GROUP + '){0,5}:' + V4 + '|(?::' + V6_GROUP + '){1,7}|:))' +
    ')(?:%[0-9a-zA-Z-.:]{1,})?$');
  const V4_ONLY = new RegExp('^' + V4 + '$');
  const ipChecks = {
    isIPv4: (input) => V4_ONLY.test(String(input)),
    isIPv6: (input) => V6.test(String(input)),
    isIP: (input) => (V4_ONLY.test(String(input)) ? 4 : V6.test(String(input)) ? 6 : 0),
  };

  module.exports = { exportsOf, error, agentClass, ipChecks, NETWORK };
})
