exports.onExecutePostLogin = async (event, api) => {
  const attempts = [
    () => api.idToken.setCustomClaim(42, 'v'),
    () => api.user.setUserMetadata({}, 'v'),
    () => api.multifactor.enable(null),
    () => api.idToken.setCustomClaim('', 'v'),
  ];
  for (const attempt of attempts) {
    try { attempt(); console.log('accepted'); } catch (e) { console.log(e.name); }
  }
};
