// Catalog case 12: work hidden in the conversion of an api argument runs in the guest,
// under the execution's budget.
exports.onExecutePostLogin = async (event, api) => {
  api.idToken.setCustomClaim('https://x.example/a', { toJSON() { for (;;) {} } });
};
