/**
 * Adds the user's roles to the ID and access tokens, under a namespaced claim,
 * and the organization the user logged in through, when there is one.
 */
exports.onExecutePostLogin = async (event, api) => {
  const namespace = 'https://my-app.example.com';
  const roles = (event.authorization && event.authorization.roles) || [];

  api.idToken.setCustomClaim(`${namespace}/roles`, roles);
  api.accessToken.setCustomClaim(`${namespace}/roles`, roles);

  if (event.organization) {
    api.idToken
      .setCustomClaim(`${namespace}/org`, event.organization.name)
      .accessToken.setCustomClaim(`${namespace}/org`, event.organization.id);
  }

  console.log(`added ${roles.length} role(s) for ${event.user.user_id}`);
};
