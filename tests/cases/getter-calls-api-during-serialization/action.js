exports.onExecutePostLogin = async (event, api) => {
  const tricky = { get value() { api.user.setAppMetadata('from_getter', true); return 1; } };
  api.idToken.setCustomClaim('https://x.example/v', tricky);
};
