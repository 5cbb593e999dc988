exports.onExecutePreUserRegistration = async (event, api) => {
  if (!event.user.email || !event.user.email.endsWith('@example.com')) {
    api.access.deny('email_domain_not_allowed', 'Sign-ups are limited to example.com addresses.');
  }
};
