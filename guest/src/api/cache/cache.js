// `api.cache.get`, `set` and `delete`.
(function (natives, prelude) {
  'use strict';
  const { get, set, remove } = natives;
  const { string, optionalObject, describe } = prelude;

  return {
    methods(api) {
      return {
        CacheGet(key) {
          return get(string('api.cache.get', 'the key', key));
        },
        CacheSet(key, value, options) {
          const method = 'api.cache.set';
          const opts = optionalObject(method, 'options', options);
          for (const field of ['ttl', 'expires_at']) {
            if (opts[field] !== undefined && typeof opts[field] !== 'number') {
              throw new TypeError(method + ': options.' + field + ' must be a number, got ' + describe(opts[field]));
            }
          }
          return set(string(method, 'the key', key), string(method, 'the value', value), opts.ttl, opts.expires_at);
        },
        CacheDelete(key) {
          return remove(string('api.cache.delete', 'the key', key));
        },
      };
    },
  };
})
