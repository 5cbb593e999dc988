exports.onExecutePostLogin = async (event, api) => {
  const meta = event.user.app_metadata;
  api.idToken.setCustomClaim('https://x.example/keys', Object.keys(meta));
  api.idToken.setCustomClaim('https://x.example/proto_is_own', Object.prototype.hasOwnProperty.call(meta, '__proto__'));
  api.idToken.setCustomClaim('https://x.example/prototype_intact', Object.getPrototypeOf(meta) === Object.prototype);
  api.idToken.setCustomClaim('https://x.example/numbers', [meta.big, meta.negative, meta.fraction, typeof meta.big]);
  api.idToken.setCustomClaim('https://x.example/text', meta.unicode + '|' + meta.unicode.length);
};
