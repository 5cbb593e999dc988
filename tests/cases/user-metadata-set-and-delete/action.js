exports.onExecutePostLogin = async (event, api) => {
  api.user.setUserMetadata('preferences', { theme: 'dark', langs: ['en', 'fr'] });
  api.user.setUserMetadata('obsolete', null);
};
