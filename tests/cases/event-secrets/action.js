exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.setCustomClaim('https://x.example/key_length', event.secrets.API_KEY.length);
  api.accessToken.setCustomClaim('https://x.example/missing', event.secrets.NOPE === undefined);
};
