// `api.prompt.render(formId, options)`.
(function (natives, prelude) {
  'use strict';
  const { render } = natives;
  const { string, optionalObject } = prelude;

  return {
    methods(api) {
      return {
        PromptRender(formId, options) {
          render(string('api.prompt.render', 'the form id', formId), optionalObject('api.prompt.render', 'options', options));
          return api;
        },
      };
    },
  };
})
