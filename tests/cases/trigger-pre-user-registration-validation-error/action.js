exports.onExecutePreUserRegistration = async (event, api) => {
  if (!event.user.email.endsWith('@example.com')) {
    api.validation.error('invalid_email', 'Please sign up with your work e-mail.');
  }
  api.user.setAppMetadata('signup_source', 'web');
};
