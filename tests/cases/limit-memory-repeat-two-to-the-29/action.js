// Catalog case 14: a 512 MiB string in one call.
exports.onExecutePostLogin = async (event, api) => {
  const s = 'x'.repeat(2 ** 29);
  api.idToken.setCustomClaim('https://x.example/length', s.length);
};
