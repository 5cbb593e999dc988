// Catalog case 15: one 2 GiB buffer.
exports.onExecutePostLogin = async (event, api) => {
  const buffer = new ArrayBuffer(2 ** 31);
  api.idToken.setCustomClaim('https://x.example/length', buffer.byteLength);
};
