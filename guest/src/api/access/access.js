// `api.access`: `deny` in each trigger's form, and `rejectInvalidSubjectToken`.
(function (natives, prelude) {
  'use strict';
  const { deny, rejectInvalidSubjectToken } = natives;
  const { string, reasonText } = prelude;

  return {
    methods(api) {
      return {
        AccessDeny(reason) {
          deny(undefined, reasonText(reason), undefined);
          return api;
        },
        AccessDenyWithCode(code, reason) {
          deny(string('api.access.deny', 'the code', code), reasonText(reason), undefined);
          return api;
        },
        AccessDenyWithUserMessage(reason, userMessage) {
          const message = userMessage === undefined ? undefined : string('api.access.deny', 'the user message', userMessage);
          deny(undefined, reasonText(reason), message);
          return api;
        },
        AccessRejectInvalidSubjectToken(reason) {
          rejectInvalidSubjectToken(reasonText(reason));
          return api;
        },
      };
    },
  };
})
