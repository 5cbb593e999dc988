exports.onExecutePostLogin = async (event, api) => {
  api.access.deny('Access denied: plan expired');
};
