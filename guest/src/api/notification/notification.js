// `api.notification.drop` and `retry`.
(function (natives, prelude) {
  'use strict';
  const { drop, retry } = natives;
  const { reasonText } = prelude;

  return {
    methods(api) {
      return {
        NotificationDrop(reason) {
          drop(reasonText(reason));
          return api;
        },
        NotificationRetry(reason) {
          retry(reasonText(reason));
          return api;
        },
      };
    },
  };
})
