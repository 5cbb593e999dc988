// Catalog case 40, the clock policy: `Date.now()` is the real wall clock, read live,
// also across a pure compute loop (not frozen for the execution).
exports.onExecutePostLogin = async (event, api) => {
  const started = Date.now();
  const perfStarted = performance.now();
  while (performance.now() - perfStarted < 30) {}
  const elapsed = Date.now() - started;
  api.idToken.setCustomClaim('https://x.example/advanced', elapsed >= 29 && elapsed < 5000);
};
