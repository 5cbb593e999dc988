/** Defaults the user's language preference. */
exports.onExecutePostLogin = async (event, api) => {
  const prefs = event.user.user_metadata || {};
  if (!prefs.language) {
    api.user.setUserMetadata('language', event.request.language || 'en');
  }
};
