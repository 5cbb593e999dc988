exports.onExecutePostLogin = async (event, api) => {
  const returned = api.idToken.setCustomClaim('https://a.example/x', 1)
    .accessToken.setCustomClaim('https://a.example/y', 2)
    .user.setUserMetadata('k', 'v')
    .user.setAppMetadata('k2', 'v2')
    .multifactor.enable('none');
  if (returned !== api) throw new Error('chaining must return api');
  api.noop = () => 'users may add their own properties';
  api.noop();
};
