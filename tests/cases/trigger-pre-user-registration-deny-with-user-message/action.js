exports.onExecutePreUserRegistration = async (event, api) => {
  api.access.deny('country blocked', 'Sign-ups are not available in your region.');
};
