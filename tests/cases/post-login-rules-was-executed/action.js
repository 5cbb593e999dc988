exports.onExecutePostLogin = async (event, api) => {
  console.log(String(api.rules.wasExecuted('rul_legacy_mfa')));
  try { api.rules.wasExecuted(42); } catch (e) { console.log(e.name); }
};
