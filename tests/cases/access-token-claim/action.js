exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.setCustomClaim('https://api.example.com/plan', event.user.app_metadata.plan);
};
