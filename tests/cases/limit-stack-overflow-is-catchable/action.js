exports.onExecutePostLogin = async (event, api) => {
  const f = () => f();
  try {
    f();
  } catch (e) {
    api.idToken.setCustomClaim('https://x.example/caught', e instanceof RangeError);
  }
};
