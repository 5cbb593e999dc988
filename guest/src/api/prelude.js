// What the namespaces' JavaScript shares: the argument checks (a wrong type is a
// TypeError naming the method), the methods `api.session` and `api.refreshToken` have in
// common, and the event of the running execution, for methods whose effect it shows at once.
(function () {
  'use strict';
  const isArray = Array.isArray;

  function string(method, what, value) {
    if (typeof value !== 'string') {
      throw new TypeError(method + ': ' + what + ' must be a string, got ' + describe(value));
    }
    return value;
  }

  function optionalObject(method, what, value) {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || isArray(value)) {
      throw new TypeError(method + ': ' + what + ' must be an object, got ' + describe(value));
    }
    return value;
  }

  function describe(value) {
    if (value === null) return 'null';
    if (isArray(value)) return 'an array';
    return typeof value === 'object' ? 'an object' : typeof value;
  }

  function reasonText(value) {
    return value === undefined ? '' : String(value);
  }

  // The methods of `api.session` or `api.refreshToken` (`prefix`), over that namespace's
  // natives; the refresh token has no `setCookieMode` native, and the table does not list
  // that method for it.
  function sessionMethods(natives, api, prefix) {
    const { revoke, setExpiresAt, setIdleExpiresAt, setCookieMode, setMetadata, deleteMetadata, evictMetadata } = natives;
    const time = (method, at) => {
      if (typeof at !== 'number') throw new TypeError(prefix + '.' + method + ': the time must be a number, got ' + describe(at));
      return at;
    };
    return {
      revoke(reason) {
        revoke(reasonText(reason));
        return api;
      },
      setExpiresAt(at) {
        setExpiresAt(time('setExpiresAt', at));
        return api;
      },
      setIdleExpiresAt(at) {
        setIdleExpiresAt(time('setIdleExpiresAt', at));
        return api;
      },
      setCookieMode(mode) {
        setCookieMode(string(prefix + '.setCookieMode', 'the mode', mode));
        return api;
      },
      setMetadata(key, value) {
        setMetadata(string(prefix + '.setMetadata', 'the key', key), value);
        return api;
      },
      deleteMetadata(key) {
        deleteMetadata(string(prefix + '.deleteMetadata', 'the key', key));
        return api;
      },
      evictMetadata() {
        evictMetadata();
        return api;
      },
    };
  }

  // The event of the running execution (set by the assembler's `bindEvent`).
  const current = { event: null };

  return { string, optionalObject, describe, reasonText, isArray, sessionMethods, current };
})
