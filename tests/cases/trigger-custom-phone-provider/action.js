exports.onExecuteCustomPhoneProvider = async (event, api) => {
  api.notification.retry('gateway timeout');
};
