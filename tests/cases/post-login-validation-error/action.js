exports.onExecutePostLogin = async (event, api) => {
  api.validation.error('too_many_attempts', 'Please wait before trying again.');
};
