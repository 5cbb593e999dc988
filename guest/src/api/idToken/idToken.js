// `api.idToken.setCustomClaim`.
(function (natives, prelude) {
  'use strict';
  const { setCustomClaim } = natives;
  const { string } = prelude;

  return {
    methods(api) {
      return {
        IdTokenSetCustomClaim(name, value) {
          setCustomClaim(string('api.idToken.setCustomClaim', 'the claim name', name), value);
          return api;
        },
      };
    },
  };
})
