exports.onExecutePostLogin = async (event, api) => {
  api.access.deny('no');
  api.idToken.setCustomClaim('https://x.example/after', true);
  console.log('still running');
};
