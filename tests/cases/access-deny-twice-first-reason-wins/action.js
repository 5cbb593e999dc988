exports.onExecutePostLogin = async (event, api) => {
  api.access.deny('first');
  api.access.deny('second');
};
