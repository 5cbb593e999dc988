exports.onExecutePostLogin = async (event, api) => {
  if (event.authorization && event.authorization.roles.includes('admin')) {
    api.multifactor.enable('any', { allowRememberBrowser: false });
  }
};
