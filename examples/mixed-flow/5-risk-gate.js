/** Uses the transaction metadata written earlier in the flow. */
exports.onExecutePostLogin = async (event, api) => {
  const meta = event.transaction.metadata || {};
  if (meta.risk_score > 80) {
    api.access.deny('Login blocked: risk too high');
    return;
  }
  api.accessToken.setCustomClaim('https://my-app.example.com/risk', meta.risk_score);
  if (meta.risk_score > 30) {
    api.multifactor.enable('any', { allowRememberBrowser: meta.returning === true });
  }
};
