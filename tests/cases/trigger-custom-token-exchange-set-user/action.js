exports.onExecuteCustomTokenExchange = async (event, api) => {
  const attempt = (f) => { try { f(); return 'ok'; } catch (e) { return e.name; } };
  console.log(attempt(() => api.authentication.setUserByConnection('legacy-db', { email: 'x@example.com' }, {})));
  console.log(attempt(() => api.authentication.setUserByConnection('legacy-db', { user_id: 'legacy|9' }, { creationBehavior: 'sometimes' })));
  api.authentication.setUserByConnection('legacy-db', { user_id: 'legacy|9', email: 'x@example.com' }, { creationBehavior: 'create_if_not_exists', updateBehavior: 'none' });
  console.log(attempt(() => api.authentication.setUserById('auth0|other')));
  api.authentication.setOrganization('org_acme').authentication.setActor({ sub: 'service-account' });
};
