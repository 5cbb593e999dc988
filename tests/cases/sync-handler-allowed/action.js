exports.onExecutePostLogin = function (event, api) {
  api.user.setAppMetadata('sync', true);
};
