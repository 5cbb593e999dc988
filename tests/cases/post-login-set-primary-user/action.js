exports.onExecutePostLogin = async (event, api) => {
  api.user.setUserMetadata('before', 1);
  try { api.authentication.setPrimaryUser('x'.repeat(129)); } catch (e) { console.log('too long'); }
  api.authentication.setPrimaryUser('x'.repeat(127) + 'y');
  try { api.authentication.setPrimaryUser('auth0|another'); } catch (e) { console.log('only once'); }
  api.user.setUserMetadata('after', 2);
  api.user.setAppMetadata('linked', true);
};
