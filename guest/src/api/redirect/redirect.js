// `api.redirect`: `sendUserTo`, `encodeToken`, `validateToken`, `canRedirect`.
(function (natives, prelude) {
  'use strict';
  const { sendUserTo, encodeToken, validateToken, canRedirect } = natives;
  const { string, optionalObject, describe } = prelude;

  return {
    methods(api) {
      return {
        RedirectSendUserTo(url, options) {
          const method = 'api.redirect.sendUserTo';
          const query = optionalObject(method, 'options', options).query;
          sendUserTo(string(method, 'the url', url), optionalObject(method, 'options.query', query));
          return api;
        },
        RedirectEncodeToken(options) {
          const method = 'api.redirect.encodeToken';
          const opts = optionalObject(method, 'options', options);
          if (opts.expiresInSeconds !== undefined && typeof opts.expiresInSeconds !== 'number') {
            throw new TypeError(method + ': expiresInSeconds must be a number, got ' + describe(opts.expiresInSeconds));
          }
          return encodeToken(string(method, 'options.secret', opts.secret), optionalObject(method, 'options.payload', opts.payload), opts.expiresInSeconds);
        },
        RedirectValidateToken(options) {
          const method = 'api.redirect.validateToken';
          const opts = optionalObject(method, 'options', options);
          const parameter = opts.tokenParameterName === undefined ? 'session_token' : opts.tokenParameterName;
          return validateToken(string(method, 'options.secret', opts.secret), string(method, 'options.tokenParameterName', parameter));
        },
        RedirectCanRedirect() {
          return canRedirect();
        },
      };
    },
  };
})
