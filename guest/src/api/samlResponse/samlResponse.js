// `api.samlResponse`: `setAttribute`, and the configuration setters, one family: each calls
// the native of its field (the host checks the value and its limit).
(function (natives, prelude) {
  'use strict';
  const { setAttribute } = natives;
  const { string } = prelude;

  return {
    methods(api) {
      return {
        SamlResponseSetAttribute(name, value) {
          setAttribute(string('api.samlResponse.setAttribute', 'the attribute name', name), value);
        },
      };
    },
    // `setAudience(value)` and the other setters: each calls its own native.
    family(name) {
      const set = natives[name];
      if (set === undefined) return undefined;
      return function (value) {
        set(value);
      };
    },
  };
})
