// `api.transaction`: post-login's `setMetadata`, whose effect the running Action's `event`
// shows at once, and password-reset-post-challenge's `setResultUrl`.
(function (natives, prelude) {
  'use strict';
  const { setMetadata, setResultUrl } = natives;
  const { string, describe, current } = prelude;

  return {
    methods(api) {
      return {
        TransactionSetMetadata(key, value) {
          const method = 'api.transaction.setMetadata';
          string(method, 'the key', key);
          const type = typeof value;
          if (value !== null && type !== 'string' && type !== 'number' && type !== 'boolean') {
            throw new TypeError(method + ': the value must be a string, number, boolean or null, got ' + describe(value));
          }
          setMetadata(key, value);
          const event = current.event;
          if (event !== null) {
            if (typeof event.transaction !== 'object' || event.transaction === null) event.transaction = {};
            const tx = event.transaction;
            if (typeof tx.metadata !== 'object' || tx.metadata === null) tx.metadata = {};
            if (value === null) delete tx.metadata[key];
            else tx.metadata[key] = value;
          }
        },
        TransactionSetResultUrl(url) {
          setResultUrl(string('api.transaction.setResultUrl', 'the url', url));
          return api;
        },
      };
    },
  };
})
