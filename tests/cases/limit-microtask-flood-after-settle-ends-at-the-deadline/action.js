exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x.example/before', 1);
  const again = () => Promise.resolve().then(again);
  again();
};
