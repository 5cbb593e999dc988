// `api.multifactor.enable(provider, options)`.
(function (natives, prelude) {
  'use strict';
  const { enable } = natives;
  const { string, optionalObject } = prelude;

  return {
    methods(api) {
      return {
        MultifactorEnable(provider, options) {
          const method = 'api.multifactor.enable';
          enable(string(method, 'the provider', provider), optionalObject(method, 'options', options));
          return api;
        },
      };
    },
  };
})
