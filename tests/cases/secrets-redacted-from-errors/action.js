exports.onExecutePostLogin = async (event, api) => {
  throw new Error('token ' + event.secrets.API_KEY);
};
