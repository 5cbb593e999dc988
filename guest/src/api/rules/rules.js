// `api.rules.wasExecuted`: always false, since actionbox runs no Rules.
(function (_natives, prelude) {
  'use strict';
  const { string } = prelude;

  return {
    methods(api) {
      return {
        RulesWasExecuted(ruleId) {
          string('api.rules.wasExecuted', 'the rule id', ruleId);
          return false;
        },
      };
    },
  };
})
