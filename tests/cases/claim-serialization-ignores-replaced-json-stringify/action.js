exports.onExecutePostLogin = async (event, api) => {
  JSON.stringify = () => '{not json';
  Array.prototype.toJSON = undefined;
  api.idToken.setCustomClaim('https://x.example/v', { list: [1, 2], text: 'ok' });
};
