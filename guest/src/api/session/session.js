// `api.session`: revoke, expiry, cookie mode, metadata (shared with `api.refreshToken` through
// the prelude's `sessionMethods`).
(function (natives, prelude) {
  'use strict';
  const { sessionMethods } = prelude;

  return {
    methods(api) {
      const session = sessionMethods(natives, api, 'api.session');
      return {
        SessionRevoke: session.revoke,
        SessionSetExpiresAt: session.setExpiresAt,
        SessionSetIdleExpiresAt: session.setIdleExpiresAt,
        SessionSetCookieMode: session.setCookieMode,
        SessionSetMetadata: session.setMetadata,
        SessionDeleteMetadata: session.deleteMetadata,
        SessionEvictMetadata: session.evictMetadata,
      };
    },
  };
})
