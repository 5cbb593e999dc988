/** Namespaced role claims for both tokens. */
exports.onExecutePostLogin = async (event, api) => {
  const roles = (event.authorization && event.authorization.roles) || [];
  api.idToken.setCustomClaim('https://my-app.example.com/roles', roles);
  api.accessToken.setCustomClaim('https://my-app.example.com/roles', roles);
};
