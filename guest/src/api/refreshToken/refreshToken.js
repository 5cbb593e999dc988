// `api.refreshToken`: the session's methods but the cookie mode (the prelude's
// `sessionMethods`).
(function (natives, prelude) {
  'use strict';
  const { sessionMethods } = prelude;

  return {
    methods(api) {
      const refreshToken = sessionMethods(natives, api, 'api.refreshToken');
      return {
        RefreshTokenRevoke: refreshToken.revoke,
        RefreshTokenSetExpiresAt: refreshToken.setExpiresAt,
        RefreshTokenSetIdleExpiresAt: refreshToken.setIdleExpiresAt,
        RefreshTokenSetMetadata: refreshToken.setMetadata,
        RefreshTokenDeleteMetadata: refreshToken.deleteMetadata,
        RefreshTokenEvictMetadata: refreshToken.evictMetadata,
      };
    },
  };
})
