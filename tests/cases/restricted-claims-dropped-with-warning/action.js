exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('sub', 'someone-else');
  api.accessToken.setCustomClaim('roles', ['admin']);
  api.accessToken.setCustomClaim('sip_anything', 1);
  api.idToken.setCustomClaim('https://app.example.com/ok', 1);
  api.idToken.setCustomClaim('subject', 'allowed: only exact names are restricted');
};
