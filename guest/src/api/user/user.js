// `api.user.setUserMetadata` and `setAppMetadata`.
(function (natives, prelude) {
  'use strict';
  const { setUserMetadata, setAppMetadata } = natives;
  const { string } = prelude;

  return {
    methods(api) {
      return {
        UserSetUserMetadata(key, value) {
          setUserMetadata(string('api.user.setUserMetadata', 'the key', key), value);
          return api;
        },
        UserSetAppMetadata(key, value) {
          setAppMetadata(string('api.user.setAppMetadata', 'the key', key), value);
          return api;
        },
      };
    },
  };
})
