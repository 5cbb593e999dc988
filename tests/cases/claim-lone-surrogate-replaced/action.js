exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x.example/v', 'a\uD800b');
};
