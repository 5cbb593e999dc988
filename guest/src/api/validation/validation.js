// `api.validation.error(code, message)`.
(function (natives, prelude) {
  'use strict';
  const { validationError } = natives;
  const { string } = prelude;

  return {
    methods(api) {
      return {
        ValidationError(code, message) {
          validationError(string('api.validation.error', 'the code', code), string('api.validation.error', 'the message', message));
          return api;
        },
      };
    },
  };
})
