// `api.samlResponse`: `setAttribute`, and the configuration setters, one family: each sets the
// field its name says (the host checks the value and its limit).
(function (natives, prelude) {
  'use strict';
  const { setAttribute, setField } = natives;
  const { string } = prelude;

  return {
    methods(api) {
      return {
        SamlResponseSetAttribute(name, value) {
          setAttribute(string('api.samlResponse.setAttribute', 'the attribute name', name), value);
        },
      };
    },
    // `setAudience(value)` sets `audience`, and so on.
    family(name) {
      const field = name[3].toLowerCase() + name.slice(4);
      return function (value) {
        setField(field, value);
      };
    },
  };
})
