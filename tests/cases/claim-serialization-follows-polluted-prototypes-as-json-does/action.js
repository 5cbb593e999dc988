// Catalog case 4: prototypes polluted before a claim is set. The host gets valid JSON,
// the value JSON.stringify gives in Node: a polluted Object.prototype.toJSON is called
// (as JSON.stringify calls it), a replaced array iterator is not used at all.
exports.onExecutePostLogin = async (event, api) => {
  Array.prototype[Symbol.iterator] = function* () { yield 'evil'; };
  api.idToken.setCustomClaim('https://x.example/iterator', { list: [1, 2], text: 'ok' });
  Object.prototype.toJSON = function () { return 'polluted'; };
  api.idToken.setCustomClaim('https://x.example/tojson', { list: [1, 2], text: 'ok' });
  delete Object.prototype.toJSON;
  JSON.stringify = () => '{not json';
  api.idToken.setCustomClaim('https://x.example/restored', { list: [1, 2] });
};
