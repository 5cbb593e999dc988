exports.onExecutePostLogin = async (event, api) => {
  const cyclic = {}; cyclic.self = cyclic;
  for (const value of [10n, cyclic, { deep: { n: 1n } }]) {
    try { api.idToken.setCustomClaim('https://x.example/v', value); } catch (e) { console.log(e.name); }
  }
};
