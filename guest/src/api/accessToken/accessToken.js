// `api.accessToken.setCustomClaim`, `addScope`, `removeScope`.
(function (natives, prelude) {
  'use strict';
  const { setCustomClaim, addScope, removeScope } = natives;
  const { string } = prelude;

  return {
    methods(api) {
      return {
        AccessTokenSetCustomClaim(name, value) {
          setCustomClaim(string('api.accessToken.setCustomClaim', 'the claim name', name), value);
          return api;
        },
        AccessTokenAddScope(scope) {
          addScope(string('api.accessToken.addScope', 'the scope', scope));
          return api;
        },
        AccessTokenRemoveScope(scope) {
          removeScope(string('api.accessToken.removeScope', 'the scope', scope));
          return api;
        },
      };
    },
  };
})
